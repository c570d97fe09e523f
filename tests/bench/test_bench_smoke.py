"""The benchmark keeps working: a smoke run with tiny counts (its figures are not judged here)."""

import json
import subprocess
import sys
import urllib.request

import pytest

from bench import breakdown, first_sum
from bench.anchor import ExampleServer
from harness.browser import ROOT

FIGURES = ("sum_best", "sum_all", "floor", "void_invoke", "cold_load")


def assert_fair_blocks(blocks, roles, counts):
    """Every side measured every block (the warm-up left out), its main-thread time and a profile."""
    sums = counts["pair_blocks"] * counts["pair_sums"]
    assert blocks["roles"] == roles
    assert (blocks["blocks"], blocks["sums_per_block"]) == (counts["pair_blocks"], counts["pair_sums"])
    cost = blocks["main_thread_ms_per_sum"]
    for role in roles:
        assert blocks["sums"][role]["n"] == sums and blocks["sums"][role]["p50"] > 0, role
        # The page's own work is inside its tasks; a page that did nothing would mean the metrics came from
        # elsewhere (a frozen side, or no page at all).
        assert cost[role]["task"] >= cost[role]["script"] > 0 and cost[role]["cpu"] > 0, (role, cost[role])
        profile = blocks["profile"][role]
        assert profile["sums"] == counts["profile_sums"] and profile["total_ms"] > 0, (role, profile)
        assert "dash_renderer.min.js" in profile["by_script"], (role, profile["by_script"])
        assert blocks["server_errors"][role] == [], role
    # Each side is frozen while another's blocks run: at least once per round after the first.
    assert min(blocks["freezes"].values()) >= counts["pair_blocks"] // 2, blocks["freezes"]
    assert blocks["log_on_screen"] == {"example": None, "current": True}
    assert blocks["problems"] == []


@pytest.mark.browser  # the script drives Chromium
@pytest.mark.script
def test_bnch001_smoke_run_measures_every_figure_against_the_vendor_example(tmp_path):
    output = tmp_path / "bench.json"
    completed = subprocess.run(
        [sys.executable, "-m", "bench", "--smoke", "--json", str(output)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert "| figure |" in completed.stdout and "the others frozen" in completed.stdout
    assert "| current |" in completed.stdout and "÷ example (target ≤ 1.0)" in completed.stdout
    report = json.loads(output.read_text())
    [run] = report["runs"]
    assert run["role"] == "current"
    for figure in FIGURES:
        assert run[figure]["n"] >= 1 and run[figure]["p50"] > 0, figure
    assert run["burst"]["correct"] == run["burst"]["count"]
    assert run["app_bytes"] > 0 and run["shell_bytes"] >= run["app_bytes"]
    for side in ("wrk_sum", "wrk_trivial"):
        assert run[side]["requests_per_s"] > 0 and run[side]["errors"] == 0, side
    assert run["problems"] == [] and run["server_errors"] == []
    assert_fair_blocks(report["blocks"], ["example", "current"], report["counts"])
    # The per-frame breakdown, of both sides: each one's Caller did work in its own frame.
    assert "| main thread per Sum, by frame (ms) | current | example |" in completed.stdout
    for side in ("current", "example"):
        assert breakdown.by_role(report["frames"][side])["the Caller"] > 0, report["frames"][side]
    # Time to the first Sum: one fresh load per server, for this tree and the example in a smoke run.
    first = report["first_sum"]
    assert first["server_errors"] == []
    assert set(first["sides"]) == {f"current, {kind}" for kind in first_sum.SERVERS} | {first_sum.EXAMPLE}
    for label, side in first["sides"].items():
        assert len(side["runs"]) == 1 and side["p50"] > 0, label
    assert set(first["ratios"]) == {f"current, {kind}" for kind in first_sum.SERVERS}
    assert "| time to the first Sum, p50 of 1" in completed.stdout


@pytest.mark.script
def test_bnch003_the_vendor_example_runs_as_its_page_writes_it_with_nothing_of_ours(tmp_path):
    """Its pages load Dash's and dash_glue42's bundles only: no asset of ours, no CSP or compression of ours."""
    server = ExampleServer(tmp_path / "example.log")
    try:
        for path in ("/", "/app-a/", "/app-b/"):
            request = urllib.request.Request(server.url + path, headers={"Accept-Encoding": "gzip, br"})
            with urllib.request.urlopen(request) as response:
                html = response.read().decode()
                headers = response.headers
            assert "/assets/" not in html and "/_dash-glue42/" not in html, path
            assert "Content-Security-Policy" not in headers and "Content-Encoding" not in headers, path
            assert "dash_glue42" in html and "v2_18_" in html, path  # Dash 2.18's fingerprints
    finally:
        server.stop()
    assert server.errors() == []
