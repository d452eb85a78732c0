"""Development environment of the Helpdesk After-Sales suite, one module per job:

- ``common``: paths, logging, locks;      - ``addons``: the list of the suite's addons;
- ``source``: the Odoo 18.0 source tree;  - ``debian``: chromium, wkhtmltopdf, postgresql;
- ``postgres``: the project's cluster;    - ``venv``: the virtualenvs;
- ``helpdesks``: the helpdesk platforms' wheels and addons path;
- ``platform``: odoo-bin on all of them;  - ``templates``: cached databases;
- ``wheelhouse``: wheels of Odoo's requirements (tests/test_packaging.py);
- ``testrun``: `make test`;               - ``demo``: `make run`;
- ``screenshots``: the README's screenshots; ``cli``: ``python3 -m tools.devenv``.

What other tools use is importable from here: ``from tools.devenv import Platform``.
"""

from .addons import DEFAULT_PLATFORM, PLATFORMS, addon_dirs, platform_addon_dirs, product_modules
from .common import CACHE, ROOT, SetupError, locked, log, run, sync_generated
from .debian import ensure_chromium, ensure_wkhtmltopdf
from .platform import Platform
from .postgres import copy_db, db_exists, drop_db, psql
from .templates import dependencies, suite_db, template
from .venv import side_venv

__all__ = [
    "CACHE",
    "DEFAULT_PLATFORM",
    "PLATFORMS",
    "ROOT",
    "Platform",
    "SetupError",
    "addon_dirs",
    "copy_db",
    "db_exists",
    "dependencies",
    "drop_db",
    "ensure_chromium",
    "ensure_wkhtmltopdf",
    "locked",
    "log",
    "platform_addon_dirs",
    "product_modules",
    "psql",
    "run",
    "side_venv",
    "suite_db",
    "sync_generated",
    "template",
]
