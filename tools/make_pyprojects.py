#!/usr/bin/env python3
"""Write the ``pyproject.toml`` and the ``LICENSE`` of every addon, stand-in and platform module.

    python3 tools/make_pyprojects.py           # write missing or outdated files
    python3 tools/make_pyprojects.py --check   # exit 1 if one is missing or outdated

As OCA addons do, each addon is its own Python distribution ``odoo-addon-<name>``
built by whool (https://pypi.org/project/whool/): whool reads the version,
summary, licence, Odoo dependencies and classifiers from ``__manifest__.py``
(hence ``dynamic``) and installs the addon under ``odoo/addons/<name>``, where
Odoo finds addons installed with pip. A new addon gets its file from this
script. The stand-ins of standins/ are packaged the same way
(``odoo-addon-helpdesk``, ``odoo-addon-industry_fsm``,
``odoo-addon-industry_fsm_report``): Community users need them. No product
wheel requires them: whool leaves out the dependencies on Odoo's own addons,
Enterprise ones included (manifestoo-core's list of Odoo 18.0's addons names
``helpdesk``, ``industry_fsm``, ``industry_fsm_report``), so on Enterprise pip
pulls no stand-in in place of the real app; on Community install them with the
suite (``pip install odoo-addon-helpdesk_aftersales odoo-addon-helpdesk ...``).

A wheel holds only its addon's directory, so each addon carries a copy of the
repository's ``LICENSE`` (the GNU LGPL v3 text its manifest names): it lands in
``odoo/addons/<name>/LICENSE``. Edit the root ``LICENSE``, never the copies.
"""

import argparse
import ast
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


# whool leaves out a dependency on an addon of Odoo (Community or Enterprise):
# a stand-in that stands on another stand-in (industry_fsm_report on
# industry_fsm) names it here, as a stand-in is installed only where the
# Enterprise app is not.
STANDIN_DEPENDS = """
[tool.whool]
additional_dependencies = [{requirements}]
"""


def pyproject(module, standin_depends=()):
    text = PYPROJECT.format(name=module)
    if standin_depends:
        requirements = ", ".join(f'"odoo-addon-{dep}==18.0.*"' for dep in sorted(standin_depends))
        text += STANDIN_DEPENDS.format(requirements=requirements)
    return text


def manifest(path):
    with open(os.path.join(path, "__manifest__.py"), encoding="utf-8") as fh:
        return ast.literal_eval(fh.read())


def manifest_depends(path):
    return manifest(path).get("depends", [])


def license_text():
    with open(os.path.join(ROOT, "LICENSE"), encoding="utf-8") as fh:
        return fh.read()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="only report, write nothing")
    args = parser.parse_args(argv)
    wanted = {}
    standins = {os.path.basename(p) for p in devenv.addon_dirs(product=False, standins=True)}
    for path in devenv.addon_dirs(product=True, standins=True, platforms=True):
        module = os.path.basename(path)
        depends = standins.intersection(manifest_depends(path)) if module in standins else ()
        wanted[os.path.join(path, "pyproject.toml")] = pyproject(module, depends)
        # An addon of another licence (AGPL-3: one standing on OCA's
        # helpdesk_mgmt) carries its own text.
        if manifest(path).get("license", "LGPL-3") == "LGPL-3":
            wanted[os.path.join(path, "LICENSE")] = license_text()
    return devenv.sync_generated(wanted, args.check)


if __name__ == "__main__":
    sys.exit(main())
