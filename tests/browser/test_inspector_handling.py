"""Each server's own handling time beside the round trip, in the Inspector's results, through the real shell.

Glue settles an invocation once, so the Inspector sees one round trip for all servers; each server's handled
record (its activity seam's, ``handler_ms``) reaches the Inspector with the log's records, and the result then
shows each server's time beside the round trip.
"""

import json
import re

import pytest
from playwright.sync_api import expect

import ids
from harness.browser import Shell

SERVERS = ("Sum Server 1", "Sum Server 2")
ANSWER = re.compile(r'^✔ (Sum Server [12]) \([\w-]+\) · (\d+) ms handling · round trip (\d+) ms: \{"sum": 42\}$')


@pytest.fixture(scope="module")
def shell(browser, live_server):
    # The Inspector sends its log's records to Python only while the log is on screen, and the handling times
    # come with them: the test scrolls to the log when it wants them.
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    shell = Shell(context.new_page(), live_server.url).open()
    yield shell
    problems = shell.problems()
    context.close()
    assert problems == []  # no console errors or warnings, in any app


@pytest.mark.browser
def test_hndl101_a_sum_to_all_shows_each_servers_handling_time_beside_the_round_trip(shell):
    page = shell.app("Inspector")
    args = {"a": 20, "b": 22}
    method, args_box = page.locator(f"#{ids.ADHOC_METHOD}"), page.locator(f"#{ids.ADHOC_ARGS}")
    expect(method.locator("option", has_text=re.compile("^Sum$"))).to_have_count(1, timeout=5_000)
    # Picking a method prefills the arguments from its signature: empty the box first and wait for the prefill
    # before typing, or a late prefill replaces what the test typed (the box starts as "{}").
    args_box.fill("")
    method.select_option("Sum")
    expect(args_box).not_to_have_value("")
    args_box.fill(json.dumps(args))
    page.locator(f"#{ids.ADHOC_TARGET}").get_by_text("all", exact=True).click()
    # The top of the shell shows the other apps: the Inspector's log is off screen until the test scrolls to it,
    # and the clicks below do not scroll.
    shell.page.evaluate("window.scrollTo(0, 0)")
    page.locator(f"#{ids.ADHOC_BUTTON}").dispatch_event("click")

    latest = page.locator(f"#{ids.ADHOC_HISTORY} details[data-invocation]").first
    shell.wait_until(lambda: latest.get_attribute("data-status") not in (None, "pending"))
    assert latest.get_attribute("data-status") == "success", latest.inner_text()
    answers = latest.locator("li")
    # A view picked before the servers' records are in stays picked when their times redraw the history. (The
    # records reach Python once the log is on screen, or every few seconds while it is not: after this click.)
    latest.get_by_role("tab", name="Called with").dispatch_event("click")
    expect(latest.locator('[data-view="called-with"]')).to_be_visible()
    page.locator(f"#{ids.INSPECTOR_LOG}").scroll_into_view_if_needed()  # the records go to Python from now on
    expect(answers).to_have_text([ANSWER, ANSWER], timeout=10_000)  # each server's time, once its record is in
    expect(latest.locator('[data-view="called-with"]')).to_be_visible()
    assert json.loads(latest.locator('[data-view="called-with"]').inner_text()) == args
    shown = {}
    for text in answers.all_inner_texts():
        server, handling_ms, round_trip_ms = ANSWER.match(text).groups()
        shown[server] = int(handling_ms)
        assert int(handling_ms) <= int(round_trip_ms), text  # a server's handling is within the round trip
    assert sorted(shown) == list(SERVERS)
    # Each time is that server's own, as its activity seam recorded it.
    for server in SERVERS:
        [record] = [r for r in shell.activity(server, "handled", args) if r["caller"] == "Inspector"]
        assert shown[server] == round(record["handler_ms"]), (server, record)
    returned = json.loads(latest.locator('[data-view="returned"]').text_content())
    assert sorted(entry["handling_ms"] for entry in returned) == sorted(
        r["handler_ms"] for server in SERVERS for r in shell.activity(server, "handled", args)
    )
