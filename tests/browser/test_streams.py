"""Stream subscriptions in the inspector, through the real shell, from publishers made with the vendor's client.

Each test publishes streams of its own names (the inspector keeps running between tests, and so do its
earlier subscriptions), and takes its publishers away again, so the next test sees the default apps only.
"""

import re

import pytest
from playwright.sync_api import expect

import ids
from harness.browser import callback_requests
from tests.browser.streams_support import (
    WAIT_MS,
    Publishers,
    card,
    colour_of,
    compact,
    fill_form,
    inspector,
    item_texts,
    items,
    push,
    requests,
    state_of,
    subscribe,
    subscribers,
    subscriptions,
    unfinished_callbacks,
    unique,
    wait_for_items,
    wait_open,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def publishers(request, shell, live_server):
    publishers = Publishers(shell, live_server.url)
    yield publishers
    report = getattr(request.node, "report_call", None)
    if report and report.failed:  # shown with the failure, as its teardown's output
        print(f"The inspector's unfinished callbacks: {unfinished_callbacks(shell)}")
    publishers.remove_all()
    assert shell.problems() == []  # no console errors or warnings, in any app


@pytest.mark.core
def test_strm001_best_subscription_shows_items_as_they_arrive(shell, publishers):
    stream, app = unique("Ticks"), unique("Tick Feed")
    feed = publishers.add(stream, app, accepts="String symbol, Int depth")
    # The stream is in the servers grid, flagged as streaming; clicking its row picks it in the streams form.
    row = inspector(shell).locator(f"#{ids.SERVERS_GRID} .ag-center-cols-container .ag-row", has_text=stream)
    expect(row.locator('[col-id="streaming"]')).to_have_text("yes", timeout=WAIT_MS)
    row.click()
    expect(inspector(shell).locator(f"#{ids.STREAM_METHOD}")).to_have_value(stream)
    expect(inspector(shell).locator(f"#{ids.STREAM_ARGS}")).to_have_value('{\n  "symbol": "",\n  "depth": 0\n}')
    sub = subscribe(shell, stream, target="best")
    # The arguments were prefilled from the stream's signature, and are what the publisher was asked with.
    assert subscriptions(shell)[0]["request"]["args"] == {"symbol": "", "depth": 0}
    expect(state_of(shell, sub)).to_have_text(re.compile(rf"^open to 1 server: {app} \("), timeout=WAIT_MS)
    assert requests(feed) == [{"symbol": "", "depth": 0}]
    for n in range(3):
        push(feed, {"tick": n})
    shown = wait_for_items(shell, sub, 3)
    assert [text for _, text in shown] == [compact({"tick": n}) for n in (2, 1, 0)]  # newest first
    assert all(label.startswith(f"{app} (") for label, _ in shown)
    times = card(shell, sub).locator(".stream-time").all_text_contents()
    assert all(re.fullmatch(r"\d\d:\d\d:\d\d\.\d\d\d", t) for t in times), times
    expect(card(shell, sub)).to_contain_text("3 items received · showing 3")


@pytest.mark.core
def test_strm002_bad_arguments_are_refused_and_nothing_is_sent(shell, publishers):
    stream = unique("Quiet")
    feed = publishers.add(stream, unique("Quiet Feed"))
    before = subscriptions(shell)
    problem = inspector(shell).locator(f"#{ids.STREAM_PROBLEM}")
    for text, message in (
        ('{"a": 1,', "Invalid JSON at line 1, column 9"),
        ("[1, 2]", "The arguments must be a JSON object"),
        ('{"a": NaN}', "Invalid JSON"),
    ):
        fill_form(shell, stream, text)
        inspector(shell).locator(f"#{ids.STREAM_BUTTON}").click()
        expect(problem).to_contain_text(message, timeout=WAIT_MS)
        expect(problem).to_contain_text("Nothing was sent.")
        # The problem and the command are one callback's outputs: had a command come with it, the page has it now.
        assert subscriptions(shell) == before
    fill_form(shell, stream, "{}", target="specific instances")
    inspector(shell).locator(f"#{ids.STREAM_BUTTON}").click()
    expect(problem).to_contain_text("Pick at least one server instance", timeout=WAIT_MS)
    assert subscriptions(shell) == before
    assert requests(feed) == []
    # And a good request clears the problem and goes out.
    subscribe(shell, stream, "{}", target="best")
    expect(problem).to_have_text("")
    shell.wait_until(lambda: requests(feed) == [{}], WAIT_MS)


def test_strm003_best_and_all_with_two_publishers_show_data_by_server_in_its_colour(shell, publishers):
    stream, one, two = unique("Prices"), unique("Price Feed A"), unique("Price Feed B")
    feeds = {one: publishers.add(stream, one), two: publishers.add(stream, two)}
    everyone = subscribe(shell, stream, "{}", target="all")
    expect(state_of(shell, everyone)).to_have_text(re.compile(r"^open to 2 servers: "), timeout=WAIT_MS)
    best = subscribe(shell, stream, "{}", target="best")
    expect(state_of(shell, best)).to_have_text(re.compile(r"^open to 1 server: "), timeout=WAIT_MS)
    [chosen] = [s["application"] for s in subscriptions(shell)[0]["servers"]]
    for n, (app, feed) in enumerate(feeds.items()):
        push(feed, {"from": app, "n": n})
    shown = wait_for_items(shell, everyone, 2)
    assert sorted(label.split(" (")[0] for label, _ in shown) == sorted(feeds)
    assert {label.split(" (")[0]: text for label, text in shown} == {
        app: compact({"from": app, "n": n}) for n, app in enumerate(feeds)
    }
    # One colour per server, and the same server has the same colour in every subscription.
    colours = {
        items(shell, everyone).nth(i).get_attribute("data-instance"): colour_of(items(shell, everyone).nth(i))
        for i in range(2)
    }
    assert len(set(colours.values())) == 2
    [(label, text)] = wait_for_items(shell, best, 1)
    assert label.startswith(f"{chosen} (") and text == compact({"from": chosen, "n": list(feeds).index(chosen)})
    assert colour_of(items(shell, best).first) == colours[items(shell, best).first.get_attribute("data-instance")]
    # Best subscribed to one publisher only: the other never had a subscriber from it.
    assert sorted(len(requests(feed)) for feed in feeds.values()) == [1, 2]
    # The server filter shows one server's items; until one is picked, it says it shows all.
    other = next(app for app in feeds if app != chosen)
    picker = card(shell, everyone).locator("select")
    assert picker.evaluate("select => select.selectedOptions[0].textContent") == "All servers"
    picker.select_option(label=next(o for o in picker.locator("option").all_text_contents() if o.startswith(other)))
    shell.wait_until(lambda: [label.split(" (")[0] for label, _ in item_texts(shell, everyone)] == [other], WAIT_MS)
    expect(card(shell, everyone)).to_contain_text("showing 1 of one server")
    # It stays picked while data arrives (the card is not re-created for new items).
    push(feeds[other], {"from": other, "n": 9})
    shell.wait_until(lambda: len(item_texts(shell, everyone)) == 2, WAIT_MS)
    assert {label.split(" (")[0] for label, _ in item_texts(shell, everyone)} == {other}
    picker.select_option(label="All servers")
    shell.wait_until(lambda: len(item_texts(shell, everyone)) == 3, WAIT_MS)
    expect(card(shell, everyone)).not_to_contain_text("of one server")


def test_strm004_close_reconnect_and_clear(shell, publishers):
    stream, app = unique("Orders"), unique("Order Feed")
    feed = publishers.add(stream, app)
    sub = subscribe(shell, stream, '{"desk": "fx"}', target="best")
    wait_open(shell, sub)
    push(feed, {"order": 1})
    wait_for_items(shell, sub, 1)
    card(shell, sub).get_by_role("button", name="Close").click()
    expect(state_of(shell, sub)).to_have_text("closed by you", timeout=WAIT_MS)
    shell.wait_until(lambda: subscribers(feed) == 0, WAIT_MS)  # the publisher was told
    card(shell, sub).get_by_role("button", name="Reconnect").click()
    wait_open(shell, sub)
    assert requests(feed) == [{"desk": "fx"}, {"desk": "fx"}]  # the same request again
    assert subscribers(feed) == 1
    push(feed, {"order": 2})
    assert [text for _, text in wait_for_items(shell, sub, 2)] == [compact({"order": 2}), compact({"order": 1})]
    card(shell, sub).get_by_role("button", name="Clear").click()
    shell.wait_until(lambda: items(shell, sub).count() == 0, WAIT_MS)
    expect(card(shell, sub)).to_contain_text("2 items received · showing 0")
    # Memory stays flat: at most STREAM_ITEMS_KEPT items are kept, however many arrive.
    feed.evaluate("(count) => { for (let i = 0; i < count; i++) window.publisher.push({burst: i}); }", 150)
    expect(card(shell, sub)).to_contain_text(
        f"152 items received · showing {ids.STREAM_ITEMS_KEPT} (the latest {ids.STREAM_ITEMS_KEPT} are kept)",
        timeout=WAIT_MS,
    )
    assert items(shell, sub).count() == ids.STREAM_ITEMS_KEPT
    assert item_texts(shell, sub)[0][1] == compact({"burst": 149})
    assert subscriptions(shell)[0]["kept"] == ids.STREAM_ITEMS_KEPT


def test_strm005_a_stream_closed_by_its_server_and_one_whose_publisher_goes_away(shell, publishers):
    closing, leaving = unique("Closing"), unique("Leaving")
    closer = publishers.add(closing, unique("Closing Feed"))
    leaver_app = unique("Leaving Feed")
    publishers.add(leaving, leaver_app)
    closed = subscribe(shell, closing, "{}")
    gone = subscribe(shell, leaving, "{}")
    for sub in (closed, gone):
        wait_open(shell, sub)
    # Close once the publisher's stream counts the subscription too, not only once the Inspector says it is open.
    shell.wait_until(lambda: subscribers(closer) == 1, WAIT_MS)
    closer.evaluate("() => window.publisher.close()")
    # A bound, not a pause: with two test sessions and stress-ng beside them, 10 s once went by before it showed.
    expect(state_of(shell, closed)).to_have_text("closed by the server", timeout=3 * WAIT_MS)
    publishers.remove(leaver_app)
    expect(state_of(shell, gone)).to_have_text("closed: the publisher is gone", timeout=WAIT_MS)
    expect(state_of(shell, closed)).to_have_text("closed by the server")


def test_strm006_html_in_an_item_is_shown_as_text(shell, publishers):
    stream = unique("Hostile")
    feed = publishers.add(stream, unique("Hostile Feed"))
    sub = subscribe(shell, stream, "{}")
    wait_open(shell, sub)
    markup = '<b id="injected-bold">bold</b><img id="injected-img" src="x">'
    push(feed, {"html": markup})
    [(_, text)] = wait_for_items(shell, sub, 1)
    assert text == compact({"html": markup})
    page = inspector(shell)
    assert page.locator("#injected-bold").count() == 0 and page.locator("#injected-img").count() == 0
    assert card(shell, sub).locator(".stream-items b, .stream-items img").count() == 0


def test_strm007_an_oversized_item_is_cut_with_a_note(shell, publishers):
    stream = unique("Big")
    feed = publishers.add(stream, unique("Big Feed"))
    sub = subscribe(shell, stream, "{}")
    wait_open(shell, sub)
    push(feed, {"blob": "x" * 12_345})
    [(_, text)] = wait_for_items(shell, sub, 1)
    whole = compact({"blob": "x" * 12_345})
    assert text == whole[: ids.STREAM_ITEM_CHARS]
    expect(card(shell, sub).locator(".stream-cut")).to_have_text(f"… cut: {len(whole):,} characters in all")
    push(feed, {"small": True})
    wait_for_items(shell, sub, 2)
    assert card(shell, sub).locator(".stream-cut").count() == 1  # only the oversized one has a note


INSPECTOR_CALLBACKS = callback_requests("/inspector/")


def test_strm008_a_late_answer_from_an_older_snapshot_does_not_undo_a_newer_one(shell, publishers):
    """The card's render from the "subscribing" snapshot is held at the network until the publisher accepts and
    the card shows "open"; then it is let go. Its answer must not put the card back: Dash drops it as outdated."""
    # Another card first: the outdated answer got through when Dash matched other than one card (see render_parts).
    early = unique("Early")
    publishers.add(early, unique("Early Feed"))
    wait_open(shell, subscribe(shell, early, "{}"))
    stream = unique("Late")
    feed = publishers.add(stream, unique("Late Feed"), hold=True)
    held = []

    def hold_first_subscribing_render(route):
        body = route.request.post_data or ""
        if not held and "inspector-stream-summary" in body and '"state":"subscribing"' in body:
            held.append(route)
        else:
            route.continue_()

    page = inspector(shell)
    shell.page.context.route(INSPECTOR_CALLBACKS, hold_first_subscribing_render)
    try:
        sub = subscribe(shell, stream, "{}")
        shell.wait_until(lambda: held and requests(feed) == [{}], WAIT_MS)
        assert feed.evaluate("() => window.publisher.acceptHeld()") == 1
        wait_open(shell, sub)  # rendered by a later request, while the first is held
        with shell.page.expect_request_finished(lambda request: request is held[0].request, timeout=WAIT_MS):
            held[0].continue_()
    finally:
        shell.page.context.unroute(INSPECTOR_CALLBACKS)
    # One more round trip of the Inspector, so the held answer has been through Dash before the card is read.
    fill_form(shell, stream, "[1]")
    page.locator(f"#{ids.STREAM_BUTTON}").click()
    expect(page.locator(f"#{ids.STREAM_PROBLEM}")).to_contain_text("must be a JSON object", timeout=WAIT_MS)
    expect(state_of(shell, sub)).to_have_text(re.compile(r"^open to 1 server"))
