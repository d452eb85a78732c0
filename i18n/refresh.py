#!/usr/bin/env python3
"""Refresh the translation templates and catalogues of the suite's modules.

    python3 i18n/refresh.py                       every product module
    python3 i18n/refresh.py --modules m1,m2       some of them (a stand-in too: helpdesk)
    python3 i18n/refresh.py --platform oca        the modules of another helpdesk platform
                                                  (its variant of helpdesk_aftersales_platform)
    python3 i18n/refresh.py --check               export to a temporary folder and report
                                                  modules whose .pot is out of date (exit 1)

For each module it exports ``<module>/i18n/<module>.pot`` with Odoo's own exporter from a
real database (fields, selections, views, help texts, ``_()`` strings, mail templates),
then merges it into ``de.po`` and ``zh_CN.po`` with ``i18n/pomerge.py``: translations,
fuzzy flags, translator comments and headers are kept; an entry whose English changed
keeps its old translation as a fuzzy suggestion; new entries come in empty (to be
translated with ``i18n/glossary.csv``); vanished ones go.
"""

import argparse
import ast
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "tools"))

import devenv  # noqa: E402

# The languages every module ships; any other <lang>.po found in a module is merged too.
LANGS = ("de", "zh_CN")
# The helpdesk platform whose modules are refreshed (--platform): its variant of
# helpdesk_aftersales_platform is the one found and exported.
PLATFORM = devenv.DEFAULT_PLATFORM


def export_pots(platform, modules, outdir, db=None):
    """Export each module's .pot into ``outdir/<module>.pot``; return the paths."""
    own_db = db is None
    db = db or f"ha_i18n_{os.getpid()}"
    if own_db:
        devenv.copy_db(platform.env, platform.template(), db)
        devenv.run(
            platform.odoo_cmd(db, "-i", ",".join(modules), "--stop-after-init", "--log-level=warn"),
            env=platform.env,
        )
    paths = {module: os.path.join(outdir, f"{module}.pot") for module in modules}
    try:
        # One Odoo run for every module (one registry load, not one per
        # module), each exported alone as `odoo-bin --i18n-export` does.
        script = (
            "import json, odoo.tools.translate as translate\n"
            f"for module, path in json.loads({json.dumps(json.dumps(paths))}).items():\n"
            "    with open(path, 'wb') as buf:\n"
            "        translate.trans_export(False, [module], buf, 'po', env.cr)\n"
            "env.cr.rollback()\n"
        )
        devenv.run(
            platform.odoo_cmd(db, "--log-level=warn", "--no-http", command="shell"),
            input=script,
            text=True,
            env=platform.env,
            stdout=subprocess.DEVNULL,
        )
        missing = [module for module, path in paths.items() if not os.path.isfile(path)]
        if missing:
            raise SystemExit(f"no template exported for {', '.join(missing)}")
    finally:
        if own_db:
            devenv.drop_db(platform.env, db)
    return paths


def merge(pot_path, po_path, lang, python):
    """Merge the template into a catalogue with i18n/pomerge.py (polib, in the
    virtualenv): translations, fuzzy flags, translator comments and the header are
    kept; a changed English keeps its old translation as a fuzzy suggestion."""
    devenv.run([python, os.path.join(HERE, "pomerge.py"), pot_path, po_path, lang])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--modules")
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--db", help="use this existing database (all modules installed)")
    parser.add_argument("--platform", default=devenv.DEFAULT_PLATFORM, choices=devenv.PLATFORMS)
    args = parser.parse_args()
    global PLATFORM  # noqa: PLW0603 (module_dir's platform, for this run)
    PLATFORM = args.platform
    modules = args.modules.split(",") if args.modules else devenv.product_modules(PLATFORM)
    unknown = [module for module in modules if not module_dir(module)]
    if unknown:
        parser.error(f"not an addon of the suite or a stand-in: {', '.join(unknown)}")
    platform = devenv.Platform(PLATFORM)
    tmp = tempfile.mkdtemp(prefix="ha-i18n-")
    try:
        pots = export_pots(platform, modules, tmp, db=args.db)
        if args.check:
            stale = [m for m, p in pots.items() if msgids(p) != msgids(pot_file(m))]
            for module in stale:
                print(f"{module}: i18n/{module}.pot is out of date: run i18n/refresh.py")
            return 1 if stale else 0
        for module, path in pots.items():
            i18n = os.path.join(module_dir(module), "i18n")
            os.makedirs(i18n, exist_ok=True)
            shutil.copy(path, pot_file(module))
            langs = languages(i18n)
            for lang in langs:
                merge(pot_file(module), os.path.join(i18n, f"{lang}.po"), lang, platform.python)
            merged = ", ".join(f"{lang}.po" for lang in langs)
            devenv.log(f"{module}: .pot exported, {merged} merged")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


def languages(i18n):
    """The shipped languages plus any other catalogue a translator added."""
    found = {name[:-3] for name in os.listdir(i18n) if name.endswith(".po")}
    return sorted(found | set(LANGS))


def module_dir(module):
    """The folder of ``module``: a product addon at the root, a stand-in in
    standins/ or the platform's own module in platforms/<platform>/ (None for
    any other name)."""
    paths = devenv.addon_dirs(standins=True) + devenv.platform_addon_dirs(PLATFORM)
    return next((path for path in paths if os.path.basename(path) == module), None)


def pot_file(module):
    return os.path.join(module_dir(module), "i18n", f"{module}.pot")


def msgids(path):
    if not os.path.isfile(path):
        return set()
    ids, current = set(), None
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("msgid "):
                current = [ast.literal_eval(line[6:])]
            elif line.startswith('"') and current is not None:
                current.append(ast.literal_eval(line))
            elif current is not None:
                ids.add("".join(current))
                current = None
    ids.discard("")
    return ids


if __name__ == "__main__":
    sys.exit(main())
