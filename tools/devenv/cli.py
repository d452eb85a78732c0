"""Command line of devenv: ``python3 -m tools.devenv COMMAND`` from the
repository's root (what the Makefile runs)."""

import argparse
import sys

from .addons import DEFAULT_PLATFORM, PLATFORMS
from .common import SetupError, run
from .demo import check_db_platform, cmd_run, demo_db
from .platform import Platform
from .postgres import copy_db, db_exists, drop_db
from .templates import suite_db, template
from .testrun import cmd_pytest, cmd_test

USAGE = """Development environment of the Helpdesk After-Sales suite.

    python3 -m tools.devenv test [--modules m1,m2] [--platform P] [--keep]
                                         all tests on every platform (`make test`), or
                                         the Odoo tests of some modules on one platform
    python3 -m tools.devenv pytest [--platform P] [tests/test_x.py -k name]
                                                              only suite-level tests
    python3 -m tools.devenv run [--platform P] [--port P] [--rebuild]
                                                              demo database + server on :8069
    python3 -m tools.devenv odoo [--platform P] --db NAME -- ARGS
                                                              odoo-bin with the suite's options
    python3 -m tools.devenv db NAME [--platform P] [--modules m1,m2] [--demo] [--from DB]
                                                              a fresh database (a copy)
    python3 -m tools.devenv dropdb NAME
    python3 -m tools.devenv screenshots [--only a,b] [--lang de_DE]
                                                              README screenshots (docs/)

Stdlib only: it runs before the virtualenv exists and builds it. What it needs
is found or set up, in this order (a step that cannot be done fails with a
message that says what to do: nothing is skipped):
  * Odoo 18.0 source (source.py): $ODOO_SRC, else the cache, else a shallow clone;
  * Debian packages (debian.py): postgresql, chromium, wkhtmltopdf, with apt-get as root;
  * the project's own PostgreSQL cluster (postgres.py) and virtualenv (venv.py);
  * the helpdesk platform's wheels and addons path (helpdesks.py);
  * cached databases (templates.py): the dependencies, and the suite installed.

Platforms (--platform, tools/devenv/addons.py PLATFORMS): standin (the default:
the stand-in `helpdesk` of standins/), oca (OCA's helpdesk_mgmt, from its wheel).
"""


def cmd_db(args):
    platform = Platform(args.platform)
    if args.source:
        source = args.source
    elif args.modules:
        source = suite_db(platform, args.modules.split(","), demo=args.demo)
    else:
        source = template(platform, demo=args.demo)
    copy_db(platform.env, source, args.name)
    print(args.name)
    return 0


def cmd_dropdb(args):
    drop_db(Platform().env, args.name)
    return 0


def cmd_odoo(args):
    platform = Platform(args.platform)
    db = demo_db(platform.name) if args.db is None else args.db  # "": no database
    if db and db_exists(platform.env, db):
        check_db_platform(platform, db)
    rest = [a for a in args.rest if a != "--"]
    command = rest.pop(0) if rest and not rest[0].startswith("-") else None
    cmd = platform.odoo_cmd(db, *rest, command=command)
    return run(cmd, check=False, env=platform.env).returncode


def cmd_screenshots(args):
    from .screenshots import take_screenshots

    return take_screenshots(args)


def platform_option(p, default=DEFAULT_PLATFORM, what=f"default: {DEFAULT_PLATFORM}"):
    help_ = f"the helpdesk the suite runs on ({what})"
    p.add_argument("--platform", choices=list(PLATFORMS), default=default, help=help_)


def parser():
    parser = argparse.ArgumentParser(
        prog="python3 -m tools.devenv",
        description=USAGE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("test")
    p.add_argument("--modules", help="comma-separated modules (default: all, + suite tests)")
    p.add_argument("--keep", action="store_true", help="keep the test database")
    platform_option(p, None, "default: all, with the suite tests; given: its Odoo tests only")
    p.set_defaults(func=cmd_test)
    p = sub.add_parser("pytest", help="only suite-level tests: pytest arguments follow")
    platform_option(p)
    p.add_argument("pytest_args", nargs=argparse.REMAINDER)
    p.set_defaults(func=cmd_pytest)
    p = sub.add_parser("run")
    p.add_argument("--db", help="default: helpdesk_aftersales_demo (_oca on the oca platform)")
    p.add_argument("--port", default="8069")
    p.add_argument("--rebuild", action="store_true", help="drop the demo database first")
    p.add_argument("--update", action="store_true", help="update the suite's modules first")
    platform_option(p)
    p.set_defaults(func=cmd_run)
    p = sub.add_parser("db")
    p.add_argument("name")
    p.add_argument("--modules", help="with these modules installed (cached)")
    p.add_argument("--demo", action="store_true", help="with demo data")
    p.add_argument("--from", dest="source", help="a copy of this database")
    platform_option(p)
    p.set_defaults(func=cmd_db)
    p = sub.add_parser("dropdb")
    p.add_argument("name")
    p.set_defaults(func=cmd_dropdb)
    p = sub.add_parser("odoo")
    p.add_argument("--db", help="default: the platform's demo database")
    platform_option(p)
    p.add_argument("rest", nargs=argparse.REMAINDER)
    p.set_defaults(func=cmd_odoo)
    p = sub.add_parser("screenshots", help="the README's screenshots, from browser tours")
    p.add_argument("--only", help="comma-separated shot names")
    p.add_argument(
        "--lang",
        help="the screens in this language, e.g. de_DE, zh_CN (default: English); "
        "saved into docs/screenshots/<de|zh_CN>",
    )
    p.add_argument("--out", help="folder of the PNG files (default: docs/screenshots)")
    p.set_defaults(func=cmd_screenshots)
    return parser


def main(argv=None):
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except SetupError as exc:
        print(f"\nERROR: {exc}\n", file=sys.stderr)
        if args.command in ("test", "pytest"):
            print("0 passed, 1 failed")
        return 2
