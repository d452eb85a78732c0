"""A small run of the load benchmark (bench/load.py): 2 agents over HTTP
against a ``--workers=4`` server, one round of the five dialogs and the core
equivalents, then 2 agents racing on one delivery and one invoice. No error
reaches an agent, and the database is consistent afterwards."""

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))

import load  # noqa: E402


def test_load_smoke(suite_db):
    source = suite_db
    results = load.measure(levels=(2,), rounds=1, time_bound=120, race_agents=2, source_db=source)
    print("\n".join(load.render(results)))
    level = results["levels"][0]
    assert level["errors"] == [], level["errors"]
    assert not level["cut"], "the time bound cut the run short"
    # Every action of both agents was timed: nothing was skipped.
    assert {name: len(v) for name, v in level["timings"].items()} == {
        name: 2 for name in load.ACTIONS
    }
    assert load.verdict(results) == []
