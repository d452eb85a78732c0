"""The measures of `make bench` (bench/run.py) that run inside `odoo-bin shell`,
this file piped into it as bench/load.py's scripts are: the mode HA_BENCH_MODE
names (``counts`` or ``list``, ``MODES``) runs, the transaction is rolled back,
and "RESULT:<json>" is printed for bench/run.py to render.
"""

import functools
import json
import os
import statistics
import time

SIZES = [1, 100, 1000]


def timed(fn, env):
    """(queries, seconds) of one call of ``fn`` on a cold cache of ``env``."""
    env.flush_all()
    env.invalidate_all()
    env.registry.clear_cache()
    q0 = env.cr.sql_log_count
    t0 = time.perf_counter()
    fn()
    env.flush_all()
    return env.cr.sql_log_count - q0, time.perf_counter() - t0


def measure(fn, env, repeat=1):
    """(queries, median seconds) of ``fn`` on a cold cache."""
    runs = [timed(fn, env) for _ in range(repeat)]
    return runs[-1][0], statistics.median(t for _, t in runs)


def make_tickets(count, env):
    team = env["helpdesk.team"].search([], limit=1) or env["helpdesk.team"].create(
        {"name": "Bench"}
    )
    partner = env["res.partner"].create({"name": "Bench customer"})
    return env["helpdesk.ticket"].create(
        [
            {"name": f"Ticket {i}", "team_id": team.id, "partner_id": partner.id}
            for i in range(count)
        ]
    )


def counts(env):
    """Queries and time of every smart-button count on 1, 100, 1000 tickets."""
    out = {}
    tickets = make_tickets(max(SIZES), env)
    Ticket = env["helpdesk.ticket"]
    count_fields = sorted(
        name
        for name, field in Ticket._fields.items()
        if name.endswith("_count")
        and field.compute
        and any(m.startswith("helpdesk_aftersales") for m in (field._modules or ()))
    )
    out["fields"] = count_fields
    assert count_fields, "no smart-button count field found"
    for size in SIZES:
        batch = tickets[:size]
        q, t = measure(functools.partial(batch.read, count_fields), env, repeat=3)
        out[str(size)] = {"queries": q, "seconds": t}
    return out


def list_(env):
    """1000 tickets read with the list view's fields, in this database (the
    suite) and in HA_BENCH_OTHER_DB (the stand-in helpdesk alone)."""
    # Both databases in this one process, read in turn: the ratio compares
    # reads made at the same moments, so the load of the machine hits both
    # alike (two processes at two moments gave ratios 0.1 apart).
    from odoo import SUPERUSER_ID, api
    from odoo.modules.registry import Registry

    from odoo.addons.helpdesk_aftersales.tests.common_queries import AftersalesQueriesMixin

    standin_cr = Registry(os.environ["HA_BENCH_OTHER_DB"]).cursor()
    # The same user context (lang, tz) as the shell's own environment.
    standin_env = api.Environment(standin_cr, SUPERUSER_ID, dict(env.context))

    def list_read(env_):
        """What the web client asks for: the test kit's list_view_specification
        (every column of the list view, with the name of related records)."""
        make_tickets(1000, env_)
        Ticket = env_["helpdesk.ticket"]
        spec = AftersalesQueriesMixin.list_view_specification(Ticket)
        return list(spec), lambda: Ticket.web_search_read([], spec, limit=1000)

    try:
        suite_names, suite_read = list_read(env)
        standin_names, standin_read = list_read(standin_env)
        runs = {"suite": [], "standin": []}
        for _ in range(15):
            runs["suite"].append(timed(suite_read, env))
            runs["standin"].append(timed(standin_read, standin_env))
    finally:
        standin_cr.rollback()
        standin_cr.close()
    return {
        name: {
            "fields": fields_,
            "queries": runs[name][-1][0],
            "seconds": statistics.median(t for _, t in runs[name][1:]),  # 1st: warm-up
        }
        for name, fields_ in (("suite", suite_names), ("standin", standin_names))
    }


MODES = {"counts": counts, "list": list_}


def main(env):
    try:
        out = MODES[os.environ["HA_BENCH_MODE"]](env)
    finally:
        env.cr.rollback()
    print("RESULT:" + json.dumps(out))


if "env" in globals():  # piped into `odoo-bin shell`, which gives ``env``
    main(env)  # noqa: F821
