"""The guide in Chromium: navigation inside the platform page, every topic live, copying code, the 404 page."""

import re

import pytest
from playwright.sync_api import expect

import ids
from guide.source import added_lines, source_of
from guide.topics import TOPICS, Callback
from guide.vendor import SNIPPETS
from harness.browser import CONNECT_TIMEOUT_MS, Shell

# Messages a healthy page may log: the 404 document itself (the 404 test only).
PAGE_404 = "the server responded with a status of 404"


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    yield page
    context.close()


def problems(shell, allowed=()):
    """Console errors and uncaught exceptions (callback failures show as failed requests)."""
    return [
        (kind, text)
        for kind, text in shell.console
        if kind in ("error", "pageerror") and not any(a in text for a in allowed)
    ]


def mark_page(page):
    """A marker that survives only as long as this document: a reload would drop it (and the platform)."""
    page.evaluate("() => { window.__sameDocument = true; }")


def same_document(page):
    return page.evaluate("() => window.__sameDocument === true")


@pytest.mark.core
def test_guid101_navigation_keeps_the_platform_and_the_workspace(page, live_server):
    shell = Shell(page, live_server.url).open()
    shell.add("server")
    shell.wait_connected("Sum Server 3")
    mark_page(page)

    page.get_by_role("link", name="Guide", exact=True).click()
    expect(page).to_have_url(re.compile(r"/guide$"))
    expect(page.locator('[data-page="guide"]')).to_be_visible()
    expect(page.locator(".navbar .nav-link.active")).to_have_text("Guide")
    # Every topic is listed, and a topic opens inside the same page.
    for topic in TOPICS:
        expect(page.locator('[data-page="guide"] .list-group').get_by_role("link", name=topic.title)).to_be_visible()
    page.locator('[data-page="guide"] .list-group').get_by_role("link", name=TOPICS[0].title).click()
    expect(page.locator(f'[data-page="topic:{TOPICS[0].slug}"]')).to_be_visible()
    expect(page.locator(".guide-nav .nav-link.active")).to_have_text(TOPICS[0].label)
    expect(page).to_have_title(f"{TOPICS[0].label} · Guide · io.Connect Dash Interop")

    page.get_by_role("link", name="Workspace", exact=True).click()
    expect(page).to_have_url(live_server.url + "/")
    # The workspace comes back as it was left, including the added server, all connected again.
    shell.wait_connected(*Shell.DEFAULT_APPS, "Sum Server 3")
    assert same_document(page), "navigating reloaded the page (and restarted the platform)"
    # Back and forward are page navigations too.
    page.go_back()
    expect(page.locator(f'[data-page="topic:{TOPICS[0].slug}"]')).to_be_visible()
    page.locator(".navbar-brand").click()
    expect(page.locator('[data-page="workspace"]')).to_be_visible()
    assert same_document(page)
    assert problems(shell) == []


def test_guid102_every_topic_renders_its_code_and_connects_its_apps(page, live_server):
    shell = Shell(page, live_server.url)
    page.goto(live_server.url + "/guide")
    expect(page.locator('[data-page="guide"]')).to_be_visible()
    mark_page(page)
    for topic in TOPICS:
        body, names = shell.follow_topic(topic)
        # The listing on screen is the source of what it names, as the browser renders it.
        listings = body.locator(".code-listing[data-source]")
        expect(listings).to_have_count(len(topic.code))
        for number, reference in enumerate(topic.code):
            expect(listings.nth(number)).to_have_text(source_of(reference).text, use_inner_text=True)
        # dcc.Markdown highlights the fenced ones (the documentation's callbacks among them) by their language;
        # our callbacks beside those are plain text with our lines marked.
        callbacks = [r for r in topic.code if isinstance(r, Callback)]
        fenced = len(topic.code) - len(callbacks) + sum(r.function in SNIPPETS for r in callbacks)
        expect(body.locator(".code-listing code.hljs")).to_have_count(fenced)
        expect(body.locator(".code-listing code.hljs span").first).to_be_attached()
        expect(body.locator(".code-listing .added-line")).to_have_count(
            sum(sum(added_lines(SNIPPETS.get(r.function, ""), source_of(r).text)) for r in callbacks)
        )
        expect(body.locator(".try-it li")).to_have_count(len(topic.steps))
        for name in names:
            expect(shell.card(name).locator(".badge")).to_have_text("connected", timeout=CONNECT_TIMEOUT_MS)
    assert same_document(page)
    assert problems(shell) == []


def test_guid103_the_targeting_topic_does_what_its_steps_say(page, live_server):
    shell = Shell(page, live_server.url)
    page.goto(live_server.url + "/guide/targeting")
    shell.wait_connected("Caller", "Sum Server 1", "Sum Server 2")
    result = shell.caller.locator(f"#{ids.SUM_RESULT}")
    shell.sum(37, 5, target="best")
    expect(result).to_have_text("Sum is 42")
    shell.sum(37, 5, target="all")
    expect(result.locator("div")).to_have_text(["Sum Server 1: Sum is 42", "Sum Server 2: Sum is 42"])
    shell.caller.get_by_text("Serve Sum from this caller too").click()
    shell.sum(37, 5, target="all")
    expect(result.locator("div")).to_have_count(3)
    shell.sum(37, 5, target="skipMine")
    expect(result.locator("div")).to_have_text(["Sum Server 1: Sum is 42", "Sum Server 2: Sum is 42"])
    assert problems(shell) == []


def test_guid104_copy_puts_the_listing_on_the_clipboard(page, live_server):
    page.goto(live_server.url + "/guide/handler")
    listing = page.locator(".code-listing[data-source]").nth(0)
    expect(listing).to_have_attribute("data-source", "callbacks.server.sum_invocation_handler")
    button = page.get_by_role("button", name="Copy callbacks.server.sum_invocation_handler")
    button.click()
    expect(button).to_have_text("Copied")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == listing.inner_text()  # the code alone: marking our lines adds nothing to the text
    assert copied.startswith('@app.callback(\n    Output(ids.REGISTER_SUM, "result"),')  # the source, as written
    assert "\ndef sum_invocation_handler(invoke):\n" in copied
    expect(button).to_have_text("Copy", timeout=5_000)
    # From the keyboard too: it is a real button.
    page.evaluate("() => navigator.clipboard.writeText('')")
    page.get_by_role("button", name="Copy interop.sum.is_number").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Copy interop.sum.is_number")).to_have_text("Copied")
    assert page.evaluate("() => navigator.clipboard.readText()").startswith("def is_number(s):")
    # Text and code can be selected too (nothing sets user-select: none on them).
    selected = listing.evaluate("el => { getSelection().selectAllChildren(el); return getSelection().toString(); }")
    assert selected == copied
    for element in (listing, page.locator(".guide-text p").first):
        assert element.evaluate("el => getComputedStyle(el).userSelect") != "none"


def test_guid105_unknown_paths_show_the_404_page(page, live_server):
    shell = Shell(page, live_server.url)
    response = page.goto(live_server.url + "/guide/no-such-topic")
    assert response.status == 404
    body = page.locator('[data-page="not-found"]')
    expect(body).to_contain_text("Page not found")
    expect(body.locator("code")).to_have_text("/guide/no-such-topic")
    body.get_by_role("link", name="Guide").click()
    expect(page.locator('[data-page="guide"]')).to_be_visible()
    assert problems(shell, allowed=(PAGE_404,)) == []


def test_guid106_the_timeout_topic_does_what_its_steps_say(page, live_server):
    """A caller that gives up does not stop the server; bad timeouts send nothing."""
    shell = Shell(page, live_server.url)
    page.goto(live_server.url + "/guide/timeout")
    shell.wait_connected("Caller", "Sum Server")
    caller, server = shell.caller, shell.app("Sum Server")
    caller.locator(f"#{ids.RESPONSE_TIMEOUT}").fill("1")
    caller.locator(f"#{ids.SUM_BUTTON}").click()
    expect(caller.locator(f"#{ids.SUM_RESULT}")).to_have_text("No answer from Sum within 1 ms (timed out).")
    expect(server.locator(f"#{ids.HANDLED_LIST}")).to_contain_text("sum = 42")
    caller.locator(f"#{ids.RESPONSE_TIMEOUT}").fill("0.5")
    caller.locator(f"#{ids.SUM_BUTTON}").click()
    expect(caller.locator(f"#{ids.INVOKE_PROBLEM}")).to_contain_text("whole numbers of milliseconds")
    # The problem and the invoke are one callback's outputs: had an invoke come with it, the seam has it now.
    assert len(shell.activity("Caller", "invoked")) == 1
    expect(server.locator(f"#{ids.HANDLED_LIST}")).to_have_text(re.compile(r"^[^\n]*sum = 42\n?$"))
    assert problems(shell) == []


def test_guid107_the_register_topic_does_what_its_steps_say(page, live_server):
    shell = Shell(page, live_server.url)
    page.goto(live_server.url + "/guide/register")
    shell.wait_connected("Sum Server", "Inspector")
    rows = shell.app("Inspector").locator(f"#{ids.SERVERS_GRID} .ag-center-cols-container .ag-row")
    server_rows = rows.filter(has_text="Sum Server")
    expect(server_rows).to_have_count(2)
    methods = server_rows.locator('[col-id="method"]')
    expect(methods).to_have_text(["SendMessage", "Sum"], timeout=5_000)  # one row per method
    shell.app("Inspector").locator(f"#{ids.SERVERS_FILTER}").fill("SendMessage")
    expect(rows).to_have_count(1)
    expect(rows.first.locator('[col-id="method"]')).to_have_text("SendMessage")
    assert problems(shell) == []


def test_guid108_the_handler_and_results_topics_do_what_their_steps_say(page, live_server):
    shell = Shell(page, live_server.url)
    page.goto(live_server.url + "/guide/handler")
    shell.wait_connected("Caller", "Sum Server")
    caller, server = shell.caller, shell.app("Sum Server")
    result = caller.locator(f"#{ids.SUM_RESULT}")
    shell.sum(37, 5)
    expect(result).to_have_text("Sum is 42")
    expect(server.locator(f"#{ids.HANDLED_LIST}")).to_contain_text("sum = 42")
    for bad in ("abc", "1e309"):
        shell.sum(bad, 5)
        expect(result).to_have_text("The arguments must be numbers!", timeout=1_000)  # at once, not after a timeout
    expect(server.locator(f"#{ids.HANDLED_LIST}")).to_contain_text("refused: not numbers")
    caller.locator(f"#{ids.SEND_MESSAGE_BUTTON}").click()
    expect(server.locator(f"#{ids.MESSAGE}")).to_have_text("Send your daily report!")
    assert problems(shell) == []


def test_guid109_the_inspector_topic_does_what_its_steps_say(page, live_server):
    shell = Shell(page, live_server.url)
    page.goto(live_server.url + "/guide/inspector")
    shell.wait_connected("Caller", "Sum Server", "Inspector")
    inspector = shell.app("Inspector")
    shell.sum(37, 5)
    # The step's row: the log grid is at the top of the Inspector, and draws its rows once on screen. It gains the
    # server's answer once the server's own record comes (each app writes its log window on its own schedule).
    answered = r'Sum Server: \{"sum":42\}( \(\d+ ms\))?'
    shell.wait_for_log_row(
        lambda r: (
            (r["method"], r["caller"], r["target"]) == ("Sum", "Caller", "best")
            and re.fullmatch(answered, r["servers"])
        )
    )
    inspector.locator(f"#{ids.ADHOC_METHOD}").select_option("Sum")
    arguments = inspector.locator(f"#{ids.ADHOC_ARGS}")
    expect(arguments).not_to_have_value("{}")  # prefilled from the log; then replaced as the step says
    arguments.fill('{"a": 1, "b": 2}')
    inspector.locator(f"#{ids.ADHOC_BUTTON}").click()
    latest = inspector.locator(f"#{ids.ADHOC_HISTORY} details[data-invocation]").first
    expect(latest.locator('[data-view="returned"]')).to_contain_text('"sum": 3')
    expect(latest.locator('[data-view="returned"]')).to_contain_text('"server": "Sum Server (')
    assert problems(shell) == []
