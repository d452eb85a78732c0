"""Switching a service on under a multi-process server (``--workers=2``), as an
admin does from the team form: the save installs the bridge within its HTTP
request, which must end inside the worker's time limits, and every worker then
serves the new module."""

import re
import time

import pytest

from .odoo_server import OdooServer
from .odoo_shell import OdooDatabase

LIMIT_TIME_REAL = 120  # Odoo's defaults, what a production server runs with
LIMIT_TIME_CPU = 60
# A worker killed by its limits logs one of these (odoo/service/server.py).
LIMIT_HIT = re.compile(r"virtual real time limit|CPU time limit|WorkerHTTP \(\d+\) timeout after")


@pytest.fixture(scope="module")
def base_db(platform_env):
    # The template (Inventory, Repairs, Invoicing... installed) + the base module
    # only: enabling a service installs just its bridge.
    db = OdooDatabase(platform_env, "ha_workers", ["helpdesk_aftersales"])
    yield db
    db.close()


def test_enable_service_under_workers(platform_env, base_db):
    with OdooServer(
        platform_env,
        base_db.name,
        "--workers=2",
        f"--limit-time-real={LIMIT_TIME_REAL}",
        f"--limit-time-cpu={LIMIT_TIME_CPU}",
    ) as server:
        admin = server.client()
        team = admin.call_kw(
            "helpdesk.team", "web_save", [[], {"name": "Workers"}], {"specification": {}}
        )[0]
        started = time.monotonic()
        saved = admin.call_kw(
            "helpdesk.team",
            "web_save",
            [[team["id"]], {"use_credit_notes": True}],
            {"specification": {"use_credit_notes": {}}},
        )
        elapsed = time.monotonic() - started
        print(f"web_save enabling Refunds (install of helpdesk_aftersales_refund): {elapsed:.1f} s")
        assert saved == [{"id": team["id"], "use_credit_notes": True}]
        assert elapsed < LIMIT_TIME_CPU, elapsed
        state = admin.call_kw(
            "ir.module.module",
            "search_read",
            [[("name", "=", "helpdesk_aftersales_refund")]],
            {"fields": ["state"]},
        )
        assert state[0]["state"] == "installed"
        # Every worker (each request may land on either) now has the bridge's
        # field: the install signalled the registry change to the other process.
        for _ in range(6):
            fields = server.client().call_kw(
                "helpdesk.ticket", "fields_get", [["credit_note_count"]], {}
            )
            assert "credit_note_count" in fields
        log = server.log()
        assert "Worker WorkerHTTP" in log, "not a multi-process server:\n" + log[-2000:]
        assert not LIMIT_HIT.search(log), LIMIT_HIT.search(log).group(0)
