# The two commands: `make run` (demo site on SQLite) and `make test` (everything).
# Each one sets itself up on a fresh machine: .venv/, dependencies, catalogues,
# database, demo content.

PYTHON ?= python3
PORT ?= 8000
# `make serve` listens on this machine only; the TLS proxy in front forwards to it.
HOST ?= 127.0.0.1
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
CHROMIUM ?= /usr/bin/chromium
LANGS := it en fr ar ro uk

.PHONY: run test serve worker bench lint check messages catalogues chromium wrk db clean lighthouse

# The Site record and the admin's emails say where this server answers.
run: $(VENV)/.runtime catalogues db
	$(MANAGE) setup_site --hostname 127.0.0.1 --port $(PORT)
	$(MANAGE) ensure_admin --port $(PORT)
	WAGTAILADMIN_BASE_URL=http://127.0.0.1:$(PORT) $(MANAGE) runserver 127.0.0.1:$(PORT)

test: $(VENV)/.test catalogues chromium
	$(BIN)/pytest --benchmark-disable $(PYTEST_ARGS)

serve: $(VENV)/.runtime catalogues
	DJANGO_SETTINGS_MODULE=closher.settings.production $(MANAGE) collectstatic --noinput -v0
	DJANGO_SETTINGS_MODULE=closher.settings.production $(MANAGE) createcachetable
	DJANGO_SETTINGS_MODULE=closher.settings.production $(MANAGE) migrate --noinput
	DJANGO_SETTINGS_MODULE=closher.settings.production $(BIN)/gunicorn closher.wsgi \
		--config site/gunicorn.conf.py --bind $(HOST):$(PORT)

worker: $(VENV)/.runtime catalogues
	DJANGO_SETTINGS_MODULE=closher.settings.production $(MANAGE) db_worker

# Benchmarks and load tests (pytest-benchmark, wrk); each prints its figures.
bench: $(VENV)/.test catalogues chromium wrk
	$(BIN)/pytest --benchmark-only -s $(PYTEST_ARGS)
	$(BIN)/pytest -m load -s $(PYTEST_ARGS)

# Lighthouse (npm) on the demo's key pages in it and ar: SEO and accessibility scores.
lighthouse: $(VENV)/.runtime catalogues chromium node_modules/.bin/lighthouse
	CHROMIUM=$(CHROMIUM) $(PY) .ci/lighthouse.py

node_modules/.bin/lighthouse: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

lint: $(VENV)/.test
	$(BIN)/ruff check .

check: $(VENV)/.test catalogues
	@mkdir -p var
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

$(VENV)/.runtime: pyproject.toml requirements/constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11 or newer is needed: run with PYTHON=/path/to/python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements/constraints.txt -e .
	touch $@

$(VENV)/.test: $(VENV)/.runtime
	$(BIN)/pip install --quiet -c requirements/constraints.txt -e '.[test]'
	touch $@

# Compiles locales/*/LC_MESSAGES/django.po with Babel: no system gettext needed.
catalogues: $(VENV)/.runtime
	$(BIN)/pybabel compile --domain django --directory locales --statistics

# Extracts our UI strings into locales/ (needs GNU gettext, for developers only).
messages: $(VENV)/.runtime
	$(MANAGE) makemessages --no-obsolete --ignore '.venv/*' --ignore 'tests/*' --ignore '*.egg-info/*' --ignore 'var/*' $(addprefix -l ,$(LANGS))

db: $(VENV)/.runtime
	@mkdir -p var
	$(MANAGE) createcachetable
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo

chromium:
	@if [ ! -x "$(CHROMIUM)" ]; then \
		if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
			echo "Installing Debian's chromium for the browser tests…"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
		else \
			echo "Browser tests need Chromium at $(CHROMIUM)."; \
			echo "Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM=/path/to/chromium."; \
			exit 1; \
		fi; \
	fi

wrk:
	@if ! command -v wrk >/dev/null 2>&1; then \
		if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
			echo "Installing Debian's wrk for the load benchmarks…"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; \
		else \
			echo "The load benchmarks need wrk (Debian/Ubuntu: sudo apt-get install wrk)."; \
			exit 1; \
		fi; \
	fi

clean:
	rm -rf $(VENV) var staticfiles
