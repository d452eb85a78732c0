"""No function over 50 lines in the product (the helpdesk_aftersales* addons,
tests aside) nor in the tooling (tools/, bench/, i18n/*.py).

    python3 -m tools.function_length [PATH ...]

Prints each longer function (lines from ``def`` to its last line, decorators
aside) and exits with 1; run by `make lint`, hence by `make test`.
"""

import ast
import glob
import os
import sys

from tools.devenv import ROOT, addon_dirs

LIMIT = 50


def python_files(folder):
    return glob.glob(os.path.join(folder, "**", "*.py"), recursive=True)


def scope():
    """The Python files checked: the product's (not its tests) and the tooling's."""
    product = [f for a in addon_dirs() for f in python_files(a) if "/tests/" not in f]
    tooling = python_files(os.path.join(ROOT, "tools")) + python_files(os.path.join(ROOT, "bench"))
    return sorted(product + tooling + glob.glob(os.path.join(ROOT, "i18n", "*.py")))


def long_functions(path):
    """[(line, name, length)] of the functions of ``path`` over LIMIT lines."""
    with open(path, encoding="utf-8") as fh:
        tree = ast.parse(fh.read(), path)
    return [
        (node.lineno, node.name, node.end_lineno - node.lineno + 1)
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno - node.lineno + 1 > LIMIT
    ]


def main(paths=None):
    found = 0
    files = [f for p in paths or [] for f in (python_files(p) if os.path.isdir(p) else [p])]
    for path in files or scope():
        for line, name, length in long_functions(path):
            print(f"{os.path.relpath(path, ROOT)}:{line}: {name} has {length} lines (> {LIMIT})")
            found += 1
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
