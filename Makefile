# contention — everything a fresh machine needs is `make demo` and `make test`.
#
#   make demo   create .venv, install contention, ingest the bundled samples into
#               ./contention.db (or DB=...) and print their events
#   make test   install .[dev], start PostgreSQL if it is installed but stopped,
#               then ruff (lint + format check), mypy --strict and pytest
#
# Every step fails the build on error; pytest collecting no test at all (its exit
# code 5) is turned into a failure so an empty or broken test tree cannot pass.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= contention.db
PG_HOST ?= 127.0.0.1
PG_PORT ?= 5432

.PHONY: help install dev demo test lint format typecheck pytest pg clean

help:
	@echo "make demo   install and run the demo (samples -> $(DB) -> events table)"
	@echo "make test   lint, type-check and run every test (starts PostgreSQL if needed)"
	@echo "make format apply ruff format and safe ruff fixes"
	@echo "make pg     start the local PostgreSQL cluster if it is not running"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# Stamps: reinstall only when pyproject.toml changes (new dependency, new entry point).
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed

dev: $(VENV)/.installed-dev

demo: install
	$(BIN)/contention demo --db '$(DB)'

# Start the Debian PostgreSQL cluster when the port is closed.  Not fatal here:
# without a server the PostgreSQL storage tests skip with the reason, and fail
# under CI=true (tests/conftest.py), which is where it must be running.
pg:
	@if (exec 3<>/dev/tcp/$(PG_HOST)/$(PG_PORT)) 2>/dev/null; then \
	  echo "PostgreSQL is running on $(PG_HOST):$(PG_PORT)"; \
	elif command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ] \
	     && [ -n "$$(ls /etc/postgresql)" ]; then \
	  version="$$(ls /etc/postgresql | sort -V | tail -n1)"; \
	  echo "starting PostgreSQL $$version/main"; \
	  pg_ctlcluster --skip-systemctl-redirect "$$version" main start || true; \
	  for _ in $$(seq 1 30); do \
	    (exec 3<>/dev/tcp/$(PG_HOST)/$(PG_PORT)) 2>/dev/null && break; sleep 0.5; \
	  done; \
	else \
	  echo "PostgreSQL is not installed: its storage tests will be skipped (fail if CI=true)"; \
	fi

lint: dev
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

format: dev
	$(BIN)/ruff format src tests
	$(BIN)/ruff check --fix src tests

typecheck: dev
	$(BIN)/mypy

pytest: dev pg
	@rc=0; $(BIN)/python -m pytest $(PYTEST_ARGS) || rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "error: pytest collected no tests" >&2; exit 1; fi; \
	exit $$rc

test: lint typecheck pytest

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
