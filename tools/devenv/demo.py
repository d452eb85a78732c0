"""`make run`: the demo database (Odoo's demo data + the whole suite with its
own) served on http://localhost:8069, on the stand-in helpdesk or
(``PLATFORM=oca``) on OCA's helpdesk_mgmt: one demo database per platform."""

import socket
import subprocess
import time
import urllib.request

from .addons import DEFAULT_PLATFORM, hidden_modules, product_modules
from .common import SetupError, log
from .platform import Platform
from .postgres import copy_db, db_exists, drop_db, installed_modules
from .templates import suite_db

DEMO_LOGIN = ("admin", "admin")
# The tickets' list of each platform's helpdesk (the URL printed when ready).
TICKETS_ACTION = {
    "standin": "helpdesk.helpdesk_ticket_action",
    "oca": "helpdesk_mgmt.helpdesk_ticket_action",
}


def demo_db(platform_name):
    """The demo database of a platform: one each, never opened on another."""
    suffix = "" if platform_name == DEFAULT_PLATFORM else f"_{platform_name}"
    return f"helpdesk_aftersales_demo{suffix}"


def check_db_platform(platform, db):
    """Refuse to open ``db`` on ``platform`` when another platform's helpdesk
    is installed in it (its modules are not on this addons path)."""
    other = installed_modules(platform.env, db, sorted(hidden_modules(platform.name)))
    if other:
        raise SetupError(
            f"{db} has {', '.join(sorted(other))} installed: it is a database of another "
            f"platform than {platform.name}. Use its --platform, or another --db."
        )


def port_in_use(port):
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("0.0.0.0", int(port)))
        except OSError:
            return True
    return False


def wait_http(url, proc, timeout=180):
    """Wait until ``url`` answers (True) or the server ``proc`` exits (False)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(url, timeout=5) as resp:
                if resp.status == 200:
                    return True
        except OSError:
            pass
        time.sleep(1)
    return False


def build_demo_db(platform, db, modules):
    """The demo database: a copy of the cached demo suite database (the demo
    template + the whole suite with its demo data, built when the suite's
    files changed since; tests/test_demo.py checks that very database)."""
    started = time.time()
    log(f"creating demo database {db} with the whole suite (a few minutes the first time)")
    copy_db(platform.env, suite_db(platform, modules, demo=True, progress=True), db)
    log(f"demo database {db} ready in {time.time() - started:.0f} s")


def prepare_demo_db(platform, db, modules, args):
    """Build ``db`` when missing (or ``--rebuild``), else install the modules
    it misses (and ``--update`` the others)."""
    if args.rebuild and db_exists(platform.env, db):
        log(f"dropping {db} (--rebuild)")
        drop_db(platform.env, db)
    if not db_exists(platform.env, db):
        build_demo_db(platform, db, modules)
        return
    check_db_platform(platform, db)
    log(f"reusing database {db} (`make clean-db` or `--rebuild` builds it again)")
    missing = sorted(set(modules) - installed_modules(platform.env, db, modules))
    to_update = [m for m in modules if m not in missing] if args.update else []
    if not (missing or to_update):
        return
    what = (["-i", ",".join(missing)] if missing else []) + (
        ["-u", ",".join(to_update)] if to_update else []
    )
    log(f"installing {', '.join(missing) or '-'}; updating {', '.join(to_update) or '-'}")
    rc = platform.odoo_with_progress(
        platform.odoo_cmd(db, *what, "--stop-after-init", "--log-level=info", "--no-http"),
        total=len(missing) + len(to_update),
    )
    if rc:
        raise SetupError(f"installing/updating modules in {db} failed (see above)")


def cmd_run(args):
    started = time.time()
    if port_in_use(args.port):
        raise SetupError(
            f"port {args.port} is already in use (another Odoo?).\n"
            f"  Stop it, or choose another port:  python3 -m tools.devenv run --port 8070"
        )
    platform = Platform(args.platform)
    db = args.db or demo_db(platform.name)
    prepare_demo_db(platform, db, product_modules(platform.name), args)
    log(f"starting Odoo on port {args.port}")
    proc = subprocess.Popen(
        platform.odoo_cmd(db, f"--http-port={args.port}", "--db-filter", f"^{db}$"),
        env=platform.env,
    )
    try:
        url = f"http://localhost:{args.port}"
        if wait_http(f"{url}/web/login", proc):
            print(
                f"\n  Helpdesk After-Sales demo is ready ({time.time() - started:.0f} s):"
                f"\n      {url}/odoo/action-{TICKETS_ACTION[platform.name]}"
                f"\n  Log in as {DEMO_LOGIN[0]} / password {DEMO_LOGIN[1]}  (database {db})."
                "\n  Stop with Ctrl+C.\n",
                flush=True,
            )
        elif proc.poll() is None:
            log(f"Odoo does not answer on {url} yet; still waiting (see its log above)")
        return proc.wait()
    except KeyboardInterrupt:
        # Ctrl+C reached Odoo too (same process group): give it time to stop
        # cleanly; a second signal would make it stop hard.
        for signal_number in (None, 2, 9):
            if signal_number:
                proc.send_signal(signal_number)
            try:
                return proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                continue
        return proc.wait()
