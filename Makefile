# Helpdesk After-Sales for Odoo 18: the project's commands.
# Setup (Odoo source, PostgreSQL cluster, virtualenv) is done by tools/devenv.py.
PYTHON ?= python3
DEVENV := $(PYTHON) tools/devenv.py

.PHONY: test run odoo-test clean-db bench dist lint

## Run every test: Odoo module tests and suite-level tests.
test:
	$(DEVENV) test

## Only the Odoo tests of some modules: make odoo-test MODULES=helpdesk_aftersales_refund
odoo-test:
	$(DEVENV) test --modules $(MODULES)

## Demo database with the whole suite, served on http://localhost:8069
run:
	$(DEVENV) run

clean-db:
	$(DEVENV) dropdb helpdesk_aftersales_demo

## Benchmark: query counts, timings and load over HTTP, written to docs/BENCHMARKS.md
bench:
	$(PYTHON) bench/run.py

## Wheels odoo-addon-<name> of every addon into dist/
dist:
	$(PYTHON) tools/dist.py

## ruff (lint + format) and pylint-odoo OCA mandatory checks; also run by make test
lint:
	$(PYTHON) tools/lint.py
