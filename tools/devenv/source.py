"""The Odoo 18.0 source tree: $ODOO_SRC, else the cache, else a shallow clone."""

import functools
import hashlib
import os
import shutil

from .common import CACHE, SetupError, log, run

ODOO_CACHE = os.path.join(CACHE, "odoo-18.0")
ODOO_GIT = "https://github.com/odoo/odoo.git"


def find_odoo():
    candidates = []
    if os.environ.get("ODOO_SRC"):
        candidates.append(os.environ["ODOO_SRC"])
    candidates.append(ODOO_CACHE)
    for path in candidates:
        if os.path.isfile(os.path.join(path, "odoo-bin")):
            release = open(os.path.join(path, "odoo", "release.py")).read()
            if "version_info = (18, 0" not in release and "version_info = (saas~18" not in release:
                raise SetupError(f"{path} is not an Odoo 18.0 tree (odoo/release.py).")
            return path
    log(f"Odoo 18.0 not found at $ODOO_SRC or {ODOO_CACHE}: cloning it (shallow)")
    os.makedirs(os.path.dirname(ODOO_CACHE), exist_ok=True)
    tmp = ODOO_CACHE + ".part"
    shutil.rmtree(tmp, ignore_errors=True)
    res = run(
        ["git", "clone", "--quiet", "--depth", "1", "--branch", "18.0", ODOO_GIT, tmp],
        check=False,
        timeout=1800,
    )
    if res.returncode or not os.path.isfile(os.path.join(tmp, "odoo-bin")):
        shutil.rmtree(tmp, ignore_errors=True)
        raise SetupError(
            "Cannot find Odoo 18.0 and cannot clone it.\n"
            "  Provide it in one of these ways, then run the command again:\n"
            "    export ODOO_SRC=/path/to/odoo   # a checkout of branch 18.0 (with odoo-bin)\n"
            f"    git clone --depth 1 --branch 18.0 {ODOO_GIT} {ODOO_CACHE}\n"
            "  (DEVELOPERS.md says where to get a tree on a machine without internet.)"
        )
    os.rename(tmp, ODOO_CACHE)
    return ODOO_CACHE


@functools.cache  # once per process: a process is short and the tree does not change under it
def tree_key(odoo):
    """A key of the content of the Odoo tree ``odoo`` (what the cached
    template databases and the packaging test's Odoo wheel are keyed by): a
    tree updated in place gets a new key.

    The tree is often no git checkout (an archive, the cache's shallow copy
    without .git, a checkout with local changes), so the key is the name, size
    and modification time of every file of ``odoo/`` and ``addons/``: about
    40,000 ``stat`` calls, under a second, where hashing their 1 GB would take
    half a minute. Copying the tree elsewhere keeps its mtimes (cp -a, rsync
    -a, tar) and so its key; ``git checkout`` of another commit, ``git pull``,
    a patch or an editor change a file's mtime or size and so the key.
    """
    h = hashlib.sha1()
    for top in ("odoo", "addons"):
        for dirpath, dirnames, filenames in os.walk(os.path.join(odoo, top)):
            dirnames[:] = sorted(d for d in dirnames if d not in ("__pycache__", ".git"))
            for name in sorted(filenames):
                if name.endswith((".pyc", ".pyo")):
                    continue
                path = os.path.join(dirpath, name)
                st = os.stat(path)
                rel = os.path.relpath(path, odoo)
                h.update(f"{rel}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:10]
