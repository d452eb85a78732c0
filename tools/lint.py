#!/usr/bin/env python3
"""`make lint`: the checks OCA runs on Odoo addons, with pinned tools.

- ruff: lint and ``ruff format --check`` (configuration: ruff.toml);
- pylint-odoo: the OCA mandatory checks (setup.cfg [pylint_odoo]);
- oca-checks-odoo-module and oca-checks-po from oca-odoo-pre-commit-hooks
  (setup.cfg [oca_checks_odoo_module], [oca_checks_po]);
- prettier with @prettier/plugin-xml on the XML files (setup.cfg [prettier]);
- eslint on the JavaScript of the addons (static/src, static/tests), with OCA's
  configuration for Odoo 18 (tools/eslint.config.cjs); a warning is a finding too;
- README.rst rendered from readme/, pyproject.toml from the manifests and each
  addon's copy of LICENSE are up to date (tools.render_readme, tools.make_pyprojects);
- no function over 50 lines in the product and the tooling (tools.function_length).

Scope: the product addons, standins/ and platforms/*/, plus tools/, tests/, bench/ and
i18n/*.py for ruff. The Python tools live in pinned virtualenvs
(tools/requirements-lint.txt, tools/requirements-pylint.txt: pylint-odoo pins
its own pylint), prettier in a pinned npm tree (tools/package.json and its
lock file: prettier, eslint), all under ${XDG_CACHE_HOME:-~/.cache}/helpdesk_aftersales/.

Exits non-zero on any finding. ``--fix`` rewrites what the tools can fix
(ruff --fix, ruff format, prettier --write, oca-checks --fix) in the given
paths (default: everything in scope): review the diff afterwards.
"""

import argparse
import configparser
import glob
import hashlib
import os
import shutil
import subprocess
import sys

if __package__:  # python3 -m tools.lint
    from . import devenv
else:  # python3 tools/lint.py: tools/ is the script's folder, first on sys.path
    import devenv

ROOT = devenv.ROOT
TOOLS = os.path.join(ROOT, "tools")

NODE_FILES = ("package.json", "package-lock.json")


def node_dir():
    """The npm tree of this content of tools/package.json + its lock: one
    folder per content, so work trees of other branches (other pins) do not
    install theirs over it while it runs."""
    wanted = "".join(open(os.path.join(TOOLS, name)).read() for name in NODE_FILES)
    key = hashlib.sha1(wanted.encode()).hexdigest()[:10]
    return os.path.join(devenv.CACHE, f"node-lint-{key}")


def config(section):
    cfg = configparser.ConfigParser()
    cfg.read(os.path.join(ROOT, "setup.cfg"))
    return cfg[section]


def csv(value):
    return ",".join(item.strip() for item in value.replace("\n", ",").split(",") if item.strip())


# --- tools -------------------------------------------------------------------


def lint_venv():
    return devenv.side_venv("venv-lint", os.path.join(TOOLS, "requirements-lint.txt"))


def pylint_venv():
    return devenv.side_venv("venv-pylint", os.path.join(TOOLS, "requirements-pylint.txt"))


def node_modules():
    """prettier, its XML plugin, eslint and its plugins, installed once per
    content of tools/package.json + package-lock.json; returns the
    node_modules folder."""
    folder = node_dir()
    stamp = os.path.join(folder, ".stamp")
    with devenv.locked("node-lint"):
        if not os.path.isfile(stamp):
            npm = shutil.which("npm")
            if not npm:
                raise devenv.SetupError(
                    "npm not found: install Node.js >= 18 (Debian: apt-get install npm)"
                )
            devenv.log("installing prettier and eslint (tools/package.json)")
            shutil.rmtree(folder, ignore_errors=True)
            os.makedirs(folder)
            for name in NODE_FILES:
                shutil.copy(os.path.join(TOOLS, name), folder)
            devenv.run(
                [npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"],
                cwd=folder,
            )
            with open(stamp, "w"):
                pass
    return os.path.join(folder, "node_modules")


def node_tools():
    """(prettier, its XML plugin)."""
    modules = node_modules()
    return (
        os.path.join(modules, "prettier", "bin", "prettier.cjs"),
        os.path.join(modules, "@prettier", "plugin-xml", "src", "plugin.js"),
    )


# --- scope -------------------------------------------------------------------


def addon_dirs():
    """Product addons, the stand-ins and every platform's own addons
    (``platforms/*/*``): everything Odoo loads."""
    return devenv.addon_dirs(product=True, standins=True, platforms=True)


def python_paths():
    paths = [*addon_dirs(), TOOLS, os.path.join(ROOT, "tests"), os.path.join(ROOT, "bench")]
    paths += sorted(glob.glob(os.path.join(ROOT, "i18n", "*.py")))
    return [p for p in paths if os.path.exists(p)]


def addon_files(*extensions):
    files = []
    for addon in addon_dirs():
        for dirpath, dirnames, filenames in os.walk(addon):
            # Third-party and generated files are not ours to format.
            dirnames[:] = [d for d in dirnames if d not in ("lib", "node_modules", "__pycache__")]
            files += [os.path.join(dirpath, f) for f in filenames if f.endswith(extensions)]
    return sorted(files)


def within(paths, selected):
    """``paths`` restricted to ``selected`` (files or folders); all when none."""
    if not selected:
        return paths
    selected = [os.path.abspath(s) for s in selected]
    return [
        p
        for p in paths
        if any(p == s or p.startswith(s + os.sep) or s.startswith(p + os.sep) for s in selected)
    ]


# --- checks ------------------------------------------------------------------


def ruff_commands(fix, selected):
    ruff = os.path.join(lint_venv(), "ruff")
    # Chosen files that are not Python (XML, PO) are not ruff's.
    paths = [p for p in selected if os.path.isdir(p) or p.endswith(".py")] if selected else None
    if selected and not paths:
        return []
    paths = paths or python_paths()
    if fix:
        return [
            ("ruff", [ruff, "check", "--fix", *paths]),
            ("ruff format", [ruff, "format", *paths]),
        ]
    return [
        ("ruff", [ruff, "check", *paths]),
        ("ruff format", [ruff, "format", "--check", *paths]),
    ]


def pylint_commands(fix, selected):
    if fix:
        return []
    section = config("pylint_odoo")
    args = [
        os.path.join(pylint_venv(), "pylint"),
        "--rcfile=/dev/null",
        "--load-plugins=pylint_odoo",
        "--disable=all",
        f"--enable={csv(section['enable'])}",
        "--score=n",
        "--reports=n",
    ]
    for key in (
        "valid-odoo-versions",
        "manifest-required-authors",
        "manifest-required-keys",
        "manifest-deprecated-keys",
        "license-allowed",
    ):
        args.append(f"--{key}={section[key]}")
    addons = within(addon_dirs(), selected)
    return [("pylint-odoo", [*args, *addons])] if addons else []


def oca_commands(fix, selected):
    bindir = lint_venv()
    commands = []
    addons = within(addon_dirs(), selected)
    po_files = within(addon_files(".po", ".pot"), selected)
    for tool, section, targets in (
        ("oca-checks-odoo-module", "oca_checks_odoo_module", addons),
        ("oca-checks-po", "oca_checks_po", po_files),
    ):
        if not targets:
            continue
        cmd = [os.path.join(bindir, tool), "--config", os.devnull]
        disable = csv(config(section).get("disable", ""))
        if disable:
            cmd.append(f"--disable={disable}")
        if fix:
            cmd.append("--fix")
        commands.append((tool, [*cmd, *targets]))
    return commands


def prettier_commands(fix, selected):
    xml_files = within(addon_files(".xml"), selected)
    if not xml_files:
        return []
    prettier, plugin = node_tools()
    node = shutil.which("node") or "node"
    args = [node, prettier, "--no-config", "--no-editorconfig", f"--plugin={plugin}"]
    for key, value in config("prettier").items():
        if value == "true":
            args.append(f"--{key}")
        elif value == "false":
            args.append(f"--no-{key}")
        else:
            args.append(f"--{key}={value}")
    args.append("--write" if fix else "--check")
    # --list-different would print only names; --check names them with a hint.
    return [("prettier", [*args, *xml_files])]


def js_files():
    """The addons' own JavaScript: static/src and static/tests (tours)."""
    return [
        path
        for path in addon_files(".js")
        if f"{os.sep}static{os.sep}src{os.sep}" in path
        or f"{os.sep}static{os.sep}tests{os.sep}" in path
    ]


def eslint_commands(fix, selected):
    files = within(js_files(), selected)
    if not files:
        return []
    modules = node_modules()
    node = shutil.which("node") or "node"
    args = [
        node,
        os.path.join(modules, "eslint", "bin", "eslint.js"),
        "--no-config-lookup",
        f"--config={os.path.join(TOOLS, 'eslint.config.cjs')}",
        # OCA lets warnings pass; here every finding is one.
        "--max-warnings=0",
    ]
    if fix:
        args.append("--fix")
    return [("eslint", [*args, *files])]


def generated_commands(fix, selected):
    """The files generated from others (README.rst from readme/, pyproject.toml
    from the manifests, each addon's LICENSE from the root one) must be up to
    date: a stale one is a finding."""
    flag = [] if fix else ["--check"]
    return [
        ("README.rst", [sys.executable, "-m", "tools.render_readme", *flag]),
        ("pyproject.toml, LICENSE", [sys.executable, "-m", "tools.make_pyprojects", *flag]),
    ]


def function_length_commands(fix, selected):
    """No function over 50 lines in the product and the tooling."""
    return [] if fix else [("function length", [sys.executable, "-m", "tools.function_length"])]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--fix", action="store_true", help="rewrite what the tools can fix")
    parser.add_argument("paths", nargs="*", help="restrict to these files or folders")
    args = parser.parse_args()
    selected = [os.path.abspath(p) for p in args.paths]
    commands = []
    try:
        for build in (
            ruff_commands,
            pylint_commands,
            oca_commands,
            prettier_commands,
            eslint_commands,
            generated_commands,
            function_length_commands,
        ):
            commands += build(args.fix, selected)
    except (devenv.SetupError, subprocess.CalledProcessError) as exc:
        print(f"lint: cannot set up the tools: {exc}", file=sys.stderr)
        return 2
    failed = []
    # eslint's configuration requires its plugins from the cache's node_modules.
    env = dict(os.environ, NODE_PATH=os.path.join(node_dir(), "node_modules"))
    for name, cmd in commands:
        devenv.log(name)
        if subprocess.run(cmd, cwd=ROOT, check=False, env=env).returncode:
            failed.append(name)
    if failed:
        print(f"lint: findings from {', '.join(failed)} (above)")
        return 1
    print("lint: no finding")
    return 0


if __name__ == "__main__":
    sys.exit(main())
