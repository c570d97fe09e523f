"""Every page passes axe-core's WCAG 2.1 A/AA rules, and its best-practice rules, inside every frame.

axe does not look into iframes from the top page, so each frame is scanned on
its own once every app has connected (``tests/browser/axe.py``). A page fails
on a critical or serious WCAG violation, on a contrast axe could not decide,
and on any best-practice finding; ``EXCEPTIONS`` lists the few third-party
findings let through, each with its reason and upstream report, and
``a11y007`` fails once one matches nothing.

States: the first load; a long history with an error shown; a stream
subscription to two servers; a reopened log file as full as the Inspector
opens (every text at the seam's limit, markup and formulas in them); each
guide topic with its live apps, followed from the guide's menu; each app
opened alone; the 404 page. The keyboard is covered by
``test_keyboard.py`` and ``test_keyboard_inspector.py``.
"""

import json
import re
from dataclasses import dataclass

import pytest
from playwright.sync_api import expect

import ids
from guide.topics import TOPICS
from harness.browser import Shell
from tests.browser import axe
from tests.browser.streams_support import Publishers, push, subscribe, unique, wait_for_items
from tests.unit.log_file_samples import worst_document

pytestmark = pytest.mark.browser

WAIT_MS = 15_000
VIEWPORT = {"width": 1440, "height": 900}  # a common laptop's: the Caller and the Inspector's log on screen
APPS = ("Caller", "Sum Server 1", "Sum Server 2", "Inspector")


@dataclass(frozen=True)
class Allowed:
    """A finding let through: its rule, which elements (a pattern on axe's selector), why, and where upstream."""

    rule: str
    target: str
    reason: str
    upstream: str

    def matches(self, finding):
        return finding.rule == self.rule and re.search(self.target, finding.target) is not None


AG_GRID_CELLS = r"\.ag-(cell|header-cell|row|center-cols|header-row)|\[col-id="
AG_GRID_FILTER_INPUTS = r"^#ag-\d+-input$"  # the floating filters' text boxes: AG Grid numbers their ids
EXCEPTIONS = (
    Allowed(
        "color-contrast",
        AG_GRID_CELLS,
        "AG Grid draws its rows and header cells over layered containers and pseudo elements, so axe cannot "
        "tell the background under their text and marks it undecided. a11y007 measures those cells' contrast "
        "itself from their computed colours.",
        "https://github.com/dequelabs/axe-core/issues/2856",
    ),
    Allowed(
        "color-contrast",
        AG_GRID_FILTER_INPUTS,
        "The column filters' empty text boxes, inside AG Grid's header: axe cannot tell the background behind "
        "them either, and asks for a check with a value typed in. Their text is the grid's (#181d1f on white), "
        "which a11y007 measures.",
        "https://github.com/dequelabs/axe-core/pull/5359",
    ),
)


def own(findings):
    """The failing findings no exception lets through."""
    return [f for f in axe.failing(findings) if not any(e.matches(f) for e in EXCEPTIONS)]


def scan_all(shell, names=APPS):
    """Findings of the shell page and each of ``names``' frames, each scanned inside its own document."""
    assert axe.load(shell.page.main_frame) == axe.AXE_VERSION
    findings = axe.scan(shell.page.main_frame, "shell")
    for name in names:
        findings += axe.scan(shell.frame(name), name)
    return findings


def assert_clean(findings):
    left = own(findings)
    assert not left, "\n" + "\n".join(str(f) for f in left)


@pytest.fixture(scope="module")
def wide_shell(browser, live_server):
    """A shell of its own at 1440x900, kept for the module's states (each adds to what the previous left)."""
    context = browser.new_context(viewport=VIEWPORT)
    shell = Shell(context.new_page(), live_server.url).open()
    yield shell
    context.close()


@pytest.mark.core
def test_a11y001_the_workspace_at_first_load(wide_shell):
    assert_clean(scan_all(wide_shell))


def test_a11y002_a_long_history_and_an_error_shown(wide_shell):
    shell = wide_shell
    for n in range(12):
        shell.sum(n, 100)
        expect(shell.caller.locator(f"#{ids.SUM_RESULT}")).to_contain_text(f"{n + 100}", timeout=WAIT_MS)
    shell.sum("abc", 1)
    expect(shell.caller.locator(f"#{ids.SUM_RESULT}")).to_contain_text(
        "The arguments must be numbers!", timeout=WAIT_MS
    )
    shell.wait_for_log_row(lambda row: row["args"] == '{"a":"abc","b":"1"}' and row["outcome"] == "failed", WAIT_MS)
    assert_clean(scan_all(shell))


def test_a11y003_a_stream_subscription_to_two_servers(wide_shell, live_server):
    shell = wide_shell
    publishers = Publishers(shell, live_server.url)
    try:
        stream = unique("Prices")
        feeds = [publishers.add(stream, unique(f"Price Feed {n}")) for n in (1, 2)]
        subscription = subscribe(shell, stream, "{}", target="all")
        state = shell.app("Inspector").locator(f'[data-subscription="{subscription}"] [role=status]')
        expect(state).to_have_text(re.compile(r"^open to 2 servers"), timeout=WAIT_MS)
        for n, feed in enumerate(feeds):
            push(feed, {"price": n})
        wait_for_items(shell, subscription, 2)
        assert_clean(scan_all(shell, ("Inspector",)))  # the publishers' frames too: they are titled
    finally:
        publishers.remove_all()


def test_a11y004_a_full_log_file_reopened(wide_shell, tmp_path):
    shell = wide_shell
    path = tmp_path / "worst.json"
    path.write_text(worst_document())
    page = shell.app("Inspector")
    page.locator(f"#{ids.LOG_UPLOAD} input[type=file]").set_input_files(str(path))
    expect(page.locator(f"#{ids.LOG_FILE_BANNER}")).to_be_visible(timeout=WAIT_MS)
    page.locator(f"#{ids.LOG_GRID}").scroll_into_view_if_needed()  # the grid takes rows while it is seen
    shell.wait_until(lambda: len(shell.log_rows()) == ids.LOG_ROWS, WAIT_MS)
    try:
        assert_clean(scan_all(shell, ("Inspector",)))
    finally:
        page.locator(f"#{ids.LOG_BACK_LIVE}").click()
        expect(page.locator(f"#{ids.LOG_FILE_BANNER}")).to_be_hidden()


@pytest.fixture(scope="module")
def guide_reader(browser, live_server):
    """One page on the guide, as a reader moves through it: the platform starts once, each topic's apps load
    when its link is followed (the Workspace and the guide opened directly are in test_console.py)."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    shell = Shell(page, live_server.url)
    page.goto(live_server.url + "/guide")
    expect(page.locator('[data-page="guide"]')).to_be_visible(timeout=WAIT_MS)
    yield shell
    context.close()


@pytest.mark.parametrize("topic", TOPICS, ids=lambda t: t.slug)
def test_a11y005_each_guide_topic_with_its_live_apps_and_no_console_line(guide_reader, topic):
    """Each topic followed from the guide's menu: axe finds nothing in the page or its apps, and its apps
    logged nothing."""
    shell, page = guide_reader, guide_reader.page
    logged_before = len(shell.problems())
    body, names = shell.follow_topic(topic, WAIT_MS)
    body.locator("pre code.hljs").first.wait_for(timeout=WAIT_MS)  # the listings are highlighted
    shell.wait_connected(*names)
    for name in names:  # each app has rendered its page under its name, its first callbacks answered
        expect(shell.app(name).locator(f"#{ids.INSTANCE_NAME}")).to_have_text(name, timeout=WAIT_MS)
    findings = axe.scan(page.main_frame, topic.slug)
    for name in names:
        findings += axe.scan(shell.frame(name), f"{topic.slug}: {name}")
    assert_clean(findings)
    assert shell.problems()[logged_before:] == []


@pytest.mark.core
@pytest.mark.parametrize("path", ["/caller/", "/server/", "/inspector/", "/no-such-page"])
def test_a11y006_each_app_opened_alone_and_the_404_page(browser, live_server, path):
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        page.goto(live_server.url + path)
        if path == "/no-such-page":
            # Dash Pages renders the 404 page after the renderer starts; its callback names the address last.
            expect(page.locator(f"#{ids.NOT_FOUND_PATH}")).to_have_text(path, timeout=WAIT_MS)
        else:
            # Alone, an app says it is not connected: that state is what a reader sees.
            expect(page.locator(f"#{ids.NOT_CONNECTED}")).to_be_visible(timeout=WAIT_MS)
        assert_clean(axe.scan(page.main_frame, path))
    finally:
        context.close()


# The contrast of each element's text against what is behind it (WCAG's relative luminance): the backgrounds of
# its ancestors, blended from the first opaque one up. AG Grid's themes mix colours (color-mix), which the
# computed style gives as color(srgb r g b / a), each channel from 0 to 1.
OWN_CONTRAST = """(selector) => {
    const parse = (text) => {
        const numbers = (text.match(/[\\d.]+/g) || []).map(Number);
        const scale = text.startsWith("color(") ? 255 : 1;
        const [r, g, b] = numbers.slice(0, 3).map((v) => v * scale);
        const alpha = numbers.length > 3 ? numbers[3] : 1;
        return {rgb: [r, g, b], alpha: text === "transparent" ? 0 : alpha};
    };
    const over = (top, below) => top.rgb.map((v, i) => v * top.alpha + below[i] * (1 - top.alpha));
    const luminance = ([r, g, b]) => {
        const channel = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const background = (element) => {
        const layers = [];
        for (let node = element; node; node = node.parentElement) {
            const layer = parse(getComputedStyle(node).backgroundColor);
            if (layer.alpha > 0) { layers.push(layer); }
            if (layer.alpha === 1) { break; }
        }
        return layers.reverse().reduce((below, layer) => over(layer, below), [255, 255, 255]);
    };
    const texts = [...document.querySelectorAll(selector)].filter((e) => e.value !== undefined || e.textContent.trim());
    return texts.map((element) => {
        const behind = background(element);
        const text = over(parse(getComputedStyle(element).color), behind);
        const [fg, bg] = [luminance(text), luminance(behind)];
        const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
        return {text: (element.id || element.textContent.trim()).slice(0, 40), ratio: ratio};
    });
}"""


def test_a11y007_each_exception_still_matches_and_its_cells_meet_the_contrast(browser, live_server):
    # At first load, in a shell of its own: the filters' empty boxes are flagged only while the log has no rows.
    context = browser.new_context(viewport=VIEWPORT)
    try:
        shell = Shell(context.new_page(), live_server.url).open()
        findings = axe.scan(shell.frame("Inspector"), "Inspector")
        for exception in EXCEPTIONS:
            assert any(exception.matches(f) for f in findings), f"{exception} matches nothing any more: remove it"
        selector = (
            ".ag-cell, .ag-header-cell-text, .ag-floating-filter input:not(:disabled)"  # WCAG exempts disabled ones
        )
        cells = shell.frame("Inspector").evaluate(OWN_CONTRAST, selector)
        assert len(cells) > 10 and any(cell["text"].startswith("ag-") for cell in cells), cells
        low = [cell for cell in cells if cell["ratio"] < 4.5]
        assert not low, json.dumps(low)
    finally:
        context.close()
