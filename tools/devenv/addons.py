"""The one place that lists the suite's addons (devenv, lint, render_readme,
dist, tests/conftest.py): found by their manifest, never by a fixed list, so a
new glue module is picked up as soon as its folder exists.

It also names the helpdesks the suite runs on (``PLATFORMS``), the contract
between the set-up (tools/devenv/) and the platform modules of the product:

* ``platform_modules``: the modules that make the platform, installed in its
  template database with the suite's dependencies. The other platforms' ones
  are never visible on its addons path (helpdesk_mgmt and the stand-in
  ``helpdesk`` must never meet in one database);
* ``wheels``: pinned pip requirements installed from their wheels (never a
  copy in the repository) into a cached folder whose ``odoo/addons`` is on the
  platform's addons path only (``helpdesks.wheels_dir``);
* ``addons``: folders of the repository (relative to its root) on this
  platform's addons path only: the suite's platform module
  ``helpdesk_aftersales_platform`` has one variant per platform, of the same
  technical name, in ``platforms/<platform>/``.
"""

import glob
import os

from .common import ROOT, STANDINS

PLATFORMS = {
    # Odoo Enterprise's technical names (standins/helpdesk): the default.
    "standin": {
        "addons": ["platforms/standin"],
        "platform_modules": ["helpdesk", "helpdesk_aftersales_platform"],
    },
    # OCA's helpdesk_mgmt (OCA/helpdesk), the helpdesk Community users run.
    "oca": {
        "addons": ["platforms/oca"],
        "wheels": ["odoo-addon-helpdesk_mgmt==18.0.1.19.5"],
        "platform_modules": ["helpdesk_mgmt", "helpdesk_aftersales_platform"],
    },
}
DEFAULT_PLATFORM = "standin"


def addon_dirs(product=True, standins=False, platforms=False):
    """Folders of the product addons (``ROOT/*/__manifest__.py``) and/or of the
    Enterprise stand-ins (``standins/*/__manifest__.py``) and/or of every
    platform's own folders (``platforms/*/*``: one variant per platform of a
    module), sorted by path."""
    roots = ([ROOT] if product else []) + ([STANDINS] if standins else [])
    if platforms:
        roots += [folder for name in PLATFORMS for folder in platform_dirs(name)]
    return sorted(
        os.path.dirname(path)
        for root in roots
        for path in glob.glob(os.path.join(root, "*", "__manifest__.py"))
    )


def hidden_modules(platform):
    """The other platforms' modules: never visible on ``platform``'s addons path."""
    own = set(PLATFORMS[platform]["platform_modules"])
    return {
        module
        for name, spec in PLATFORMS.items()
        if name != platform
        for module in spec["platform_modules"]
        if module not in own
    }


def platform_dirs(platform):
    """The repository's folders on ``platform``'s addons path only (absolute;
    those that exist: odoo-bin refuses a missing one)."""
    folders = [os.path.join(ROOT, path) for path in PLATFORMS[platform].get("addons", ())]
    return [folder for folder in folders if os.path.isdir(folder)]


def platform_addon_dirs(platform):
    """Folders of the addons in ``platform``'s own folders (``addons_dirs``)."""
    return sorted(
        os.path.dirname(path)
        for folder in platform_dirs(platform)
        for path in glob.glob(os.path.join(folder, "*", "__manifest__.py"))
    )


def product_modules(platform=DEFAULT_PLATFORM):
    """Technical names of the product addons on ``platform``: those of the
    repository's root but another platform's, and those of its own folders."""
    hidden = hidden_modules(platform)
    names = [os.path.basename(path) for path in addon_dirs() + platform_addon_dirs(platform)]
    return [name for name in names if name not in hidden]


def tested_standins(platform=DEFAULT_PLATFORM):
    """The stand-ins that have tests of their own (run by `make test` too, on
    the platform they are visible on)."""
    hidden = hidden_modules(platform)
    return [
        os.path.basename(path)
        for path in addon_dirs(product=False, standins=True)
        if os.path.isfile(os.path.join(path, "tests", "__init__.py"))
        and os.path.basename(path) not in hidden
    ]
