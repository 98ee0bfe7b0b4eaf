"""Settings come from the environment and refuse bad values (run in a subprocess per environment)."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from cdd_portal.env import env_bool, env_int

ROOT = Path(__file__).resolve().parents[1]
PROBE = (
    "import json, django; from django.conf import settings; django.setup(); "
    "print(json.dumps({'engine': settings.DATABASES['default']['ENGINE'], "
    "'name': str(settings.DATABASES['default']['NAME']), 'eager': settings.CELERY_TASK_ALWAYS_EAGER, "
    "'broker': settings.CELERY_BROKER_URL, 'backend': settings.CELERY_RESULT_BACKEND, "
    "'lang': settings.LANGUAGE_CODE, 'tz': settings.TIME_ZONE, "
    "'debug': settings.DEBUG, 'hosts': settings.ALLOWED_HOSTS}))"
)


# Every variable cdd_portal/settings.py reads: the subprocess starts from none of them.
SETTINGS_VARIABLES = set(re.findall(r'env_(?:str|bool|int|list)\("([A-Z_]+)"',
                                    (ROOT / "cdd_portal" / "settings.py").read_text()))


def run_settings(**env) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in SETTINGS_VARIABLES}
    clean.update(env, DJANGO_SETTINGS_MODULE="cdd_portal.settings")
    return subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=clean, capture_output=True, text=True,
                          timeout=60)


def test_embedded_defaults_are_sqlite_under_var_and_in_process_tasks(tmp_path):
    result = run_settings(DEBUG="True", VAR_DIR=str(tmp_path))
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["name"] == str(tmp_path / "cdd_portal.sqlite3")
    assert values["eager"] is True and values["broker"] == "memory://"
    assert values["lang"] == "th" and values["tz"] == "Asia/Bangkok"


def test_the_default_sqlite_file_is_under_the_project_var_directory():
    result = run_settings(DEBUG="True")
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["name"] == str(ROOT / "var" / "cdd_portal.sqlite3")
    assert values["eager"] is True
    assert values["debug"] is True and values["hosts"] == ["127.0.0.1", "localhost"]


def test_every_variable_the_settings_read_is_documented_in_env_example():
    assert {"SECRET_KEY", "DEBUG", "DATABASE_URL", "REDIS_URL"} <= SETTINGS_VARIABLES
    example = (ROOT / ".env.example").read_text()
    undocumented = {n for n in SETTINGS_VARIABLES if not re.search(rf"^# ?{n}=|^{n}=", example, re.M)}
    assert undocumented == set(), "add these to .env.example"


def test_database_and_redis_urls_are_used():
    result = run_settings(SECRET_KEY="s", DATABASE_URL="postgres://u:p@db.example:5432/cdd",
                          REDIS_URL="redis://cache:6379/2", ALLOWED_HOSTS="cdd.example, portal.example")
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["engine"] == "django.db.backends.postgresql" and values["name"] == "cdd"
    assert values["eager"] is False and values["broker"] == "redis://cache:6379/2"
    assert values["backend"] == "redis://cache:6379/2"
    assert values["debug"] is False and values["hosts"] == ["cdd.example", "portal.example"]


def test_no_secret_key_without_debug_fails_loudly():
    result = run_settings()
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_a_malformed_boolean_fails_loudly():
    result = run_settings(DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG='maybe' is not a boolean" in result.stderr


def test_env_helpers(monkeypatch):
    monkeypatch.setenv("X_FLAG", "yes")
    assert env_bool("X_FLAG") is True
    monkeypatch.setenv("X_FLAG", "perhaps")
    with pytest.raises(ImproperlyConfigured):
        env_bool("X_FLAG")
    monkeypatch.setenv("X_NUM", "12a")
    with pytest.raises(ImproperlyConfigured):
        env_int("X_NUM", 1)
