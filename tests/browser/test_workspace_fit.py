"""The Workspace fits its apps: each card is as tall as its app's content (up to its cap), and at 1440x900
the controls a newcomer needs first are on screen without scrolling (assets/frame_height.js, app.css)."""

import pytest

import ids
from harness.browser import Shell

# How far an iframe may be from its content's height: a rounding pixel or two, never a line of text.
TOLERANCE_PX = 4

FRAME_FIT = """(frame) => {
    const doc = frame.contentDocument;
    const cap = parseFloat(getComputedStyle(frame).maxHeight);
    const content = Math.ceil(doc.body.scrollHeight);
    return {
        frame: frame.getBoundingClientRect().height,
        content: content,
        expected: Math.min(content, cap),
        innerScroll: doc.documentElement.scrollHeight - doc.documentElement.clientHeight,
    };
}"""


def fit(shell, name):
    return shell.page.locator(f'iframe[data-name="{name}"]').evaluate(FRAME_FIT)


def fits(measure):
    close = abs(measure["frame"] - measure["expected"]) <= TOLERANCE_PX
    no_scrollbar = measure["content"] > measure["expected"] or measure["innerScroll"] <= TOLERANCE_PX
    return close and no_scrollbar


def wait_fitted(shell, *names):
    try:
        shell.wait_until(lambda: all(fits(fit(shell, name)) for name in names))
    except AssertionError:
        raise AssertionError({name: fit(shell, name) for name in names}) from None
    return {name: fit(shell, name) for name in names}


@pytest.mark.browser
def test_wfit001_each_frame_is_as_tall_as_its_content(shell):
    # A card that kept its placeholder height (160 px, app.css) is dead space under a server (130 px of content)
    # and a scrollbar inside the Caller and the Inspector.
    wait_fitted(shell, *Shell.DEFAULT_APPS)


@pytest.mark.browser
def test_wfit002_a_frame_follows_its_content_as_it_grows(shell):
    before = wait_fitted(shell, "Caller")["Caller"]
    for n in range(3):
        shell.sum(n, 1000)
        shell.wait_settled("Caller", n + 1)
    shell.wait_until(lambda: fit(shell, "Caller")["content"] > before["content"])
    after = wait_fitted(shell, "Caller")["Caller"]
    assert after["frame"] > before["frame"], (before, after)


@pytest.mark.browser
def test_wfit003_first_controls_are_on_screen_at_1440_by_900(browser, live_server, tmp_path):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    try:
        shell = Shell(context.new_page(), live_server.url).open()
        wait_fitted(shell, *Shell.DEFAULT_APPS)
        controls = {
            "Caller: Sum": shell.caller.locator(f"#{ids.SUM_BUTTON}"),
            "Caller: Send": shell.caller.locator(f"#{ids.SEND_MESSAGE_BUTTON}"),
            "Inspector: its card": shell.card("Inspector").locator(".card-header"),
            "Inspector: its invocation log": shell.app("Inspector").locator(f"#{ids.INSPECTOR_LOG}").first,
        }
        for server in ("Sum Server 1", "Sum Server 2"):
            controls[f"{server}: last message"] = shell.app(server).locator(f"#{ids.MESSAGE}")
            controls[f"{server}: handled list"] = shell.app(server).locator(f"#{ids.HANDLED_LIST}")
        shell.page.screenshot(path=tmp_path / "workspace-1440x900.png")
        for label, locator in controls.items():
            box = locator.bounding_box()
            assert box is not None, label
            # The whole control for the Caller's and servers'; for the Inspector, its top.
            bottom = box["y"] + (min(box["height"], 40) if label.startswith("Inspector") else box["height"])
            assert box["y"] >= 0 and bottom <= 900 and box["x"] + box["width"] <= 1440, (label, box)
        assert shell.problems() == []
    finally:
        context.close()
