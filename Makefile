# press-monitor: `make demo` sets everything up and serves the CMS; `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PG_URL ?= postgres://postgres@127.0.0.1:5432/postgres

.PHONY: install demo demo-data serve worker beat test test-postgres test-browser bench check deploy-check clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

demo-data: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py demo_load

demo: demo-data serve

serve: install
	$(BIN)/python manage.py runserver 127.0.0.1:8000

# Background workers (need CELERY_BROKER_URL, e.g. redis://127.0.0.1:6379/0, and the same DATABASE_URL, MEDIA_ROOT
# and IMPORT_ROOT as the web processes); run as many as the volume needs, on as many machines.
worker: install
	$(BIN)/celery -A config worker -l info

# The scheduler for feed polls: exactly one per deployment.
beat: install
	$(BIN)/celery -A config beat -l info

# The suite runs on one process per core (pytest-xdist; each process has its own test database).
test: install
	$(BIN)/pytest -n auto

test-postgres: install
	DATABASE_URL=$(PG_URL) $(BIN)/pytest -n auto

test-browser: install
	$(BIN)/pytest -m browser

bench: install
	$(BIN)/python bench/run_all.py

check: install
	$(BIN)/python manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=config.settings.prod SECRET_KEY=ci-check-deploy-$$(date +%s)-a-long-random-enough-secret-key-value \
		ALLOWED_HOSTS=press-monitor.example.org $(BIN)/python manage.py check --deploy --fail-level WARNING

# The README's deployment in a temporary folder (fresh venv, pip install ., PostgreSQL, collectstatic, gunicorn),
# probed over HTTP; DEPLOY_CHECK_DB names the throwaway database (default deploy_ci).
deploy-check:
	$(PYTHON) .ci/deploy_check.py

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles
