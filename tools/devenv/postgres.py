"""The project's own PostgreSQL cluster (never a system service) and its databases."""

import glob
import os
import shutil
import subprocess

from .common import DATA_DIR, SetupError, locked, log, run
from .debian import apt_install

PG_PORT = int(os.environ.get("HA_PG_PORT", "54329"))
PG_DIR = os.environ.get("HA_PG_DIR") or f"/tmp/helpdesk_aftersales-pg-{os.getuid()}"
PG_USER = "odoo"


def pg_bindir():
    needed = ("initdb", "pg_ctl", "pg_isready", "psql", "createdb", "dropdb")

    def found():
        dirs = sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
        on_path = shutil.which("pg_ctl")
        for path in dirs + ([os.path.dirname(on_path)] if on_path else []):
            if all(os.path.isfile(os.path.join(path, tool)) for tool in needed):
                return path
        return None

    if found():
        return found()
    log("PostgreSQL is missing: installing the Debian package 'postgresql'")
    if apt_install("postgresql") and found():
        return found()
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
            initdb = [os.path.join(bindir, "initdb"), "-D", PG_DIR, "-U", PG_USER]
            initdb += ["--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]
            run(as_pg_owner(initdb), stdout=subprocess.DEVNULL)
        ready = run(
            [os.path.join(bindir, "pg_isready"), "-q", "-h", "127.0.0.1", "-p", str(PG_PORT)],
            check=False,
        )
        if ready.returncode != 0:
            log(f"starting PostgreSQL on port {PG_PORT}")
            opts = f"-p {PG_PORT} -k {PG_DIR} -c listen_addresses=127.0.0.1 -c fsync=off"
            pg_ctl = [os.path.join(bindir, "pg_ctl"), "-D", PG_DIR]
            pg_ctl += ["-l", os.path.join(PG_DIR, "server.log"), "-o", opts, "-w", "start"]
            res = run(as_pg_owner(pg_ctl), check=False, stdout=subprocess.DEVNULL)
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


def installed_modules(env, db, names):
    """Which of the modules ``names`` are installed in ``db``."""
    quoted = ",".join(f"'{name}'" for name in names)
    sql = f"SELECT name FROM ir_module_module WHERE state = 'installed' AND name IN ({quoted})"
    return set(psql(env, sql, db=db).split())


def db_exists(env, name):
    return psql(env, f"SELECT 1 FROM pg_database WHERE datname = '{name}'") == "1"


def databases(env, prefix):
    """Names of the databases starting with ``prefix``."""
    out = psql(env, f"SELECT datname FROM pg_database WHERE datname LIKE '{prefix}%'")
    return out.split()


def filestore(name):
    return os.path.join(DATA_DIR, "filestore", name)


def drop_db(env, name):
    run([os.path.join(env["HA_PG_BINDIR"], "dropdb"), "--if-exists", "--force", name], env=env)
    shutil.rmtree(filestore(name), ignore_errors=True)


def copy_db(env, template, name):
    drop_db(env, name)
    run([os.path.join(env["HA_PG_BINDIR"], "createdb"), "-T", template, name], env=env)
    if os.path.isdir(filestore(template)):
        shutil.copytree(filestore(template), filestore(name))


def rename_db(env, old, new):
    psql(env, f'ALTER DATABASE "{old}" RENAME TO "{new}"')
    if os.path.isdir(filestore(old)):
        os.rename(filestore(old), filestore(new))
