# CDD Portal. The two commands: `make run` (the app with demo data) and `make test` (lint + all tests).
# Both work from a clean clone: the prerequisites below are files, rebuilt only when their inputs change.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: run test lint worker setup clean

# Python packages (the project itself editable, with the dev extras), re-installed when pyproject changes.
$(VENV)/.installed: pyproject.toml
	@echo "== Python packages into $(VENV)/ (pip install -e .[dev])"
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install -q --upgrade pip
	@$(PY) -m pip install -q -e ".[dev]"
	@touch $@

# Front-end packages (htmx) from the npm registry, served as static files by the app.
node_modules/.installed: package.json package-lock.json
	@echo "== front-end packages into node_modules/ (npm ci)"
	@npm ci --no-audit --no-fund --loglevel=error
	@touch $@

setup: $(VENV)/.installed node_modules/.installed

# The embedded defaults: without DATABASE_URL an SQLite file under var/, without REDIS_URL Celery tasks
# run in the web process. DEBUG=True unless set, so static files come from the finders (no collectstatic).
run: setup
	@mkdir -p var
	@export DEBUG=$${DEBUG:-True}; \
	if [ -n "$${DATABASE_URL:-}" ]; then echo "== database: DATABASE_URL"; \
	else echo "== database: SQLite var/cdd_portal.sqlite3"; fi; \
	echo "== migrate" && $(PY) manage.py migrate --noinput -v 0 && \
	echo "== load_geography" && $(PY) manage.py load_geography && \
	if $(PY) manage.py shell -c "import sys; from cdd_portal.accounts.models import User; sys.exit(0 if User.objects.filter(username='admin').exists() else 3)" >/dev/null 2>&1; then \
		echo "== demo users already there (first start done)"; \
	else echo "== first start: offices and demo users (seed_demo)"; $(PY) manage.py seed_demo; fi && \
	echo "" && \
	echo "  CDD Portal  ระบบงานกรมการพัฒนาชุมชน" && \
	echo "  เปิดเบราว์เซอร์ที่ / open:  http://127.0.0.1:$(PORT)/" && \
	echo "" && \
	echo "  ผู้ใช้ตัวอย่าง รหัสผ่าน cdd-demo / demo logins, password cdd-demo:" && \
	echo "    admin        ผู้ดูแลระบบ / administrator (also /admin/)" && \
	echo "    cdd-viewer   ผู้ดูข้อมูลระดับกรม / department viewer" && \
	echo "    p34          สพจ.อุบลราชธานี / province staff of Ubon Ratchathani  (also p31, p42)" && \
	echo "    d3401        สพอ.เมืองอุบลราชธานี / district officer of Mueang Ubon Ratchathani" && \
	echo "    ชื่อผู้ใช้ / naming: p<รหัสจังหวัด province code>, d<รหัสอำเภอ district code> for every district" && \
	echo "    of provinces 34, 31, 42; suffix -head = หัวหน้า / head (p34-head, d3401-head)" && \
	echo "  Ctrl+C เพื่อหยุด / to stop" && \
	echo "" && \
	exec $(PY) manage.py runserver 127.0.0.1:$(PORT)

lint: $(VENV)/.installed
	@echo "== ruff check ."
	@$(VENV)/bin/ruff check .

# Tests run on the machine's real PostgreSQL and Redis (tests/settings.py) and Debian's Chromium.
test: setup
	@echo "== services: PostgreSQL 127.0.0.1:5432, Redis 127.0.0.1:6379"
	@bash scripts/ensure-services.sh
	@echo "== Debian packages for the tests: chromium, poppler-utils"
	@bash scripts/ensure-system-packages.sh
	@$(MAKE) --no-print-directory lint
	@echo "== pytest $(PYTEST_ARGS)"
	@$(VENV)/bin/pytest $(PYTEST_ARGS)

# A Celery worker for a `make run` that was started with the same REDIS_URL (without it, tasks run in
# the web process and a worker has nothing to do).
worker: setup
	@if [ -z "$${REDIS_URL:-}" ]; then \
		echo "make worker: set REDIS_URL for both, e.g. REDIS_URL=redis://127.0.0.1:6379/0 make run / make worker" >&2; \
		exit 2; fi
	@echo "== Celery worker on REDIS_URL (celery -A cdd_portal worker -l info)"
	@export DEBUG=$${DEBUG:-True}; exec $(VENV)/bin/celery -A cdd_portal worker -l info

clean:
	@echo "== removing the SQLite database, collected static files and test artifacts"
	rm -rf var/cdd_portal.sqlite3 staticfiles .pytest_cache test-artifacts
