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


def test_function_length_limit(tmp_path):
    """tools.function_length (run by `make lint`): 50 lines pass, 51 do not."""
    from tools import function_length

    body = "\n".join(f"    x{i} = {i}" for i in range(48))
    ok, long = tmp_path / "ok.py", tmp_path / "long.py"
    ok.write_text(f"def fifty():\n{body}\n    return x0\n")
    long.write_text(f"def fifty_one():\n{body}\n    x = 1\n    return x\n")
    assert function_length.long_functions(str(ok)) == []
    assert function_length.long_functions(str(long)) == [(1, "fifty_one", 51)]
    assert function_length.main([str(ok)]) == 0
    assert function_length.main([str(long)]) == 1
