#!/usr/bin/env python3
"""Write the ``pyproject.toml`` and the ``LICENSE`` of every product addon (whool).

    python3 tools/make_pyprojects.py           # write missing or outdated files
    python3 tools/make_pyprojects.py --check   # exit 1 if one is missing or outdated

As OCA addons do, each addon is its own Python distribution ``odoo-addon-<name>``
built by whool (https://pypi.org/project/whool/): whool reads the version,
summary, licence, Odoo dependencies and classifiers from ``__manifest__.py``
(hence ``dynamic``) and installs the addon under ``odoo/addons/<name>``, where
Odoo finds addons installed with pip. A new addon gets its file from this
script; standins/ are never packaged (the Community platform the suite ships
with, installed from the repository).

A wheel holds only its addon's directory, so each addon carries a copy of the
repository's ``LICENSE`` (the GNU LGPL v3 text its manifest names): it lands in
``odoo/addons/<name>/LICENSE``. Edit the root ``LICENSE``, never the copies.
"""

import argparse
import os
import sys

if __package__:  # python3 -m tools.make_pyprojects
    from . import devenv
else:  # python3 tools/make_pyprojects.py: tools/ is the script's folder, first on sys.path
    import devenv

ROOT = devenv.ROOT

PYPROJECT = """[build-system]
requires = ["whool"]
build-backend = "whool.buildapi"

[project]
name = "odoo-addon-{name}"
dynamic = ["version", "dependencies", "classifiers"]
readme = "README.rst"
"""


def pyproject(module):
    return PYPROJECT.format(name=module)


def license_text():
    with open(os.path.join(ROOT, "LICENSE"), encoding="utf-8") as fh:
        return fh.read()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="only report, write nothing")
    args = parser.parse_args(argv)
    wanted = {}
    for module in devenv.product_modules():
        wanted[os.path.join(ROOT, module, "pyproject.toml")] = pyproject(module)
        wanted[os.path.join(ROOT, module, "LICENSE")] = license_text()
    return devenv.sync_generated(wanted, args.check)


if __name__ == "__main__":
    sys.exit(main())
