"""Odoo 18 sends read-only requests to a read replica (``--db_replica_host`` /
``--db_replica_port``): the suite's read paths must work there.

The test starts its own primary + streaming replica (two throw-away clusters on
free loopback ports, never the project's shared cluster), restores the suite's
test database into the primary, and serves it with Odoo pointed at both. Over
HTTP, logged in as the web client is, it reads a ticket form with its
smart-button counts (``web_read``), a ticket list (``web_search_read``) and the
portal's counters (``/my/counters``): each answers, and the replica's statement
log shows it served their queries while the primary's shows it did not."""

import os
import re
import shutil
import subprocess
import tempfile
import time

import pytest

from .odoo_server import OdooServer, free_port

COUNTS = ["credit_note_count", "coupon_count", "picking_count", "repair_count", "fsm_task_count"]


def pg(env, tool):
    return os.path.join(env["HA_PG_BINDIR"], tool)


def as_postgres(*cmd):
    """postgres refuses to run as root: run the cluster's tools as 'postgres'."""
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else list(cmd)


class Cluster:
    """A PostgreSQL cluster in ``path`` on ``port`` (loopback only), logging
    every statement with the client's application name."""

    def __init__(self, env, path, port):
        self.env, self.path, self.port = env, path, port
        self.logfile = os.path.join(os.path.dirname(path), f"{os.path.basename(path)}.log")

    def start(self):
        opts = (
            f"-p {self.port} -k {os.path.dirname(self.path)} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c log_statement=all -c log_line_prefix='[%a] '"
        )
        subprocess.run(
            as_postgres(
                pg(self.env, "pg_ctl"),
                "-D",
                self.path,
                "-l",
                self.logfile,
                "-o",
                opts,
                "-w",
                "start",
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def stop(self):
        subprocess.run(
            as_postgres(pg(self.env, "pg_ctl"), "-D", self.path, "-m", "immediate", "stop"),
            check=False,
            stdout=subprocess.DEVNULL,
        )

    def sql(self, db, query):
        res = subprocess.run(
            [pg(self.env, "psql"), "-qAtX", "-h", "127.0.0.1", "-p", str(self.port), "-d", db],
            input=query,
            capture_output=True,
            text=True,
            env=self.env,
            check=True,
        )
        return res.stdout.strip()

    def log_size(self):
        return os.path.getsize(self.logfile)

    def odoo_statements(self, since):
        """Statements of Odoo's connections (application name ``odoo-<pid>``)
        logged after offset ``since``."""
        with open(self.logfile, encoding="utf-8", errors="replace") as fh:
            fh.seek(since)
            # A multi-line statement continues on lines without the prefix.
            entries = re.split(r"\n(?=\[)", fh.read())
        return [entry for entry in entries if re.match(r"\[odoo-\d+\]", entry)]


@pytest.fixture(scope="module")
def replica_pair(platform_env, suite_db):
    """(primary, replica, database name): the suite's test database restored into
    a fresh primary, streamed to a hot standby."""
    env = platform_env
    tmp = tempfile.mkdtemp(prefix="ha_replica_")
    if os.geteuid() == 0:
        shutil.chown(tmp, "postgres", "postgres")
    primary = Cluster(env, os.path.join(tmp, "primary"), free_port())
    replica = Cluster(env, os.path.join(tmp, "replica"), free_port())
    db = suite_db
    try:
        # initdb's pg_hba.conf trusts replication connections from 127.0.0.1
        # and its wal_level is "replica": a standby can stream from it as is.
        subprocess.run(
            as_postgres(
                pg(env, "initdb"),
                *("-D", primary.path, "-U", "odoo", "--auth=trust", "-E", "UTF8"),
                "--locale=C.UTF-8",
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        primary.start()
        dump = os.path.join(tmp, "suite.dump")
        subprocess.run([pg(env, "pg_dump"), "-Fc", "-f", dump, db], check=True, env=env)
        subprocess.run(
            [pg(env, "createdb"), "-h", "127.0.0.1", "-p", str(primary.port), db],
            check=True,
            env=env,
        )
        subprocess.run(
            [
                pg(env, "pg_restore"),
                *("--no-owner", "-h", "127.0.0.1", "-p", str(primary.port), "-d", db, dump),
            ],
            check=True,
            env=env,
        )
        subprocess.run(
            as_postgres(
                pg(env, "pg_basebackup"),
                *("-h", "127.0.0.1", "-p", str(primary.port), "-U", "odoo"),
                *("-D", replica.path, "-R", "-X", "stream"),
            ),
            check=True,
        )
        replica.start()
        assert replica.sql(db, "SELECT pg_is_in_recovery()") == "t"
        yield primary, replica, db
    finally:
        replica.stop()
        primary.stop()
        shutil.rmtree(tmp, ignore_errors=True)


def wait_replicated(replica, db, query, expected, timeout=30):
    deadline = time.time() + timeout
    while replica.sql(db, query) != expected:
        assert time.time() < deadline, f"the replica did not catch up: {query}"
        time.sleep(0.2)


def test_read_paths_on_replica(platform_env, replica_pair, tmp_path):
    primary, replica, db = replica_pair
    with OdooServer(
        platform_env,
        db,
        f"--db_port={primary.port}",
        "--db_replica_host=127.0.0.1",
        f"--db_replica_port={replica.port}",
        f"--data-dir={tmp_path}",
        "--workers=0",
    ) as server:
        admin = server.client()
        # Written through the primary (web_save is a read/write call).
        team = admin.call_kw(
            "helpdesk.team",
            "web_save",
            [[], {"name": "Replica", **{f: True for f in ("use_credit_notes", "use_coupons")}}],
            {"specification": {}},
        )[0]
        ticket = admin.call_kw(
            "helpdesk.ticket",
            "web_save",
            [[], {"name": "Read me on the replica", "team_id": team["id"]}],
            {"specification": {}},
        )[0]
        wait_replicated(
            replica, db, f"SELECT count(*) FROM helpdesk_ticket WHERE id = {ticket['id']}", "1"
        )

        def served_by(call):
            marks = primary.log_size(), replica.log_size()
            result = call()
            return result, primary.odoo_statements(marks[0]), replica.odoo_statements(marks[1])

        # The ticket form: the record with its smart-button counts.
        form, on_primary, on_replica = served_by(
            lambda: admin.call_kw(
                "helpdesk.ticket",
                "web_read",
                [[ticket["id"]]],
                {"specification": {"name": {}, "team_id": {}, **{c: {} for c in COUNTS}}},
            )
        )
        assert form[0]["name"] == "Read me on the replica"
        assert {c: form[0][c] for c in COUNTS} == dict.fromkeys(COUNTS, 0)
        assert any("helpdesk_ticket" in s for s in on_replica), on_replica[-20:]
        assert not any("helpdesk_ticket" in s for s in on_primary), on_primary[-20:]

        # The ticket list.
        page, on_primary, on_replica = served_by(
            lambda: admin.call_kw(
                "helpdesk.ticket",
                "web_search_read",
                [[("team_id", "=", team["id"])], {"name": {}, "team_id": {"fields": {}}}],
                {"limit": 80},
            )
        )
        assert page["length"] == 1 and page["records"][0]["name"] == "Read me on the replica"
        assert any("helpdesk_ticket" in s for s in on_replica), on_replica[-20:]
        assert not any("helpdesk_ticket" in s for s in on_primary), on_primary[-20:]

        # The portal home's counters (a readonly route).
        counters, on_primary, on_replica = served_by(
            lambda: admin.post("/my/counters", {"counters": ["invoice_count"]})
        )
        assert counters == {"invoice_count": 0}, counters
        assert any("account_move" in s for s in on_replica), on_replica[-20:]
        assert not any("account_move" in s for s in on_primary), on_primary[-20:]

        # The portal page itself is read/write in Odoo (its route is not readonly).
        status, html = admin.get("/my/home")
        assert status == 200 and "o_portal_my_home" in html
