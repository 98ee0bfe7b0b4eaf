"""Celery application. With REDIS_URL unset, settings make every task run in-process (eager)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cdd_portal.settings")

app = Celery("cdd_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.task(name="cdd_portal.ping")
def ping() -> str:
    """A no-op task used by /healthz and the tests to prove a worker answers."""
    return "pong"
