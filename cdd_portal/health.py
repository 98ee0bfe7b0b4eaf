"""Health of the services the portal needs: database, Redis and a Celery worker."""

from __future__ import annotations

import time

from django.conf import settings
from django.db import connection

WORKER_TIMEOUT = 1.0


def _timed(fn) -> dict:
    started = time.perf_counter()
    try:
        detail = fn()
        state = {"status": "ok"}
        if detail:
            state.update(detail)
    except Exception as exc:  # report any failure as data, never as a 500
        state = {"status": "error", "error": f"{type(exc).__name__}: {exc}"}
    state["ms"] = round((time.perf_counter() - started) * 1000, 1)
    return state


def check_database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"vendor": connection.vendor}


def check_redis() -> dict:
    import redis

    client = redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=1, socket_timeout=1)
    client.ping()
    return {}


def check_worker() -> dict:
    from cdd_portal.celery import app

    replies = app.control.inspect(timeout=WORKER_TIMEOUT).ping() or {}
    if not replies:
        raise RuntimeError("no Celery worker answered")
    return {"workers": sorted(replies)}


def check_all() -> dict:
    checks = {"database": _timed(check_database)}
    if settings.REDIS_URL:
        checks["redis"] = _timed(check_redis)
        checks["worker"] = (
            _timed(check_worker) if checks["redis"]["status"] == "ok"
            else {"status": "error", "error": "redis is down"}
        )
    else:
        checks["redis"] = {"status": "not_configured"}
        checks["worker"] = {"status": "in_process", "detail": "REDIS_URL unset: tasks run in the web process"}
    failed = any(c["status"] == "error" for c in checks.values())
    return {"status": "error" if failed else "ok", "checks": checks}
