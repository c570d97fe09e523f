"""The bench's tables (bench/figures.py, bench/first_sum.py): which sides are judged against the vendor's example."""

from bench import breakdown, first_sum
from bench.figures import blocks_table


def blocks(example_p50, current_p50):
    side = {"task": 10.0, "cpu": 8.0, "script": 4.0, "layout": 1.0, "style": 1.0}
    profile = {"sums": 2, "total_ms": 9.0, "by_script": {"dash_renderer.min.js": 5.0}}
    return {
        "roles": ["example", "current", "current on Dash 2.18", "baseline"],
        "sums": {
            "example": {"p50": example_p50, "p95": 30.0, "n": 80},
            "current": {"p50": current_p50, "p95": 30.0, "n": 80},
            "current on Dash 2.18": {"p50": example_p50 * 1.2, "p95": 30.0, "n": 80},
            "baseline": {"p50": current_p50 * 2, "p95": 30.0, "n": 80},
        },
        "blocks": 8,
        "sums_per_block": 10,
        "main_thread_ms_per_sum": {role: side for role in ("example", "current", "current on Dash 2.18", "baseline")},
        "profile": {role: profile for role in ("example", "current", "current on Dash 2.18", "baseline")},
        "log_on_screen": {"example": None, "current": True, "current on Dash 2.18": True, "baseline": False},
    }


def test_bnch004_each_side_is_judged_against_the_vendor_example_on_both_dash_lines():
    table = blocks_table(blocks(example_p50=20.0, current_p50=18.0), "example")
    rows = {line.split(" | ")[0].strip("| "): line for line in table.splitlines() if line.startswith("| ")}
    assert "0.90× (met)" in rows["current"]
    assert "1.20× (NOT met)" in rows["current on Dash 2.18"]
    assert "(met)" not in rows["baseline"] and "1.80×" in rows["baseline"]  # shown, not judged
    assert "current ÷ baseline, same blocks: Sum p50 0.50×" in table


def test_bnch005_the_time_to_the_first_sum_is_judged_under_gunicorn_against_the_example():
    figures = {
        "runs": 5,
        "sides": {
            "current, make run": {"runs": [900, 1000, 1100], "p50": 1000},
            "current, gunicorn": {"runs": [600, 700, 800], "p50": 700},
            first_sum.EXAMPLE: {"runs": [900, 1000, 1200], "p50": 1000},
        },
        "ratios": {"current, make run": 1.0, "current, gunicorn": 0.7},
    }
    lines = first_sum.table(figures).splitlines()
    assert "0.70× (target ≤ 0.7: met)" in lines[3] and lines[3].startswith("| current, gunicorn")
    assert "target" not in lines[2]  # make run is shown, not judged


def test_bnch006_the_breakdown_table_puts_each_sides_frames_under_what_they_are():
    side = {
        "main_thread_by_frame": {"/caller/": 9.0, "/server/": 3.0, "/inspector/": 1.5, "/": 2.0, "(no frame)": 4.0},
        "callbacks": [{"frame": "Caller", "outputs": "..a.invoke...b.children@x..", "per_sum": 1.0, "mean_ms": 7.25}],
    }
    example = {
        "main_thread_by_frame": {"/app-a/": 5.0, "/app-b/": 2.0, "/": 1.0, "(no frame)": 3.0},
        "callbacks": [{"frame": "Caller", "outputs": "a.invoke", "per_sum": 1.0, "mean_ms": 6.0}],
    }
    lines = breakdown.table({"current": side, "example": example}).splitlines()
    assert "| the Caller | 9.0 | 5.0 |" in lines
    assert "| the Inspector | 1.5 | 0.0 |" in lines
    assert any(line.startswith("current's callbacks") and "Caller a.invoke: 1/Sum, 7.2 ms" in line for line in lines)
