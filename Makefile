# Two commands: `make demo` and `make test`. Everything else is a helper.
#
# The newest Python 3.11+ on the machine is used; 3.12+ gets Django 6.1,
# 3.11 gets Django 5.2 LTS (Django 6 needs Python 3.12).

PYTHON ?= $(shell for p in python3.14 python3.13 python3.12 \
	$$(ls -d $$HOME/.pyenv/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -Vr) python3 python; do \
	$$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1 && echo $$p && break; done)
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

export NGHIQUYET_VAR_DIR ?= $(CURDIR)/var

.PHONY: demo test install install-test serve migrate bench messages clean

$(BIN)/python:
	@test -n "$(PYTHON)" || { echo "Cần Python 3.11 trở lên / Python 3.11+ is required"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the project's metadata changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e ".[test,bench]"
	@touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

migrate: install
	@mkdir -p var
	$(BIN)/nghiquyet migrate --no-input

demo: migrate
	$(BIN)/nghiquyet loaddemo
	$(BIN)/nghiquyet serve --host $(HOST) --port $(PORT)

serve: install
	$(BIN)/nghiquyet serve --host $(HOST) --port $(PORT)

# pytest exits with 5 when it collects no test (a filtered run): that is not a failure.
test: install-test
	$(BIN)/python -m pytest $(PYTEST_ARGS) || test $$? -eq 5

bench: install-test
	$(BIN)/python benchmarks/run.py

# Regenerate the English catalogue (the source strings are Vietnamese; needs GNU
# gettext), then translate the new entries in src/nghiquyet/locale/en/LC_MESSAGES/django.po.
messages: install
	cd src/nghiquyet && mkdir -p locale && ../../$(BIN)/django-admin makemessages -l en --ignore 'static/*' \
		&& ../../$(BIN)/django-admin compilemessages -l en

clean:
	rm -rf $(VENV) var .pytest_cache
