"""Shared start of every benchmark: a fresh PostgreSQL database, production settings, migrated."""

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def prepare(database: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/{database}")
    os.environ.setdefault("SECRET_KEY", "bench")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ["DJANGO_SETTINGS_MODULE"] = "cdd_portal.settings"
    for sql in (f"DROP DATABASE IF EXISTS {database}", f"CREATE DATABASE {database}"):
        subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-c", sql], check=True)

    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def median(fn, repeat: int = 5) -> float:
    """Median wall time of `repeat` calls, in seconds."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def compare(app, bare, repeat: int = 9) -> tuple[float, float]:
    """Medians of `app` and `bare`, run alternately so that the machine's noise falls on both alike."""
    app_runs, bare_runs = [], []
    for _ in range(repeat):
        for fn, runs in ((app, app_runs), (bare, bare_runs)):
            start = time.perf_counter()
            fn()
            runs.append(time.perf_counter() - start)
    return statistics.median(app_runs), statistics.median(bare_runs)
