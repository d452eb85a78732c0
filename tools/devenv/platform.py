"""What every command stands on: the Odoo source, its virtualenv and the
PostgreSQL cluster, and how to start odoo-bin on them."""

import os
import re
import subprocess
import sys

from .common import DATA_DIR, log
from .postgres import PG_PORT, PG_USER, ensure_cluster
from .source import addons_path, find_odoo
from .templates import template
from .venv import ensure_venv


class Platform:
    def __init__(self):
        self.odoo = find_odoo()
        self.venv = ensure_venv(self.odoo)
        self.env = ensure_cluster()
        self.python = os.path.join(self.venv, "bin", "python")

    def odoo_cmd(self, db, *args, command=None, extra_addons=()):
        return [
            self.python,
            os.path.join(self.odoo, "odoo-bin"),
            *([command] if command else []),
            f"--addons-path={addons_path(self.odoo, *extra_addons)}",
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
