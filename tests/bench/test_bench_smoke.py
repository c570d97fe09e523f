"""The benchmark keeps working: a smoke run with tiny counts (its figures are not judged here)."""

import json
import subprocess
import sys

import pytest

from bench import first_sum
from harness.browser import ROOT

FIGURES = ("sum_best", "sum_all", "floor", "void_invoke", "cold_load")
LEAN_FIGURES = ("sum_best", "cold_load")  # the documentation's Dash pair (bench/lean.py)


def assert_fair_pair(pair, side, counts):
    """The pair measured every block of both sides (the warm-up left out), their main-thread time and a profile."""
    sums = counts["pair_blocks"] * counts["pair_sums"]
    assert (pair["blocks"], pair["sums_per_block"]) == (counts["pair_blocks"], counts["pair_sums"])
    assert pair[side]["n"] == pair["floor"]["n"] == sums and pair[side]["p50"] > 0 and pair["floor"]["p50"] > 0
    assert pair["ratio"] == round(pair[side]["p50"] / pair["floor"]["p50"], 2)
    cost = pair["main_thread_ms_per_sum"]
    for role in (side, "floor"):
        # The page's own work is inside its tasks; a page that did nothing would mean the metrics came from
        # elsewhere (the frozen side, or no page at all).
        assert cost[role]["task"] >= cost[role]["script"] > 0 and cost[role]["cpu"] > 0, (role, cost[role])
        profile = pair["profile"][role]
        assert profile["sums"] == counts["profile_sums"] and profile["total_ms"] > 0, (role, profile)
        assert "dash_renderer.min.js" in profile["by_script"], (role, profile["by_script"])
    assert cost["ratio"] > 0 and cost["cpu_ratio"] > 0
    # Each side is frozen while the other's blocks run: at least once per round after the first.
    assert min(pair["freezes"].values()) >= counts["pair_blocks"] // 2, pair["freezes"]
    assert pair["problems"] == []


@pytest.mark.browser  # the script drives Chromium
@pytest.mark.script
def test_bnch001_smoke_run_measures_every_figure(tmp_path):
    output = tmp_path / "bench.json"
    completed = subprocess.run(
        [sys.executable, "-m", "bench", "--smoke", "--json", str(output)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert "| figure |" in completed.stdout and "sum_best_vs_floor" in completed.stdout
    assert "the other side frozen" in completed.stdout and "CPU profile of a Sum" in completed.stdout
    report = json.loads(output.read_text())
    run, lean = report["runs"]
    assert (run["role"], lean["role"]) == ("current", "floor")
    for figure in FIGURES:
        assert run[figure]["n"] >= 1 and run[figure]["p50"] > 0, figure
    assert run["burst"]["correct"] == run["burst"]["count"]
    assert run["app_bytes"] > 0 and run["shell_bytes"] >= run["app_bytes"]
    for side in ("wrk_sum", "wrk_trivial"):
        assert run[side]["requests_per_s"] > 0 and run[side]["errors"] == 0, side
    assert run["problems"] == [] and run["server_errors"] == []
    assert_fair_pair(run["paired"], "current", report["counts"])
    for figure in LEAN_FIGURES:
        assert lean[figure]["n"] >= 1 and lean[figure]["p50"] > 0, figure
    assert lean["shell_apps"] == 2 and lean["burst"]["correct"] == lean["burst"]["count"]
    assert lean["problems"] == [] and lean["server_errors"] == []
    # Time to the first Sum: one fresh load per server, for this tree alone in a smoke run.
    first = report["first_sum"]
    assert first["ratios"] == {} and first["server_errors"] == []
    for kind in first_sum.SERVERS:
        side = first["sides"][f"current, {kind}"]
        assert len(side["runs"]) == 1 and side["p50"] > 0, kind
    assert "| time to the first Sum, p50 of 1" in completed.stdout
