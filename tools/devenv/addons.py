"""The one place that lists the suite's addons (devenv, lint, render_readme,
dist, tests/conftest.py): found by their manifest, never by a fixed list, so a
new glue module is picked up as soon as its folder exists."""

import glob
import os

from .common import ROOT, STANDINS


def addon_dirs(product=True, standins=False):
    """Folders of the product addons (``ROOT/*/__manifest__.py``) and/or of the
    Enterprise stand-ins (``standins/*/__manifest__.py``), sorted by path."""
    roots = ([ROOT] if product else []) + ([STANDINS] if standins else [])
    return sorted(
        os.path.dirname(path)
        for root in roots
        for path in glob.glob(os.path.join(root, "*", "__manifest__.py"))
    )


def product_modules():
    """Technical names of the product addons."""
    return [os.path.basename(path) for path in addon_dirs()]


def tested_standins():
    """The stand-ins that have tests of their own (run by `make test` too)."""
    return [
        os.path.basename(path)
        for path in addon_dirs(product=False, standins=True)
        if os.path.isfile(os.path.join(path, "tests", "__init__.py"))
    ]
