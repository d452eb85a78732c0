"""The suite's developer tools, run as modules from the repository's root:
``python3 -m tools.devenv``, ``python3 -m tools.lint``, ``python3 -m tools.dist``..."""
