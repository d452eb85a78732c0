#!/usr/bin/env python3
"""Development environment of the Helpdesk After-Sales suite.

Stdlib only: it runs before the virtualenv exists and builds it.

    tools/devenv.py test [--modules m1,m2] [--keep]   all tests (what `make test` runs)
    tools/devenv.py pytest [tests/test_x.py -k name]   only suite-level tests
    tools/devenv.py run [--port P] [--rebuild]        demo database + server on :8069
    tools/devenv.py odoo -- ARGS                      odoo-bin with the suite's options
    tools/devenv.py db NAME [--modules m1,m2]         a fresh database from the template

Everything it needs is found or set up here, in this order:
  * Odoo 18.0 source: $ODOO_SRC, else $XDG_CACHE_HOME/helpdesk_aftersales/odoo-18.0,
    else a shallow `git clone --branch 18.0` of odoo/odoo into that cache.
  * PostgreSQL binaries: on PATH or /usr/lib/postgresql/*/bin, else `apt-get install
    postgresql` when root. The tests run on a throw-away cluster this script starts
    on its own port, never on a system service.
  * A virtualenv with Odoo's requirements and the suite's tools (tools/requirements.txt).
A step that cannot be done fails with a message that says what to do: nothing is skipped.
"""

import argparse
import contextlib
import fcntl
import glob
import hashlib
import os
import re
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CACHE = os.path.join(
    os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "helpdesk_aftersales"
)
ODOO_CACHE = os.path.join(CACHE, "odoo-18.0")
ODOO_GIT = "https://github.com/odoo/odoo.git"
STANDINS = os.path.join(ROOT, "standins")
PG_PORT = int(os.environ.get("HA_PG_PORT", "54329"))
PG_DIR = os.environ.get("HA_PG_DIR") or f"/tmp/helpdesk_aftersales-pg-{os.getuid()}"
PG_USER = "odoo"
DATA_DIR = os.path.join(CACHE, "data")

# What the suite's modules stand on; installed once in a template database.
BASE_DEPENDS = [
    "helpdesk",
    "industry_fsm",
    "industry_fsm_report",
    "account",
    "sale_management",
    "sale_stock",
    "sale_loyalty",
    "website_sale_loyalty",
    "repair",
    "project",
]


class SetupError(Exception):
    """A setup step that failed; the message says what to do."""


def log(msg):
    print(f"[devenv {time.strftime('%H:%M:%S')}] {msg}", flush=True)


def product_modules():
    return sorted(
        os.path.basename(os.path.dirname(path))
        for path in glob.glob(os.path.join(ROOT, "*", "__manifest__.py"))
    )


def tested_standins():
    """The stand-ins that have tests of their own (run by `make test` too)."""
    return sorted(
        os.path.basename(os.path.dirname(os.path.dirname(path)))
        for path in glob.glob(os.path.join(STANDINS, "*", "tests", "__init__.py"))
    )


def sync_generated(wanted, check, done="written"):
    """Generated files: ``wanted`` maps each path to the text it must hold.
    Write the missing or outdated ones, or with ``check`` only name them.
    Returns the exit code (1 when ``check`` finds one)."""
    outdated = []
    for path, text in wanted.items():
        current = open(path, encoding="utf-8").read() if os.path.isfile(path) else None
        if current == text:
            continue
        outdated.append(os.path.relpath(path, ROOT))
        if not check:
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(text)
    for path in outdated:
        print(f"{'outdated' if check else done}: {path}")
    return 1 if check and outdated else 0


def run(cmd, check=True, **kwargs):
    return subprocess.run(cmd, check=check, **kwargs)


@contextlib.contextmanager
def locked(name):
    os.makedirs(CACHE, exist_ok=True)
    with open(os.path.join(CACHE, f"{name}.lock"), "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        yield


# --- Odoo source -------------------------------------------------------------


def find_odoo():
    candidates = []
    if os.environ.get("ODOO_SRC"):
        candidates.append(os.environ["ODOO_SRC"])
    candidates.append(ODOO_CACHE)
    for path in candidates:
        if os.path.isfile(os.path.join(path, "odoo-bin")):
            release = open(os.path.join(path, "odoo", "release.py")).read()
            if "version_info = (18, 0" not in release and "version_info = (saas~18" not in release:
                raise SetupError(f"{path} is not an Odoo 18.0 tree (odoo/release.py).")
            return path
    log(f"Odoo 18.0 not found at $ODOO_SRC or {ODOO_CACHE}: cloning it (shallow)")
    os.makedirs(os.path.dirname(ODOO_CACHE), exist_ok=True)
    tmp = ODOO_CACHE + ".part"
    shutil.rmtree(tmp, ignore_errors=True)
    res = run(
        ["git", "clone", "--quiet", "--depth", "1", "--branch", "18.0", ODOO_GIT, tmp],
        check=False,
        timeout=1800,
    )
    if res.returncode or not os.path.isfile(os.path.join(tmp, "odoo-bin")):
        shutil.rmtree(tmp, ignore_errors=True)
        raise SetupError(
            "Cannot find Odoo 18.0 and cannot clone it.\n"
            "  Provide it in one of these ways, then run the command again:\n"
            "    export ODOO_SRC=/path/to/odoo   # a checkout of branch 18.0 (with odoo-bin)\n"
            f"    git clone --depth 1 --branch 18.0 {ODOO_GIT} {ODOO_CACHE}\n"
            "  (DEVELOPERS.md says where to get a tree on a machine without internet.)"
        )
    os.rename(tmp, ODOO_CACHE)
    return ODOO_CACHE


def addons_path(odoo):
    paths = [os.path.join(odoo, "odoo", "addons"), os.path.join(odoo, "addons"), STANDINS, ROOT]
    return ",".join(paths)


# --- PostgreSQL ----------------------------------------------------------------


def pg_bindir():
    needed = ("initdb", "pg_ctl", "pg_isready", "psql", "createdb", "dropdb")
    dirs = sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    found = shutil.which("pg_ctl")
    for path in dirs + ([os.path.dirname(found)] if found else []):
        if all(os.path.isfile(os.path.join(path, tool)) for tool in needed):
            return path
    if os.geteuid() == 0 and shutil.which("apt-get"):
        log("PostgreSQL is missing: installing the Debian package 'postgresql'")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        run(["apt-get", "update", "-qq"], check=False, env=env)
        res = run(["apt-get", "install", "-y", "-qq", "postgresql"], check=False, env=env)
        dirs = sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
        if res.returncode == 0 and dirs:
            return dirs[0]
    raise SetupError(
        "PostgreSQL server binaries (initdb, pg_ctl) not found.\n"
        "  Install them, then run the command again:  sudo apt-get install postgresql\n"
        "  (or put a PostgreSQL 15+ bin directory on PATH)."
    )


def as_pg_owner(cmd):
    """postgres refuses to run as root: run the cluster as the 'postgres' user."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


def ensure_cluster():
    """Start (creating it if needed) the project's own cluster; return its env."""
    bindir = pg_bindir()
    env = dict(os.environ, PGHOST="127.0.0.1", PGPORT=str(PG_PORT), PGUSER=PG_USER)
    with locked("postgres"):
        if not os.path.isfile(os.path.join(PG_DIR, "PG_VERSION")):
            log(f"creating a PostgreSQL cluster in {PG_DIR} (port {PG_PORT})")
            os.makedirs(PG_DIR, exist_ok=True)
            if os.geteuid() == 0:
                shutil.chown(PG_DIR, "postgres", "postgres")
            run(
                as_pg_owner(
                    [
                        os.path.join(bindir, "initdb"),
                        "-D",
                        PG_DIR,
                        "-U",
                        PG_USER,
                        "--auth=trust",
                        "-E",
                        "UTF8",
                        "--locale=C.UTF-8",
                    ]
                ),
                stdout=subprocess.DEVNULL,
            )
        ready = run(
            [os.path.join(bindir, "pg_isready"), "-q", "-h", "127.0.0.1", "-p", str(PG_PORT)],
            check=False,
        )
        if ready.returncode != 0:
            log(f"starting PostgreSQL on port {PG_PORT}")
            opts = f"-p {PG_PORT} -k {PG_DIR} -c listen_addresses=127.0.0.1 -c fsync=off"
            res = run(
                as_pg_owner(
                    [
                        os.path.join(bindir, "pg_ctl"),
                        "-D",
                        PG_DIR,
                        "-l",
                        os.path.join(PG_DIR, "server.log"),
                        "-o",
                        opts,
                        "-w",
                        "start",
                    ]
                ),
                check=False,
                stdout=subprocess.DEVNULL,
            )
            if res.returncode:
                raise SetupError(
                    f"PostgreSQL did not start; see {PG_DIR}/server.log "
                    f"(is port {PG_PORT} taken? set HA_PG_PORT)."
                )
    env["HA_PG_BINDIR"] = bindir
    return env


def psql(env, sql, db="postgres"):
    res = run(
        [os.path.join(env["HA_PG_BINDIR"], "psql"), "-qAtX", "-d", db, "-c", sql],
        env=env,
        capture_output=True,
        text=True,
    )
    return res.stdout.strip()


def db_exists(env, name):
    return psql(env, f"SELECT 1 FROM pg_database WHERE datname = '{name}'") == "1"


def drop_db(env, name):
    run([os.path.join(env["HA_PG_BINDIR"], "dropdb"), "--if-exists", "--force", name], env=env)
    shutil.rmtree(os.path.join(DATA_DIR, "filestore", name), ignore_errors=True)


def copy_db(env, template, name):
    drop_db(env, name)
    run([os.path.join(env["HA_PG_BINDIR"], "createdb"), "-T", template, name], env=env)
    src = os.path.join(DATA_DIR, "filestore", template)
    if os.path.isdir(src):
        shutil.copytree(src, os.path.join(DATA_DIR, "filestore", name))


# --- virtualenv ------------------------------------------------------------------


def ensure_venv(odoo):
    reqs = open(os.path.join(odoo, "requirements.txt")).read()
    tools_reqs = open(os.path.join(ROOT, "tools", "requirements.txt")).read()
    key = hashlib.sha1((reqs + tools_reqs + sys.version).encode()).hexdigest()[:10]
    venv = os.path.join(CACHE, "venv")
    stamp = os.path.join(venv, ".helpdesk_aftersales-stamp")
    with locked("venv"):
        if os.path.isfile(stamp) and open(stamp).read() == key:
            return venv
        log(f"setting up the virtualenv {venv} (Odoo requirements + tools; minutes the first time)")
        if not os.path.isfile(os.path.join(venv, "bin", "python")):
            run([sys.executable, "-m", "venv", venv])
        pip = [os.path.join(venv, "bin", "python"), "-m", "pip", "install", "-q"]
        # Odoo 18 pins old sdists (cbor2) that do not build with setuptools >= 70.
        constraint = os.path.join(CACHE, "build-constraints.txt")
        with open(constraint, "w") as fh:
            fh.write("setuptools<70\n")
        env = dict(os.environ, PIP_CONSTRAINT=constraint)
        odoo_reqs = os.path.join(CACHE, "odoo-requirements.txt")
        with open(odoo_reqs, "w") as fh:
            for line in reqs.splitlines():
                if line.split("==")[0].strip() in ("pylint", "astroid"):
                    continue  # lint tools live in their own virtualenv
                if line.startswith("python-ldap") and not ldap_buildable():
                    log("python-ldap left out (no libldap2-dev/libsasl2-dev): auth_ldap only")
                    continue
                fh.write(line + "\n")
        run([*pip, "-r", odoo_reqs, "-r", os.path.join(ROOT, "tools", "requirements.txt")], env=env)
        with open(stamp, "w") as fh:
            fh.write(key)
    return venv


def ldap_buildable():
    if os.path.exists("/usr/include/ldap.h") and os.path.exists("/usr/include/sasl/sasl.h"):
        return True
    if os.geteuid() == 0 and shutil.which("apt-get"):
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        res = run(
            ["apt-get", "install", "-y", "-qq", "libldap2-dev", "libsasl2-dev"],
            check=False,
            env=env,
            stdout=subprocess.DEVNULL,
        )
        return res.returncode == 0
    return False


def side_venv(name, requirements):
    """A virtualenv of pinned tools apart from Odoo's (lint, build), set up
    once per content of ``requirements``; returns its bin directory."""
    venv = os.path.join(CACHE, name)
    stamp = os.path.join(venv, ".stamp")
    wanted = open(requirements).read()
    with locked(name):
        if not (os.path.isfile(stamp) and open(stamp).read() == wanted):
            log(f"setting up the virtualenv {name}")
            run([sys.executable, "-m", "venv", venv])
            run([os.path.join(venv, "bin", "pip"), "install", "-q", "-r", requirements])
            with open(stamp, "w") as fh:
                fh.write(wanted)
    return os.path.join(venv, "bin")


def ensure_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return
    if os.geteuid() == 0 and shutil.which("apt-get"):
        log("installing Debian 'chromium' for the browser tests")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        run(["apt-get", "update", "-qq"], check=False, env=env)
        run(["apt-get", "install", "-y", "-qq", "chromium"], check=False, env=env)
    if not shutil.which("chromium"):
        raise SetupError(
            "Chromium is needed for the browser tests (Odoo would skip them).\n"
            "  Install it:  sudo apt-get install chromium"
        )


# --- Odoo ------------------------------------------------------------------------


class Platform:
    def __init__(self):
        self.odoo = find_odoo()
        self.venv = ensure_venv(self.odoo)
        self.env = ensure_cluster()
        self.python = os.path.join(self.venv, "bin", "python")

    def odoo_cmd(self, db, *args, command=None):
        return [
            self.python,
            os.path.join(self.odoo, "odoo-bin"),
            *([command] if command else []),
            f"--addons-path={addons_path(self.odoo)}",
            f"--data-dir={DATA_DIR}",
            "--db_host=127.0.0.1",
            f"--db_port={PG_PORT}",
            f"--db_user={PG_USER}",
            "-d",
            db,
            *args,
        ]

    def template_key(self, modules, demo):
        h = hashlib.sha1()
        h.update(open(os.path.join(self.odoo, "odoo", "release.py"), "rb").read())
        h.update(self.odoo.encode())
        h.update(",".join(modules).encode() + (b"demo" if demo else b"nodemo"))
        for path in sorted(glob.glob(os.path.join(STANDINS, "**", "*"), recursive=True)):
            if os.path.isfile(path) and "__pycache__" not in path:
                # Relative: a fresh clone elsewhere (CI) reuses the same template.
                h.update(os.path.relpath(path, STANDINS).encode())
                h.update(open(path, "rb").read())
        return h.hexdigest()[:10]

    def template(self, demo=False):
        """A database with the suite's dependencies installed, built once and
        cached by Odoo tree, stand-ins and dependency list."""
        name = f"ha_tmpl_{'demo' if demo else 'nodemo'}_{self.template_key(BASE_DEPENDS, demo)}"
        with locked("template"):
            if db_exists(self.env, name):
                return name
            log(f"building template database {name}: {', '.join(BASE_DEPENDS)} (about 2 min)")
            build = name + "_build"
            drop_db(self.env, build)
            started = time.time()
            args = ["-i", ",".join(BASE_DEPENDS), "--stop-after-init", "--log-level=warn"]
            if not demo:
                args.append("--without-demo=all")
            res = run(self.odoo_cmd(build, *args), check=False, env=self.env)
            if res.returncode:
                raise SetupError(f"building the template database failed (exit {res.returncode})")
            run(
                [
                    os.path.join(self.env["HA_PG_BINDIR"], "psql"),
                    "-qX",
                    "-d",
                    "postgres",
                    "-c",
                    f'ALTER DATABASE "{build}" RENAME TO "{name}"',
                ],
                env=self.env,
            )
            if os.path.isdir(os.path.join(DATA_DIR, "filestore", build)):
                os.rename(
                    os.path.join(DATA_DIR, "filestore", build),
                    os.path.join(DATA_DIR, "filestore", name),
                )
            log(f"template ready in {time.time() - started:.0f} s")
        return name


# --- commands -------------------------------------------------------------------

RESULT_RE = re.compile(r"(\d+) failed, (\d+) error\(s\) of (\d+) tests")
SKIP_RE = re.compile(r": skipped (\S+) : (.*)$")


def odoo_tests(platform, modules, db):
    """Install ``modules`` in ``db``, a copy of the template, and run their tests.
    Returns (tests_run, failures, log lines of problems, exit code)."""
    copy_db(platform.env, platform.template(), db)
    tags = ",".join(f"/{m}" for m in modules)
    log(f"installing and testing {', '.join(modules)} in {db}")
    # The stand-ins are in the template already: Odoo runs the tests of the
    # modules it installs or updates, so they are updated (-u), the others installed.
    update = [m for m in modules if m in BASE_DEPENDS]
    install = [m for m in modules if m not in BASE_DEPENDS]
    cmd = platform.odoo_cmd(
        db,
        *(["-i", ",".join(install)] if install else []),
        *(["-u", ",".join(update)] if update else []),
        "--test-enable",
        f"--test-tags={tags}",
        "--stop-after-init",
        "--log-level=test",
        f"--http-port={free_port()}",
    )
    proc = subprocess.Popen(
        cmd, env=platform.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    tests_run = failures = 0
    problems = []
    for line in proc.stdout:
        sys.stdout.write(line)
        m = RESULT_RE.search(line)
        if m and "odoo.tests.result" in line:
            failures += int(m.group(1)) + int(m.group(2))
            tests_run += int(m.group(3))
        if SKIP_RE.search(line):
            problems.append("skipped test (treated as a failure): " + line.strip())
        if " ERROR " in line or " CRITICAL " in line:
            problems.append(line.strip())
    rc = proc.wait()
    if rc and not failures:
        problems.append(f"odoo-bin exited with {rc}")
    return tests_run, failures, problems, rc


def free_port():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cmd_test(args):
    started = time.time()
    ensure_chromium()
    platform = Platform()
    modules = args.modules.split(",") if args.modules else product_modules() + tested_standins()
    if not modules:
        raise SetupError("no module to test")
    db = f"ha_test_{os.getpid()}"
    tests_run, failures, problems, rc = odoo_tests(platform, modules, db)
    odoo_failed = failures + (1 if (problems and not failures) else 0)
    odoo_passed = max(tests_run - failures, 0)
    if tests_run == 0:
        problems.append("no Odoo test ran: treated as a failure")
        odoo_failed = max(odoo_failed, 1)
    # Suite-level tests (pytest), run with the same platform.
    py_passed = py_failed = 0
    if not args.modules:
        py_passed, py_failed = suite_tests(platform, db, [os.path.join(ROOT, "tests")])
    if args.keep:
        log(f"kept database {db}")
    else:
        drop_db(platform.env, db)
    print()
    for problem in problems:
        print("PROBLEM:", problem)
    print(
        f"Odoo tests: {tests_run} run, {failures} failed/errors; "
        f"suite tests: {py_passed} passed, {py_failed} failed; "
        f"{time.time() - started:.0f} s"
    )
    passed = odoo_passed + py_passed
    failed = odoo_failed + py_failed
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


def suite_tests(platform, db, pytest_args):
    """Run the suite-level tests (pytest) with the platform in their environment;
    ``db`` is the database the Odoo tests installed the suite in.
    Returns (passed, failed), a skipped test counting as failed."""
    env = dict(
        platform.env,
        HA_ODOO_SRC=platform.odoo,
        HA_PYTHON=platform.python,
        HA_DEVENV=os.path.abspath(__file__),
        HA_TEST_DB=db,
    )
    junit = os.path.join(CACHE, f"pytest-{os.getpid()}.xml")
    res = run(
        [
            platform.python,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            f"--junitxml={junit}",
            *pytest_args,
        ],
        check=False,
        env=env,
        cwd=ROOT,
    )
    passed, failed = junit_counts(junit)
    if res.returncode and not failed:
        failed = 1
    return passed, failed


def cmd_pytest(args):
    """Only the suite-level tests given (``tests/test_x.py``, ``-k name``...), on a
    database with the whole suite installed (as `make test` runs them)."""
    platform = Platform()
    db = f"ha_test_{os.getpid()}"
    copy_db(platform.env, platform.template(), db)
    log(f"installing the suite in {db}")
    run(
        platform.odoo_cmd(
            db, "-i", ",".join(product_modules()), "--stop-after-init", "--log-level=warn"
        ),
        env=platform.env,
    )
    try:
        passed, failed = suite_tests(
            platform, db, args.pytest_args or [os.path.join(ROOT, "tests")]
        )
    finally:
        drop_db(platform.env, db)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


def junit_counts(path):
    import xml.etree.ElementTree as ET

    if not os.path.isfile(path):
        return 0, 1
    suite = ET.parse(path).getroot()
    suite = suite if suite.tag == "testsuite" else suite.find("testsuite")
    total = int(suite.get("tests", 0))
    failed = int(suite.get("failures", 0)) + int(suite.get("errors", 0))
    skipped = int(suite.get("skipped", 0))
    os.unlink(path)
    # A skipped suite-level test counts as failed: nothing is silently skipped.
    return total - failed - skipped, failed + skipped


def cmd_db(args):
    platform = Platform()
    copy_db(platform.env, platform.template(demo=args.demo), args.name)
    if args.modules:
        run(
            platform.odoo_cmd(
                args.name, "-i", args.modules, "--stop-after-init", "--log-level=warn"
            ),
            env=platform.env,
        )
    print(args.name)
    return 0


def cmd_dropdb(args):
    platform = Platform()
    drop_db(platform.env, args.name)
    return 0


def cmd_odoo(args):
    platform = Platform()
    rest = [a for a in args.rest if a != "--"]
    command = rest.pop(0) if rest and not rest[0].startswith("-") else None
    cmd = platform.odoo_cmd(args.db, *rest, command=command)
    return run(cmd, check=False, env=platform.env).returncode


# --- make run: the demo database ---------------------------------------------------

DEMO_LOGIN = ("admin", "admin")


@contextlib.contextmanager
def heartbeat(what, every=20):
    """Print ``what … N s`` every ``every`` seconds while the block runs."""
    import threading

    started = time.time()
    done = threading.Event()

    def beat():
        while not done.wait(every):
            log(f"  … {what}: {time.time() - started:.0f} s")

    thread = threading.Thread(target=beat, daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()


def odoo_with_progress(platform, cmd, total=None):
    """Run an odoo-bin command at log level info, showing one line per module
    being loaded plus every warning and error; return its exit code."""
    proc = subprocess.Popen(
        cmd, env=platform.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    seen = []
    loading = re.compile(r"odoo\.modules\.loading: (?:loading (\w+)/|Module (\w+): loading demo)")
    for line in proc.stdout:
        if re.search(r" (WARNING|ERROR|CRITICAL) ", line) or line.startswith(
            ("Traceback", " ", "\t")
        ):
            sys.stdout.write(line)
            continue
        m = loading.search(line)
        if m:
            module = m.group(1) or m.group(2)
            if module not in seen:
                seen.append(module)
                log(f"  loading {module} ({len(seen)} of {total or '?'} modules at most)")
    return proc.wait()


def installed_modules(platform, db, names):
    quoted = ",".join(f"'{name}'" for name in names)
    out = psql(
        platform.env,
        f"SELECT name FROM ir_module_module WHERE state = 'installed' AND name IN ({quoted})",
        db=db,
    )
    return set(out.split())


def port_in_use(port):
    import socket

    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("0.0.0.0", int(port)))
        except OSError:
            return True
    return False


def wait_http(url, proc, timeout=180):
    """Wait until ``url`` answers (True) or the server ``proc`` exits (False)."""
    import urllib.request

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
    """The demo database: a copy of the demo template + the whole suite."""
    started = time.time()
    log(f"creating demo database {db} with the whole suite (a few minutes the first time)")
    with heartbeat("preparing the template database with demo data"):
        template = platform.template(demo=True)
    copy_db(platform.env, template, db)
    log(f"copied {template}; installing {len(modules)} modules of the suite with their demo data")
    rc = odoo_with_progress(
        platform,
        platform.odoo_cmd(
            db, "-i", ",".join(modules), "--stop-after-init", "--log-level=info", "--no-http"
        ),
        total=len(modules),
    )
    if rc:
        drop_db(platform.env, db)
        raise SetupError("installing the suite in the demo database failed (see above)")
    log(f"demo database {db} ready in {time.time() - started:.0f} s")


def cmd_run(args):
    started = time.time()
    if port_in_use(args.port):
        raise SetupError(
            f"port {args.port} is already in use (another Odoo?).\n"
            f"  Stop it, or choose another port:  python3 tools/devenv.py run --port 8070"
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
        log(f"reusing database {db} (`make clean-db` or `--rebuild` builds it again)")
        missing = sorted(set(modules) - installed_modules(platform, db, modules))
        to_update = [m for m in modules if m not in missing] if args.update else []
        if missing or to_update:
            what = (["-i", ",".join(missing)] if missing else []) + (
                ["-u", ",".join(to_update)] if to_update else []
            )
            log(f"installing {', '.join(missing) or '-'}; updating {', '.join(to_update) or '-'}")
            rc = odoo_with_progress(
                platform,
                platform.odoo_cmd(db, *what, "--stop-after-init", "--log-level=info", "--no-http"),
                total=len(missing) + len(to_update),
            )
            if rc:
                raise SetupError(f"installing/updating modules in {db} failed (see above)")
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


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("test")
    p.add_argument("--modules", help="comma-separated modules (default: all, + suite tests)")
    p.add_argument("--keep", action="store_true", help="keep the test database")
    p.set_defaults(func=cmd_test)
    p = sub.add_parser("pytest", help="only suite-level tests: pytest arguments follow")
    p.add_argument("pytest_args", nargs=argparse.REMAINDER)
    p.set_defaults(func=cmd_pytest)
    p = sub.add_parser("run")
    p.add_argument("--db", default="helpdesk_aftersales_demo")
    p.add_argument("--port", default="8069")
    p.add_argument("--rebuild", action="store_true", help="drop the demo database first")
    p.add_argument("--update", action="store_true", help="update the suite's modules first")
    p.set_defaults(func=cmd_run)
    p = sub.add_parser("db")
    p.add_argument("name")
    p.add_argument("--modules")
    p.add_argument("--demo", action="store_true")
    p.set_defaults(func=cmd_db)
    p = sub.add_parser("dropdb")
    p.add_argument("name")
    p.set_defaults(func=cmd_dropdb)
    p = sub.add_parser("odoo")
    p.add_argument("--db", default="helpdesk_aftersales_demo")
    p.add_argument("rest", nargs=argparse.REMAINDER)
    p.set_defaults(func=cmd_odoo)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except SetupError as exc:
        print(f"\nERROR: {exc}\n", file=sys.stderr)
        if args.command in ("test", "pytest"):
            print("0 passed, 1 failed")
        return 2


if __name__ == "__main__":
    sys.exit(main())
