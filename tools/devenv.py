"""Former entry point, kept for older instructions: ``python3 tools/devenv.py
ARGS`` is ``python3 -m tools.devenv ARGS`` (the package tools/devenv/, which
this script's folder puts first on sys.path, wins over this file)."""

import sys

from devenv.cli import main

if __name__ == "__main__":
    sys.exit(main())
