"""A wheelhouse of Odoo's requirements, for installing Odoo as a package
without the package index (tests/test_packaging.py).

Odoo's setup.py requires its libraries without versions; its requirements.txt
and tools/odoo-constraints.txt pin them (``odoo_constraints``). The suite's
wheels add the Python external dependencies of their manifests (none today).
``pip wheel``
downloads or builds, once, a wheel of every one of them and of their own
dependencies into ${XDG_CACHE_HOME:-~/.cache}/helpdesk_aftersales/wheelhouse-<key>,
the key naming the requirements, the constraints and the Python; those of
other keys go once unused for a week. The first time takes 15 s when pip's
cache holds the wheels it built for the project's virtualenv (psycopg2 and
cbor2 are built from their sdists, which needs pg_config and a C compiler),
up to a minute and a half without it on a loaded machine; later ones
nothing. ``pip install --no-index --find-links <wheelhouse>`` then resolves
Odoo's requirements from it alone.
"""

import glob
import hashlib
import os
import shutil
import subprocess
import time

from .common import CACHE, ROOT, SetupError, heartbeat, locked, log


def odoo_constraints(odoo):
    """The constraint files of an Odoo install: Odoo's requirements.txt, then
    the suite's tools/odoo-constraints.txt."""
    return [
        os.path.join(odoo, "requirements.txt"),
        os.path.join(ROOT, "tools", "odoo-constraints.txt"),
    ]


def pip_env(constraints, offline=False):
    """The environment of a pip command under ``constraints`` (PIP_CONSTRAINT,
    so that they also reach the builds of sdists). ``offline``: without the
    machine's pip configuration either (its index, find-links and
    constraints): pip sees only what the command gives it."""
    env = dict(os.environ, PIP_CONSTRAINT=" ".join(constraints))
    if offline:
        env = {k: v for k, v in env.items() if not k.startswith("PIP_") or k == "PIP_CONSTRAINT"}
        env["PIP_CONFIG_FILE"] = os.devnull
        env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def ensure_wheelhouse(python, requirements, constraints):
    """The directory holding a wheel of each of ``requirements`` (lines of a
    requirements file) and of their dependencies, under ``constraints``
    (files), for ``python``; built with its pip on the first call."""
    version = subprocess.run(
        [python, "-c", "import sys, sysconfig; print(sys.version, sysconfig.get_platform())"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    digest = hashlib.sha1(version.encode())
    digest.update("\n".join(requirements).encode())
    for path in constraints:
        with open(path, "rb") as fh:
            digest.update(fh.read())
    wheelhouse = os.path.join(CACHE, f"wheelhouse-{digest.hexdigest()[:10]}")
    with locked("wheelhouse"):
        drop_unused(keep=wheelhouse)
        if os.path.isdir(wheelhouse):
            os.utime(wheelhouse)  # in use: kept by drop_unused
            return wheelhouse
        partial = wheelhouse + ".partial"
        shutil.rmtree(partial, ignore_errors=True)
        os.makedirs(partial)
        listed = os.path.join(partial, "requirements.txt")
        with open(listed, "w", encoding="utf-8") as fh:
            fh.write("\n".join(requirements) + "\n")
        log(f"building the wheelhouse of Odoo's requirements {wheelhouse} (a minute, once)")
        with heartbeat("pip wheel"):
            res = subprocess.run(
                [python, "-m", "pip", "wheel", "-q", "--wheel-dir", partial, "-r", listed],
                env=pip_env(constraints),
                capture_output=True,
                text=True,
                check=False,
            )
        if res.returncode:
            errors = "\n".join(
                line for line in res.stderr.splitlines() if not line.startswith("WARNING: Location")
            )
            raise SetupError(
                f"pip wheel of Odoo's requirements failed (psycopg2 needs pg_config: "
                f"sudo apt-get install libpq-dev build-essential python3-dev):\n{errors[-3000:]}"
            )
        os.rename(partial, wheelhouse)
    return wheelhouse


KEEP_DAYS = 7


def drop_unused(keep):
    """Remove the wheelhouses of other requirement sets unused for
    ``KEEP_DAYS`` (another work tree may still use a recent one)."""
    for path in glob.glob(os.path.join(CACHE, "wheelhouse-*")):
        if path != keep and time.time() - os.path.getmtime(path) > KEEP_DAYS * 86400:
            log(f"removing {path}: unused for {KEEP_DAYS} days")
            shutil.rmtree(path, ignore_errors=True)
