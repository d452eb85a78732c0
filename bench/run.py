#!/usr/bin/env python3
"""`make bench`: measure the suite in its own databases and write docs/BENCHMARKS.md.

1. SQL queries and time of every smart-button count on 1, 100, 1000 tickets;
2. time to read 1000 tickets with the list view's fields, suite vs stand-in helpdesk alone;
3. the suite's refund, return, and return and refund against Odoo's own
   equivalents, and the other services, agents over HTTP (bench/load.py);
5. validating a return credited on receipt against core's validation of the
   same return without it (section 4 is a written analysis).

1-2 and 5 run in `odoo-bin shell` (bench/bench_shell.py). `--only PARTS` prints
some parts; with `--write` it replaces only their sections of the file.
"""

import argparse
import json
import os
import sys
import time

from tools import devenv

BENCH_DIR = os.path.join(devenv.ROOT, "bench")
sys.path.insert(0, BENCH_DIR)
import load  # noqa: E402
import report  # noqa: E402
import sections  # noqa: E402

PARTS = ("counts", "list", "load", "receipt")


def measure_in_shell(parts):
    """Parts 1-2 and 5 on a copy of the template with the suite installed, and
    one of the stand-in helpdesk alone."""
    platform = devenv.Platform()
    # Named after this process: another `make bench` may be running.
    standin_db, suite_db = (f"ha_bench_{kind}_{os.getpid()}" for kind in ("standin", "suite"))
    template = platform.template()  # may wait for another job building it
    results = {}
    try:
        devenv.copy_db(platform.env, template, standin_db)
        devenv.copy_db(platform.env, template, suite_db)
        devenv.log("installing the suite in the benchmark database")
        suite = ",".join(devenv.product_modules())
        cmd = platform.odoo_cmd(suite_db, "-i", suite, "--stop-after-init", "--log-level=warn")
        devenv.run(cmd, env=platform.env)
        if "counts" in parts:
            devenv.log("1/3 smart-button counts")
            results["counts"] = load.shell(suite_db, "bench_shell.py", HA_BENCH_MODE="counts")
        if "list" in parts:
            devenv.log("2/3 list of 1000 tickets")
            mode = {"HA_BENCH_MODE": "list", "HA_BENCH_OTHER_DB": standin_db}
            results["list"] = load.shell(suite_db, "bench_shell.py", **mode)
        if "receipt" in parts:
            devenv.log("validating a return credited on receipt vs core's validation")
            results["receipt"] = load.shell(suite_db, "bench_shell.py", HA_BENCH_MODE="receipt")
    finally:
        devenv.drop_db(platform.env, standin_db)
        devenv.drop_db(platform.env, suite_db)
    return results


def render_sections(results):
    out = []
    if "counts" in results:
        out.append(report.counts_section(results["counts"]))
    if "list" in results:
        out.append(report.list_section(results["list"]["suite"], results["list"]["standin"]))
    if "load" in results:
        out.append(report.render_load(results["load"]))
    if "receipt" in results:
        out.append(report.receipt_section(results["receipt"]))
    return out


def header(minutes):
    return [
        "# Benchmarks",
        "",
        f"Reproduce with `make bench` (builds its own databases, writes this file; this run "
        f"took {minutes:.0f} minutes). `python3 -m bench.run --only counts,list,load` prints "
        "some parts; with `--write` it replaces only their sections. "
        f"Measured on {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores shared with other "
        "jobs, PostgreSQL on loopback: query counts are exact, times move from run to run, "
        "hence medians of many samples and ratios of samples taken in turn.",
        "",
        "`make test` guards the query counts: `assertQueriesIndependentOfTickets`, "
        "`assertCountQueriesAtMost`, `assertListReadIndependentOfTickets` and "
        "`assertQueriesIndependentOfHistory` (`helpdesk_aftersales/tests/common_queries.py`, "
        "used by each module's `tests/test_performance.py`), and `tests/test_load.py` (the "
        "suite's queries against core's, part 3).",
        "",
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help=f"comma-separated parts among {', '.join(PARTS)}")
    parser.add_argument("--write", action="store_true", help="with --only: replace their sections")
    args = parser.parse_args()
    parts = args.only.split(",") if args.only else list(PARTS)
    if set(parts) - set(PARTS) or (args.write and not args.only):
        parser.error(f"parts among {', '.join(PARTS)}; --write goes with --only")
    started = time.perf_counter()
    results = measure_in_shell(parts) if {"counts", "list", "receipt"} & set(parts) else {}
    if "load" in parts:
        devenv.log("3/3 suite vs core, 1 and 8 agents over HTTP (bench/load.py, minutes)")
        results["load"] = load.measure()
    with open(f"/tmp/ha_bench_{os.getpid()}.json", "w") as fh:
        json.dump(results, fh, indent=1)
    devenv.log(f"raw results in {fh.name}")
    rendered = render_sections(results)
    print("\n".join(line for section in rendered for line in section))
    if not args.only:  # the header and parts 1-3; hand-written sections stay
        sections.write([header((time.perf_counter() - started) / 60), *rendered])
    elif args.write:
        sections.write(rendered, f"`python3 -m bench.run --only {args.only} --write`")
    problems = report.load_problems(results["load"]) if "load" in results else []
    for problem in problems:
        devenv.log(f"PROBLEM: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
