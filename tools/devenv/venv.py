"""Virtualenvs: Odoo's (its requirements + tools/requirements.txt) and the
pinned side ones of the lint and build tools."""

import hashlib
import os
import sys

from .common import CACHE, ROOT, locked, log, run
from .debian import ldap_buildable


def ensure_venv(odoo):
    reqs = open(os.path.join(odoo, "requirements.txt")).read()
    tools_reqs = open(os.path.join(ROOT, "tools", "requirements.txt")).read()
    key = hashlib.sha1((reqs + tools_reqs + sys.version).encode()).hexdigest()[:10]
    venv = os.path.join(CACHE, "venv")
    stamp = os.path.join(venv, ".helpdesk_aftersales-stamp")
    with locked("venv"):
        if os.path.isfile(stamp) and open(stamp).read() == key:
            return venv
        log(f"setting up the virtualenv {venv} (Odoo requirements + tools; minutes the first time)")
        if not os.path.isfile(os.path.join(venv, "bin", "python")):
            run([sys.executable, "-m", "venv", venv])
        pip = [os.path.join(venv, "bin", "python"), "-m", "pip", "install", "-q"]
        # Odoo 18 pins old sdists (cbor2) that do not build with setuptools >= 70.
        constraint = os.path.join(CACHE, "build-constraints.txt")
        with open(constraint, "w") as fh:
            fh.write("setuptools<70\n")
        env = dict(os.environ, PIP_CONSTRAINT=constraint)
        odoo_reqs = os.path.join(CACHE, "odoo-requirements.txt")
        with open(odoo_reqs, "w") as fh:
            for line in reqs.splitlines():
                if line.split("==")[0].strip() in ("pylint", "astroid"):
                    continue  # lint tools live in their own virtualenv
                if line.startswith("python-ldap") and not ldap_buildable():
                    log("python-ldap left out (no libldap2-dev/libsasl2-dev): auth_ldap only")
                    continue
                fh.write(line + "\n")
        run([*pip, "-r", odoo_reqs, "-r", os.path.join(ROOT, "tools", "requirements.txt")], env=env)
        with open(stamp, "w") as fh:
            fh.write(key)
    return venv


def side_venv(name, requirements):
    """A virtualenv of pinned tools apart from Odoo's (lint, build), set up
    once per content of ``requirements``; returns its bin directory."""
    venv = os.path.join(CACHE, name)
    stamp = os.path.join(venv, ".stamp")
    wanted = open(requirements).read()
    with locked(name):
        if not (os.path.isfile(stamp) and open(stamp).read() == wanted):
            log(f"setting up the virtualenv {name}")
            run([sys.executable, "-m", "venv", venv])
            run([os.path.join(venv, "bin", "pip"), "install", "-q", "-r", requirements])
            with open(stamp, "w") as fh:
                fh.write(wanted)
    return os.path.join(venv, "bin")
