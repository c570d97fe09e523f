"""The benchmark keeps working: a smoke run with tiny counts (its figures are not judged here)."""

import json
import subprocess
import sys

import pytest

from harness.browser import ROOT

FIGURES = ("sum_best", "sum_all", "floor", "void_invoke", "cold_load")
LEAN_FIGURES = ("sum_best", "cold_load")  # the documentation's Dash pair (bench/lean.py)


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
    run, lean = json.loads(output.read_text())["runs"]
    assert (run["role"], lean["role"]) == ("current", "floor")
    for figure in FIGURES:
        assert run[figure]["n"] >= 1 and run[figure]["p50"] > 0, figure
    assert run["burst"]["correct"] == run["burst"]["count"]
    assert run["app_bytes"] > 0 and run["shell_bytes"] >= run["app_bytes"]
    for side in ("wrk_sum", "wrk_trivial"):
        assert run[side]["requests_per_s"] > 0 and run[side]["errors"] == 0, side
    assert run["problems"] == [] and run["server_errors"] == []
    assert run["paired"]["current"]["n"] >= 1 and run["paired"]["floor"]["n"] >= 1 and run["paired"]["ratio"] > 0
    for figure in LEAN_FIGURES:
        assert lean[figure]["n"] >= 1 and lean[figure]["p50"] > 0, figure
    assert lean["shell_apps"] == 2 and lean["burst"]["correct"] == lean["burst"]["count"]
    assert lean["problems"] == [] and lean["server_errors"] == []
