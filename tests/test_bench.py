"""`make bench`'s arithmetic and its file (bench/report.py, bench/sections.py,
bench/load.py's reading of Odoo's request log), on made-up results: no Odoo.
tests/test_load.py runs the load benchmark itself and guards its query counts."""

import os
import sys

from tools.devenv.common import ROOT

sys.path[:0] = [os.path.join(ROOT, "bench")]

import actions  # noqa: E402
import load  # noqa: E402
import report  # noqa: E402
import sections  # noqa: E402


def test_ratio_of_medians_and_its_range_over_five_blocks():
    suite = [0.2, 0.2, 0.3, 0.3, 0.4, 0.4, 0.5, 0.5, 0.6, 0.6]
    core = [0.2] * 10
    ratio, lo, hi = report.ratio_spread(suite, core)
    assert round(ratio, 2) == 2.0  # medians 0.4 / 0.2
    assert (round(lo, 2), round(hi, 2)) == (1.0, 3.0)  # blocks of 2: 0.2/0.2 ... 0.6/0.2
    assert report.ratio_spread([0.1], [0.1])[1:] == (None, None)  # too few for blocks


def results(refund_ms=(300,) * 10, refund_queries=(300,) * 10):
    """Load results as bench/load.py returns them: 1 agent, the three pairs."""
    timings = {name: [0.2] * 10 for name in report.ACTIONS}
    timings["refund"] = [ms / 1000 for ms in refund_ms]
    queries = {name: [200] * 10 for name in report.ACTIONS}
    queries["refund"] = list(refund_queries)
    level = {"agents": 1, "rounds": 10, "timings": timings, "steps": {}, "errors": []}
    return {"levels": [dict(level, wall=30.0, cut=[])], "queries": {"1": queries}}


def test_pairs_against_the_targets():
    text = "\n".join(report.pairs_table(results()))
    # refund 300 ms / 200 ms, 300 / 200 queries: 1.50 meets the target at 1 agent.
    assert (
        "| 1 | refund | 300 | 200 | **1.50** (1.50-1.50) | 300 | 200 | 1.50 | ≤ 1.5 | met | met |"
        in (text)
    )
    assert "| 1 | return | 200 | 200 | **1.00** (1.00-1.00) | 200 | 200 | 1.00 |" in text
    text = "\n".join(report.pairs_table(results((320,) * 10, (302,) * 10)))
    assert "| **1.60** (1.60-1.60) | 302 | 200 | 1.51 | ≤ 1.5 | **NOT met** | **NOT met** |" in text


def test_queries_of_each_sample_and_step_from_the_request_log():
    line = (
        "2026-12-06 18:08:17,388 30600 INFO db werkzeug: 127.0.0.1 - - [06/Dec/2026 18:08:17] "
        '"POST {path}?bench={tag} HTTP/1.1" 200 - {count} 0.007 0.009\n'
    )
    log = "".join(
        line.format(path=path, tag=tag, count=count)
        for path, tag, count in (
            ("/web/dataset/call_kw/helpdesk.ticket/action_refund", "1.0.refund.0", 3),
            ("/web/dataset/call_kw/account.move.reversal/onchange", "1.0.refund.0", 20),
            ("/web/dataset/call_kw/account.move.reversal/refund_moves", "1.0.refund.0", 200),
            ("/web/dataset/call_kw/account.move.reversal/refund_moves", "1.0.refund.1", 190),
            ("/web/action/load", "8.3.core_refund.0", 11),
            ("/web/dataset/call_kw/account.move.reversal/refund_moves", "8.3.core_refund.0", "-"),
        )
    )
    queries, steps, uncounted = load.queries_of(log)
    assert queries == {"1": {"refund": [223, 190]}, "8": {"core refund": [11]}}
    assert steps["1"]["refund"] == {"button": [3], "onchange": [20], "confirm": [200, 190]}
    assert steps["8"]["core refund"] == {"button": [11]}
    assert uncounted == 1


def test_rounds_alternate_suite_and_core():
    even, odd = [[name for name, _ in actions.round_of(n)] for n in (0, 1)]
    assert even[:2] == ["refund", "core refund"] and odd[:2] == ["core refund", "refund"]
    assert sorted(even) == sorted(odd) == sorted(actions.ACTIONS)
    assert load.rounds_of((1, 8), 30) == {1: 30, 8: 4}


def test_write_replaces_only_its_section(tmp_path, monkeypatch):
    doc = tmp_path / "BENCHMARKS.md"
    old = {n: f"## {n}. Part {n}\n\nOld text {n}.\n" for n in (1, 2, 3)}
    header = "# Benchmarks\n\nHeader of the last full run.\n\n"
    doc.write_text(header + "\n".join(old.values()))
    monkeypatch.setattr(sections, "BENCHMARKS", str(doc))
    sections.write([["## 2. New part 2", "", "New text."]], "`the command`")
    text = doc.read_text()
    assert text.startswith(header) and old[1] in text and old[3] in text
    assert "## 2. New part 2\n\nThis section comes from a run of its own, `the command`" in text
    assert "Old text 2." not in text and "\n\n\n" not in text
    sections.write([["## 2. New part 2", "", "New text."]], "`the command`")
    assert doc.read_text() == text


def test_make_bench_replaces_the_header_and_its_sections_only(tmp_path, monkeypatch):
    doc = tmp_path / "BENCHMARKS.md"
    doc.write_text("# Benchmarks\n\nOld header.\n\n## 3. Old 3\n\nx\n\n## 4. Analysis\n\nkept\n")
    monkeypatch.setattr(sections, "BENCHMARKS", str(doc))
    sections.write([["# Benchmarks", "", "New header.", ""], ["## 3. New 3", "", "y", ""]])
    assert doc.read_text() == (
        "# Benchmarks\n\nNew header.\n\n## 3. New 3\n\ny\n\n## 4. Analysis\n\nkept\n"
    )


def test_receipt_against_core_validation():
    def measured(ms, queries):
        return {"queries": queries, "seconds": ms / 1000, "samples": 15}

    r = {
        "core": measured(100, 100),
        "core_credit": measured(200, 180),
        "ticket": measured(110, 120),
        "lines": 3,
    }
    text = "\n".join(report.receipt_section({**r, "credit": measured(300, 190)}))
    assert text.startswith("## 5. ")
    assert "| core: Return on the delivery, Validate | 100 | 100.0 | 1.00 |" in text
    # The ratio is to core's Validate then Reverse, the action the credit wraps.
    assert "Validate then Reverse: **1.50x** (target ≤ 1.5: **met**)" in text
    text = "\n".join(report.receipt_section({**r, "credit": measured(320, 190)}))
    assert "**1.60x** (target ≤ 1.5: **NOT met**)" in text
