# CDD Portal. The two commands: `make run` (the app with demo data) and `make test` (lint + all tests).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: run test lint worker setup clean

$(VENV)/.installed: pyproject.toml
	@echo "== Python packages into $(VENV)/"
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install -q --upgrade pip
	@$(PY) -m pip install -q -e ".[dev]"
	@touch $@

node_modules/.installed: package.json package-lock.json
	@echo "== front-end packages into node_modules/ (npm ci)"
	@npm ci --no-audit --no-fund --loglevel=error
	@touch $@

setup: $(VENV)/.installed node_modules/.installed

# The embedded defaults: SQLite under var/, Celery tasks in-process (no DATABASE_URL, no REDIS_URL).
run: setup
	@mkdir -p var
	@export DEBUG=$${DEBUG:-True}; \
	$(PY) manage.py migrate --noinput -v 0 && \
	$(PY) manage.py load_geography && \
	if ! $(PY) manage.py shell -c "import sys; from cdd_portal.accounts.models import User; sys.exit(0 if User.objects.filter(username='admin').exists() else 1)" >/dev/null 2>&1; then \
		echo "== first start: offices and demo users"; $(PY) manage.py seed_demo; fi && \
	echo "" && \
	echo "  CDD Portal: http://127.0.0.1:$(PORT)/" && \
	echo "  ผู้ใช้ตัวอย่าง (รหัสผ่าน cdd-demo):" && \
	echo "    admin        ผู้ดูแลระบบ" && \
	echo "    cdd-viewer   ผู้ดูข้อมูลระดับกรม" && \
	echo "    p34          เจ้าหน้าที่ สพจ.อุบลราชธานี   (p31 บุรีรัมย์, p42 เลย; -head = พัฒนาการจังหวัด)" && \
	echo "    d3401        พัฒนากร อ.เมืองอุบลราชธานี  (d<รหัสอำเภอ> ทุกอำเภอของ 34, 31, 42; -head = พัฒนาการอำเภอ)" && \
	echo "" && \
	exec $(PY) manage.py runserver 127.0.0.1:$(PORT)

lint: $(VENV)/.installed
	@echo "== ruff"
	@$(VENV)/bin/ruff check .

test: setup
	@bash scripts/ensure-services.sh
	@bash scripts/ensure-system-packages.sh
	@$(MAKE) --no-print-directory lint
	@echo "== pytest (PostgreSQL 127.0.0.1:5432, Redis 127.0.0.1:6379, Chromium)"
	@$(VENV)/bin/pytest

worker: setup
	$(VENV)/bin/celery -A cdd_portal worker -l info

clean:
	rm -rf var/cdd_portal.sqlite3 staticfiles .pytest_cache test-artifacts
