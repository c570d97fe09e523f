"""The issue's targets, and the printed table (Markdown, so the README can carry it as is)."""

TARGETS = {
    "sum_best_p50_ms": 20,
    "sum_best_p95_ms": 40,
    "sum_best_speedup": 2.0,
    "void_invoke_p50_ms": 10,
    "burst_per_s": 150,
    "burst_vs_baseline": 1.0,  # this tree's burst over the baseline's, same run
    "cold_load_ms": 1500,
    "app_bytes": 900_000,
    "wrk_ratio": 0.5,
    # this tree's Sum p50 over the vendor's example's, in alternating blocks, on each Dash line (aim: 0.9)
    "sum_vs_example": 1.0,
}
# The roles whose Sum the example's target judges (bench/__main__.py names them).
JUDGED_ROLES = ("current", "current on Dash 2.18")


def ms(figure):
    return f"{figure['p50']:.1f} / {figure['p95']:.1f} ms"


def kb(count):
    return f"{count / 1000:,.0f} kB"


def burst_text(burst):
    runs = len(burst.get("rates", [])) or 1
    return f"{burst['per_second']:.0f}/s ({burst['correct']} of {burst['count']} right; median of {runs})"


# (figure, its text for one run); a run without the figure shows "—".
ROWS = (
    ("Sum round trip, best (p50 / p95)", lambda run: ms(run["sum_best"])),
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


def checks(run, baseline=None):
    """Target key -> (measured, met) for the current run (against the baseline, when measured)."""
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
        measured["burst_vs_baseline"] = round(run["burst"]["per_second"] / baseline["burst"]["per_second"], 2)
    higher_is_better = {"sum_best_speedup", "burst_per_s", "burst_vs_baseline", "wrk_ratio"}
    return {
        key: (value, value >= TARGETS[key] if key in higher_is_better else value <= TARGETS[key])
        for key, value in measured.items()
    }


def render_table(report):
    runs = report["runs"]
    lines = ["| figure | " + " | ".join(run["label"] for run in runs) + " |", "|---|" + "---|" * len(runs)]
    for name, text_of in ROWS:
        lines.append(f"| {name} | " + " | ".join(cell(text_of, run) for run in runs) + " |")
    current = by_role(runs, "current")
    lines.append("")
    lines.append("| target | measured | met |")
    lines.append("|---|---|---|")
    for key, (value, met) in checks(current, by_role(runs, "baseline")).items():
        lines.append(f"| {key} ≤/≥ {TARGETS[key]} | {value} | {'yes' if met else 'NO'} |")
    m = report["machine"]
    lines.append("")
    lines.append(f"{m['date']}, {m['cpus']} cores, {m['system']}, Python {m['python']}, headless Chromium, localhost.")
    return "\n".join(lines)


def blocks_table(blocks, anchor):
    """Markdown: each side's Sum in the alternating blocks, and its ratio to ``anchor``'s (the vendor's example);
    the main-thread time per Sum (all the page's frames) and its ratio; the CPU profile's top files."""
    cost = blocks["main_thread_ms_per_sum"]
    sums = blocks["sums"]
    lines = [
        f"| Sums in alternating blocks ({blocks['blocks']} of {blocks['sums_per_block']} a side), the others frozen "
        f"| Sum p50 / p95 | ÷ {anchor} (target ≤ {TARGETS['sum_vs_example']}) | main thread per Sum, in tasks (CPU) "
        f"| ÷ {anchor} | Inspector's log on screen | CPU profile per Sum: the top files (ms) |",
        "|---|---|---|---|---|---|---|",
    ]
    for role in blocks["roles"]:
        ratio = round(sums[role]["p50"] / sums[anchor]["p50"], 2)
        judged = f" ({'met' if ratio <= TARGETS['sum_vs_example'] else 'NOT met'})" if role in JUDGED_ROLES else ""
        thread = round(cost[role]["task"] / cost[anchor]["task"], 2)
        profile = blocks["profile"][role]
        top = ", ".join(f"{name} {spent:.1f}" for name, spent in list(profile["by_script"].items())[:4])
        cells = [
            ms(sums[role]),
            "—" if role == anchor else f"{ratio:.2f}×{judged}",
            f"{cost[role]['task']:.1f} ms ({cost[role]['cpu']:.1f})",
            "—" if role == anchor else f"{thread:.2f}×",
            on_screen(blocks, role),
            f"{profile['total_ms']:.1f}: {top}",
        ]
        lines.append(f"| {role} | " + " | ".join(cells) + " |")
    if "baseline" in sums and "current" in sums:
        lines += [
            "",
            f"current ÷ baseline, same blocks: Sum p50 {sums['current']['p50'] / sums['baseline']['p50']:.2f}×, "
            f"main thread {cost['current']['task'] / cost['baseline']['task']:.2f}×.",
        ]
    return "\n".join(lines)


def on_screen(blocks, role):
    seen = (blocks.get("log_on_screen") or {}).get(role)
    return "–" if seen is None else "yes" if seen else "no"
