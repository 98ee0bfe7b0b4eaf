"""/healthz reports the database, Redis and a Celery worker, on the real services."""

import pytest
from celery.contrib.testing.worker import start_worker

from cdd_portal import health
from cdd_portal.celery import app as celery_app
from cdd_portal.celery import ping

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="class")
def celery_worker_thread(django_db_blocker):
    # Class scope: Celery's Django fix-up closes database connections when the worker starts, so it
    # must start before the test's transaction opens.
    with django_db_blocker.unblock(), start_worker(celery_app, perform_ping_check=False, loglevel="WARNING",
                                                   shutdown_timeout=10):
        yield


@pytest.mark.usefixtures("celery_worker_thread")
class TestWithAWorker:
    def test_healthy(self, client):
        response = client.get("/healthz")
        assert response.status_code == 200, response.json()
        body = response.json()
        assert body["status"] == "ok"
        assert body["checks"]["database"]["status"] == "ok"
        assert body["checks"]["database"]["vendor"] == "postgresql"
        assert body["checks"]["redis"]["status"] == "ok"
        assert body["checks"]["worker"]["status"] == "ok" and body["checks"]["worker"]["workers"]
        assert response["Cache-Control"].startswith("max-age=0")

    def test_a_task_round_trips_through_redis_to_the_worker(self):
        assert ping.delay().get(timeout=10) == "pong"


def test_without_a_worker_the_check_fails_with_503(client, monkeypatch):
    monkeypatch.setattr(health, "WORKER_TIMEOUT", 0.5)
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["checks"]["worker"]["status"] == "error"
    assert "no Celery worker" in body["checks"]["worker"]["error"]
    assert body["checks"]["database"]["status"] == "ok"


def test_an_unreachable_redis_is_reported(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    body = client.get("/healthz").json()
    assert body["checks"]["redis"]["status"] == "error"
    assert body["checks"]["worker"] == {"status": "error", "error": "redis is down"}


def test_healthz_needs_no_login_and_only_answers_get(client):
    assert client.post("/healthz").status_code == 405
