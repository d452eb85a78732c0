"""Suite-level tests: run by `make test` after the Odoo tests, with the same platform.

tools/devenv.py passes the platform in the environment (HA_PYTHON, HA_ODOO_SRC,
HA_TEST_DB, PG*). Without it these tests fail with a message: they are never skipped.
"""

import ast
import glob
import os

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STANDINS = os.path.join(ROOT, "standins")


def product_modules():
    return sorted(
        os.path.basename(os.path.dirname(p)) for p in glob.glob(f"{ROOT}/*/__manifest__.py")
    )


def standin_modules():
    return sorted(
        os.path.basename(os.path.dirname(p)) for p in glob.glob(f"{STANDINS}/*/__manifest__.py")
    )


def module_path(name):
    path = os.path.join(ROOT, name)
    return path if os.path.isdir(path) else os.path.join(STANDINS, name)


def manifest(name):
    with open(os.path.join(module_path(name), "__manifest__.py"), encoding="utf-8") as fh:
        return ast.literal_eval(fh.read())


@pytest.fixture(scope="session")
def platform_env():
    missing = [var for var in ("HA_PYTHON", "HA_ODOO_SRC", "HA_DEVENV") if not os.environ.get(var)]
    if missing:
        pytest.fail(
            f"{', '.join(missing)} not set: run the suite tests through `make test` "
            "(tools/devenv.py sets up Odoo and PostgreSQL for them)."
        )
    return dict(os.environ)
