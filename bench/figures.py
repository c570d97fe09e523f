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
}


def ms(figure):
    return f"{figure['p50']:.1f} / {figure['p95']:.1f} ms"


def kb(count):
    return f"{count / 1000:,.0f} kB"


def rows(run):
    """(figure, text, value checked against a target or None, target key) for one run."""
    floor = run["floor"]["p50"] or 0.01
    return [
        ("Sum round trip, best (p50 / p95)", ms(run["sum_best"]), None, None),
        ("Sum round trip, all over 2 servers (p50 / p95)", ms(run["sum_all"]), None, None),
        ("floor: raw invoke of a plain JS method (p50 / p95)", ms(run["floor"]), None, None),
        ("Sum round trip (best) ÷ floor, p50", f"{run['sum_best']['p50'] / floor:.1f}×", None, None),
        ("void invoke: raw SendMessage to a Dash server (p50 / p95)", ms(run["void_invoke"]), None, None),
        (
            f"burst: {run['burst']['count']} Sum at once",
            f"{run['burst']['per_second']:.0f}/s ({run['burst']['correct']} correct)",
            None,
            None,
        ),
        (
            "cold load of the shell until all its apps are connected (p50 / p95)",
            f"{ms(run['cold_load'])} ({run.get('shell_apps', '?')} apps)",
            None,
            None,
        ),
        ("first load of one app (/caller/), on the wire", kb(run["app_bytes"]), None, None),
        ("first load of the whole shell, on the wire", kb(run["shell_bytes"]), None, None),
        (
            "wrk: Sum handler callback, req/s (p99)",
            f"{run['wrk_sum']['requests_per_s']:,.0f} ({run['wrk_sum']['p99_ms']:.1f} ms)",
            None,
            None,
        ),
        (
            "wrk: trivial JSON route, req/s (p99)",
            f"{run['wrk_trivial']['requests_per_s']:,.0f} ({run['wrk_trivial']['p99_ms']:.1f} ms)",
            None,
            None,
        ),
        ("wrk: Sum ÷ trivial", f"{run['wrk_ratio']:.2f}", None, None),
    ]


def checks(run, baseline=None):
    """Target key -> (measured, met) for the current run."""
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
    higher_is_better = {"sum_best_speedup", "burst_per_s", "wrk_ratio"}
    return {
        key: (value, value >= TARGETS[key] if key in higher_is_better else value <= TARGETS[key])
        for key, value in measured.items()
    }


def render_table(report):
    runs = report["runs"]
    header = "| figure | " + " | ".join(run["label"] for run in runs) + " |"
    lines = [header, "|---|" + "---|" * len(runs)]
    table = [rows(run) for run in runs]
    for index, (name, *_rest) in enumerate(table[0]):
        lines.append(f"| {name} | " + " | ".join(run_rows[index][1] for run_rows in table) + " |")
    current = runs[-1]
    baseline = runs[0] if len(runs) > 1 else None
    lines.append("")
    lines.append("| target | measured | met |")
    lines.append("|---|---|---|")
    for key, (value, met) in checks(current, baseline).items():
        lines.append(f"| {key} ≤/≥ {TARGETS[key]} | {value} | {'yes' if met else 'NO'} |")
    m = report["machine"]
    lines.append("")
    lines.append(f"{m['date']}, {m['cpus']} cores, {m['system']}, Python {m['python']}, headless Chromium, localhost.")
    return "\n".join(lines)
