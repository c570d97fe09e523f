"""``make bench``: the interop path and the page, measured through the real shell.

The app runs as deployed (gunicorn, gunicorn.conf.py, a free port); headless
Chromium opens the shell; every latency is timed in the page. With
``--baseline REV`` the same figures are taken in the same run from a git
worktree of ``REV``, so before and after sit side by side. The leanest Dash
pair shaped as the vendor's documentation writes it (bench/lean.py) is
measured in the same run too: the floor under the real apps.

    python -m bench                    # full run, current tree and the baseline
    python -m bench --smoke            # tiny counts, current tree and the floor (make test runs this)
    python -m bench --baseline REV     # another revision as the "before"
"""

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import lean, wrk
from bench.figures import TARGETS, render_table
from harness.browser import CHROMIUM_FLAGS, ROOT, LiveServer, Shell, chromium_path

PROBES = (Path(__file__).parent / "probes.js").read_text()
# The last revision whose Caller invoked and collected results in the page: measured beside the
# documented Python callbacks, it shows what they cost.
BASELINE_REV = "cb757e1"
RESULTS = ROOT / "bench" / "results"
COUNTS = {
    "full": {"round_trips": 60, "raw": 200, "burst": 100, "bursts": 5, "loads": 5, "wrk_seconds": 8},
    "smoke": {"round_trips": 3, "raw": 5, "burst": 5, "bursts": 1, "loads": 1, "wrk_seconds": 1},
}
# The apps the figures use; the shell may embed more (the inspector), and the cold load waits for all of them.
SHELL_APPS = ("Sum Server 1", "Sum Server 2", "Caller")
LEAN_APPS = (lean.SERVER_NAME, lean.CALLER_NAME)
LEAN_SERVER_APP = "bench.lean:create_lean_server()"


def latency(times):
    """p50/p95 (and n) of a list of milliseconds."""
    ordered = sorted(times)

    def pick(p):
        return round(ordered[min(len(ordered) - 1, int(p * len(ordered)))], 2)

    return {"p50": pick(0.50), "p95": pick(0.95), "n": len(ordered)}


def with_probes(frame):
    frame.evaluate(PROBES)  # evaluated by the driver, so the page's CSP does not apply
    return frame


def sum_round_trips(shell, count, target, base, caller="Caller"):
    """Click-to-rendered Sum round trips through a caller's own callbacks."""
    frame = with_probes(shell.frame(caller))
    if target is not None:
        shell.choose_target(target)
    times = []
    for i in range(count):
        shell.app(caller).locator("#number-a").fill(str(i))
        shell.app(caller).locator("#number-b").fill(str(base))
        expected = f"Sum is {i + base}"
        times.append(frame.evaluate("([e, t]) => ioconnectBench.sumRoundTrip(e, t)", [expected, 15_000]))
    return latency(times)


def burst(shell, caller, counts):
    """``bursts`` bursts of ``burst`` Sum invocations at once: the median rate (one burst varied by ±25 %)."""
    frame = with_probes(shell.frame(caller))
    count, rates, correct = counts["burst"], [], []
    for _ in range(counts["bursts"]):
        result = frame.evaluate("([n, t]) => ioconnectBench.burst(n, t)", [count, 60_000])
        rates.append(round(count / (result["elapsedMs"] / 1000), 1))
        correct.append(result["correct"])
    return {"count": count, "correct": min(correct), "per_second": sorted(rates)[len(rates) // 2], "rates": rates}


def raw_invokes(shell, method, args_list, target="best"):
    caller = with_probes(shell.frame("Caller"))
    return latency(caller.evaluate("([m, a, t]) => ioconnectBench.rawInvokes(m, a, t)", [method, args_list, target]))


def interop_figures(browser, url, counts):
    context = browser.new_context()
    try:
        shell = Shell(context.new_page(), url)
        shell.page.goto(url + "/")
        shell.wait_connected(*SHELL_APPS)
        # Warm up: first invocations pay for lazy set-up in both apps.
        sum_round_trips(shell, 2, "best", 900)
        figures = {
            "sum_best": sum_round_trips(shell, counts["round_trips"], "best", 1000),
            "sum_all": sum_round_trips(shell, counts["round_trips"], "all", 5000),
        }
        with_probes(shell.frame("Sum Server 1")).evaluate("() => ioconnectBench.registerEcho('Bench.Echo')")
        raw_invokes(shell, "Bench.Echo", [{"i": i} for i in range(5)])
        figures["floor"] = raw_invokes(shell, "Bench.Echo", [{"i": i} for i in range(counts["raw"])])
        figures["void_invoke"] = raw_invokes(
            shell, "SendMessage", [{"message": f"bench {i}"} for i in range(counts["raw"])]
        )
        figures["burst"] = burst(shell, "Caller", counts)
        figures["problems"] = shell.problems()
        return figures
    finally:
        context.close()


def wire_bytes(browser, url, wait_for_apps, apps=SHELL_APPS):
    """(ms until every app is connected or the page is idle, bytes received) for one fresh load."""
    context = browser.new_context()
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        received = []
        cdp.on("Network.loadingFinished", lambda event: received.append(event["encodedDataLength"]))
        if wait_for_apps:
            page.goto(url)
            ready = page.wait_for_function(
                """(names) => {
                    const badges = [...document.querySelectorAll('.card .badge')];
                    const up = badges.filter((badge) => badge.textContent === 'connected').length;
                    return up >= names.length && up === badges.length ? {ms: performance.now(), apps: up} : false;
                }""",
                arg=list(apps),
                polling="raf",
                timeout=30_000,
            ).json_value()
        else:
            page.goto(url, wait_until="load")
            ready = page.evaluate("() => performance.now()")
        wait_for_quiet(page, received)
        return ready, sum(received)
    finally:
        context.close()


def wait_for_quiet(page, received, quiet_ms=500, limit_ms=10_000):
    """Until nothing has arrived for ``quiet_ms`` (the platform keeps a connection open: no "networkidle")."""
    waited, seen = 0, -1
    while waited < limit_ms and seen != len(received):
        seen = len(received)
        page.wait_for_timeout(quiet_ms)
        waited += quiet_ms


def cold_loads(browser, url, counts, apps=SHELL_APPS):
    loads = [wire_bytes(browser, url + "/", wait_for_apps=True, apps=apps) for _ in range(counts["loads"])]
    return {
        "cold_load": latency([ready["ms"] for ready, _ in loads]),
        "shell_apps": loads[0][0]["apps"],
        "shell_bytes": loads[0][1],
    }


def page_figures(browser, url, counts):
    _, app_bytes = wire_bytes(browser, url + "/caller/", wait_for_apps=False)
    return {**cold_loads(browser, url, counts), "app_bytes": app_bytes}


def measure(browser, server, label, counts, role):
    print(f"-- measuring {label} ({server.root})", file=sys.stderr)
    figures = {"label": label, "role": role}
    figures.update(page_figures(browser, server.url, counts))
    figures.update(interop_figures(browser, server.url, counts))
    figures.update(wrk.server_figures(server.url, counts["wrk_seconds"]))
    return figures


def measure_floor(browser, server, counts):
    """The documentation's Dash pair (bench/lean.py): Sum round trip, burst, cold load."""
    label = "docs-shaped pair (floor)"
    print(f"-- measuring {label} (bench/lean.py)", file=sys.stderr)
    context = browser.new_context()
    try:
        figures = {"label": label, "role": "floor", **cold_loads(browser, server.url, counts, apps=LEAN_APPS)}
        shell = Shell(context.new_page(), server.url)
        shell.page.goto(server.url + "/")
        shell.wait_connected(*LEAN_APPS)
        sum_round_trips(shell, 2, None, 900, caller=lean.CALLER_NAME)  # warm up, as for the real apps
        figures["sum_best"] = sum_round_trips(shell, counts["round_trips"], None, 1000, caller=lean.CALLER_NAME)
        figures["burst"] = burst(shell, lean.CALLER_NAME, counts)
        figures["problems"] = shell.problems()
        return figures
    finally:
        context.close()


def measure_pair(browser, app_server, lean_server, counts):
    """The caller's Sum round trip and the floor's, click by click in turn: their ratio with the host's drift
    shared, rather than minutes apart."""
    print("-- measuring current and floor, clicks in turn", file=sys.stderr)
    contexts = [browser.new_context(), browser.new_context()]
    try:
        app = Shell(contexts[0].new_page(), app_server.url).open()
        floor = Shell(contexts[1].new_page(), lean_server.url)
        floor.page.goto(lean_server.url + "/")
        floor.wait_connected(*LEAN_APPS)
        sides = ((app, "Caller"), (floor, lean.CALLER_NAME))
        times = ([], [])
        for i in range(counts["round_trips"] + 2):  # the first two warm up
            for (shell, caller), kept in zip(sides, times, strict=True):
                frame = with_probes(shell.frame(caller))
                shell.app(caller).locator("#number-a").fill(str(i))
                shell.app(caller).locator("#number-b").fill("3000")
                took = frame.evaluate("([e, t]) => ioconnectBench.sumRoundTrip(e, t)", [f"Sum is {i + 3000}", 15_000])
                if i >= 2:
                    kept.append(took)
        current, lean_figure = latency(times[0]), latency(times[1])
        return {"current": current, "floor": lean_figure, "ratio": round(current["p50"] / lean_figure["p50"], 2)}
    finally:
        for context in contexts:
            context.close()


def baseline_tree(rev, into):
    """A worktree of ``rev`` to run the "before" figures from."""
    subprocess.run(
        ["git", "worktree", "add", "--detach", "--force", str(into), rev], cwd=ROOT, check=True, capture_output=True
    )
    return into


def machine():
    return {
        "date": datetime.date.today().isoformat(),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
    }


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="tiny counts, no baseline: proves the benchmark runs")
    parser.add_argument("--baseline", default=BASELINE_REV, help="git revision measured side by side")
    parser.add_argument("--no-baseline", action="store_true", help="measure the current tree only")
    parser.add_argument("--json", type=Path, default=RESULTS / "latest.json", help="where to write the figures")
    args = parser.parse_args(argv)
    counts = COUNTS["smoke" if args.smoke else "full"]

    from playwright.sync_api import sync_playwright

    runs = []
    with tempfile.TemporaryDirectory(prefix="ioconnect-bench-") as tmp, sync_playwright() as playwright:
        tmp = Path(tmp)
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        try:
            if not (args.smoke or args.no_baseline):
                tree = baseline_tree(args.baseline, tmp / "baseline")
                try:
                    server = LiveServer(tmp / "baseline.log", root=tree, ACCESS_LOG="0")
                    try:
                        runs.append(measure(browser, server, f"baseline {args.baseline}", counts, "baseline"))
                        runs[-1]["server_errors"] = server.errors()
                    finally:
                        server.stop()
                finally:
                    subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, check=False)
            # The current tree and the floor each run on one server for all their figures, the pair included.
            app_server = LiveServer(tmp / "current.log", ACCESS_LOG="0")
            lean_server = LiveServer(tmp / "lean.log", app=LEAN_SERVER_APP, ACCESS_LOG="0")
            try:
                runs.append(measure(browser, app_server, "current", counts, "current"))
                runs.append(measure_floor(browser, lean_server, counts))
                runs[-2]["paired"] = measure_pair(browser, app_server, lean_server, counts)
                runs[-2]["server_errors"], runs[-1]["server_errors"] = app_server.errors(), lean_server.errors()
            finally:
                app_server.stop()
                lean_server.stop()
        finally:
            browser.close()

    report = {"machine": machine(), "counts": counts, "targets": TARGETS, "runs": runs}
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2))
    print(render_table(report))
    print(f"\nFigures written to {args.json}")
    return report


if __name__ == "__main__":
    main()
