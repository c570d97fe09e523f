"""``python -m bench.breakdown``: where a Sum's time goes, per frame and per callback, in the shell and the example.

The blocks of ``python -m bench`` say how much slower the Caller's Sum is than
the vendor's example's (bench/vendor_example/); this says where the difference is spent:

- **per frame**: a Chromium trace (``devtools.timeline``) of N Sums. Every
  app of a shell is a same-origin iframe on the one main thread, so a CPU
  profile cannot tell them apart (they share the scripts), but the trace's
  events name the frame they ran for. Each top-level event's time goes to
  its frame; main-thread time in no frame's event is the renderer's own.
- **per callback**: every Dash callback request each frame made during those
  Sums, by its outputs, with how long its answer took in the page (network
  and server, timed by a ``fetch`` wrapper the driver installs, not the app).

Figures are ms per Sum, from one run on this host: compare the two sides, not the absolute values.
"""

import argparse
import collections
import json
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlparse

from bench import first_sum
from bench.anchor import EXAMPLE_CALLER, EXAMPLE_SERVER, SHELL_APPS, ExampleServer, with_probes
from harness.browser import CHROMIUM_FLAGS, LiveServer, Shell, chromium_path

# Events that run script or rendering for one frame; their nested events are inside their time.
FRAME_EVENTS = {
    "FunctionCall",
    "EventDispatch",
    "TimerFire",
    "FireAnimationFrame",
    "FireIdleCallback",
    "EvaluateScript",
    "v8.evaluateModule",
    "XHRReadyStateChange",
    "ParseHTML",
    "Layout",
    "UpdateLayoutTree",
    "Paint",
    "RunMicrotasks",
}
# Times each callback request a frame makes, by its outputs (installed by the driver in every frame).
TIME_CALLBACKS = """() => {
    if (window.__benchCallbacks) { window.__benchCallbacks.length = 0; return; }
    window.__benchCallbacks = [];
    const original = window.fetch;
    window.fetch = function (input, init) {
        const url = typeof input === "string" ? input : (input && input.url) || "";
        const started = performance.now();
        const pending = original.apply(this, arguments);
        if (url.indexOf("_dash-update-component") < 0 || !init || typeof init.body !== "string") {
            return pending;
        }
        let output = "?";
        try { output = JSON.parse(init.body).output; } catch (error) { /* not JSON */ }
        return pending.then((response) => {
            window.__benchCallbacks.push({output, ms: performance.now() - started, status: response.status});
            return response;
        });
    };
}"""


def attribute_trace(events, count):
    """ms per Sum of main-thread work by frame (the renderer's own work as "(no frame)")."""
    frames = {}
    for event in events:
        data = (event.get("args") or {}).get("data") or {}
        for frame in data.get("frames") or []:
            frames[frame.get("frame")] = frame.get("url", "")
        if event.get("name") in ("FrameCommittedInBrowser", "CommitLoad") and data.get("frame"):
            frames[data["frame"]] = data.get("url", frames.get(data["frame"], ""))
    renderer_threads = collections.Counter(
        (e["pid"], e["tid"]) for e in events if e.get("name") == "RunTask" and e.get("ph") == "X"
    )
    # The busiest renderer thread is the shell's main thread (every app of the shell runs on it).
    (pid, tid), _ = max(renderer_threads.items(), key=lambda item: item[1]) if renderer_threads else ((0, 0), 0)
    on_thread = sorted(
        (e for e in events if e.get("pid") == pid and e.get("tid") == tid and e.get("ph") == "X" and "dur" in e),
        key=lambda e: e["ts"],
    )
    spent = collections.Counter()
    by_event = collections.Counter()
    task_total = 0
    covered_until = -1
    for event in on_thread:
        if event["name"] == "RunTask":
            task_total += event["dur"]
            continue
        if event["name"] not in FRAME_EVENTS or event["ts"] < covered_until:
            continue  # nested in an event already counted
        args = event.get("args") or {}
        data = args.get("data") or args.get("beginData") or {}
        frame = data.get("frame")
        if frame is None:
            continue
        spent[frame] += event["dur"]
        by_event[(frame, event["name"])] += event["dur"]
        covered_until = event["ts"] + event["dur"]
    by_url = collections.Counter()
    for frame, micros in spent.items():
        by_url[urlparse(frames.get(frame, "?")).path or "/"] += micros
    attributed = sum(by_url.values())
    result = {path: round(micros / 1000 / count, 2) for path, micros in by_url.most_common()}
    result["(no frame)"] = round((task_total - attributed) / 1000 / count, 2)
    result["all tasks"] = round(task_total / 1000 / count, 2)
    kinds = collections.defaultdict(collections.Counter)
    for (frame, name), micros in by_event.items():
        kinds[urlparse(frames.get(frame, "?")).path or "/"][name] += micros
    result["by event"] = {
        path: {name: round(micros / 1000 / count, 2) for name, micros in counter.most_common(4)}
        for path, counter in kinds.items()
    }
    return result


def per_callback(frames, count):
    """ms per Sum of callback requests, by frame and outputs: how many per Sum and their mean answer time."""
    rows = []
    for name, frame in frames.items():
        for call in frame.evaluate("() => window.__benchCallbacks || []"):
            rows.append((name, call["output"], call["ms"]))
    grouped = collections.defaultdict(list)
    for name, output, ms in rows:
        grouped[(name, output)].append(ms)
    return [
        {
            "frame": name,
            "outputs": output,
            "per_sum": round(len(times) / count, 2),
            "mean_ms": round(sum(times) / len(times), 1),
        }
        for (name, output), times in sorted(grouped.items(), key=lambda item: -sum(item[1]))
    ]


def frames_of(page, apps):
    """name -> Frame of each app, by its iframe's selector, once each document is its own."""
    return {name: first_sum.caller_frame(page, selector) for name, selector in apps.items()}


def measure(browser, url, caller, apps, count, trace_path, viewport=(1280, 720), shell_apps=()):
    """``apps``: name -> iframe selector; ``shell_apps``: the shell's app names to wait for (none: the example)."""
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    try:
        page = context.new_page()
        shell = Shell(page, url)
        page.goto(url + "/")
        if shell_apps:
            shell.wait_connected(*shell_apps)
        frames = frames_of(page, apps)
        first_sum.poll(frames[caller], first_sum.CAN_SUM, page)
        frame = with_probes(frames[caller])
        for each in frames.values():
            each.evaluate(TIME_CALLBACKS)
        for i in range(3):  # warm up
            frame.evaluate(
                "([a, b, e]) => ioconnectBench.typedSumRoundTrip(a, b, e, 15000, 30)", [i, 700, f"Sum is {i + 700}"]
            )
        for each in frames.values():
            each.evaluate(TIME_CALLBACKS)  # forget the warm-up's requests
        browser.start_tracing(
            page=page, path=str(trace_path), categories=["devtools.timeline", "disabled-by-default-devtools.timeline"]
        )
        times = []
        for i in range(count):
            expected = f"Sum is {i + 5000}"
            times.append(
                frame.evaluate(
                    "([a, b, e]) => ioconnectBench.typedSumRoundTrip(a, b, e, 15000, 30)", [i, 5000, expected]
                )
            )
        browser.stop_tracing()
        events = json.loads(Path(trace_path).read_text())
        events = events["traceEvents"] if isinstance(events, dict) else events
        return {
            "sum_p50_ms": round(sorted(times)[len(times) // 2], 1),
            "main_thread_by_frame": attribute_trace(events, count),
            "callbacks": per_callback(frames, count),
        }
    finally:
        context.close()


SHELL_FRAMES = {name: f'iframe[data-name="{name}"]' for name in (*SHELL_APPS, "Inspector")}
EXAMPLE_FRAMES = {"Caller": EXAMPLE_CALLER, "Server": EXAMPLE_SERVER}
VIEWPORT = (1440, 900)  # as the bench's blocks: the Inspector's log on screen beside the Caller
# What each frame's path is, on either side: the shell's apps and the example's (/app-a/ its caller).
FRAME_ROLES = {
    "/caller/": "the Caller",
    "/app-a/": "the Caller",
    "/server/": "the Sum servers",
    "/app-b/": "the Sum servers",
    "/": "the platform page",
    "/inspector/": "the Inspector",
    "(no frame)": "in no frame's event (the page's style, layout and paint, IPC, GC)",
    "all tasks": "all main-thread tasks",
}


def both_sides(browser, workdir, current_url, example_url, sums, viewport=VIEWPORT):
    """``{"current": ..., "example": ...}``: ``measure`` of this tree's shell and of the vendor's example."""
    sides = (
        ("current", current_url, SHELL_FRAMES, tuple(SHELL_FRAMES)),
        ("example", example_url, EXAMPLE_FRAMES, ()),
    )
    report = {}
    for role, url, frames, shell_apps in sides:
        print(f"-- tracing {sums} Sums: {role}", file=sys.stderr)
        trace = workdir / f"trace-{role}.json"
        report[role] = measure(browser, url, "Caller", frames, sums, trace, viewport, shell_apps)
    return report


def by_role(side):
    """A side's ms per Sum by what each frame is (FRAME_ROLES), the frames of one role added up."""
    spent = collections.Counter()
    for path, ms in side["main_thread_by_frame"].items():
        if path in FRAME_ROLES:
            spent[FRAME_ROLES[path]] += ms
    return spent


def table(report):
    """Markdown: main-thread ms per Sum by frame, this tree beside the example, and the callbacks' answer times."""
    current, example = by_role(report["current"]), by_role(report["example"])
    lines = ["| main thread per Sum, by frame (ms) | current | example |", "|---|---|---|"]
    for role in dict.fromkeys(FRAME_ROLES.values()):
        if role in current or role in example:
            lines.append(f"| {role} | {current.get(role, 0):.1f} | {example.get(role, 0):.1f} |")
    for side in ("current", "example"):
        calls = "; ".join(
            f"{c['frame']} {c['outputs'].strip('.').split('...')[0].split('@')[0]}: {c['per_sum']:g}/Sum, "
            f"{c['mean_ms']:.1f} ms"
            for c in report[side]["callbacks"]
        )
        lines.append(f"\n{side}'s callbacks (per Sum, mean answer time in the page): {calls}")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench.breakdown", description=__doc__.splitlines()[0])
    parser.add_argument("--sums", type=int, default=30)
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument(
        "--viewport",
        default="x".join(map(str, VIEWPORT)),
        help="the window, as WIDTHxHEIGHT: at 1440x900 the Inspector's log is on screen beside the Caller",
    )
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="ioconnect-breakdown-") as tmp, sync_playwright() as playwright:
        tmp = Path(tmp)
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        app_server = LiveServer(tmp / "current.log", ACCESS_LOG="0")
        example_server = ExampleServer(tmp / "example.log", ACCESS_LOG="0")
        viewport = tuple(int(side) for side in args.viewport.split("x"))
        try:
            report = both_sides(browser, tmp, app_server.url, example_server.url, args.sums, viewport)
        finally:
            app_server.stop()
            example_server.stop()
            browser.close()
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))
    print(table(report))
    return report


if __name__ == "__main__":
    main()
