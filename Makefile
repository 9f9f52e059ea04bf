# The two commands the README shows: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed

.PHONY: run test test-sqlite style install migrate messages demo serve clean-venv bench screenshots

$(STAMP): pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -c constraints.txt -e ".[test]"
	touch $(STAMP)

# axe-core (the accessibility engine the browser tests inject) and the Nu Html Checker (vnu-jar,
# run with the machine's Java), pinned, in a project-local folder. One npm command installs both:
# a later `npm install --no-save` of one would remove the other.
AXE_VERSION := 4.14.1
VNU_VERSION := 26.9.27
AXE := .tools/node_modules/axe-core/axe.min.js
VNU := .tools/node_modules/vnu-jar/build/dist/vnu.jar

$(AXE) $(VNU) &:
	npm install --prefix .tools --no-save --no-audit --no-fund --loglevel=error \
		axe-core@$(AXE_VERSION) vnu-jar@$(VNU_VERSION)

install: $(STAMP) $(AXE) $(VNU)

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

# Style first (ruff, in the spirit of bakerydemo's rules), then the whole suite on every core
# (pytest-xdist): on PostgreSQL, production's engine, when DATABASE_URL is set (as CI sets it),
# else on SQLite, the development default; `make test-sqlite` runs it on SQLite whatever is set.
# The suite's groups (tests/conftest.py) keep the browser journeys on one worker with one site
# and each shared demo's readers together, longest first. Tests that commit and flush the
# database (mark `transactional`) run on their own, after the rest, as Django's runner orders them,
# on the workers' test databases the first run has just made (pytest's --reuse-db, in pyproject).
PYTEST := $(PY) -m pytest -n auto --dist loadgroup --no-loadscope-reorder
SUITE := $(PYTEST) --create-db -m "not transactional" && $(PYTEST) -m transactional

style: messages
	$(VENV)/bin/ruff check .
	$(PY) manage.py makemigrations --check --dry-run --settings=cms.settings.test

test: style
	@if [ -n "$$DATABASE_URL" ]; then echo "== the suite on DATABASE_URL's database"; \
		else echo "== the suite on SQLite"; fi
	sh -c '$(SUITE)'

test-sqlite: style
	env -u DATABASE_URL sh -c '$(SUITE)'

clean-venv:
	rm -rf $(VENV)

# The performance harness (benchmarks/README.md): slow, so not part of `make test`.
bench: install
	$(PY) benchmarks/run.py

# Screenshots of every public page type in every language, at 1280 and 390 px, with and without
# the cookie notice, into screenshots/ (git-ignored) for a person to look at. Serves the
# development database (the demo) on a free port meanwhile; BASE_URL=... uses a running site.
screenshots: demo
	$(PY) -m tests.e2e.screenshots --out screenshots $(if $(BASE_URL),--base-url $(BASE_URL),)
