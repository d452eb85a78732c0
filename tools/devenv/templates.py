"""Cached databases, copied by every run instead of installing again:

* the template: the suite's dependencies (``BASE_DEPENDS``) installed, with or
  without Odoo's demo data, keyed by the Odoo tree and the stand-ins;
* suite databases: a template + some of the suite's modules installed, keyed
  by the content of every file of the suite's addons as well (what the demo
  database of `make run` and the suite-level tests start from).

A key that changes builds a new one; the older ones of the same kind are
dropped once unused for some hours (other work trees may still use theirs).
"""

import hashlib
import os
import time

from .addons import addon_dirs
from .common import CACHE, STANDINS, SetupError, heartbeat, locked, log, run
from .postgres import copy_db, databases, db_exists, drop_db, rename_db

# What the suite's modules stand on; installed once in a template database.
BASE_DEPENDS = [
    "helpdesk",
    "industry_fsm",
    "industry_fsm_report",
    "account",
    "sale_management",
    "sale_stock",
    "sale_loyalty",
    "website_sale_loyalty",
    "repair",
    "project",
]


def tree_digest(h, folder):
    """Feed every file of ``folder`` (relative name and content) to ``h``."""
    for path in sorted(glob_files(folder)):
        # Relative: a fresh clone elsewhere (CI) reuses the same databases.
        h.update(os.path.relpath(path, folder).encode())
        with open(path, "rb") as fh:
            h.update(fh.read())


def glob_files(folder):
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if d not in ("__pycache__", "node_modules")]
        for name in filenames:
            if not name.endswith((".pyc", ".pyo")):
                yield os.path.join(dirpath, name)


def template_key(platform, modules, demo):
    h = hashlib.sha1()
    h.update(open(os.path.join(platform.odoo, "odoo", "release.py"), "rb").read())
    h.update(platform.odoo.encode())
    h.update(",".join(modules).encode() + (b"demo" if demo else b"nodemo"))
    tree_digest(h, STANDINS)
    return h.hexdigest()[:10]


def build(platform, name, base, modules, demo, progress=False):
    """Install ``modules`` in a copy of ``base`` (an empty database when
    None) named ``name``, under a temporary name until it is complete."""
    tmp = name + "_build"
    if base:
        copy_db(platform.env, base, tmp)
    else:
        drop_db(platform.env, tmp)
    args = ["-i", ",".join(modules), "--stop-after-init", "--no-http"]
    if not demo:
        args.append("--without-demo=all")
    if progress:
        rc = platform.odoo_with_progress(
            platform.odoo_cmd(tmp, *args, "--log-level=info"), total=len(modules)
        )
    else:
        rc = run(
            platform.odoo_cmd(tmp, *args, "--log-level=warn"), check=False, env=platform.env
        ).returncode
    if rc:
        drop_db(platform.env, tmp)
        raise SetupError(f"installing {', '.join(modules)} in {tmp} failed (exit {rc}, see above)")
    rename_db(platform.env, tmp, name)


def template(platform, demo=False):
    """A database with the suite's dependencies installed, built once and
    cached by Odoo tree, stand-ins and dependency list."""
    kind = "demo" if demo else "nodemo"
    name = f"ha_tmpl_{kind}_{template_key(platform, BASE_DEPENDS, demo)}"
    with locked("template"):
        if db_exists(platform.env, name):
            return name
        log(f"building template database {name}: {', '.join(BASE_DEPENDS)} (about 2 min)")
        started = time.time()
        with heartbeat("building the template database"):
            build(platform, name, None, BASE_DEPENDS, demo)
        log(f"template ready in {time.time() - started:.0f} s")
    return name


def suite_db(platform, modules, demo=False, progress=False):
    """A database with the dependencies and ``modules`` of the suite installed
    (with their demo data when ``demo``), cached by the content of the
    template and of every addon of the suite. Returns its name: copy it."""
    base = template(platform, demo)
    h = hashlib.sha1(base.encode())
    h.update(",".join(sorted(modules)).encode())
    kind = f"{'demo' if demo else 'nodemo'}{hashlib.sha1(h.digest()).hexdigest()[:4]}"
    for folder in addon_dirs():
        tree_digest(h, folder)
    prefix = f"ha_cache_{kind}_"
    name = prefix + h.hexdigest()[:10]
    with locked(f"cache_{kind}"):
        if db_exists(platform.env, name):
            log(f"reusing {name} (the suite's files have not changed since it was built)")
            touch(name)
            return name
        evict(platform, prefix)
        log(f"building {name}: {base} + {', '.join(modules)}")
        started = time.time()
        with heartbeat(f"installing {len(modules)} modules in {name}"):
            build(platform, name, base, modules, demo, progress=progress)
        log(f"{name} ready in {time.time() - started:.0f} s")
        touch(name)
    return name


STAMPS = os.path.join(CACHE, "cached-dbs")
KEEP_SECONDS = 6 * 3600


def touch(name):
    """Note that the cached database ``name`` was just used."""
    os.makedirs(STAMPS, exist_ok=True)
    with open(os.path.join(STAMPS, name), "w"):
        pass


def evict(platform, prefix):
    """Drop the cached databases of this kind unused for ``KEEP_SECONDS``: not
    at once, as work trees of other content (other branches) share the cluster
    and may be copying theirs."""
    for old in databases(platform.env, prefix):
        stamp = os.path.join(STAMPS, old)
        if os.path.isfile(stamp) and time.time() - os.path.getmtime(stamp) < KEEP_SECONDS:
            continue
        drop_db(platform.env, old)
        if os.path.isfile(stamp):
            os.unlink(stamp)
