#!/usr/bin/env python3
"""Load benchmark: helpdesk agents over real HTTP against a ``--workers=4`` Odoo.

Each agent is a logged-in session (JSON-RPC, as the web client calls it) on its
own ticket and customer (a confirmed order, its delivery done, its invoice
posted). For 1, 8 and 32 agents at once, a fixed number of rounds each:

* suite: open the ticket form (its smart-button counts), then open and confirm
  each of the five dialogs (refund, coupon, return, repair, field service): the
  ticket's button, the dialog's ``onchange`` (defaults), ``web_save``, the
  confirm button;
* core: the same agents reverse the invoice from the invoice (core's
  ``account.move.reversal``) and return the delivery from the delivery (core's
  ``stock.return.picking``), the same four steps.

Then 8 agents race on one ticket's delivery (return everything) and invoice
(Reverse and Create Invoice): one wins each, the others get a UserError. A
consistency check reads the database afterwards. Loopback only; bounded in
rounds and in time.

    python3 bench/load.py [--agents 1,8,32] [--rounds 3] [--write]

prints the Markdown section (``--write`` also puts it into docs/BENCHMARKS.md);
``make bench`` (bench/run.py) includes it.
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from tests.odoo_server import OdooServer  # noqa: E402
from tools.devenv.addons import product_modules  # noqa: E402

DEVENV = ["python3", "-m", "tools.devenv"]
SETUP_SCRIPT = os.path.join(ROOT, "bench", "load_setup.py")
BENCHMARKS = os.path.join(ROOT, "docs", "BENCHMARKS.md")
SECTION_TITLE = "## 5. Load: agents over HTTP, `--workers=4`"
WORKERS = 4

SUITE_ACTIONS = ["open ticket", "refund", "coupon", "return", "repair", "field service"]
CORE_ACTIONS = ["core refund", "core return"]
ACTIONS = SUITE_ACTIONS + CORE_ACTIONS
# Which document each dialog makes, for the consistency check.
DOCUMENT_OF = {
    "refund": "credit_notes",
    "coupon": "coupons",
    "return": "returns",
    "repair": "repairs",
    "field service": "tasks",
    "core refund": "core_credit_notes",
    "core return": "core_returns",
}
COUNT_FIELDS = ["credit_note_count", "coupon_count", "picking_count", "repair_count"]
COUNT_FIELDS += ["fsm_task_count"]
# What Odoo logs when it retries a request after a serialization failure
# (odoo/service/model.py, retrying) and when it gives up.
RETRY_RE = re.compile(r"tries left, try again in")
GAVE_UP_RE = re.compile(r"maximum number of tries reached")


def log(msg):
    print(f"[load {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# --- database ------------------------------------------------------------------------


def platform_env():
    return dict(os.environ)


def make_db(env, name, source=None):
    """``name``: a copy of ``source`` (a database with the suite installed), or
    of the template with the whole suite installed."""
    if source:
        subprocess.run(
            [*DEVENV, "db", name, "--from", source],
            env=env,
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        return
    subprocess.run(
        [*DEVENV, "db", name, "--modules", ",".join(product_modules())],
        env=env,
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def drop_db(env, name):
    subprocess.run([*DEVENV, "dropdb", name], env=env, cwd=ROOT, check=False)


def shell(env, db, script, extra_env=None, timeout=900):
    """Run ``script`` in ``odoo-bin shell`` on ``db``; it prints RESULT:<json>."""
    res = subprocess.run(
        [*DEVENV, "odoo", "--db", db, "--", "shell", "--log-level=warn"],
        cwd=ROOT,
        input=script,
        capture_output=True,
        text=True,
        env=dict(env, **(extra_env or {})),
        timeout=timeout,
        check=False,
    )
    lines = [line for line in res.stdout.splitlines() if line.startswith("RESULT:")]
    if not lines:
        raise RuntimeError(f"script failed in {db}:\n{res.stdout[-3000:]}{res.stderr[-5000:]}")
    return json.loads(lines[-1][len("RESULT:") :])


# --- an agent: a web-client session ---------------------------------------------------


class RpcError(Exception):
    def __init__(self, error):
        data = error.get("data") or {}
        self.name = data.get("name", "")
        self.message = data.get("message") or error.get("message", "")
        super().__init__(f"{self.name}: {self.message}")


STEPS = ["button", "onchange", "web_save", "confirm", "web_read"]


def step_of(path, params):
    """The step of an action a request is: the button (the ticket's, or the
    action loaded for core's), the dialog's defaults, its save, its confirm
    button; or reading the ticket form."""
    method = params.get("method", "")
    if path == "/web/action/load" or (
        method.startswith("action_") and params.get("model") == "helpdesk.ticket"
    ):
        return "button"
    if method in ("onchange", "web_save", "web_read"):
        return method
    return "confirm"


class Agent:
    """One logged-in session; ``call`` posts what the web client posts."""

    def __init__(self, url, db, login, password, data):
        self.url = url
        self.data = data
        self.login = login
        self.views = {}
        self.steps = defaultdict(float)  # seconds per kind of request, of one action
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        self.post("/web/session/authenticate", {"db": db, "login": login, "password": password})

    def post(self, path, params):
        t0 = time.perf_counter()
        try:
            return self._post(path, params)
        finally:
            self.steps[step_of(path, params)] += time.perf_counter() - t0

    def _post(self, path, params):
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "id": 1, "params": params})
        request = urllib.request.Request(
            self.url + path, data=body.encode(), headers={"Content-Type": "application/json"}
        )
        with self.opener.open(request, timeout=300) as resp:
            answer = json.loads(resp.read())
        if "error" in answer:
            raise RpcError(answer["error"])
        return answer["result"]

    def call(self, model, method, args, **kwargs):
        return self.post(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs},
        )

    def spec(self, model, view_id=False, context=None):
        """The ``specification`` the web client sends for the form view of
        ``model`` (every field of the view, with the names of related records);
        the views are loaded once per session, as the browser caches them."""
        key = (model, view_id)
        if key not in self.views:
            answer = self.call(
                model, "get_views", [], views=[[view_id, "form"]], options={}, context=context or {}
            )
            fields = answer["models"][model]
            fields = fields.get("fields", fields)
            arch = ET.fromstring(answer["views"]["form"]["arch"])
            self.views[key] = form_spec(arch, fields)
        return self.views[key]


def form_spec(arch, fields):
    spec = {}

    def walk(node):
        for child in node:
            if child.tag == "field" and child.get("name") in fields:
                name = child.get("name")
                ftype = fields[name].get("type")
                if ftype == "many2one":
                    spec[name] = {"fields": {"display_name": {}}}
                elif ftype in ("one2many", "many2many"):
                    sub = {}
                    for list_field in child.iter("field"):
                        if list_field is not child:
                            sub[list_field.get("name")] = {}
                    spec[name] = {"fields": sub or {"display_name": {}}}
                else:
                    spec[name] = {}
            else:
                walk(child)

    walk(arch)
    return spec


def dialog(agent, model, values, confirm, context, view_id=False):
    """Open a dialog (``onchange`` for its defaults), save it with the values
    the agent chose, click its confirm button. Returns the record's id."""
    spec = agent.spec(model, view_id, context)
    agent.call(model, "onchange", [[], {}, [], spec], context=context)
    record = agent.call(model, "web_save", [[], values], specification={}, context=context)
    agent.call(model, confirm, [[record[0]["id"]]], context=context)
    return record[0]["id"]


def ticket_button(agent, ticket, method):
    """Click a header button of the ticket: the action it returns, with the
    context the web client gives the next view."""
    action = agent.call("helpdesk.ticket", method, [[ticket]])
    context = {"active_model": "helpdesk.ticket", "active_id": ticket, "active_ids": [ticket]}
    context.update(action.get("context") or {})
    views = action.get("views") or [[False, "form"]]
    view_id = next((v for v, mode in views if mode == "form"), False)
    return action["res_model"], context, view_id


def open_ticket(agent, d, ids):
    spec = agent.spec("helpdesk.ticket")
    record = agent.call("helpdesk.ticket", "web_read", [[d["ticket"]]], specification=spec)
    return {f: record[0][f] for f in COUNT_FIELDS}


def suite_action(agent, name, d, ids, round_no):
    ticket = d["ticket"]
    if name == "refund":
        model, ctx, view = ticket_button(agent, ticket, "action_refund")
        # Products to Refund: one unit per round, as an agent lowers the line
        # (a whole refund in round 1 would leave nothing to refund after it).
        line = {"invoice_line_id": d["invoice_line"], "quantity": 1}
        values = {
            "move_ids": [[6, 0, [d["invoice"]]]],
            "journal_id": ids["journal"],
            "helpdesk_line_ids": [[0, 0, line]],
        }
        dialog(agent, model, values, "refund_moves", ctx, view)
    elif name == "coupon":
        model, ctx, view = ticket_button(agent, ticket, "action_generate_coupon")
        dialog(agent, model, {"program_id": ids["program"]}, "action_generate", ctx, view)
    elif name == "return":
        model, ctx, view = ticket_button(agent, ticket, "action_return")
        line = {"move_id": d["move"], "product_id": ids["product"], "quantity": 1}
        values = {"picking_ids": [[6, 0, [d["picking"]]]], "line_ids": [[0, 0, line]]}
        dialog(agent, model, values, "action_create_returns", ctx, view)
    elif name == "repair":
        # The Repair button opens core's Repairs form (not a dialog): Save,
        # then Confirm Repair.
        model, ctx, view = ticket_button(agent, ticket, "action_repair")
        dialog(agent, model, {"product_id": ids["product"]}, "action_validate", ctx, view)
    elif name == "field service":
        model, ctx, view = ticket_button(agent, ticket, "action_generate_fsm_task")
        values = {"project_id": ids["project"], "name": f"{agent.login}: visit {round_no}"}
        dialog(agent, model, values, "action_generate_task", ctx, view)
    elif name == "core refund":
        # Invoice form ‣ Reverse: core's action, from the invoice.
        agent.post("/web/action/load", {"action_id": "account.action_view_account_move_reversal"})
        ctx = {"active_model": "account.move", "active_id": d["core_invoice"]}
        ctx["active_ids"] = [d["core_invoice"]]
        values = {"move_ids": [[6, 0, [d["core_invoice"]]]], "journal_id": ids["journal"]}
        dialog(agent, "account.move.reversal", values, "refund_moves", ctx)
    elif name == "core return":
        # Delivery form ‣ Return: core's action, from the delivery.
        agent.post("/web/action/load", {"action_id": "stock.act_stock_return_picking"})
        ctx = {"active_model": "stock.picking", "active_id": d["picking"]}
        ctx["active_ids"] = [d["picking"]]
        line = {"move_id": d["move"], "product_id": ids["product"], "quantity": 1}
        values = {"picking_id": d["picking"], "product_return_moves": [[0, 0, line]]}
        dialog(agent, "stock.return.picking", values, "action_create_returns", ctx)
    else:
        raise ValueError(name)


# --- the load ------------------------------------------------------------------------


def run_level(server, ids, n, rounds, deadline, done):
    """``n`` agents at once, ``rounds`` rounds each. Returns the timings
    {action: [seconds]}, the errors, the wall-clock and whether the time bound
    cut it short. ``done`` counts the documents made per ticket."""
    agents = [Agent(server.url, server.db, d["login"], d["login"], d) for d in ids["agents"][:n]]
    for agent in agents:  # the views, once per session (the browser caches them)
        agent.spec("helpdesk.ticket")
    timings = defaultdict(list)
    steps = defaultdict(lambda: defaultdict(list))
    errors = []
    cut = []
    lock = threading.Lock()
    start = threading.Barrier(n + 1)

    def work(agent):
        d = agent.data
        start.wait()
        for round_no in range(rounds):
            for name in ACTIONS:
                if time.monotonic() > deadline:
                    cut.append(agent.login)
                    return
                t0 = time.perf_counter()
                agent.steps.clear()
                try:
                    if name == "open ticket":
                        open_ticket(agent, d, ids)
                    else:
                        suite_action(agent, name, d, ids, round_no)
                except (RpcError, OSError) as exc:
                    with lock:
                        errors.append(f"{agent.login} {name}: {exc}"[:300])
                    continue
                elapsed = time.perf_counter() - t0
                with lock:
                    timings[name].append(elapsed)
                    for step, seconds in agent.steps.items():
                        steps[name][step].append(seconds)
                    if name in DOCUMENT_OF:
                        done[str(d["ticket"])][DOCUMENT_OF[name]] += 1

    threads = [threading.Thread(target=work, args=(a,)) for a in agents]
    for t in threads:
        t.start()
    start.wait()
    t0 = time.perf_counter()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    return {
        "agents": n,
        "timings": dict(timings),
        "steps": {name: dict(v) for name, v in steps.items()},
        "errors": errors,
        "wall": wall,
        "cut": sorted(set(cut)),
    }


# The smart button of each document kind, as the ticket form shows it.
COUNT_OF = {
    "credit_note_count": "credit_notes",
    "coupon_count": "coupons",
    "picking_count": "returns",
    "repair_count": "repairs",
    "fsm_task_count": "tasks",
}


def smart_buttons(server, ids, done, n):
    """Each agent opens its ticket once more: the smart buttons count what
    its confirmed dialogs made. Returns the differences."""
    problems = []
    for d in ids["agents"][:n]:
        agent = Agent(server.url, server.db, d["login"], d["login"], d)
        counts = open_ticket(agent, d, ids)
        want = done.get(str(d["ticket"]), {})
        for field, kind in COUNT_OF.items():
            if counts[field] != want.get(kind, 0):
                problems.append(
                    f"ticket {d['ticket']} {field}: {counts[field]}, made {want.get(kind, 0)}"
                )
    return problems


def race(server, ids, n):
    """``n`` agents open the same dialog on the race ticket, save it, and all
    click confirm at once: on its delivery (return everything) and on its
    invoice (Reverse and Create Invoice)."""
    d = ids["race"]
    agents = [Agent(server.url, server.db, a["login"], a["login"], a) for a in ids["agents"][:n]]
    out = {}
    for what in ("return", "refund"):
        barrier = threading.Barrier(n)
        outcomes = []
        lock = threading.Lock()

        def racer(agent, what=what, barrier=barrier, outcomes=outcomes, lock=lock):
            try:
                if what == "return":
                    model, ctx, view = ticket_button(agent, d["ticket"], "action_return")
                    line = {"move_id": d["move"], "product_id": ids["product"], "quantity": 5}
                    values = {"picking_ids": [[6, 0, [d["picking"]]]], "line_ids": [[0, 0, line]]}
                    confirm = "action_create_returns"
                else:
                    model, ctx, view = ticket_button(agent, d["ticket"], "action_refund")
                    values = {"move_ids": [[6, 0, [d["invoice"]]]], "journal_id": ids["journal"]}
                    confirm = "modify_moves"
                spec = agent.spec(model, view, ctx)
                agent.call(model, "onchange", [[], {}, [], spec], context=ctx)
                rec = agent.call(model, "web_save", [[], values], specification={}, context=ctx)
            except (RpcError, OSError) as exc:
                with lock:
                    outcomes.append(["setup failed", str(exc)[:200]])
                barrier.abort()
                return
            try:
                barrier.wait(60)
            except threading.BrokenBarrierError:
                return
            t0 = time.perf_counter()
            try:
                agent.call(model, confirm, [[rec[0]["id"]]], context=ctx)
                result = ["done", ""]
            except RpcError as exc:
                result = [exc.name, exc.message[:200]]
            except OSError as exc:
                result = ["http error", str(exc)[:200]]
            with lock:
                outcomes.append([*result, time.perf_counter() - t0])

        threads = [threading.Thread(target=racer, args=(a,)) for a in agents]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        out[what] = outcomes
    return out


CHECK_SCRIPT = """
import json, os
data = json.loads(os.environ["HA_LOAD_CHECK"])
ids, done = data["ids"], data["done"]
Move = env["account.move"]
problems = []
def expect(what, got, wanted):
    if got != wanted:
        problems.append(f"{what}: {got}, expected {wanted}")
drafts = 0
for d in ids["agents"]:
    want = done.get(str(d["ticket"]), {})
    t = d["ticket"]
    credit_notes = Move.search([("helpdesk_ticket_id", "=", t)])
    expect(f"ticket {t} credit notes", len(credit_notes), want.get("credit_notes", 0))
    expect(f"ticket {t} reversing its invoice",
           len(credit_notes.filtered(lambda m: m.reversed_entry_id.id == d["invoice"]
                                     and m.move_type == "out_refund")), len(credit_notes))
    expect(f"ticket {t} coupons",
           env["loyalty.card"].search_count([("helpdesk_ticket_id", "=", t)]),
           want.get("coupons", 0))
    returns = env["stock.picking"].search([("helpdesk_ticket_id", "=", t)])
    expect(f"ticket {t} returns", len(returns), want.get("returns", 0))
    expect(f"ticket {t} returns of its delivery",
           len(returns.filtered(lambda p: p.return_id.id == d["picking"])), len(returns))
    expect(f"ticket {t} repairs",
           env["repair.order"].search_count([("helpdesk_ticket_id", "=", t),
                                             ("state", "=", "confirmed")]),
           want.get("repairs", 0))
    expect(f"ticket {t} tasks",
           env["project.task"].search_count([("helpdesk_ticket_id", "=", t)]),
           want.get("tasks", 0))
    core_cn = Move.search([("reversed_entry_id", "=", d["core_invoice"]),
                           ("helpdesk_ticket_id", "=", False)])
    expect(f"invoice {d['core_invoice']} core credit notes", len(core_cn),
           want.get("core_credit_notes", 0))
    core_ret = env["stock.picking"].search([("return_id", "=", d["picking"]),
                                            ("helpdesk_ticket_id", "=", False)])
    expect(f"delivery {d['picking']} core returns", len(core_ret), want.get("core_returns", 0))
    drafts += len((credit_notes | core_cn).filtered(lambda m: m.state == "draft"))
# No return beyond what was delivered, no credit beyond what was invoiced.
returned = {}
for d in ids["agents"] + [ids["race"]]:
    move = env["stock.move"].browse(d["move"])
    back = env["stock.move"].search([("origin_returned_move_id", "=", move.id),
                                     ("state", "!=", "cancel")])
    returned[move.id] = sum(back.mapped("product_uom_qty"))
    if returned[move.id] > move.quantity:
        problems.append(f"move {move.id}: {returned[move.id]} returned of {move.quantity}")
    invoice = Move.browse(d["invoice"])
    posted = Move.search([("reversed_entry_id", "=", invoice.id), ("state", "=", "posted")])
    for line in invoice.invoice_line_ids:
        credited = sum(posted.invoice_line_ids.filtered(
            lambda l: l.product_id == line.product_id).mapped("quantity"))
        if credited > line.quantity:
            problems.append(f"invoice {invoice.id}: {credited} credited of {line.quantity}")
    if d is not ids["race"]:
        wanted = done.get(str(d["ticket"]), {})
        expect(f"move {move.id} returned", returned[move.id],
               wanted.get("returns", 0) + wanted.get("core_returns", 0))
race = ids["race"]
race_returns = env["stock.picking"].search([("return_id", "=", race["picking"])])
race_cn = Move.search([("reversed_entry_id", "=", race["invoice"])])
print("RESULT:" + json.dumps({
    "problems": problems,
    "draft_credit_notes": drafts,
    "race": {
        "returned": returned[race["move"]],
        "delivered": env["stock.move"].browse(race["move"]).quantity,
        "return_pickings": len(race_returns),
        "credit_notes": len(race_cn),
        "credited": sum(race_cn.filtered(lambda m: m.state == "posted").mapped("amount_total")),
        "invoiced": Move.browse(race["invoice"]).amount_total,
        "linked": race_cn.helpdesk_ticket_id.ids == [race["ticket"]],
    },
}))
"""


def measure(levels=(1, 8, 32), rounds=3, time_bound=600, race_agents=8, source_db=None):
    """Build the data, serve it with ``--workers=4``, run the levels, the race
    and the consistency check. Returns the raw results (JSON-able)."""
    env = platform_env()
    db = f"ha_bench_load_{os.getpid()}"
    started = time.perf_counter()
    n = max(*levels, race_agents)
    log(f"database {db} with the suite")
    make_db(env, db, source_db)
    try:
        log(f"data: {n} agents, customers, tickets")
        ids = shell(
            env,
            db,
            open(SETUP_SCRIPT).read(),
            {"HA_LOAD_AGENTS": str(n), "HA_LOAD_QTY": str(2 * rounds * len(levels) + 5)},
        )
        setup_seconds = time.perf_counter() - started
        done = defaultdict(lambda: defaultdict(int))
        results = {"rounds": rounds, "time_bound": time_bound, "workers": WORKERS, "levels": []}
        with OdooServer(env, db, f"--workers={WORKERS}", "--log-level=info") as server:
            deadline = time.monotonic() + time_bound
            # Warm-up: every worker loads the registry and the views once.
            warm = Agent(server.url, db, ids["agents"][0]["login"], ids["agents"][0]["login"], {})
            for _ in range(2 * WORKERS):
                warm.spec("helpdesk.ticket")
                warm.views.clear()
            for level in levels:
                log(f"{level} agent(s) x {rounds} round(s)")
                results["levels"].append(run_level(server, ids, level, rounds, deadline, done))
                log(f"  {results['levels'][-1]['wall']:.1f} s")
            smart = smart_buttons(server, ids, done, max(levels))
            log(f"race: {race_agents} agents on one delivery, then one invoice")
            results["race"] = race(server, ids, race_agents)
            server_log = server.log()
        results["retries"] = len(RETRY_RE.findall(server_log))
        results["gave_up"] = len(GAVE_UP_RE.findall(server_log))
        log("consistency check")
        check = {"ids": ids, "done": {t: dict(v) for t, v in done.items()}}
        results["check"] = shell(env, db, CHECK_SCRIPT, {"HA_LOAD_CHECK": json.dumps(check)})
        results["check"]["problems"] += smart
        results["setup_seconds"] = setup_seconds
        results["seconds"] = time.perf_counter() - started
        return results
    finally:
        drop_db(env, db)


# --- report --------------------------------------------------------------------------


def pct(values, p):
    values = sorted(values)
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


def race_verdict(outcomes):
    won = [o for o in outcomes if o[0] == "done"]
    refused = [o for o in outcomes if o[0] == "odoo.exceptions.UserError"]
    serialization = [o for o in outcomes if "serializ" in (o[0] + o[1]).lower()]
    ok = len(won) == 1 and len(refused) == len(outcomes) - 1 and not serialization
    return ok, won, refused


def errors_total(r):
    return sum(len(level["errors"]) for level in r["levels"])


def render(r):
    levels = r["levels"]
    lines = [
        SECTION_TITLE,
        "",
        "`python3 bench/load.py` (also run by `make bench`): one "
        f"`odoo-bin --workers={r['workers']}` on loopback, agents as logged-in web-client "
        "sessions (JSON-RPC over HTTP, one "
        "thread each), each on its own ticket and customer (a confirmed order, delivered "
        f"and invoiced). {r['rounds']} rounds per agent, each round: open the ticket form "
        "(`web_read` of the form's fields, with the five smart-button counts), then each "
        "of the five services — the ticket's button, the dialog's `onchange` (its "
        "defaults), `web_save` with the agent's choice, the confirm button (the Repair "
        "button opens core's Repairs form: Save, Confirm Repair) — then the core "
        "equivalents from the documents themselves: Reverse (Partial Refund) from the "
        "invoice (`account.move.reversal`), Return from the delivery "
        "(`stock.return.picking`), the same steps after loading the action. One time per "
        "action = all its requests. The views are loaded once per session before the "
        f"clock starts (the browser caches them). Time bound {r['time_bound']} s for all "
        f"levels; this run took {r['seconds']:.0f} s ({r['setup_seconds']:.0f} s of it "
        f"making the database and the data), on {os.cpu_count()} cores shared with other "
        "jobs: the Odoo workers, PostgreSQL and the agents' threads all on the same "
        "machine.",
        "",
        "| agents | actions done | errors | wall-clock (s) | actions / s | cut by the time bound |",
        "|---:|---:|---:|---:|---:|---|",
    ]
    for level in levels:
        count = sum(len(v) for v in level["timings"].values())
        lines.append(
            f"| {level['agents']} | {count} | {len(level['errors'])} | {level['wall']:.1f} "
            f"| {count / level['wall']:.2f} | {', '.join(level['cut']) or 'no'} |"
        )
    header = " | ".join(f"{lv['agents']}: p50 / p95" for lv in levels)
    lines += [
        "",
        "Per action, milliseconds (p50 / p95 over every agent and round: "
        + ", ".join(f"{lv['agents'] * r['rounds']} samples with {lv['agents']}" for lv in levels)
        + "; the few samples of one agent move from run to run by a factor of 2 or more on "
        "this shared machine):",
        "",
        f"| action | {header} |",
        "|---|" + "---:|" * len(levels),
    ]
    for name in ACTIONS:
        cells = []
        for level in levels:
            values = level["timings"].get(name, [])
            cells.append(f"{pct(values, 50) * 1000:.0f} / {pct(values, 95) * 1000:.0f}")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines += render_capacity(levels)
    lines += render_steps(levels[0])
    lines += [
        "",
        "Suite / core, ratio of the p50s in the same run (the suite's dialog opened from "
        "the ticket vs core's opened from the document; the suite's also offers and checks "
        "the customer's documents, and links and posts on the ticket):",
        "",
        "| agents | refund / core refund | return / core return |",
        "|---:|---:|---:|",
    ]
    for level in levels:
        t = level["timings"]
        ratios = []
        for suite, core in (("refund", "core refund"), ("return", "core return")):
            if t.get(suite) and t.get(core):
                ratios.append(f"{pct(t[suite], 50) / pct(t[core], 50):.2f}")
            else:
                ratios.append("-")
        lines.append(f"| {level['agents']} | " + " | ".join(ratios) + " |")
    total_errors = errors_total(r)
    lines += [
        "",
        f"Errors answered to the agents: **{total_errors}**"
        + (
            " (" + "; ".join(e for level in levels for e in level["errors"][:3]) + ")"
            if total_errors
            else ""
        )
        + f". PostgreSQL serialization failures retried by Odoo inside the request "
        f"(`odoo/service/model.py`, logged “tries left, try again”): {r['retries']}; "
        f"requests that ran out of retries: {r['gave_up']}.",
        "",
    ]
    check = r["check"]
    lines += [
        "Consistency afterwards: each agent opens its ticket once more and its smart "
        "buttons count what its confirmed dialogs made; read from the database, every "
        "ticket has exactly the "
        "credit notes, coupons, returns, confirmed repairs and tasks its agent's "
        "confirmed dialogs made (each reversing its own invoice / returning its own "
        "delivery), every invoice and delivery exactly the core credit notes and returns "
        "made from it, each move returned exactly as often as asked, never more than "
        "delivered, no invoice line credited (posted) beyond its quantity: "
        + ("**consistent**" if not check["problems"] else "**NOT consistent**: ")
        + "; ".join(check["problems"][:10])
        + f". (The {check['draft_credit_notes']} credit notes of the rounds are drafts, "
        "“Reverse” being a partial refund the agent completes; only the race posts.)",
        "",
    ]
    race_ = r["race"]
    n_race = len(race_["return"])
    lines += [
        f"Race: {n_race} agents open the same dialog on one ticket, save it, and click "
        "confirm at the same moment.",
        "",
        "| resource | succeeded | refused with a UserError | other outcomes | in the database |",
        "|---|---:|---:|---|---|",
    ]
    cr = check["race"]
    for what, label, db_state in (
        (
            "return",
            "same delivery, return all 5",
            f"{cr['returned']:g} returned of {cr['delivered']:g} delivered, "
            f"{cr['return_pickings']} return",
        ),
        (
            "refund",
            "same invoice, Reverse and Create Invoice",
            f"{cr['credit_notes']} credit note, {cr['credited']:.2f} credited of "
            f"{cr['invoiced']:.2f} invoiced, linked to the ticket: {cr['linked']}",
        ),
    ):
        outcomes = race_[what]
        ok, won, refused = race_verdict(outcomes)
        others = [o for o in outcomes if o not in won and o not in refused]
        messages = sorted({o[1][:160] for o in refused})
        lines.append(
            f"| {label} | {len(won)} | {len(refused)} | "
            f"{'; '.join(f'{o[0]}: {o[1][:80]}' for o in others) or 'none'} | {db_state} |"
        )
        if messages:
            lines.append(f"|  | | “{' / '.join(messages)}” | | |")
    lines.append("")
    return lines


def render_capacity(levels):
    """What the levels say about the server's capacity: with more agents
    than workers, the time of an action is mostly waiting for a worker."""
    rates = [sum(len(v) for v in lv["timings"].values()) / lv["wall"] for lv in levels]
    best = max(rates)
    lines = [
        "",
        f"Throughput: {' → '.join(f'{r:.2f}' for r in rates)} actions/s for "
        f"{' → '.join(str(lv['agents']) for lv in levels)} agents. "
        f"{WORKERS} workers on {os.cpu_count()} cores serve at most about {best:.1f} "
        "actions/s here; beyond that, more agents wait in line: with N agents an action "
        "takes on average about N / throughput seconds ("
        + ", ".join(
            f"{lv['agents']}: {lv['agents'] / r:.1f} s" for lv, r in zip(levels, rates, strict=True)
        )
        + "); with more agents than workers, most of it is waiting for a worker, and the "
        "ratios below compare queues more than actions. "
        "The single-agent column is the actions' own cost.",
    ]
    return lines


def render_steps(level):
    """Where the time of each action goes, for one level (the first: one
    agent, nothing to wait for)."""
    steps = level.get("steps")
    if not steps:
        return []
    lines = [
        "",
        f"Steps of each action with {level['agents']} agent(s), p50 in milliseconds:",
        "",
        "| action | " + " | ".join(STEPS) + " |",
        "|---|" + "---:|" * len(STEPS),
    ]
    for name in ACTIONS:
        cells = []
        for step in STEPS:
            values = steps.get(name, {}).get(step)
            cells.append(f"{pct(values, 50) * 1000:.0f}" if values else "-")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines


def verdict(r):
    """The problems of a run, empty when it is clean."""
    problems = []
    if errors_total(r):
        problems.append(f"{errors_total(r)} errors")
    if r["gave_up"]:
        problems.append("serialization retries ran out")
    problems += r["check"]["problems"]
    for what in ("return", "refund"):
        if not race_verdict(r["race"][what])[0]:
            problems.append(f"race {what}: {r['race'][what]}")
    cr = r["check"]["race"]
    if cr["returned"] != cr["delivered"] or cr["return_pickings"] != 1:
        problems.append(f"race return in the database: {cr}")
    if cr["credit_notes"] != 1 or abs(cr["credited"] - cr["invoiced"]) > 0.001 or not cr["linked"]:
        problems.append(f"race refund in the database: {cr}")
    return problems


def write_section(lines):
    """Replace (or append) this section of docs/BENCHMARKS.md."""
    text = open(BENCHMARKS).read() if os.path.exists(BENCHMARKS) else "# Benchmarks\n"
    section = "\n".join(lines).rstrip("\n") + "\n"
    start = text.find(SECTION_TITLE)
    if start >= 0:
        end = text.find("\n## ", start + len(SECTION_TITLE))
        text = text[:start] + section + (text[end + 1 :] if end >= 0 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    with open(BENCHMARKS, "w") as fh:
        fh.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agents", default="1,8,32", help="agents at once, per level")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--time-bound", type=int, default=600, help="seconds, all levels")
    parser.add_argument("--race-agents", type=int, default=8)
    parser.add_argument("--write", action="store_true", help="into docs/BENCHMARKS.md")
    parser.add_argument(
        "--source-db", help="copy this database (the suite installed) instead of installing"
    )
    parser.add_argument("--render", metavar="RAW_JSON", help="the section from a raw result")
    args = parser.parse_args()
    if args.render:
        with open(args.render) as fh:
            results = json.load(fh)
    else:
        levels = [int(x) for x in args.agents.split(",")]
        results = measure(levels, args.rounds, args.time_bound, args.race_agents, args.source_db)
        raw = os.path.join("/tmp", f"ha_bench_load_{os.getpid()}.json")
        with open(raw, "w") as fh:
            json.dump(results, fh, indent=1)
        log(f"raw results in {raw}")
    lines = render(results)
    print("\n".join(lines))
    if args.write:
        write_section(lines)
    problems = verdict(results)
    for p in problems:
        log(f"PROBLEM: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
