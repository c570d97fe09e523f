"""Time to the first Sum: from navigation in a fresh browser context to the first answered Sum in the Caller.

What a new user does: open the shell, wait until the Caller can reach a Sum server, type two numbers and press
Sum. The driver does the same as soon as the Caller's own glue lists a Sum method, so the figure is what the
page makes the user wait, not how fast a person reacts.

Both ways the README starts the app are measured: ``make run`` (``python run.py``, Flask's development
server) and gunicorn as deployed, beside the vendor page's own example (bench/vendor_example/, the anchor: its
platform page with its caller and server in iframes, on gunicorn). The sides are taken in turns, run after
run, so a machine that slows down during the run slows every side alike.
"""

import itertools
import sys

from playwright.sync_api import Error as PlaywrightError

from bench.anchor import EXAMPLE_CALLER, SHELL_CALLER, ExampleServer
from harness.browser import ROOT, LiveServer

RUNS = 5
TARGET_RATIO = 0.7  # this tree's p50 under gunicorn over the example's
TIMEOUT_MS = 60_000
EXAMPLE = "vendor example, gunicorn"
# In the Caller's document: its glue is up and lists a Sum method of some server.
CAN_SUM = """() => {
    const glue = window.glue42dash && window.glue42dash.glueInstance;
    return Boolean(glue && glue.interop.methods().some((m) => m.name === "Sum")
        && document.getElementById("sum-numbers-btn"));
}"""
# The moment the answer shows, on the clock every document of the page shares (ms since the epoch).
ANSWERED_AT = """() => {
    const result = document.getElementById("sum-numbers-result");
    return result && /Sum is 5\\b/.test(result.textContent) && performance.timeOrigin + performance.now();
}"""


class DevServer(LiveServer):
    """``python run.py`` in ``root``, as ``make run`` starts it (Flask's development server)."""

    @staticmethod
    def command(_app):
        return [sys.executable, "run.py"]


def caller_frame(page, selector):
    """The Frame of the caller's iframe (``selector``) once its document is the caller's own (not the iframe's
    initial about:blank)."""
    handle = page.wait_for_selector(selector, state="attached", timeout=TIMEOUT_MS)
    frame = handle.content_frame()
    while frame is None or not frame.url.startswith("http"):
        page.wait_for_timeout(10)
        frame = handle.content_frame()
    return frame


def poll(frame, script, page, step_ms=10):
    """``script``'s first truthy value in ``frame``, polled as often as a person could not tell apart."""
    for _ in range(TIMEOUT_MS // step_ms):
        try:
            value = frame.evaluate(script)
        except PlaywrightError:  # the document is between navigations (or not yet this one): try again
            value = None
        if value:
            return value
        page.wait_for_timeout(step_ms)
    raise TimeoutError(f"not true within {TIMEOUT_MS} ms: {script}")


def first_sum_ms(browser, url, caller):
    """One fresh context: ms from the platform page's navigation start to its caller showing "Sum is 5"."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    try:
        page = context.new_page()
        page.goto(url + "/", wait_until="commit")
        started = page.evaluate("() => performance.timeOrigin")
        frame = caller_frame(page, caller)
        poll(frame, CAN_SUM, page)
        frame.fill("#number-a", "2")
        frame.fill("#number-b", "3")
        frame.click("#sum-numbers-btn")
        return round(poll(frame, ANSWERED_AT, page) - started, 1)
    finally:
        context.close()


def measure(browser, sides, runs=RUNS):
    """``{label: {"runs": [ms, ...], "p50": ms}}`` for ``sides`` (label -> (url, caller iframe)), taken in turns.

    The order rotates each round (A B C D, B C D A, ...), so no side is always the first after a quiet spell.
    """
    labels = list(sides)
    times = {label: [] for label in labels}
    for round_number in range(runs):
        shift = round_number % len(labels)
        for label in itertools.chain(labels[shift:], labels[:shift]):
            times[label].append(first_sum_ms(browser, *sides[label]))
    return {label: {"runs": values, "p50": sorted(values)[len(values) // 2]} for label, values in times.items()}


SERVERS = {"make run": DevServer, "gunicorn": LiveServer}
TARGET = "current, gunicorn"  # the side the target judges: as deployed, as the example runs


def section(browser, workdir, baseline_root, baseline_rev, runs=RUNS):
    """This tree (and ``baseline_root``'s, when given) under both servers, and the example, all up at once and
    measured in turns: ``{"sides": ..., "ratios": ...}``, each side's p50 over the example's."""
    trees = {"current": ROOT, **({f"baseline {baseline_rev}": baseline_root} if baseline_root else {})}
    servers = {}
    try:
        for (tree, root), (kind, server_class) in itertools.product(trees.items(), SERVERS.items()):
            log = workdir / f"first-sum-{tree.split()[0]}-{kind.replace(' ', '-')}.log"
            servers[f"{tree}, {kind}"] = (server_class(log, root=root, ACCESS_LOG="0"), SHELL_CALLER)
        servers[EXAMPLE] = (ExampleServer(workdir / "first-sum-example.log", ACCESS_LOG="0"), EXAMPLE_CALLER)
        sides = {label: (server.url, caller) for label, (server, caller) in servers.items()}
        figures = measure(browser, sides, runs)
        errors = [line for server, _ in servers.values() for line in server.errors()]
    finally:
        for server, _ in servers.values():
            server.stop()
    example = figures[EXAMPLE]["p50"]
    ratios = {label: round(side["p50"] / example, 2) for label, side in figures.items() if label != EXAMPLE}
    return {"runs": runs, "sides": figures, "ratios": ratios, "server_errors": errors}


def table(first_sum):
    """Markdown: each side's p50 (and range), and its ratio to the example's; the target is this tree's under
    gunicorn."""
    lines = [
        f"| time to the first Sum, p50 of {first_sum['runs']} (min–max) | ms | ÷ the example's |",
        "|---|---|---|",
    ]
    for label, side in first_sum["sides"].items():
        ratio = first_sum["ratios"].get(label)
        met = label == TARGET and ("met" if ratio <= TARGET_RATIO else "NOT met")
        judged = f" (target ≤ {TARGET_RATIO}: {met})" if met else ""
        cells = [
            f"{side['p50']:,.0f} ({min(side['runs']):,.0f}–{max(side['runs']):,.0f})",
            "—" if ratio is None else f"{ratio:.2f}×{judged}",
        ]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)
