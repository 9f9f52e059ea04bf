# The two commands the README shows: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed

.PHONY: run test install migrate messages demo serve clean-venv bench

$(STAMP): pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -c constraints.txt -e ".[test]"
	touch $(STAMP)

# axe-core (the accessibility engine the browser tests inject), pinned, in a project-local folder.
AXE_VERSION := 4.14.1
AXE := .tools/node_modules/axe-core/axe.min.js

$(AXE):
	npm install --prefix .tools --no-save --no-audit --no-fund --loglevel=error axe-core@$(AXE_VERSION)

install: $(STAMP) $(AXE)

# Compiled catalogues (.mo) are build output, made from the committed .po files.
messages: install
	cd locale && ../$(PY) ../manage.py compilemessages --verbosity 0

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate messages
	$(PY) manage.py load_demo

run: demo
	@echo ""
	@echo "  The site: http://127.0.0.1:8000/en/   The admin: http://127.0.0.1:8000/admin/"
	@echo ""
	$(PY) manage.py runserver 127.0.0.1:8000

# Style first (ruff, in the spirit of bakerydemo's rules), then the whole suite on SQLite, and
# again on PostgreSQL when DATABASE_URL is set; each on every core (pytest-xdist).
# Tests that commit and flush the database (mark `transactional`) run on their own, after the
# rest, as Django's runner orders them (tests/conftest.py).
PYTEST := $(PY) -m pytest --create-db
SUITE := $(PYTEST) -n auto --dist loadfile -m "not transactional" && $(PYTEST) -m transactional

test: messages
	$(VENV)/bin/ruff check .
	$(PY) manage.py makemigrations --check --dry-run --settings=cms.settings.test
	env -u DATABASE_URL sh -c '$(SUITE)'
	@if [ -n "$$DATABASE_URL" ]; then \
		echo "== again on PostgreSQL ($$DATABASE_URL)"; \
		sh -c '$(SUITE)'; \
	fi

clean-venv:
	rm -rf $(VENV)

# The performance harness (benchmarks/README.md): slow, so not part of `make test`.
bench: install
	$(PY) benchmarks/run.py
