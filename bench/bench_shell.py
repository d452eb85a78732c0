# Runs inside `odoo-bin shell` (``env`` is given). Prints one line "BENCH:<json>".
# Mode from the environment: HA_BENCH_MODE = "counts" | "list" | "actions".
import json
import os
import statistics
import time

MODE = os.environ["HA_BENCH_MODE"]
SIZES = [1, 100, 1000]
out = {}


def measure(fn, repeat=1):
    """(queries, median seconds) of ``fn`` on a cold cache."""
    times, queries = [], None
    for _ in range(repeat):
        env.invalidate_all()
        env.registry.clear_cache()
        q0 = env.cr.sql_log_count
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
        queries = env.cr.sql_log_count - q0
    return queries, statistics.median(times)


def make_tickets(count):
    team = env["helpdesk.team"].search([], limit=1) or env["helpdesk.team"].create({"name": "Bench"})
    partner = env["res.partner"].create({"name": "Bench customer"})
    return env["helpdesk.ticket"].create(
        [{"name": f"Ticket {i}", "team_id": team.id, "partner_id": partner.id} for i in range(count)]
    )


if MODE == "counts":
    tickets = make_tickets(max(SIZES))
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
        q, t = measure(lambda: batch.read(count_fields), repeat=3)
        out[str(size)] = {"queries": q, "seconds": t}
elif MODE == "list":
    tickets = make_tickets(1000)
    arch = env["helpdesk.ticket"].get_views([(False, "list")])["views"]["list"]["arch"]
    from lxml import etree

    names = [n.get("name") for n in etree.fromstring(arch).iter("field")]
    spec = {name: {} for name in names}
    Ticket = env["helpdesk.ticket"]
    q, t = measure(lambda: Ticket.web_search_read([], spec, limit=1000), repeat=7)
    out = {"fields": names, "queries": q, "seconds": t}
env.cr.rollback()
print("BENCH:" + json.dumps(out))
