"""Run Python in `odoo-bin shell` on a database made for one suite-level test."""

import json
import os
import subprocess


class OdooDatabase:
    """A fresh database (template copy + ``modules``), dropped on ``close``.
    With ``demo``, the template has Odoo's demo data and ``modules`` load theirs
    (what `make run` serves)."""

    def __init__(self, platform_env, prefix, modules, demo=False):
        self.env = platform_env
        self.devenv = platform_env["HA_DEVENV"]
        self.name = f"{prefix}_{os.getpid()}"
        subprocess.run(
            ["python3", self.devenv, "db", self.name, "--modules", ",".join(modules)]
            + (["--demo"] if demo else []),
            check=True,
            env=self.env,
            capture_output=True,
        )

    def shell(self, script, timeout=600):
        """Run ``script`` (it prints ``RESULT:<json>``) and return the JSON."""
        res = subprocess.run(
            ["python3", self.devenv, "odoo", "--db", self.name, "--", "shell", "--log-level=warn"],
            input=script,
            capture_output=True,
            text=True,
            env=self.env,
            timeout=timeout,
            check=False,
        )
        lines = [line for line in res.stdout.splitlines() if line.startswith("RESULT:")]
        assert lines, res.stdout[-3000:] + res.stderr[-5000:]
        return json.loads(lines[-1][len("RESULT:") :])

    def close(self):
        subprocess.run(["python3", self.devenv, "dropdb", self.name], env=self.env, check=False)
