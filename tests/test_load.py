"""A small run of the load benchmark (bench/load.py): 1 agent over HTTP
against a ``--workers=4`` server, 4 rounds of the suite's actions and core's
equivalents, then 2 agents racing on one delivery and one invoice. No error
reaches an agent, the database is consistent afterwards, and the queries of
the suite's refund, return, and return and refund stay within 1.5 times
core's equivalent and under their ceilings."""

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))

import load  # noqa: E402
import report  # noqa: E402

# Queries of each action with warm workers (the sum over its steps of the
# fewest each took: the first requests a worker serves fill its caches), on
# documents of their own, measured on 2026-12-06. An action that needs more
# fails here: find why, or raise its ceiling with the reason in the commit.
# The refund: 238 → 255 with the boundary checks of its lines (issue 26) and
# the preselected invoice (issue 31); 251 → 176 (core's: 180) once its credit
# note is made with the refunded lines from the start rather than trimmed
# afterwards (issue 27, bench/load.py --agents 1 --samples 30 on 2026-12-06).
CEILINGS = {"refund": 190, "return": 145, "return and refund": 290}


def fewest_queries(results, name):
    return sum(min(counts) for counts in results["step_queries"]["1"][name].values())


def test_load_smoke_and_queries(suite_db):
    results = load.measure(
        levels=(1,), samples=4, time_bound=300, race_agents=2, source_db=suite_db
    )
    print("\n".join(report.render_load(results)))
    level = results["levels"][0]
    assert level["errors"] == [], level["errors"]
    assert not level["cut"], "the time bound cut the run short"
    # Every action was timed in every round: nothing was skipped.
    assert {name: len(v) for name, v in level["timings"].items()} == {
        name: 4 for name in report.ACTIONS
    }
    assert report.load_problems(results) == []
    assert results["uncounted"] == 0
    fewest = {name: fewest_queries(results, name) for name in report.ACTIONS}
    for suite, (core, _, _) in report.PAIRS.items():
        assert fewest[suite] <= report.TARGETS[1] * fewest[core], (suite, fewest)
        assert fewest[suite] <= CEILINGS[suite], (suite, fewest)
