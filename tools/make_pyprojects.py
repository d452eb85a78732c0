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
import glob
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

PYPROJECT = """[build-system]
requires = ["whool"]
build-backend = "whool.buildapi"

[project]
name = "odoo-addon-{name}"
dynamic = ["version", "dependencies", "classifiers"]
readme = "README.rst"
"""


def product_modules():
    return sorted(
        os.path.basename(os.path.dirname(path))
        for path in glob.glob(os.path.join(ROOT, "*", "__manifest__.py"))
    )


def pyproject(module):
    return PYPROJECT.format(name=module)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="only report, write nothing")
    args = parser.parse_args(argv)
    outdated = []
    for module in product_modules():
        path = os.path.join(ROOT, module, "pyproject.toml")
        wanted = pyproject(module)
        if os.path.isfile(path) and open(path, encoding="utf-8").read() == wanted:
            continue
        outdated.append(os.path.relpath(path, ROOT))
        if not args.check:
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(wanted)
    for path in outdated:
        print(f"{'outdated' if args.check else 'written'}: {path}")
    return 1 if args.check and outdated else 0


if __name__ == "__main__":
    sys.exit(main())
