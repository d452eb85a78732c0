#!/usr/bin/env python3
"""`make dist`: build a wheel ``odoo-addon-<name>`` of every addon and stand-in into dist/.

Each addon carries a ``pyproject.toml`` using the whool build backend (as OCA
addons do; tools/make_pyprojects.py writes them): whool reads the version,
summary, licence and Odoo dependencies from the manifest. The build tools are
pinned (tools/requirements-dist.txt) in their own virtualenv under
${XDG_CACHE_HOME:-~/.cache}/helpdesk_aftersales/venv-dist.

whool packages the files git knows: a file not yet added to git is left out of
the wheel (this script warns about them). The version is the manifest's, with a
post-release number counting the commits since the manifest's version changed
(e.g. 18.0.1.0.0.3), as setuptools-odoo and whool do.
"""

import argparse
import glob
import os
import shutil
import subprocess
import sys

if __package__:  # python3 -m tools.dist
    from . import devenv, make_pyprojects
else:  # python3 tools/dist.py: tools/ is the script's folder, first on sys.path
    import devenv
    import make_pyprojects

ROOT = devenv.ROOT


def build_venv():
    bindir = devenv.side_venv("venv-dist", os.path.join(ROOT, "tools", "requirements-dist.txt"))
    return os.path.dirname(bindir)


def build_python():
    """The Python of the pinned build tools (build, wheel, setuptools, whool)."""
    return os.path.join(build_venv(), "bin", "python")


def untracked(path):
    res = subprocess.run(
        ["git", "ls-files", "--others", "--exclude-standard", "."],
        cwd=path,
        capture_output=True,
        text=True,
        check=False,
    )
    return res.stdout.split()


def build(outdir):
    if make_pyprojects.main(["--check"]):
        raise SystemExit(
            "pyproject.toml or LICENSE files are missing or outdated: "
            "run python3 tools/make_pyprojects.py"
        )
    python = build_python()
    for path, folder in addons_to_build(outdir):
        os.makedirs(folder, exist_ok=True)
        build_wheel(python, path, folder)
    wheels = sorted(glob.glob(os.path.join(outdir, "**", "*.whl"), recursive=True))
    for wheel in wheels:
        print(os.path.relpath(wheel, ROOT) if wheel.startswith(ROOT) else wheel)
    return wheels


def addons_to_build(outdir):
    """(addon folder, wheel folder) of every addon to package: the product
    addons, the stand-ins (Community users need them: tools/make_pyprojects.py)
    and the default platform's own addons into ``outdir``; another platform's
    own addons (a variant of the same name: helpdesk_aftersales_platform on
    helpdesk_mgmt) into ``outdir/<platform>``."""
    found = [(path, outdir) for path in devenv.addon_dirs(product=True, standins=True)]
    for name in devenv.PLATFORMS:
        folder = outdir if name == devenv.DEFAULT_PLATFORM else os.path.join(outdir, name)
        found += [(path, folder) for path in devenv.platform_addon_dirs(name)]
    return found


def build_wheel(python, path, outdir):
    """The wheel of the addon ``path`` into ``outdir`` (whool)."""
    module = os.path.basename(path)
    left_out = untracked(path)
    if left_out:
        print(
            f"warning: {module}: not in git, so not in the wheel: {', '.join(left_out)}",
            file=sys.stderr,
        )
    res = subprocess.run(
        [
            python,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            outdir,
            path,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if res.returncode:
        sys.stderr.write(res.stdout[-3000:] + res.stderr[-3000:])
        raise SystemExit(f"{module}: the wheel build failed")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--write-pyprojects",
        action="store_true",
        help="same as tools/make_pyprojects.py (kept for older instructions)",
    )
    parser.add_argument("--outdir", default=os.path.join(ROOT, "dist"))
    args = parser.parse_args()
    if args.write_pyprojects:
        return make_pyprojects.main([])
    shutil.rmtree(args.outdir, ignore_errors=True)
    build(args.outdir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
