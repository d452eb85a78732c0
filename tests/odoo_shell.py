"""Run Python in `odoo-bin shell` on a database made for one suite-level test."""

import json
import os
import subprocess

from tools.devenv.common import ROOT

DEVENV = ["python3", "-m", "tools.devenv"]


def devenv(platform_env, *args, check, **kwargs):
    """``python3 -m tools.devenv ARGS`` from the repository's root."""
    return subprocess.run([*DEVENV, *args], env=platform_env, cwd=ROOT, check=check, **kwargs)


class OdooDatabase:
    """A fresh database, dropped on ``close``: a copy of ``source`` (a database
    name, e.g. the ``suite_db`` fixture), else of the cached database with the
    dependencies + ``modules`` installed. With ``demo``, Odoo's demo data and
    the modules' own (what `make run` serves). On the helpdesk ``platform``
    (default: tools.devenv's)."""

    def __init__(self, platform_env, prefix, modules=(), demo=False, source=None, platform=None):
        self.env = platform_env
        self.name = f"{prefix}_{os.getpid()}"
        args = ["db", self.name] + (["--platform", platform] if platform else [])
        if source:
            args += ["--from", source]
        else:
            args += ["--modules", ",".join(modules)] + (["--demo"] if demo else [])
        devenv(self.env, *args, check=True, capture_output=True)

    def shell(self, script, timeout=600):
        """Run ``script`` (it prints ``RESULT:<json>``) and return the JSON."""
        res = devenv(
            self.env,
            "odoo",
            "--db",
            self.name,
            "--",
            "shell",
            "--log-level=warn",
            input=script,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        lines = [line for line in res.stdout.splitlines() if line.startswith("RESULT:")]
        assert lines, res.stdout[-3000:] + res.stderr[-5000:]
        return json.loads(lines[-1][len("RESULT:") :])

    def close(self):
        devenv(self.env, "dropdb", self.name, check=False)
