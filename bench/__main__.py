"""``make bench``: the interop path and the page, measured through the real shell, against the vendor's example.

The app runs as deployed (gunicorn, gunicorn.conf.py, a free port); headless
Chromium opens the shell; every latency is timed in the page. The anchor is
the vendor page's own Interop example (bench/vendor_example/, on Dash 2.18,
none of this project's code): every Sum figure that judges the project is a
ratio against it, taken in alternating blocks in the same run. With
``--baseline REV`` a git worktree of ``REV`` is measured in the same run too,
so before and after sit side by side.

    python -m bench                    # full run: this tree on both Dash lines, the baseline, the example
    python -m bench --smoke            # tiny counts, this tree and the example (make test runs this)
    python -m bench --pairs-only       # only the Sums in alternating blocks (a few minutes)
"""

import argparse
import collections
import contextlib
import datetime
import itertools
import json
import os
import platform
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlparse

import ids
from bench import breakdown, first_sum, wrk
from bench.anchor import EXAMPLE_CALLER, SHELL_APPS, SHELL_CALLER, Dash2Server, ExampleServer, with_probes
from bench.figures import TARGETS, blocks_table, render_table
from harness.browser import (
    CHROMIUM_FLAGS,
    ROOT,
    LiveServer,
    Shell,
    chromium_path,
    free_port,
    wait_until_answering,
)

# The last revision before the lesson's callbacks were written beside their functions and each app loaded only its
# own scripts: measured beside it, the current tree shows what that reshaping costs.
BASELINE_REV = "6332553"
RESULTS = ROOT / "bench" / "results"
# pair_*: the pair's blocks per side (after one warm-up block each), Sums per block, how long a thawed page runs
# before its block, and between typing and clicking (what a driver round trip gave the page before, so a Sum's
# trailing work is done when the next one starts); profile_sums: the profiled block per side.
COUNTS = {
    "full": {
        "round_trips": 60,
        "raw": 200,
        "burst": 100,
        "bursts": 5,
        "loads": 5,
        "wrk_seconds": 8,
        "pair_blocks": 8,
        "pair_sums": 10,
        "pair_settle_ms": 300,
        "pair_gap_ms": 30,
        "profile_sums": 20,
        "traced": 30,  # Sums traced a side for the per-frame breakdown (bench/breakdown.py)
        "first_sum_runs": first_sum.RUNS,
    },
    "smoke": {
        "round_trips": 3,
        "raw": 5,
        "burst": 5,
        "bursts": 1,
        "loads": 1,
        "wrk_seconds": 1,
        "pair_blocks": 2,
        "pair_sums": 2,
        "pair_settle_ms": 100,
        "pair_gap_ms": 30,
        "profile_sums": 2,
        "traced": 2,
        "first_sum_runs": 1,
    },
}
# The side every Sum ratio is taken against, and this tree on the Dash 2.18 line.
ANCHOR = "example"
DASH2_ROLE = "current on Dash 2.18"


def latency(times):
    """p50/p95 (and n) of a list of milliseconds."""
    ordered = sorted(times)

    def pick(p):
        return round(ordered[min(len(ordered) - 1, int(p * len(ordered)))], 2)

    return {"p50": pick(0.50), "p95": pick(0.95), "n": len(ordered)}


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
    _, inspector_bytes = wire_bytes(browser, url + "/inspector/", wait_for_apps=False)
    return {**cold_loads(browser, url, counts), "app_bytes": app_bytes, "inspector_bytes": inspector_bytes}


def measure(browser, server, label, counts, role):
    print(f"-- measuring {label} ({server.root})", file=sys.stderr)
    figures = {"label": label, "role": role}
    figures.update(page_figures(browser, server.url, counts))
    figures.update(interop_figures(browser, server.url, counts))
    figures.update(wrk.server_figures(server.url, counts["wrk_seconds"]))
    return figures


class Side(NamedTuple):
    """One side of the Sums in alternating blocks: its server, its caller's iframe (a CSS selector in its
    platform page), and the shell apps that must be connected before the first click (none for the vendor's
    example, whose caller is ready once its glue lists a Sum server)."""

    role: str
    server: LiveServer
    caller: str
    apps: tuple


def real_side(role, server):
    # The real shell embeds the Inspector too: it is part of the app, so it stays live (and logging) while its
    # side is measured.
    return Side(role, server, SHELL_CALLER, (*SHELL_APPS, "Inspector"))


def example_side(server):
    return Side(ANCHOR, server, EXAMPLE_CALLER, ())


# Headless, in a 1440x900 window (a common laptop's: the real shell shows the Caller and the Inspector's log
# at once, so the log's updates are part of each Sum's cost), and Playwright's own launch flags that keep a
# page's timers and renderer at full speed when it is not in front (as for the figures taken in Playwright's
# browser).
PAIR_FLAGS = [
    "--headless",
    "--window-size=1440,900",
    "--disable-background-timer-throttling",
    "--disable-renderer-backgrounding",
    "--disable-backgrounding-occluded-windows",
]


@contextlib.contextmanager
def own_chromium(playwright, profile):
    """A Chromium of its own, reached over CDP with Playwright's defaults left out, and its first page.

    A page Playwright opens itself is kept visible by Playwright (its focus emulation counts as a capture),
    and Chromium never freezes a visible page: ``Page.setWebLifecycleState`` answers and nothing stops. A page
    of the default context of a browser reached with ``no_defaults`` has no such hold. A browser each, so the
    two sides never share a renderer process either.
    """
    port = free_port()
    process = subprocess.Popen(
        [
            chromium_path(),
            *CHROMIUM_FLAGS,
            *PAIR_FLAGS,
            f"--remote-debugging-port={port}",
            f"--user-data-dir={profile}",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        # A group of its own, stopped whole: Debian's /usr/bin/chromium-headless-shell is a shell script that
        # runs the browser as its child, so stopping only the script left the browser running.
        start_new_session=True,
    )
    try:
        wait_until_answering(process, f"http://127.0.0.1:{port}/json/version", lambda: "Chromium gave no DevTools port")
        browser = playwright.chromium.connect_over_cdp(f"http://127.0.0.1:{port}", no_defaults=True)
        try:
            context = browser.contexts[0]
            yield context.pages[0] if context.pages else context.new_page()
        finally:
            browser.close()
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        for _ in range(100):  # until the browser under the script is gone too, 10 s at most
            try:
                os.killpg(process.pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.1)


class PairedShell:
    """A side's shell in its own Chromium, frozen while the other side is measured."""

    VISIBILITY = "() => document.visibilityState"
    # The page counts its resume events: the proof it was frozen (Chromium answers a freeze it does not do).
    COUNT_RESUMES = """() => {
        window.ioconnectBenchResumes = 0;
        document.addEventListener("resume", () => { window.ioconnectBenchResumes += 1; });
    }"""

    def __init__(self, side, page):
        self.side = side
        self.shell = Shell(page, side.server.url)
        self.cdp = page.context.new_cdp_session(page)
        page.goto(side.server.url + "/")
        if side.apps:
            self.shell.wait_connected(*side.apps)
        frame = first_sum.caller_frame(page, side.caller)
        first_sum.poll(frame, first_sum.CAN_SUM, page)
        self.caller = with_probes(frame)
        page.evaluate(self.COUNT_RESUMES)
        self.cdp.send("Performance.enable")
        self.sums = 0  # every Sum this side made, so each expects a result text it has not shown yet
        self.freezes = 0
        self.log_on_screen = self.inspector_log_on_screen()

    # Whether any of the Inspector's log is inside the window: the card in its frame, the frame in the shell.
    LOG_ON_SCREEN = """([frameName, logId]) => {
        const iframe = document.querySelector(`iframe[data-name="${frameName}"]`);
        const log = iframe && iframe.contentDocument.getElementById(logId);
        if (!log) { return false; }
        const inFrame = log.getBoundingClientRect();
        const frame = iframe.getBoundingClientRect();
        const top = frame.top + inFrame.top;
        return top < window.innerHeight && top + inFrame.height > 0;
    }"""

    def inspector_log_on_screen(self):
        if "Inspector" not in self.side.apps:
            return None
        return self.shell.page.evaluate(self.LOG_ON_SCREEN, ["Inspector", ids.INSPECTOR_LOG])

    def freeze(self):
        # Focus emulation holds the page visible, and a visible page does not freeze.
        self.cdp.send("Emulation.setFocusEmulationEnabled", {"enabled": False})
        self.cdp.send("Page.setWebLifecycleState", {"state": "frozen"})
        self.freezes += 1

    def thaw(self, settle_ms):
        """Active and visible again. Chromium hides a page it freezes and leaves it hidden when it resumes;
        focus emulation shows it again (as Playwright keeps its own pages shown)."""
        self.cdp.send("Page.setWebLifecycleState", {"state": "active"})
        self.cdp.send("Emulation.setFocusEmulationEnabled", {"enabled": True})
        self.shell.page.bring_to_front()
        # What its timers owed while it was frozen runs now, not in the block's first Sums.
        self.shell.page.wait_for_timeout(settle_ms)
        resumes = self.shell.page.evaluate("() => window.ioconnectBenchResumes")
        if resumes != self.freezes:
            raise RuntimeError(f"{self.side.role} was frozen {self.freezes} times but resumed {resumes} times")

    def assert_visible(self):
        """A hidden page runs no animation frames and may be throttled: its figures would not be the app's."""
        states = {"page": self.shell.page.evaluate(self.VISIBILITY), "caller": self.caller.evaluate(self.VISIBILITY)}
        if set(states.values()) != {"visible"}:
            raise RuntimeError(f"{self.side.role} is not visible at the start of a block: {states}")

    def main_thread(self):
        """Seconds of main-thread work so far. The shell's apps are same-origin iframes, so they share its
        renderer process and main thread: one page-level figure covers all of them."""
        metrics = {m["name"]: m["value"] for m in self.cdp.send("Performance.getMetrics")["metrics"]}
        return {key: metrics[name] for key, name in MAIN_THREAD_METRICS.items()}

    def sum_once(self, gap_ms):
        i, self.sums = self.sums, self.sums + 1
        return self.caller.evaluate(
            "([a, b, e, t, g]) => ioconnectBench.typedSumRoundTrip(a, b, e, t, g)",
            [i, 3000, f"Sum is {i + 3000}", 15_000, gap_ms],
        )

    def block(self, count, gap_ms):
        """``count`` Sums: their times, and the main-thread seconds they took (with whatever else the app did
        meanwhile: its background work is part of what a Sum costs it)."""
        self.assert_visible()
        before = self.main_thread()
        times = [self.sum_once(gap_ms) for _ in range(count)]
        after = self.main_thread()
        return times, {key: after[key] - before[key] for key in after}

    def profile(self, count, gap_ms, interval_us=250):
        """A V8 CPU profile of ``count`` Sums: ms per Sum, in all and per script file."""
        self.assert_visible()
        self.cdp.send("Profiler.enable")
        self.cdp.send("Profiler.setSamplingInterval", {"interval": interval_us})
        self.cdp.send("Profiler.start")
        for _ in range(count):
            self.sum_once(gap_ms)
        profile = self.cdp.send("Profiler.stop")["profile"]
        self.cdp.send("Profiler.disable")
        return attribute_profile(profile, self.scripts(), count)

    def scripts(self):
        """scriptId -> its file name, or None for Playwright's isolated world. Asked for after the profile: the
        debugger reports every script it holds when enabled, and it stays off while anything is timed.

        Not per frame: every app loads the same files from the shell's prefix (hosting.static_files), and V8
        compiles a file once for all the same-origin frames, so a script belongs to whichever frame loaded it
        first.
        """
        scripts = {}

        def parsed(event):
            isolated = (event.get("executionContextAuxData") or {}).get("type") == "isolated"
            name = FINGERPRINT.sub(".", urlparse(event.get("url", "")).path.rsplit("/", 1)[-1])
            scripts[event["scriptId"]] = None if isolated else name or "(evaluated)"

        self.cdp.on("Debugger.scriptParsed", parsed)
        self.cdp.send("Debugger.enable")
        self.cdp.send("Debugger.disable")
        return scripts


# Performance.getMetrics names, in seconds of the renderer's main thread (all the shell's frames).
MAIN_THREAD_METRICS = {
    "task": "TaskDuration",  # wall time inside tasks: it grows when the host's other work preempts the thread
    "cpu": "ThreadTime",  # the thread's CPU time: what the page itself cost
    "script": "ScriptDuration",
    "layout": "LayoutDuration",
    "style": "RecalcStyleDuration",
}
# Dash fingerprints its bundles' names (dash_renderer.v4_0_0m1700000000.min.js): the file is the same one.
FINGERPRINT = re.compile(r"\.v[\w-]+m[0-9a-f]+\.")


def attribute_profile(profile, scripts, count, top=10):
    """Each sample's time to the script file of the innermost JavaScript on its stack, in ms per Sum.

    "(program)" is the renderer's own work with no JavaScript on the stack (style, layout, parsing, the task
    loop), "(gc)" the garbage collector, "(driver)" Playwright's isolated world, "(evaluated)" code with no
    file (the probes, Playwright's evaluations); idle time is left out.
    """
    nodes = {node["id"]: node for node in profile["nodes"]}
    parent = {child: node["id"] for node in profile["nodes"] for child in node.get("children", [])}
    # A sample lasts until the next one; the last one until the profile's end.
    stamps = list(itertools.accumulate(profile["timeDeltas"], initial=profile["startTime"]))[1:]
    durations = [b - a for a, b in itertools.pairwise([*stamps, profile["endTime"]])]
    spent = collections.Counter()
    for sample, micros in zip(profile["samples"], durations, strict=True):
        node = nodes[sample]
        name = node["callFrame"]["functionName"]
        if name == "(idle)":
            continue
        where = "(gc)" if name == "(garbage collector)" else "(program)"
        while node is not None:  # a builtin (JSON.parse) has no script: the JavaScript that called it does
            if node["callFrame"]["scriptId"] in scripts:
                where = scripts[node["callFrame"]["scriptId"]] or "(driver)"
                break
            node = nodes.get(parent.get(node["id"]))
        spent[where] += micros
    return {
        "sums": count,
        "total_ms": round(sum(spent.values()) / 1000 / count, 2),
        "by_script": {where: round(micros / 1000 / count, 2) for where, micros in spent.most_common(top)},
    }


def measure_blocks(playwright, workdir, sides, counts):
    """Each side's Sum round trips in blocks taken in turn, every other side frozen, each in its own Chromium.

    Clicking in turn with every page live put each side's background work (timers, platform traffic) into the
    others' figures. Here only the measured page runs; the host's drift lands on every side alike, as the order
    reverses every round (ABC CBA ABC ..., so a steady drift favours none). Each side's first block warms up and
    is left out. Per side: the Sum round trip, its main-thread time per Sum, and a CPU profile of a last block
    of its own (the profiler's overhead stays out of the timed blocks). Ratios are against the first side.
    """
    roles = [side.role for side in sides]
    print(f"-- measuring {', '.join(roles)} in alternating blocks", file=sys.stderr)
    blocks, size, settle_ms = counts["pair_blocks"], counts["pair_sums"], counts["pair_settle_ms"]
    gap_ms = counts["pair_gap_ms"]
    with contextlib.ExitStack() as stack:
        shells = {}
        for side in sides:
            # A fresh profile each, so no side starts with another's HTTP cache.
            profile = tempfile.mkdtemp(prefix=f"chromium-{side.role}-", dir=workdir)
            page = stack.enter_context(own_chromium(playwright, profile))
            shells[side.role] = PairedShell(side, page)
        active = []

        def only(role):
            """``role``'s page runs, every other one is frozen."""
            if active != [role]:
                for other, shell in shells.items():
                    if other != role and active in ([], [other]):
                        shell.freeze()
                shells[role].thaw(settle_ms)
                active[:] = [role]
            return shells[role]

        times = {role: [] for role in roles}
        cpu = {role: collections.Counter() for role in roles}
        for round_ in range(blocks + 1):  # round 0 warms up
            for side in sides if round_ % 2 == 0 else sides[::-1]:
                took, seconds = only(side.role).block(size, gap_ms)
                if round_ > 0:
                    times[side.role] += took
                    cpu[side.role].update(seconds)
        profiles = {side.role: only(side.role).profile(counts["profile_sums"], gap_ms) for side in sides}
        problems = [entry for shell in shells.values() for entry in shell.shell.problems()]
        freezes = {role: shell.freezes for role, shell in shells.items()}
        log_on_screen = {role: shell.log_on_screen for role, shell in shells.items()}
    sums = blocks * size
    figures = {role: latency(kept) for role, kept in times.items()}
    main_thread = {
        role: {key: round(seconds * 1000 / sums, 2) for key, seconds in spent.items()} for role, spent in cpu.items()
    }
    return {
        "roles": roles,
        "sums": figures,
        "blocks": blocks,
        "sums_per_block": size,
        "main_thread_ms_per_sum": main_thread,
        "profile": profiles,
        "freezes": freezes,
        "log_on_screen": log_on_screen,
        "problems": problems,
    }


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
    parser.add_argument(
        "--first-sum-only", action="store_true", help="only the time to the first Sum (beside the example)"
    )
    parser.add_argument(
        "--pairs-only",
        action="store_true",
        help="only the Sums in alternating blocks against the example (a few minutes, not a quarter hour)",
    )
    parser.add_argument("--json", type=Path, default=RESULTS / "latest.json", help="where to write the figures")
    args = parser.parse_args(argv)
    counts = COUNTS["smoke" if args.smoke else "full"]
    # The smoke run proves the benchmark and the anchor run: this tree on Dash 4 against the example.
    baseline_rev = None if args.smoke or args.no_baseline else args.baseline

    from playwright.sync_api import sync_playwright

    runs = []
    with sync_playwright() as playwright, contextlib.ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="ioconnect-bench-")))
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        stack.callback(browser.close)
        baseline_root = None
        if baseline_rev is not None:
            baseline_root = baseline_tree(baseline_rev, tmp / "baseline")
            stack.callback(
                subprocess.run, ["git", "worktree", "remove", "--force", str(baseline_root)], cwd=ROOT, check=False
            )
        first = None
        if not args.pairs_only:
            first = first_sum.section(browser, tmp, baseline_root, baseline_rev, counts["first_sum_runs"])
        if args.first_sum_only:
            return report_of(args, counts, runs, first)
        servers = started_servers(stack, tmp, baseline_root, dash2=not args.smoke)
        if not args.pairs_only:
            for role, server in servers.items():
                if role in ("current", "baseline"):
                    label = "current" if role == "current" else f"baseline {baseline_rev}"
                    runs.append(measure(browser, server, label, counts, role))
        sides = [
            example_side(server) if role == ANCHOR else real_side(role, server) for role, server in servers.items()
        ]
        blocks = measure_blocks(playwright, tmp, sides, counts)
        frames = None
        if not args.pairs_only:
            frames = breakdown.both_sides(browser, tmp, servers["current"].url, servers[ANCHOR].url, counts["traced"])
        for run in runs:
            run["server_errors"] = servers[run["role"]].errors()
        blocks["server_errors"] = {role: server.errors() for role, server in servers.items()}
        return report_of(args, counts, runs, first, blocks, frames)


def started_servers(stack, workdir, baseline_root, dash2):
    """role -> its running server: the example (first: the anchor), this tree (on Dash 2.18 too with ``dash2``),
    and the baseline when there is one."""
    servers = {}

    def start(role, server_class, **options):
        log = workdir / f"{role.replace(' ', '-')}.log"
        servers[role] = server_class(log, ACCESS_LOG="0", **options)
        stack.callback(servers[role].stop)

    start(ANCHOR, ExampleServer)
    start("current", LiveServer)
    if dash2:
        start(DASH2_ROLE, Dash2Server)
    if baseline_root is not None:
        start("baseline", LiveServer, root=baseline_root)
    return servers


def report_of(args, counts, runs, first, blocks=None, frames=None):
    report = {"machine": machine(), "counts": counts, "targets": TARGETS, "runs": runs, "first_sum": first}
    if blocks is not None:
        report["blocks"] = blocks
    if frames is not None:
        report["frames"] = frames
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2))
    if runs:
        print(render_table(report))
        print()
    if blocks is not None:
        print(blocks_table(blocks, ANCHOR))
        print()
    if frames is not None:
        print(breakdown.table(frames))
        print()
    if first is not None:
        print(first_sum.table(first))
    print(f"\nFigures written to {args.json}")
    return report


if __name__ == "__main__":
    main()
