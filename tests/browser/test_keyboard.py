"""The apps from the keyboard alone: Sum, the Target, adding and removing apps, and the guide's listings.

Each test puts the focus on its first control as a Tab would (``focus()``)
and from there only presses keys; what it checks is where the focus is, that
it shows (``:focus-visible``), and what the app did.
"""

import pytest
from playwright.sync_api import expect

import ids
from guide.source import source_of
from guide.topics import TOPICS
from harness.browser import wait_until

pytestmark = pytest.mark.browser

QUICK_MS = 5_000  # generous on a loaded 2-core machine
NOT_NUMBERS = "The arguments must be numbers!"  # the documentation's message


def shows_focus(locator):
    """Whether the element has the focus and the browser draws its focus ring (as after a key press)."""
    return locator.evaluate("(element) => element.matches(':focus-visible')")


def type_over(page, text):
    """Replace the focused field's text, as a person at the keyboard does."""
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.type(text)


def test_kbd001_a_sum_from_the_keyboard_alone_is_announced(shell):
    caller, keys = shell.caller, shell.page.keyboard
    first = caller.get_by_role("textbox", name="First number")
    first.focus()
    type_over(shell.page, "40")
    keys.press("Tab")
    expect(caller.get_by_role("textbox", name="Second number")).to_be_focused()  # the "+" takes no stop
    type_over(shell.page, "2")
    keys.press("Tab")
    sum_button = caller.get_by_role("button", name="Sum", exact=True)
    expect(sum_button).to_be_focused()
    assert shows_focus(sum_button)
    keys.press("Enter")
    # The result is the Caller's one polite live region; the history below it is not live.
    outcome = caller.get_by_role("status").filter(has_text="Sum is")
    expect(outcome).to_have_id(ids.SUM_RESULT)
    expect(outcome).to_have_text("Sum is 42", timeout=QUICK_MS)
    expect(caller.locator(f"#{ids.SUM_HISTORY}")).not_to_have_attribute("aria-live", "polite")
    expect(caller.locator(f"#{ids.SUM_HISTORY}")).not_to_have_attribute("role", "status")

    # The error takes the result's place in the same region.
    first.focus()
    type_over(shell.page, "abc")
    keys.press("Tab")
    keys.press("Tab")
    keys.press("Enter")
    expect(caller.locator(f"#{ids.SUM_RESULT}")).to_have_text(NOT_NUMBERS, timeout=QUICK_MS)


def test_kbd002_the_target_is_a_radio_group_the_arrow_keys_move_through(shell):
    caller, keys = shell.caller, shell.page.keyboard
    target = caller.get_by_role("radiogroup", name="Target")
    best = target.get_by_role("radio", name="best", exact=True)
    expect(best).to_be_checked()
    best.focus()
    keys.press("ArrowRight")
    chosen = target.get_by_role("radio", name="all", exact=True)
    expect(chosen).to_be_focused()
    expect(chosen).to_be_checked()
    assert shows_focus(chosen)
    # Dash has the new value: a Sum now goes to both servers.
    caller.get_by_role("button", name="Sum", exact=True).focus()
    keys.press("Enter")
    expect(caller.locator(f"#{ids.SUM_RESULT} > div")).to_have_text(
        ["Sum Server 1: Sum is 42", "Sum Server 2: Sum is 42"], timeout=QUICK_MS
    )
    # The arrow keys wrap round the group, as native radios do.
    chosen.focus()
    keys.press("ArrowLeft")
    keys.press("ArrowLeft")
    expect(target.get_by_role("radio", name="skipMine", exact=True)).to_be_checked()


def test_kbd003_add_and_remove_from_the_keyboard_and_the_focus_goes_to_the_apps_add_button(shell):
    page, keys = shell.page, shell.page.keyboard
    add_server = page.get_by_role("button", name="Add server", exact=True)
    add_server.focus()
    keys.press("Enter")
    shell.wait_connected("Sum Server 3")
    expect(add_server).to_be_focused()

    remove = shell.card("Sum Server 3").get_by_role("button", name="Remove Sum Server 3", exact=True)
    remove.focus()
    assert shows_focus(remove)
    keys.press("Enter")
    expect(page.locator('iframe[data-name="Sum Server 3"]')).to_have_count(0)
    # The focus went with the card; it lands on the button that puts the app back, and shows.
    expect(add_server).to_be_focused()
    assert shows_focus(add_server)


def test_kbd004_tab_reaches_a_guide_listing_and_the_arrow_keys_scroll_it(browser, live_server):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    try:
        page = context.new_page()
        page.goto(live_server.url + TOPICS[0].path)
        listings = page.locator(".code-listing[data-source]")
        expect(listings).to_have_count(len(TOPICS[0].code))
        expect(listings.locator("code.hljs").first).to_be_attached()  # highlighted: as wide as it will be
        # The first listing with a line too long for the column: one the keyboard has to scroll.
        wide = listings.evaluate_all("(boxes) => boxes.findIndex((box) => box.scrollWidth > box.clientWidth)")
        assert wide >= 0, "no listing of the first topic is wider than its column"
        name = source_of(TOPICS[0].code[wide]).name
        page.get_by_role("button", name=f"Copy {name}").focus()
        listing = page.get_by_role("region", name=name, exact=True)
        for _ in range(5):  # past the listing's explanation, whose links come first
            page.keyboard.press("Tab")
            if listing.evaluate("(element) => element === document.activeElement"):
                break
        expect(listing).to_be_focused()
        expect(listing).to_have_id(ids.code_block(wide))
        # Chromium lets Tab reach a scrolling box by itself; other browsers, and axe, need its tabindex.
        expect(listing).to_have_attribute("tabindex", "0")
        assert shows_focus(listing)
        page.keyboard.press("ArrowRight")
        wait_until(page, lambda: listing.evaluate("(element) => element.scrollLeft") > 0)
    finally:
        context.close()
