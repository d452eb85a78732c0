#!/usr/bin/env python3
"""`make bench`: measure the suite in its own databases and write docs/BENCHMARKS.md.

1. SQL queries and time to compute every smart-button count on 1, 100, 1000 tickets;
2. time to read 1000 tickets with the list view's fields, suite vs stand-in helpdesk alone;
3. install time of the whole suite on top of its dependencies, vs the dependencies' own.
"""

import json
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))

import devenv  # noqa: E402

SHELL_SCRIPT = os.path.join(ROOT, "bench", "bench_shell.py")


def shell(platform, db, mode):
    env = dict(platform.env, HA_BENCH_MODE=mode)
    with open(SHELL_SCRIPT) as fh:
        res = subprocess.run(
            platform.odoo_cmd(db, "--log-level=warn", command="shell"),
            stdin=fh,
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
    for line in res.stdout.splitlines():
        if line.startswith("BENCH:"):
            return json.loads(line[len("BENCH:") :])
    raise SystemExit(f"benchmark {mode} failed in {db}:\n{res.stdout[-2000:]}{res.stderr[-4000:]}")


def timed_install(platform, db, modules):
    started = time.perf_counter()
    devenv.run(
        platform.odoo_cmd(
            db,
            "-i",
            ",".join(modules),
            "--stop-after-init",
            "--log-level=warn",
            "--without-demo=all",
        ),
        env=platform.env,
    )
    return time.perf_counter() - started


def main():
    platform = devenv.Platform()
    suite = devenv.product_modules()
    standin_db, suite_db = "ha_bench_standin", "ha_bench_suite"
    template = platform.template()
    devenv.copy_db(platform.env, template, standin_db)
    devenv.copy_db(platform.env, template, suite_db)
    results = {}
    try:
        devenv.log("installing the suite in the benchmark database")
        devenv.run(
            platform.odoo_cmd(
                suite_db, "-i", ",".join(suite), "--stop-after-init", "--log-level=warn"
            ),
            env=platform.env,
        )
        devenv.log("1/4 smart-button counts")
        results["counts"] = shell(platform, suite_db, "counts")
        devenv.log("2/4 list of 1000 tickets")
        results["list_suite"] = shell(platform, suite_db, "list")
        results["list_standin"] = shell(platform, standin_db, "list")
        devenv.log("3/4 actions for a customer with 1 and with 1000 documents (a few minutes)")
        results["actions"] = shell(platform, suite_db, "actions")
        if "--no-install" not in sys.argv:
            devenv.log("4/4 install times (fresh database: dependencies, then the suite)")
            install_db = "ha_bench_install"
            devenv.drop_db(platform.env, install_db)
            deps = timed_install(platform, install_db, devenv.BASE_DEPENDS)
            own = timed_install(platform, install_db, suite)
            devenv.drop_db(platform.env, install_db)
            results["install"] = {"deps": deps, "suite": own}
    finally:
        devenv.drop_db(platform.env, standin_db)
        devenv.drop_db(platform.env, suite_db)
    report = render(results)
    print(report)
    with open(os.path.join(ROOT, "docs", "BENCHMARKS.md"), "w") as fh:
        fh.write(report)
    return 0


def render(r):
    counts = r["counts"]
    lines = [
        "# Benchmarks",
        "",
        "Reproduce with `make bench` (builds its own databases; about 5 minutes on 2 cores).",
        f"Measured on {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, PostgreSQL on loopback.",
        "",
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
    lines += ["", f"Same number of queries at every size: **{'yes' if same else 'NO'}**.", ""]
    ls, lb = r["list_suite"], r["list_standin"]
    ratio = ls["seconds"] / lb["seconds"]
    lines += [
        "## 2. List of 1000 tickets (list view fields, `web_search_read`, median of 7)",
        "",
        "| database | SQL queries | time (ms) |",
        "|---|---:|---:|",
        f"| stand-in helpdesk alone | {lb['queries']} | {lb['seconds'] * 1000:.1f} |",
        f"| with the suite | {ls['queries']} | {ls['seconds'] * 1000:.1f} |",
        "",
        f"Ratio suite / stand-in: **{ratio:.2f}** (target ≤ 1.10).",
        "",
    ]
    if "actions" in r:
        acts = r["actions"]
        sizes = sorted(acts, key=int)
        lines += [
            "## 3. Actions for a customer with 1 and with many documents",
            "",
            "Open the dialog (create + what it displays) and confirm, on a customer with 1 and "
            f"with {sizes[-1]} posted invoices and done deliveries.",
            "",
            "| action | "
            + " | ".join(f"queries ({s})" for s in sizes)
            + " | "
            + " | ".join(f"ms ({s})" for s in sizes)
            + " |",
            "|---|" + "---:|" * (2 * len(sizes)),
        ]
        for action in acts[sizes[0]]:
            queries = [str(acts[s][action][0]) for s in sizes]
            times = [f"{acts[s][action][1] * 1000:.1f}" for s in sizes]
            lines.append(f"| {action} | " + " | ".join(queries + times) + " |")
        lines.append("")
    if "install" in r:
        inst = r["install"]
        lines += [
            "## 4. Install time",
            "",
            "| what | seconds |",
            "|---|---:|",
            f"| dependencies ({len(devenv.BASE_DEPENDS)} modules, fresh database) "
            f"| {inst['deps']:.1f} |",
            f"| the suite on top | {inst['suite']:.1f} |",
            "",
            "Ratio (dependencies + suite) / dependencies: "
            f"**{(inst['deps'] + inst['suite']) / inst['deps']:.2f}** (target ≤ 1.05; the suite's "
            "own install includes one Odoo start-up of a few seconds).",
            "",
        ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
