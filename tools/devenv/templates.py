"""Cached databases, copied by every run instead of installing again:

* the template: the suite's dependencies (``dependencies()``: the stand-ins
  and what the manifests depend on) installed, with or without Odoo's demo
  data, keyed by the content of the Odoo tree (``source.tree_key``) and of the
  stand-ins;
* suite databases: a template + some of the suite's modules installed, keyed
  by the content of every file of the suite's addons as well (what the demo
  database of `make run` and the suite-level tests start from).

Both names carry the Odoo tree's key (``ha_tmpl_<kind>_<odoo>_<key>``,
``ha_cache_<kind>_<odoo>_<key>``). A key that changes builds a new one. The
cached databases of another Odoo tree (the tree updated in place) are dropped
as soon as a template is looked up: no work tree can use them any more. The
others of the same Odoo tree (other branches' stand-ins or addons, which other
work trees may still use) are dropped once unused for some hours.
"""

import functools
import glob
import hashlib
import os
import sys
import time

from .addons import DEFAULT_PLATFORM, PLATFORMS, addon_dirs, platform_addon_dirs
from .common import CACHE, ROOT, STANDINS, SetupError, heartbeat, locked, log, run
from .helpdesks import addons_dirs, suite_dirs
from .postgres import copy_db, databases, db_exists, drop_db, installed_modules, rename_db
from .source import tree_key
from .venv import side_venv


def dependencies(odoo, platform=DEFAULT_PLATFORM, python=None):
    """What the suite's modules stand on, installed once in the template
    database of ``platform``: its stand-ins, its platform modules (those that
    are not the suite's: ``helpdesk``, ``helpdesk_mgmt``), and every addon the
    product addons and the stand-ins depend on, directly or not, that is not
    the suite's, as manifestoo reads them from the manifests on the platform's
    addons path (the Odoo tree's included; ``python``'s pip installs the
    platform's wheels the first time).

    ``sale_management`` (the Sales app), which the hand-kept list of old named,
    is among them: website_sale, on which the coupon glue's
    website_sale_loyalty stands, depends on it. The result is cached by the
    content of the manifests and of the Odoo tree (manifestoo takes seconds)."""
    paths = tuple(addons_dirs(odoo, platform, python or sys.executable))
    return list(_dependencies(paths, tree_key(odoo), _manifests_key(), platform))


def _manifests_key():
    h = hashlib.sha1()
    for folder in addon_dirs(product=True, standins=True, platforms=True):
        with open(os.path.join(folder, "__manifest__.py"), "rb") as fh:
            h.update(os.path.basename(folder).encode() + b"\0" + fh.read())
    return h.hexdigest()[:10]


def manifests(folder):
    return sorted(glob.glob(os.path.join(folder, "*", "__manifest__.py")))


@functools.cache
def _dependencies(paths, odoo_key, manifests_key, platform):
    suffix = "" if platform == DEFAULT_PLATFORM else f"_{platform}"
    cached = os.path.join(CACHE, "dependencies", f"{odoo_key}_{manifests_key}{suffix}.txt")
    if os.path.isfile(cached):
        return tuple(open(cached).read().split())
    selected = suite_dirs(platform)
    listed = manifestoo_depends(paths, selected, platform)
    suite = {os.path.basename(os.path.dirname(p)) for d in selected for p in manifests(d)}
    standins = [os.path.basename(os.path.dirname(p)) for p in manifests(selected[0])]
    first = standins + [
        m for m in PLATFORMS[platform]["platform_modules"] if m not in suite and m not in standins
    ]
    found = first + sorted(set(listed) - set(first) - suite)
    os.makedirs(os.path.dirname(cached), exist_ok=True)
    with open(cached + ".tmp", "w") as fh:
        fh.write("\n".join(found) + "\n")
    os.replace(cached + ".tmp", cached)
    return tuple(found)


def manifestoo_depends(paths, selected, platform):
    """What the addons of the folders ``selected`` depend on, transitively."""
    manifestoo = os.path.join(
        side_venv("venv-manifestoo", os.path.join(ROOT, "tools", "requirements-manifestoo.txt")),
        "manifestoo",
    )
    cmd = [manifestoo, "--addons-path", ",".join(paths), "--no-addons-path-from-import-odoo"]
    cmd += ["--odoo-series", "18.0"]
    for folder in selected:
        cmd += ["--select-addons-dir", folder]
    res = run([*cmd, "list-depends", "--transitive"], capture_output=True, text=True, check=False)
    if res.returncode:
        raise SetupError(
            f"manifestoo cannot list the suite's dependencies on the {platform} platform "
            f"(addons path {','.join(paths)}):\n{res.stderr}"
        )
    return res.stdout.split()


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


def template_key(modules, demo, platform=DEFAULT_PLATFORM):
    """The key of a template of the Odoo tree (its own part of the name):
    the modules installed, with or without demo data, the stand-ins' files
    and, on another platform than the default, its name and wheels."""
    h = hashlib.sha1()
    h.update(",".join(modules).encode() + (b"demo" if demo else b"nodemo"))
    tree_digest(h, STANDINS)
    if platform != DEFAULT_PLATFORM:
        h.update(platform.encode() + ",".join(PLATFORMS[platform].get("wheels", ())).encode())
    return h.hexdigest()[:10]


def template_kind(platform_name, demo):
    """``demo``/``nodemo`` on the default platform, ``demooca``... on another."""
    suffix = "" if platform_name == DEFAULT_PLATFORM else platform_name
    return f"{'demo' if demo else 'nodemo'}{suffix}"


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
    # odoo-bin -i only warns of a module it does not find (exit 0).
    missing = [] if rc else sorted(set(modules) - installed_modules(platform.env, tmp, modules))
    if rc or missing:
        drop_db(platform.env, tmp)
        what = f"not found: {', '.join(missing)}" if missing else f"exit {rc}, see above"
        raise SetupError(f"installing {', '.join(modules)} in {tmp} failed ({what})")
    rename_db(platform.env, tmp, name)


def template(platform, demo=False):
    """A database with the suite's dependencies on ``platform`` installed,
    built once and cached by Odoo tree, stand-ins and dependency list."""
    kind = template_kind(platform.name, demo)
    odoo_key = tree_key(platform.odoo)
    depends = dependencies(platform.odoo, platform.name, platform.python)
    prefix = f"ha_tmpl_{kind}_"
    name = f"{prefix}{odoo_key}_{template_key(depends, demo, platform.name)}"
    if db_exists(platform.env, name):
        # Built: no need to queue for the lock behind another work tree's build.
        touch(name)
        return name
    with locked("template" + ("" if platform.name == DEFAULT_PLATFORM else f"_{platform.name}")):
        drop_other_trees(platform, odoo_key)
        if db_exists(platform.env, name):
            touch(name)
            return name
        evict(platform, prefix)
        log(f"building template database {name}: {len(depends)} modules (about 2 min)")
        started = time.time()
        with heartbeat("building the template database"):
            build(platform, name, None, depends, demo)
        log(f"template ready in {time.time() - started:.0f} s")
        touch(name)
    return name


def odoo_key_of(name):
    """The Odoo tree's key in a cached database's name; None in the names of
    before it was there (``ha_tmpl_nodemo_<key>``)."""
    parts = name.split("_")
    return parts[3] if len(parts) == 5 else None


def drop_other_trees(platform, odoo_key):
    """Drop the cached databases of another content of the Odoo tree at once:
    the tree was updated in place, so no work tree copies them any more (the
    Odoo tree is shared: the cache's, or $ODOO_SRC)."""
    for prefix in ("ha_tmpl_", "ha_cache_"):
        for old in databases(platform.env, prefix):
            if old.endswith("_build"):
                continue  # being built by another process: its own to finish or drop
            key = odoo_key_of(old)
            if key is None:
                drop_if_unused(platform, old)  # named before the key was in names
            elif key != odoo_key:
                log(f"dropping {old}: built on another content of the Odoo tree")
                drop_db(platform.env, old)
                stamp = os.path.join(STAMPS, old)
                if os.path.isfile(stamp):
                    os.unlink(stamp)


def suite_db(platform, modules, demo=False, progress=False):
    """A database with the dependencies and ``modules`` of the suite installed
    (with their demo data when ``demo``) on ``platform``, cached by the
    content of the template and of every addon of the suite (its own platform
    folders' too). Returns its name: copy it."""
    base = template(platform, demo)
    h = hashlib.sha1(base.encode())
    h.update(",".join(sorted(modules)).encode())
    kind = f"{'demo' if demo else 'nodemo'}{hashlib.sha1(h.digest()).hexdigest()[:4]}"
    for folder in addon_dirs() + platform_addon_dirs(platform.name):
        tree_digest(h, folder)
    prefix = f"ha_cache_{kind}_{odoo_key_of(base)}_"
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
    and may be copying theirs. One never noted as used (built before the
    notes) is given the time from now on."""
    for old in databases(platform.env, prefix):
        if not old.endswith("_build"):
            drop_if_unused(platform, old)


def drop_if_unused(platform, name):
    stamp = os.path.join(STAMPS, name)
    if not os.path.isfile(stamp):
        touch(name)
        return
    if time.time() - os.path.getmtime(stamp) < KEEP_SECONDS:
        return
    log(f"dropping {name}: unused for {KEEP_SECONDS // 3600} hours")
    drop_db(platform.env, name)
    os.unlink(stamp)
