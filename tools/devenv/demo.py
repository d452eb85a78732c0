"""`make run`: the demo database (Odoo's demo data + the whole suite with its
own) served on http://localhost:8069."""

import socket
import subprocess
import time
import urllib.request

from .addons import product_modules
from .common import SetupError, log
from .platform import Platform
from .postgres import copy_db, db_exists, drop_db, psql
from .templates import suite_db

DEMO_LOGIN = ("admin", "admin")


def installed_modules(platform, db, names):
    quoted = ",".join(f"'{name}'" for name in names)
    out = psql(
        platform.env,
        f"SELECT name FROM ir_module_module WHERE state = 'installed' AND name IN ({quoted})",
        db=db,
    )
    return set(out.split())


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


def reuse_demo_db(platform, db, modules, update):
    """Install the suite's modules missing from ``db`` (and update the
    others with ``update``)."""
    log(f"reusing database {db} (`make clean-db` or `--rebuild` builds it again)")
    missing = sorted(set(modules) - installed_modules(platform, db, modules))
    to_update = [m for m in modules if m not in missing] if update else []
    if missing or to_update:
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
    platform = Platform()
    db = args.db
    modules = product_modules()
    if args.rebuild and db_exists(platform.env, db):
        log(f"dropping {db} (--rebuild)")
        drop_db(platform.env, db)
    if not db_exists(platform.env, db):
        build_demo_db(platform, db, modules)
    else:
        reuse_demo_db(platform, db, modules, args.update)
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
                f"\n      {url}/odoo/action-helpdesk.helpdesk_ticket_action"
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
