# Helpdesk After-Sales for Odoo 18: the project's commands.
# Setup (Odoo source, PostgreSQL cluster, virtualenv) is done by tools/devenv/ (python3 -m tools.devenv).
PYTHON ?= python3
DEVENV := $(PYTHON) -m tools.devenv
# The helpdesk the suite runs on (tools/devenv/addons.py PLATFORMS): standin or oca (helpdesk_mgmt).
PLATFORM ?= standin
DEMO_DB := helpdesk_aftersales_demo$(if $(filter-out standin,$(PLATFORM)),_$(PLATFORM))

.PHONY: test run odoo-test clean-db bench dist lint screenshots

## Run every test: Odoo module tests (on every platform) and suite-level tests.
test:
	$(DEVENV) test

## Only the Odoo tests of some modules: make odoo-test MODULES=helpdesk_aftersales_refund [PLATFORM=oca]
odoo-test:
	$(DEVENV) test --modules $(MODULES) --platform $(PLATFORM)

## Demo database with the whole suite, served on http://localhost:8069 [PLATFORM=oca: on helpdesk_mgmt]
run:
	$(DEVENV) run --platform $(PLATFORM)

clean-db:
	$(DEVENV) dropdb $(DEMO_DB)

## Benchmark: query counts, timings and load over HTTP, written to docs/BENCHMARKS.md
bench:
	$(PYTHON) -m bench.run

## Wheels odoo-addon-<name> of every addon and stand-in into dist/
dist:
	$(PYTHON) -m tools.dist

## ruff (lint + format), pylint-odoo, the OCA checks, prettier and eslint; also run by make test
lint:
	$(PYTHON) -m tools.lint

## The README's screenshots (docs/screenshots/), taken by browser tours on the demo data
screenshots:
	$(DEVENV) screenshots
