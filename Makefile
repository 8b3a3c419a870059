# InnoCities: `make run` serves the demo, `make test` runs the whole suite. Nothing else is needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= config.settings.local

.PHONY: run test install install-test chromium services cluster cluster-down lint messages compile-messages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/pip install --quiet -c constraints.txt -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --silent --no-audit --no-fund
	touch $@

install: $(VENV)/.installed node_modules/.installed
install-test: $(VENV)/.installed-test node_modules/.installed

run: install
	mkdir -p var
	$(BIN)/innocities setup
	SITE_URL=$${SITE_URL:-http://$(HOST):$(PORT)} $(BIN)/innocities serve --host $(HOST) --port $(PORT)

# Debian's Chromium drives the browser tests; install it when it is missing (CI runs as root).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium is missing: browser tests will be skipped (sudo apt-get install chromium)"; fi; }

# Debian's nginx (the cluster test), xmlsec1 (the SAML test) and PostgreSQL's server binaries (the fault
# test): installed when missing and root (CI runs as root).
services:
	@missing=""; command -v nginx >/dev/null 2>&1 || missing="$$missing nginx"; \
	  command -v xmlsec1 >/dev/null 2>&1 || missing="$$missing xmlsec1"; \
	  if [ -n "$$missing" ]; then \
	    if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	    else echo "missing:$$missing (sudo apt-get install$$missing): their tests will be skipped"; fi; fi

# nginx (TLS) in front of two app servers, a worker and a scheduler, on PostgreSQL and Redis: docs/deployment.md
cluster: install services
	$(BIN)/python deploy/cluster.py up --demo

cluster-down:
	$(BIN)/python deploy/cluster.py down

test: install-test chromium services
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python -m pytest -n 2 $(PYTEST_ARGS)
	@# SQLite's shared in-memory test database fails a concurrent writer at once: the threaded tests run
	@# again on a file database, where writers wait their turn as they do in production.
	@if [ -z "$$DATABASE_URL" ] && [ -z "$(PYTEST_ARGS)" ]; then \
	  TEST_SQLITE_FILE=true DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python -m pytest tests/test_concurrency.py; fi

lint: install-test
	$(BIN)/ruff check .

# Needs GNU gettext. Extracts strings, fills English from the source, compiles; translate sv and nb, then
# run `make compile-messages`. The compiled .mo files are committed, so users need no gettext.
EN_PO := innocities/locale/en/LC_MESSAGES/django.po
messages: install
	cd innocities && ../$(BIN)/django-admin makemessages -l sv -l nb -l en --no-obsolete --no-location -i "demo/*"
	msgfilter --no-wrap --keep-header -i $(EN_PO) -o $(EN_PO) sed -e d
	msgen --no-wrap -o $(EN_PO) $(EN_PO)
	msgattrib --no-wrap --clear-fuzzy --clear-previous -o $(EN_PO) $(EN_PO)
	$(MAKE) compile-messages

compile-messages:
	cd innocities && ../$(BIN)/django-admin compilemessages

clean:
	rm -rf $(VENV) node_modules var
