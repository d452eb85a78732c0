#!/usr/bin/env python3
"""Write the ``pyproject.toml`` of every product addon (whool build backend).

    python3 tools/make_pyprojects.py           # write missing or outdated files
    python3 tools/make_pyprojects.py --check   # exit 1 if one is missing or outdated

As OCA addons do, each addon is its own Python distribution ``odoo-addon-<name>``
built by whool (https://pypi.org/project/whool/): whool reads the version,
summary, licence, Odoo dependencies and classifiers from ``__manifest__.py``
(hence ``dynamic``) and installs the addon under ``odoo/addons/<name>``, where
Odoo finds addons installed with pip. A new addon gets its file from this
script; standins/ are never packaged (Enterprise stand-ins).
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


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="only report, write nothing")
    args = parser.parse_args(argv)
    return devenv.sync_generated(
        {
            os.path.join(ROOT, module, "pyproject.toml"): pyproject(module)
            for module in devenv.product_modules()
        },
        args.check,
    )


if __name__ == "__main__":
    sys.exit(main())
