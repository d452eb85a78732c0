"""Suite-level tests: run by `make test` alongside and after the Odoo tests,
with the same platform.

`python3 -m tools.devenv test` passes the platform in the environment
(HA_PYTHON, HA_ODOO_SRC, HA_TEST_DB, PG*). Without it these tests fail with a
message: they are never skipped.

A test that asks for the ``suite_db`` fixture gets a database with the whole
suite installed (a copy of the cached one, built from the suite's current
files; marked ``suite_db``: `make test` runs these in one pytest process, the
others in a second one, both alongside the Odoo tests).
"""

import ast
import os

import pytest

from tools.devenv.addons import DEFAULT_PLATFORM, addon_dirs, platform_addon_dirs
from tools.devenv.common import ROOT

STANDINS = os.path.join(ROOT, "standins")


def product_modules():
    return [os.path.basename(path) for path in addon_dirs()]


def standin_modules():
    return [os.path.basename(path) for path in addon_dirs(product=False, standins=True)]


def platform_modules():
    """The default platform's own addons (``platforms/standin/*``): installed
    and packaged with the suite on it (tools/devenv/addons.py PLATFORMS)."""
    return [os.path.basename(path) for path in platform_addon_dirs(DEFAULT_PLATFORM)]


def module_path(name):
    """The folder of an addon of the suite on the default platform."""
    for folder in (ROOT, *[os.path.dirname(p) for p in platform_addon_dirs(DEFAULT_PLATFORM)]):
        if os.path.isdir(os.path.join(folder, name)):
            return os.path.join(folder, name)
    return os.path.join(STANDINS, name)


def manifest(name):
    with open(os.path.join(module_path(name), "__manifest__.py"), encoding="utf-8") as fh:
        return ast.literal_eval(fh.read())


def pytest_configure(config):
    config.addinivalue_line("markers", "suite_db: uses the database with the whole suite installed")


def pytest_collection_modifyitems(items):
    for item in items:
        if "suite_db" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.suite_db)


@pytest.fixture(scope="session")
def platform_env():
    missing = [var for var in ("HA_PYTHON", "HA_ODOO_SRC") if not os.environ.get(var)]
    if missing:
        pytest.fail(
            f"{', '.join(missing)} not set: run the suite tests through `make test` or "
            "`python3 -m tools.devenv pytest` (they set up Odoo and PostgreSQL for them)."
        )
    return dict(os.environ)


@pytest.fixture(scope="session")
def suite_db(platform_env):
    """Name of a database with the whole suite installed (a copy of the cached
    one, made by `make test` or `python3 -m tools.devenv pytest`). Read it, or
    copy it (``OdooDatabase(..., source=suite_db)``) to change it."""
    db = platform_env.get("HA_TEST_DB")
    if not db:
        pytest.fail("HA_TEST_DB not set: run through `make test` (python3 -m tools.devenv test)")
    return db
