"""What every command stands on: the Odoo source, its virtualenv, the
PostgreSQL cluster and one helpdesk platform (``addons.PLATFORMS``), and how
to start odoo-bin on them."""

import os
import re
import subprocess
import sys

from .addons import DEFAULT_PLATFORM, PLATFORMS
from .common import DATA_DIR, SetupError, log
from .helpdesks import addons_dirs
from .postgres import PG_PORT, PG_USER, ensure_cluster
from .source import find_odoo
from .templates import template
from .venv import ensure_venv


class Platform:
    """Odoo on the helpdesk platform ``name`` (a key of ``addons.PLATFORMS``:
    its wheels installed, its addons path)."""

    def __init__(self, name=DEFAULT_PLATFORM):
        if name not in PLATFORMS:
            raise SetupError(f"unknown platform {name!r}: one of {', '.join(PLATFORMS)}")
        self.name = name
        self.odoo = find_odoo()
        self.venv = ensure_venv(self.odoo)
        self.env = ensure_cluster()
        self.python = os.path.join(self.venv, "bin", "python")
        self.addons_dirs = addons_dirs(self.odoo, name, self.python)

    def odoo_cmd(self, db, *args, command=None, extra_addons=()):
        return [
            self.python,
            os.path.join(self.odoo, "odoo-bin"),
            *([command] if command else []),
            f"--addons-path={','.join([*self.addons_dirs, *extra_addons])}",
            f"--data-dir={DATA_DIR}",
            "--db_host=127.0.0.1",
            f"--db_port={PG_PORT}",
            f"--db_user={PG_USER}",
            "-d",
            db,
            *args,
        ]

    def template(self, demo=False):
        """The cached template database (templates.template)."""
        return template(self, demo)

    def odoo_with_progress(self, cmd, total=None):
        """Run an odoo-bin command at log level info, showing one line per module
        being loaded plus every warning and error; return its exit code."""
        proc = subprocess.Popen(
            cmd, env=self.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        seen = []
        loading = re.compile(
            r"odoo\.modules\.loading: (?:loading (\w+)/|Module (\w+): loading demo)"
        )
        for line in proc.stdout:
            if re.search(r" (WARNING|ERROR|CRITICAL) ", line) or line.startswith(
                ("Traceback", " ", "\t")
            ):
                sys.stdout.write(line)
                continue
            m = loading.search(line)
            if m:
                module = m.group(1) or m.group(2)
                if module not in seen:
                    seen.append(module)
                    log(f"  loading {module} ({len(seen)} of {total or '?'} modules at most)")
        return proc.wait()
