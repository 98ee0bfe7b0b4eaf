"""Test settings: the real PostgreSQL and Redis of the machine (never SQLite, never mocks)."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/cdd_portal")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/15")

from cdd_portal.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"auth": "1000/min"}}  # noqa: F405
MEDIA_ROOT = VAR_DIR / "test-media"  # noqa: F405
WHITENOISE_AUTOREFRESH = True  # serve from the finders; no collectstatic in tests
