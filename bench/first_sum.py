"""Time to the first Sum: from navigation in a fresh browser context to the first answered Sum in the Caller.

What a new user does: open the shell, wait until the Caller can reach a Sum server, type two numbers and press
Sum. The driver does the same as soon as the Caller's own glue lists a Sum method, so the figure is what the
page makes the user wait, not how fast a person reacts.

Both ways the README starts the app are measured: ``make run`` (``python run.py``, Flask's development
server) and gunicorn as deployed. The sides are taken in turns, run after run, so a machine that slows down
during the run slows every side alike.
"""

import itertools
import sys

from playwright.sync_api import Error as PlaywrightError

from harness.browser import ROOT, LiveServer

RUNS = 5
TARGET_RATIO = 0.6  # the current tree's p50 over the baseline's, for each server
TIMEOUT_MS = 60_000
CALLER = 'iframe[data-name="Caller"]'
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


def caller_frame(page):
    """The Caller's Frame once its document is the Caller's own (not the iframe's initial about:blank)."""
    handle = page.wait_for_selector(CALLER, state="attached", timeout=TIMEOUT_MS)
    frame = handle.content_frame()
    while frame is None or "/caller/" not in frame.url:
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


def first_sum_ms(browser, url):
    """One fresh context: ms from the shell's navigation start to the Caller showing "Sum is 5"."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    try:
        page = context.new_page()
        page.goto(url + "/", wait_until="commit")
        started = page.evaluate("() => performance.timeOrigin")
        frame = caller_frame(page)
        poll(frame, CAN_SUM, page)
        frame.fill("#number-a", "2")
        frame.fill("#number-b", "3")
        frame.click("#sum-numbers-btn")
        return round(poll(frame, ANSWERED_AT, page) - started, 1)
    finally:
        context.close()


def measure(browser, sides, runs=RUNS):
    """``{label: {"runs": [ms, ...], "p50": ms}}`` for ``sides`` (label -> url), taken in turns.

    The order rotates each round (A B C D, B C D A, ...), so no side is always the first after a quiet spell.
    """
    labels = list(sides)
    times = {label: [] for label in labels}
    for round_number in range(runs):
        shift = round_number % len(labels)
        for label in itertools.chain(labels[shift:], labels[:shift]):
            times[label].append(first_sum_ms(browser, sides[label]))
    return {label: {"runs": values, "p50": sorted(values)[len(values) // 2]} for label, values in times.items()}


SERVERS = {"make run": DevServer, "gunicorn": LiveServer}


def section(browser, workdir, baseline_root, baseline_label, runs=RUNS):
    """Both trees under both servers, all up at once and measured in turns: ``{"sides": ..., "ratios": ...}``.

    ``baseline_root`` None measures the current tree alone (no ratios).
    """
    trees = {"current": ROOT, **({baseline_label: baseline_root} if baseline_root else {})}
    servers = {}
    try:
        for (tree, root), (kind, server_class) in itertools.product(trees.items(), SERVERS.items()):
            log = workdir / f"first-sum-{tree.split()[0]}-{kind.replace(' ', '-')}.log"
            servers[(tree, kind)] = server_class(log, root=root, ACCESS_LOG="0")
        sides = {f"{tree}, {kind}": server.url for (tree, kind), server in servers.items()}
        figures = measure(browser, sides, runs)
        errors = [line for server in servers.values() for line in server.errors()]
    finally:
        for server in servers.values():
            server.stop()
    ratios = {
        kind: round(figures[f"current, {kind}"]["p50"] / figures[f"{baseline_label}, {kind}"]["p50"], 2)
        for kind in SERVERS
        if baseline_root
    }
    return {"runs": runs, "sides": figures, "ratios": ratios, "baseline": baseline_label, "server_errors": errors}


def table(first_sum):
    """Markdown: each server's p50 (and range) per tree, and current over baseline against the target."""
    baseline = first_sum["baseline"] if first_sum["ratios"] else None
    trees = [baseline, "current"] if baseline else ["current"]
    extra = [f"current ÷ baseline (target ≤ {TARGET_RATIO})"] if baseline else []
    lines = [
        f"| time to the first Sum, p50 of {first_sum['runs']} (min–max) | " + " | ".join(trees + extra) + " |",
        "|---|" + "---|" * (len(trees) + len(extra)),
    ]
    for kind in SERVERS:
        cells = []
        for tree in trees:
            side = first_sum["sides"][f"{tree}, {kind}"]
            cells.append(f"{side['p50']:,.0f} ms ({min(side['runs']):,.0f}–{max(side['runs']):,.0f})")
        if baseline:
            ratio = first_sum["ratios"][kind]
            cells.append(f"{ratio:.2f}× ({'met' if ratio <= TARGET_RATIO else 'NOT met'})")
        lines.append(f"| {kind} | " + " | ".join(cells) + " |")
    return "\n".join(lines)
