#!/usr/bin/env python3
"""Load benchmark: the suite against Odoo's own equivalents, agents over HTTP.

One ``odoo-bin --workers=4``; each agent a logged-in web-client session on its
own ticket (bench/agent.py, bench/actions.py). A round: the suite's refund,
return, return and refund, each back to back with core's equivalent (Reverse
on the invoice, Return on the delivery, the two in a row), the order swapped
every round; then the ticket form, coupon, repair, field service. With 1 agent
``--samples`` rounds, with N agents enough rounds for as many samples. The
queries of each action come from Odoo's request log (werkzeug's line of each
request, tagged in its URL). Then N agents race on one delivery and one
invoice, and the database is checked.

    python3 bench/load.py [--agents 1,8] [--samples 30] [--write]

prints the Markdown section (``--write``: into docs/BENCHMARKS.md); ``make
bench`` (bench/run.py) includes it.
"""

import argparse
import json
import math
import os
import re
import subprocess
import sys
import threading
import time
from collections import defaultdict

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
sys.path[:0] = [ROOT, BENCH]

import actions  # noqa: E402
import report  # noqa: E402
import sections  # noqa: E402
from agent import Agent, RpcError, step_of, ticket_button  # noqa: E402

from tests.odoo_server import OdooServer  # noqa: E402
from tools.devenv.addons import product_modules  # noqa: E402

DEVENV = ["python3", "-m", "tools.devenv"]
WORKERS = 4
# Odoo's own INFO lines are left out: PerfFilter gives a request's query count
# to the first line logged during it, which must be werkzeug's.
SERVER_ARGS = [f"--workers={WORKERS}", "--log-handler=odoo:WARNING"]
SERVER_ARGS += ["--log-handler=odoo.service.model:INFO"]  # the retries
REQUEST_RE = re.compile(
    r'"POST (\S+)\?bench=(\d+)\.(\d+)\.(\w+)\.(\d+) HTTP/[\d.]+" \d+ \S+ (\S+) '
)
RETRY_RE = re.compile(r"tries left, try again in")
GAVE_UP_RE = re.compile(r"maximum number of tries reached")


def log(msg):
    print(f"[load {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def devenv(*args, **kwargs):
    return subprocess.run([*DEVENV, *args], cwd=ROOT, check=False, **kwargs)


def shell(db, script, **extra_env):
    """Run the file ``script`` in ``odoo-bin shell`` on ``db``; it prints RESULT:<json>."""
    with open(os.path.join(BENCH, script)) as fh:
        res = devenv(
            "odoo", "--db", db, "--", "shell", "--log-level=warn",
            stdin=fh, capture_output=True, text=True, env=dict(os.environ, **extra_env),
        )  # fmt: skip
    lines = [line for line in res.stdout.splitlines() if line.startswith("RESULT:")]
    if not lines:
        raise RuntimeError(f"{script} failed in {db}:\n{res.stdout[-3000:]}{res.stderr[-5000:]}")
    return json.loads(lines[-1][len("RESULT:") :])


def rounds_of(levels, samples):
    """Rounds per level: ``samples`` samples of each action at every level."""
    return {n: max(1, math.ceil(samples / n)) for n in levels}


def play_round(agent, level, index, round_no, out):
    """One round of one agent, on the documents of its next round: each
    action timed; ``out`` gathers the timings, the steps, the errors and the
    documents made (under its lock)."""
    data = agent.data["rounds"][agent.data.setdefault("next", 0)]
    agent.data["next"] += 1
    for name, action in actions.round_of(round_no):
        if time.monotonic() > out["deadline"]:
            out["cut"].add(agent.login)
            return
        agent.tag = f"{level}.{index}.{name.replace(' ', '_')}.{round_no}"
        agent.steps.clear()
        t0 = time.perf_counter()
        try:
            action(agent, data, out["ids"])
        except (RpcError, OSError) as exc:
            with out["lock"]:
                out["errors"].append(f"{agent.login} {name}: {exc}"[:300])
            continue
        with out["lock"]:
            out["timings"][name].append(time.perf_counter() - t0)
            for step, seconds in agent.steps.items():
                out["steps"][name][step].append(seconds)
            for kind in actions.MAKES.get(name, []):
                out["done"][str(data["ticket"])][kind] += 1


def run_level(server, ids, n, rounds, deadline, done):
    """``n`` agents at once, ``rounds`` rounds each, started together."""
    agents = [Agent(server.url, server.db, d["login"], d) for d in ids["agents"][:n]]
    for agent in agents:  # the views, once per session (the browser caches them)
        agent.spec("helpdesk.ticket")
    out = {"ids": ids, "deadline": deadline, "done": done, "lock": threading.Lock()}
    out.update(timings=defaultdict(list), steps=defaultdict(lambda: defaultdict(list)))
    out.update(errors=[], cut=set())
    start = threading.Barrier(n + 1)

    def work(index, agent):
        start.wait()
        for round_no in range(rounds):
            play_round(agent, n, index, round_no, out)

    threads = [threading.Thread(target=work, args=ia) for ia in enumerate(agents)]
    for thread in threads:
        thread.start()
    start.wait()
    t0 = time.perf_counter()
    for thread in threads:
        thread.join()
    return {
        "agents": n,
        "rounds": rounds,
        "timings": dict(out["timings"]),
        "steps": {name: dict(v) for name, v in out["steps"].items()},
        "errors": out["errors"],
        "wall": time.perf_counter() - t0,
        "cut": sorted(out["cut"]),
    }


def queries_of(server_log):
    """From the request log: {level: {action: [queries of each sample]}},
    {level: {action: {step: [queries of each sample]}}}, and how many tagged
    requests had no query count."""
    per_sample, per_step = defaultdict(int), defaultdict(int)
    uncounted = 0
    for path, level, agent, name, round_no, count in REQUEST_RE.findall(server_log):
        if count == "-":
            uncounted += 1
            continue
        sample = (level, name.replace("_", " "), agent, round_no)
        per_sample[sample] += int(count)
        model, _, method = path.rpartition("/call_kw/")[2].partition("/")
        per_step[(*sample, step_of(path, {"model": model, "method": method}))] += int(count)
    queries = defaultdict(lambda: defaultdict(list))
    for (level, name, _agent, _round), count in sorted(per_sample.items()):
        queries[level][name].append(count)
    steps = defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
    for (level, name, _agent, _round, step), count in sorted(per_step.items()):
        steps[level][name][step].append(count)
    steps = {lv: {n: dict(s) for n, s in v.items()} for lv, v in steps.items()}
    return {level: dict(v) for level, v in queries.items()}, steps, uncounted


def smart_buttons(server, ids, done, n):
    """Each agent opens its ticket once more: the smart buttons count what
    its confirmed dialogs made."""
    kinds = {"credit_note_count": "credit_notes", "coupon_count": "coupons"}
    kinds.update(picking_count="returns", repair_count="repairs", fsm_task_count="tasks")
    problems = []
    for a in ids["agents"][:n]:
        agent = Agent(server.url, server.db, a["login"], a)
        for d in a["rounds"]:
            counts = actions.open_ticket(agent, d, ids)
            want = done.get(str(d["ticket"]), {})
            problems += [
                f"ticket {d['ticket']} {field}: {counts[field]}, made {want.get(kind, 0)}"
                for field, kind in kinds.items()
                if counts[field] != want.get(kind, 0)
            ]
    return problems


def racer(agent, what, ids, barrier, outcomes):
    """One agent of the race: opens the dialog, saves it, waits for the
    others, confirms. Appends [outcome, message, seconds] to ``outcomes``."""
    d = ids["race"]
    if what == "return":
        model, ctx, view = ticket_button(agent, d["ticket"], "action_return")
        line = {"move_id": d["move"], "product_id": ids["product"], "quantity": 5}
        values = {"picking_ids": [[6, 0, [d["picking"]]]], "line_ids": [[0, 0, line]]}
        confirm = "action_create_returns"
    else:
        model, ctx, view = ticket_button(agent, d["ticket"], "action_refund")
        values = {"move_ids": [[6, 0, [d["invoice"]]]], "journal_id": ids["journal"]}
        confirm = "modify_moves"
    agent.call(model, "onchange", [[], {}, [], agent.spec(model, view, ctx)], context=ctx)
    record = agent.call(model, "web_save", [[], values], specification={}, context=ctx)
    barrier.wait(60)
    t0 = time.perf_counter()
    try:
        agent.call(model, confirm, [[record[0]["id"]]], context=ctx)
        result = ["done", ""]
    except RpcError as exc:
        result = [exc.name, exc.message[:200]]
    outcomes.append([*result, time.perf_counter() - t0])


def race(server, ids, n):
    """``n`` agents confirm the same return, then the same Reverse and Create
    Invoice, at the same moment."""
    agents = [Agent(server.url, server.db, a["login"], a) for a in ids["agents"][:n]]
    out = {}
    for what in ("return", "refund"):
        barrier, outcomes = threading.Barrier(n), []

        def run(agent, what=what, barrier=barrier, outcomes=outcomes):
            try:
                racer(agent, what, ids, barrier, outcomes)
            except (RpcError, OSError, threading.BrokenBarrierError) as exc:
                outcomes.append(["error", str(exc)[:200], 0])
                barrier.abort()

        threads = [threading.Thread(target=run, args=(a,)) for a in agents]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        out[what] = outcomes
    return out


def serve_and_measure(db, ids, rounds, time_bound, race_agents):
    """The levels, the smart buttons, the race, on one server; its log read."""
    done = defaultdict(lambda: defaultdict(int))
    results = {"workers": WORKERS, "time_bound": time_bound, "levels": []}
    with OdooServer(dict(os.environ), db, *SERVER_ARGS) as server:
        deadline = time.monotonic() + time_bound
        warm = Agent(server.url, db, ids["agents"][0]["login"], {})
        for _ in range(2 * WORKERS):  # every worker loads the registry and the views
            warm.spec("helpdesk.ticket")
            warm.views.clear()
        for level, level_rounds in rounds.items():
            log(f"{level} agent(s) x {level_rounds} round(s)")
            results["levels"].append(run_level(server, ids, level, level_rounds, deadline, done))
        smart = smart_buttons(server, ids, done, max(rounds))
        log(f"race: {race_agents} agents on one delivery, then one invoice")
        results["race"] = race(server, ids, race_agents)
        server_log = server.log()
    results["queries"], results["step_queries"], results["uncounted"] = queries_of(server_log)
    results["retries"] = len(RETRY_RE.findall(server_log))
    results["gave_up"] = len(GAVE_UP_RE.findall(server_log))
    return results, done, smart


def measure(levels=(1, 8), samples=30, time_bound=600, race_agents=8, source_db=None):
    """Build the data, serve it, run the levels, the race and the consistency
    check. Returns the raw results (JSON-able)."""
    db = f"ha_bench_load_{os.getpid()}"
    started = time.perf_counter()
    rounds = rounds_of(levels, samples)
    source = ["--from", source_db] if source_db else ["--modules", ",".join(product_modules())]
    log(f"database {db} with the suite")
    devenv("db", db, *source, stdout=subprocess.DEVNULL).check_returncode()
    try:
        # Rounds of each agent: of every level it takes part in.
        agents = range(max(*levels, race_agents))
        per_agent = [sum(r for n, r in rounds.items() if a < n) for a in agents]
        ids = shell(db, "load_setup.py", HA_LOAD_ROUNDS=",".join(map(str, per_agent)))
        setup_seconds = time.perf_counter() - started
        results, done, smart = serve_and_measure(db, ids, rounds, time_bound, race_agents)
        log("consistency check")
        check = json.dumps({"ids": ids, "done": {t: dict(v) for t, v in done.items()}})
        results["check"] = shell(db, "load_check.py", HA_LOAD_CHECK=check)
        results["check"]["problems"] += smart
        results.update(setup_seconds=setup_seconds, seconds=time.perf_counter() - started)
        return results
    finally:
        devenv("dropdb", db)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agents", default="1,8", help="agents at once, per level")
    parser.add_argument("--samples", type=int, default=30, help="of each action, per level")
    parser.add_argument("--time-bound", type=int, default=600, help="seconds, all levels")
    parser.add_argument("--race-agents", type=int, default=8)
    parser.add_argument("--write", action="store_true", help="into docs/BENCHMARKS.md")
    parser.add_argument("--source-db", help="copy this database (the suite installed)")
    parser.add_argument("--render", metavar="RAW_JSON", help="the section from a raw result")
    args = parser.parse_args()
    if args.render:
        with open(args.render) as fh:
            results = json.load(fh)
    else:
        levels = [int(x) for x in args.agents.split(",")]
        results = measure(levels, args.samples, args.time_bound, args.race_agents, args.source_db)
        with open(f"/tmp/ha_bench_load_{os.getpid()}.json", "w") as fh:
            json.dump(results, fh, indent=1)
        log(f"raw results in {fh.name}")
    lines = report.render_load(results)
    print("\n".join(lines))
    if args.write:
        sections.write([lines], "`python3 bench/load.py --write`")
    problems = report.load_problems(results)
    for problem in problems:
        log(f"PROBLEM: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
