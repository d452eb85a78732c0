"""`make lint` is part of `make test`: a new finding fails the test run."""

import subprocess

from .conftest import ROOT


def test_lint_reports_nothing():
    res = subprocess.run(
        ["python3", "-m", "tools.lint"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert res.returncode == 0, (res.stdout + res.stderr)[-5000:]
