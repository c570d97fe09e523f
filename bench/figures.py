"""The issue's targets, and the printed table (Markdown, so the README can carry it as is)."""

TARGETS = {
    "sum_best_p50_ms": 20,
    "sum_best_p95_ms": 40,
    "sum_best_speedup": 2.0,
    "void_invoke_p50_ms": 10,
    "burst_per_s": 150,
    "cold_load_ms": 1500,
    "app_bytes": 900_000,
    "wrk_ratio": 0.5,
    "sum_best_vs_floor": 1.05,  # the Caller's Sum over the docs-shaped floor's, in alternating blocks
}


def ms(figure):
    return f"{figure['p50']:.1f} / {figure['p95']:.1f} ms"


def kb(count):
    return f"{count / 1000:,.0f} kB"


def burst_text(burst):
    runs = len(burst.get("rates", [])) or 1
    return f"{burst['per_second']:.0f}/s ({burst['correct']} of {burst['count']} right; median of {runs})"


def pair_of(run, runs):
    """(the pair a run's side was measured in, that side's key in it): the current tree's and the baseline's own
    pairs with the floor; the floor's side of the current tree's pair. None when the run has no pair."""
    if run.get("role") == "floor":
        current = by_role(runs, "current")
        return (current["paired"], "floor") if current and "paired" in current else None
    key = {"current": "paired", "baseline": "baseline_paired"}.get(run.get("role"))
    return (run[key], run["role"]) if key in run else None


def the_pair(run):
    if run["pair"] is None:
        raise KeyError("pair")
    return run["pair"]


def paired_text(run):
    pair, side = the_pair(run)
    if side == "floor":
        raise KeyError(side)  # its figures are in the other columns' cells
    return f"{ms(pair[side])} and {ms(pair['floor'])}: {pair['ratio']:.2f}×"


def main_thread_text(run):
    pair, side = the_pair(run)
    cost = pair["main_thread_ms_per_sum"]

    def one(figures):
        return f"{figures['task']:.1f} ms (CPU {figures['cpu']:.1f}, script {figures['script']:.1f})"

    if side == "floor":
        return one(cost["floor"])
    return f"{one(cost[side])} and {one(cost['floor'])}: {cost['ratio']:.2f}× (CPU {cost['cpu_ratio']:.2f}×)"


def profile_text(run, top=5):
    pair, side = the_pair(run)
    profile = pair["profile"][side]
    scripts = ", ".join(f"{name} {spent:.1f}" for name, spent in list(profile["by_script"].items())[:top])
    return f"{profile['total_ms']:.1f} ms: {scripts}"


# (figure, its text for one run); a run without the figure shows "—". A run's "pair" is pair_of(run).
ROWS = (
    ("Sum round trip, best (p50 / p95)", lambda run: ms(run["sum_best"])),
    (
        "Sum round trip with the floor's, alternating blocks, the other side frozen (p50 / p95): ratio of p50s",
        paired_text,
    ),
    (
        "main-thread time per Sum in those blocks, in tasks (CPU, script), with the floor's: ratio",
        main_thread_text,
    ),
    ("CPU profile of a Sum: main-thread JavaScript and renderer work (ms), the top files", profile_text),
    ("Sum round trip, all over 2 servers (p50 / p95)", lambda run: ms(run["sum_all"])),
    ("floor: raw invoke of a plain JS method (p50 / p95)", lambda run: ms(run["floor"])),
    (
        "Sum round trip (best) ÷ floor, p50",
        lambda run: f"{run['sum_best']['p50'] / (run['floor']['p50'] or 0.01):.1f}×",
    ),
    ("void invoke: raw SendMessage to a Dash server (p50 / p95)", lambda run: ms(run["void_invoke"])),
    ("burst: Sum invocations issued at once", lambda run: burst_text(run["burst"])),
    (
        "cold load of the shell until all its apps are connected (p50 / p95)",
        lambda run: f"{ms(run['cold_load'])} ({run['shell_apps']} apps)",
    ),
    ("first load of one app (/caller/), on the wire", lambda run: kb(run["app_bytes"])),
    ("first load of the inspector (/inspector/), on the wire", lambda run: kb(run["inspector_bytes"])),
    ("first load of the whole shell, on the wire", lambda run: kb(run["shell_bytes"])),
    (
        "wrk: Sum handler callback, req/s (p99)",
        lambda run: f"{run['wrk_sum']['requests_per_s']:,.0f} ({run['wrk_sum']['p99_ms']:.1f} ms)",
    ),
    (
        "wrk: trivial JSON route, req/s (p99)",
        lambda run: f"{run['wrk_trivial']['requests_per_s']:,.0f} ({run['wrk_trivial']['p99_ms']:.1f} ms)",
    ),
    ("wrk: Sum ÷ trivial", lambda run: f"{run['wrk_ratio']:.2f}"),
)


def cell(text_of, run):
    try:
        return text_of(run)
    except KeyError:
        return "—"


def by_role(runs, role):
    return next((run for run in runs if run.get("role") == role), None)


def checks(run, baseline=None, floor=None):
    """Target key -> (measured, met) for the current run (against the baseline and the floor, when measured).

    The floor ratio is the paired one when the run has it: the two measured in alternating blocks.
    """
    measured = {
        "sum_best_p50_ms": run["sum_best"]["p50"],
        "sum_best_p95_ms": run["sum_best"]["p95"],
        "void_invoke_p50_ms": run["void_invoke"]["p50"],
        "burst_per_s": run["burst"]["per_second"],
        "cold_load_ms": run["cold_load"]["p50"],
        "app_bytes": run["app_bytes"],
        "wrk_ratio": run["wrk_ratio"],
    }
    if baseline is not None:
        measured["sum_best_speedup"] = round(baseline["sum_best"]["p50"] / run["sum_best"]["p50"], 2)
    if "paired" in run:
        measured["sum_best_vs_floor"] = run["paired"]["ratio"]
    elif floor is not None:
        measured["sum_best_vs_floor"] = round(run["sum_best"]["p50"] / floor["sum_best"]["p50"], 2)
    higher_is_better = {"sum_best_speedup", "burst_per_s", "wrk_ratio"}
    return {
        key: (value, value >= TARGETS[key] if key in higher_is_better else value <= TARGETS[key])
        for key, value in measured.items()
    }


def render_table(report):
    runs = report["runs"]
    lines = ["| figure | " + " | ".join(run["label"] for run in runs) + " |", "|---|" + "---|" * len(runs)]
    views = [{**run, "pair": pair_of(run, runs)} for run in runs]
    for name, text_of in ROWS:
        lines.append(f"| {name} | " + " | ".join(cell(text_of, view) for view in views) + " |")
    current = by_role(runs, "current")
    lines.append("")
    lines.append("| target | measured | met |")
    lines.append("|---|---|---|")
    for key, (value, met) in checks(current, by_role(runs, "baseline"), by_role(runs, "floor")).items():
        lines.append(f"| {key} ≤/≥ {TARGETS[key]} | {value} | {'yes' if met else 'NO'} |")
    m = report["machine"]
    lines.append("")
    lines.append(f"{m['date']}, {m['cpus']} cores, {m['system']}, Python {m['python']}, headless Chromium, localhost.")
    return "\n".join(lines)


def against_baseline_table(pair, baseline):
    """Markdown: this tree's Sum against the baseline's, in alternating blocks with the other side frozen."""
    cost = pair["main_thread_ms_per_sum"]
    return "\n".join(
        [
            f"| this tree against {baseline}, alternating blocks, the other side frozen | current | baseline "
            "| current ÷ baseline |",
            "|---|---|---|---|",
            f"| Sum round trip, best (p50 / p95) | {ms(pair['current'])} | {ms(pair['baseline'])} "
            f"| {pair['ratio']:.2f}× |",
            f"| main-thread time per Sum, in tasks | {cost['current']['task']:.1f} ms | "
            f"{cost['baseline']['task']:.1f} ms | {cost['ratio']:.2f}× |",
            f"| the Inspector's log on screen (1440×900) | {on_screen(pair, 'current')} | "
            f"{on_screen(pair, 'baseline')} | |",
        ]
    )


def on_screen(pair, role):
    seen = (pair.get("log_on_screen") or {}).get(role)
    return "–" if seen is None else "yes" if seen else "no"
