#!/usr/bin/env python3
"""`make dist`: build a wheel ``odoo-addon-<name>`` of every product addon into dist/.

Each addon carries a ``pyproject.toml`` using the whool build backend (as OCA
addons do): whool reads the version, summary, licence and Odoo dependencies
from the manifest. ``--write-pyprojects`` (re)writes those files, so a new
addon gets one; standins/ are not packaged (they are Enterprise stand-ins).
"""

import argparse
import glob
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))

import devenv  # noqa: E402

PYPROJECT = """[build-system]
requires = ["whool"]
build-backend = "whool.buildapi"

[project]
name = "odoo-addon-{name}"
dynamic = ["version", "dependencies", "classifiers"]
readme = "README.rst"
"""


def write_pyprojects():
    for module in devenv.product_modules():
        with open(os.path.join(ROOT, module, "pyproject.toml"), "w") as fh:
            fh.write(PYPROJECT.format(name=module))


def build_venv():
    bindir = devenv.side_venv("venv-dist", os.path.join(ROOT, "tools", "requirements-dist.txt"))
    return os.path.dirname(bindir)


def build(outdir):
    venv = build_venv()
    os.makedirs(outdir, exist_ok=True)
    for module in devenv.product_modules():
        subprocess.run(
            [
                os.path.join(venv, "bin", "python"),
                "-m",
                "build",
                "--wheel",
                "--no-isolation",
                "--outdir",
                outdir,
                os.path.join(ROOT, module),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    wheels = sorted(glob.glob(os.path.join(outdir, "*.whl")))
    for wheel in wheels:
        print(os.path.relpath(wheel, ROOT) if wheel.startswith(ROOT) else wheel)
    return wheels


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write-pyprojects", action="store_true")
    parser.add_argument("--outdir", default=os.path.join(ROOT, "dist"))
    args = parser.parse_args()
    if args.write_pyprojects:
        write_pyprojects()
        return 0
    shutil.rmtree(args.outdir, ignore_errors=True)
    build(args.outdir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
