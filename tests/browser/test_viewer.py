"""The Interop Viewer's last features in the inspector, through the real shell: Format, Compact and Fix on a JSON box,
stream items that open, close and copy, and a subscription's Called with and Use call arguments.

Stream publishers are the vendor's plain-JavaScript client (tests/browser/streams_support.py), as in test_streams.
"""

import json
import re

import pytest
from playwright.sync_api import expect

import ids
import pages.inspector
from tests.browser.streams_support import (
    WAIT_MS,
    card,
    fill_form,
    inspector,
    items,
    push,
    requests,
    subscribe,
    subscriptions,
    unique,
    wait_for_items,
    wait_open,
)
from tests.browser.test_streams import publishers  # noqa: F401  (the fixture: publishers taken away, console clean)

pytestmark = pytest.mark.browser


def toolbar(shell, label):
    """The streams form's toolbar button named ``label``."""
    page = inspector(shell)
    return page.locator(f"#{ids.STREAMS_CARD} .json-box-tools").get_by_role("button", name=label, exact=True)


def test_view001_format_compact_and_fix_the_streams_arguments(shell, publishers):  # noqa: F811
    page = inspector(shell)
    box = page.locator(f"#{ids.STREAMS_CARD} #{ids.STREAM_ARGS}")
    status = page.locator(f"#{ids.STREAMS_CARD} .json-box-status")
    box.fill("{'a': 1, b: True,}")
    toolbar(shell, "Fix").click()
    expect(box).to_have_value('{"a": 1, "b": true}', timeout=WAIT_MS)
    expect(status).to_have_text("Fixed: single quotes, unquoted keys, True, False or None, trailing commas.")
    toolbar(shell, "Format").click()
    expect(box).to_have_value('{\n  "a": 1,\n  "b": true\n}', timeout=WAIT_MS)
    expect(status).to_have_text("Formatted.")
    toolbar(shell, "Compact").press("Enter")  # the keyboard works them too: they are real buttons
    expect(box).to_have_value('{"a":1,"b":true}', timeout=WAIT_MS)
    # A text Fix cannot repair: it says where, in words, and leaves the box as it was.
    broken = '{\n  "a": 1\n  "b": [True,]\n}'
    box.fill(broken)
    toolbar(shell, "Fix").click()
    expect(status).to_have_text("At line 3, column 3: a comma was expected. Nothing was changed.", timeout=WAIT_MS)
    expect(status).to_have_class(re.compile(r"\btext-danger\b"))
    assert box.input_value() == broken
    toolbar(shell, "Format").click()
    expect(status).to_have_text(re.compile(r"^At line 3, column 3: a comma was expected\. Nothing was changed\."))
    assert box.input_value() == broken
    box.fill('{"a": NaN}')
    toolbar(shell, "Compact").click()
    expect(status).to_have_text("At line 1, column 7: NaN and Infinity are not JSON numbers. Nothing was changed.")
    assert box.input_value() == '{"a": NaN}'


def entries(shell, subscription):
    return card(shell, subscription).locator("details.stream-entry")


def open_states(shell, subscription):
    return entries(shell, subscription).evaluate_all("all => all.map(d => d.open)")


def test_view002_stream_items_open_close_one_or_all_and_copy(shell, publishers, live_server):  # noqa: F811
    shell.page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    stream = unique("Quotes")
    feed = publishers.add(stream, unique("Quote Feed"))
    sub = subscribe(shell, stream, "{}")
    wait_open(shell, sub)
    data = [{"n": n, "quote": {"bid": [1.5, n], "note": 'a "quoted", True'}} for n in range(1, 4)]
    for item in data:
        push(feed, item)
    wait_for_items(shell, sub, 3)
    assert open_states(shell, sub) == [False, False, False]  # each item is one line
    # Open the newest with the keyboard: its JSON, indented.
    newest = card(shell, sub).locator(f"#{ids.stream_item(sub, 3)}")
    newest.locator("summary").press("Enter")
    expect(newest.locator(".stream-pretty")).to_have_text(json.dumps(data[2], indent=2), timeout=WAIT_MS)
    assert open_states(shell, sub) == [True, False, False]
    # A newer item arrives above it: the one opened stays open, the new one comes closed.
    push(feed, {"n": 4})
    wait_for_items(shell, sub, 4)
    assert open_states(shell, sub) == [False, True, False, False]
    newest.locator("summary").click()
    assert open_states(shell, sub) == [False, False, False, False]
    card(shell, sub).get_by_role("button", name="Expand all").click()
    assert open_states(shell, sub) == [True, True, True, True]
    pretty = card(shell, sub).locator(".stream-pretty").all_text_contents()
    assert [json.loads(text) for text in pretty] == [{"n": 4}, *reversed(data)]
    card(shell, sub).get_by_role("button", name="Collapse all").click()
    assert open_states(shell, sub) == [False, False, False, False]
    # Copy: the item's data as indented JSON, on the clipboard; the page says what it copied.
    frame = shell.frame("Inspector")
    frame.evaluate("() => navigator.clipboard.writeText('')")
    card(shell, sub).locator(f"#{ids.stream_item(sub, 2)}").get_by_role("button", name="Copy").click()
    shell.wait_until(lambda: frame.evaluate("() => navigator.clipboard.readText()") != "", WAIT_MS)
    assert frame.evaluate("() => navigator.clipboard.readText()") == json.dumps(data[1], indent=2)
    expect(inspector(shell).locator(f"#{ids.STREAM_COPY_STATUS}")).to_have_text(
        f"Copied item 2 of {stream} ({len(json.dumps(data[1], indent=2))} characters of JSON).", timeout=WAIT_MS
    )
    # Items are text: the opened view too.
    push(feed, {"html": '<img id="injected-viewer" src="x">'})
    wait_for_items(shell, sub, 5)
    card(shell, sub).get_by_role("button", name="Expand all").click()
    expect(items(shell, sub).first.locator(".stream-pretty")).to_contain_text('"<img id=\\"injected-viewer\\"')
    assert inspector(shell).locator("#injected-viewer").count() == 0


def test_view003_called_with_and_use_call_arguments(shell, publishers):  # noqa: F811
    first, other = unique("Depth"), unique("Trades")
    feed = publishers.add(first, unique("Depth Feed"), accepts="String symbol, Int depth")
    publishers.add(other, unique("Trade Feed"), accepts="String venue")
    sub = subscribe(shell, first, '{"symbol": "EUR", "depth": 2}', target="all")
    wait_open(shell, sub)
    called_with = card(shell, sub).locator(".stream-called-with")
    expect(called_with).to_have_text('{"symbol":"EUR","depth":2}')
    expect(card(shell, sub)).to_contain_text("Called with")
    # The form moves on to another stream, target best.
    fill_form(shell, other, target="best")
    page = inspector(shell)
    box = page.locator(f"#{ids.STREAM_ARGS}")
    expect(box).to_have_value('{\n  "venue": ""\n}')
    card(shell, sub).get_by_role("button", name="Use call arguments").click()
    expect(page.locator(f"#{ids.STREAM_METHOD}")).to_have_value(first, timeout=WAIT_MS)
    expect(box).to_have_value('{\n  "symbol": "EUR",\n  "depth": 2\n}', timeout=WAIT_MS)
    expect(page.locator(f"#{ids.STREAM_TARGET}").get_by_label("all", exact=True)).to_be_checked()
    # One more round trip: the picked stream's template did not come after and replace the arguments.
    toolbar(shell, "Format").click()
    expect(page.locator(f"#{ids.STREAMS_CARD} .json-box-status")).to_have_text("Formatted.", timeout=WAIT_MS)
    assert box.input_value() == '{\n  "symbol": "EUR",\n  "depth": 2\n}'
    # Subscribing again sends the same request.
    page.locator(f"#{ids.STREAM_BUTTON}").click()
    shell.wait_until(lambda: len(requests(feed)) == 2, WAIT_MS)
    assert requests(feed) == [{"symbol": "EUR", "depth": 2}] * 2
    assert subscriptions(shell)[0]["request"]["target"] == "all"


ADHOC_TOOLBAR = str(ids.json_status(ids.ADHOC_ARGS)) in str(pages.inspector.layout())


@pytest.mark.skipif(not ADHOC_TOOLBAR, reason="pages/inspector.py has no toolbar below the ad-hoc arguments yet")
def test_view004_the_adhoc_arguments_have_the_same_toolbar(shell):
    page = inspector(shell)
    form = page.locator(f"#{ids.ADHOC_ARGS}").locator("xpath=ancestor::div[contains(@class, 'card-body')][1]")
    box = form.locator(f"#{ids.ADHOC_ARGS}")
    status = form.locator(".json-box-status")
    box.fill("{'a': 1, b: True,}")
    form.get_by_role("button", name="Fix", exact=True).click()
    expect(box).to_have_value('{"a": 1, "b": true}', timeout=WAIT_MS)
    form.get_by_role("button", name="Format", exact=True).click()
    expect(box).to_have_value('{\n  "a": 1,\n  "b": true\n}', timeout=WAIT_MS)
    box.fill('{"a": 1 "b": 2}')
    form.get_by_role("button", name="Compact", exact=True).click()
    expect(status).to_have_text(re.compile(r"^At line 1, column 9: a comma was expected\. Nothing was changed\."))
    assert box.input_value() == '{"a": 1 "b": 2}'
    assert shell.problems() == []
