# The two quick-start commands: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: run test lint bench browser-deps venv dev-venv clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(VENV)/.installed $@

venv: $(VENV)/.installed
dev-venv: $(VENV)/.installed-dev

## make run: set up, migrate the embedded SQLite database, load the demo county, serve.
run: venv
	$(BIN)/dangjian migrate --noinput
	$(BIN)/dangjian demo --if-empty
	@echo "打开 http://127.0.0.1:$(PORT)/ 用上面的演示账号登录"
	DANGJIAN_INPROCESS_SCHEDULER=1 $(BIN)/dangjian runserver 127.0.0.1:$(PORT)

## The whole-suite runs spread the tests over one pytest-xdist worker per core (each worker has
## its own test database and demo county); PYTEST_WORKERS=0 runs them in one process.
PYTEST_WORKERS ?= auto

## make test: set up and run the whole suite (SQLite, or PostgreSQL when DATABASE_URL is set).
test: dev-venv browser-deps
	DJANGO_SETTINGS_MODULE=dangjian.settings.test $(BIN)/dangjian check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=dangjian.settings.test $(BIN)/dangjian makemigrations --check --dry-run
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy src bench
	$(BIN)/pytest -n $(PYTEST_WORKERS) $(TESTS)

## Debian's chromium and CJK fonts for the browser tests, installed only when missing.
browser-deps:
	@if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -q "Noto Sans CJK"; then \
		echo "installing chromium and fonts-noto-cjk (apt-get)"; \
		$(if $(shell command -v sudo),sudo,) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(if $(shell command -v sudo),sudo,) apt-get install -y -qq chromium fonts-noto-cjk; \
	fi

## make test-dates: the whole suite on SQLite with the clock fixed at three dates in different
## seasons and years (the calendar package's data ends with 2026: later deadlines are provisional).
TEST_DATES ?= 2026-12-03 2027-02-10 2027-07-01
## DATE_TESTS narrows the runs, e.g. DATE_TESTS='-m "not browser"' (CI, for time: the browser
## tests drive the same services through pages; the full suite runs at the default date).
DATE_TESTS ?=
.PHONY: test-dates
test-dates: dev-venv browser-deps
	@for day in $(TEST_DATES); do \
		echo "== pytest with today = $$day"; \
		DANGJIAN_TEST_TODAY=$$day $(BIN)/pytest -q -n $(PYTEST_WORKERS) $(DATE_TESTS) || exit 1; \
	done

lint: dev-venv
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy src bench

## make bench: generate a scale (SCALE=10 by default) and compare the API with raw SQL.
SCALE ?= 10
bench: dev-venv
	@mkdir -p var
	DANGJIAN_BENCH_URL_FILE=var/bench-url $(BIN)/python bench/bench_scope.py --scale $(SCALE)
	$(BIN)/python bench/bench_escalation.py --database-url "$$(cat var/bench-url)"
	$(BIN)/python bench/bench_orglife.py
	$(BIN)/python bench/bench_cockpit.py --database-url "$$(cat var/bench-url)"

## The drills of docs/security.md, on a PostgreSQL cluster and a Redis of their own (free ports).
.PHONY: drill-load drill-faults
drill-load: dev-venv
	$(BIN)/python bench/drill/load_drill.py --minutes 10 --users 50

drill-faults: dev-venv
	$(BIN)/python bench/drill/fault_drill.py

clean:
	rm -rf $(VENV) var

## make check-deploy: Django's deployment check on the production settings with throwaway
## secrets (never used anywhere else) and a PostgreSQL URL the check does not connect to.
.PHONY: check-deploy
check-deploy: venv
	DJANGO_SETTINGS_MODULE=dangjian.settings.production \
	DANGJIAN_SECRET_KEY="$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
	DANGJIAN_FIELD_KEY="$$($(BIN)/python -c 'import secrets; print(secrets.token_hex(16))')" \
	DANGJIAN_AUDIT_ARCHIVE_KEY="$$($(BIN)/python -c 'import secrets; print(secrets.token_hex(32))')" \
	DATABASE_URL=postgres://dangjian@127.0.0.1:5432/dangjian \
	DANGJIAN_ALLOWED_HOSTS=dangjian.example.gov.cn \
	$(BIN)/dangjian check --deploy --fail-level WARNING
