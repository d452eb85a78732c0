#!/usr/bin/env python3
"""`make lint`: ruff (lint + format check) and pylint-odoo's OCA mandatory checks.

The tools live in their own pinned virtualenv (tools/requirements-lint.txt). Exits
non-zero on any finding. Configuration: ruff.toml (ruff) and setup.cfg [pylint_odoo].
"""

import configparser
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))

import devenv  # noqa: E402


def lint_venv():
    return devenv.side_venv("venv-lint", os.path.join(ROOT, "tools", "requirements-lint.txt"))


def pylint_args():
    cfg = configparser.ConfigParser()
    cfg.read(os.path.join(ROOT, "setup.cfg"))
    section = cfg["pylint_odoo"]
    enable = ",".join(c.strip() for c in section["enable"].split(",") if c.strip())
    args = ["--load-plugins=pylint_odoo", "--disable=all", f"--enable={enable}", "--score=n"]
    for key in (
        "valid-odoo-versions",
        "manifest-required-authors",
        "manifest-required-keys",
        "manifest-deprecated-keys",
        "license-allowed",
    ):
        args.append(f"--{key}={section[key]}")
    return args


def main():
    bindir = lint_venv()
    failed = False
    for cmd in (
        [os.path.join(bindir, "ruff"), "check", ROOT],
        [os.path.join(bindir, "ruff"), "format", "--check", ROOT],
        [os.path.join(bindir, "pylint"), *pylint_args(), *devenv.product_modules()],
    ):
        devenv.log(" ".join(os.path.basename(c) if i == 0 else c for i, c in enumerate(cmd[:2])))
        if subprocess.run(cmd, cwd=ROOT, check=False).returncode:
            failed = True
    print("lint: findings above" if failed else "lint: no finding")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
