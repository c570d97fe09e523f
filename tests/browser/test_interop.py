"""End to end through the real platform: Chromium, the shell, iframes, gunicorn with 2 workers.

The tests share one shell (``Shell.reset``): each gets a new Caller, and the
servers keep what earlier tests sent them, so a test counts its own handled
invocations by arguments no other test uses (``own_number``).
"""

import itertools
import json
import re
import uuid

import pytest
from playwright.sync_api import expect

import ids
from harness.browser import callback_requests
from interop.options import BAD_TIMEOUT, NOTHING_SENT
from pages.common import DEFAULT_WAIT_TIMEOUT_MS

NOT_NUMBERS = "The arguments must be numbers!"  # the documentation's message
QUICK_MS = 5_000  # generous on a loaded 2-core machine; a hung invocation waits 10 s
SERVER_CALLBACKS = callback_requests("/server/")
CALLER_CALLBACKS = callback_requests("/caller/")


_numbers = itertools.count(90_001)


def own_number():
    """A Sum argument no other test of the session sends."""
    return next(_numbers)


def handled_own(shell, a):
    """The servers' handled entries for Sums whose first argument was ``a`` (typed, so a string)."""
    return shell.handled_with(f"'a': '{a}'")


def result_lines(shell):
    return shell.caller.locator(f"#{ids.SUM_RESULT} > div")


def test_brws001_apps_connect_under_readable_names(shell):
    for name in ("Sum Server 1", "Sum Server 2", "Caller"):
        expect(shell.app(name).locator(f"#{ids.INSTANCE_NAME}")).to_have_text(name)
    names = shell.frame("Caller").evaluate("window.glue42dash.glueInstance.interop.servers().map(s => s.application)")
    assert {"Sum Server 1", "Sum Server 2", "Caller"} <= set(names)
    assert not any("Updating" in n or re.search(r"\(\w+\)$", n) for n in names)


@pytest.mark.core
def test_brws002_sum_best(shell):
    shell.sum(37, 5)
    expect(result_lines(shell)).to_have_text(["Sum is 42"], timeout=QUICK_MS)


@pytest.mark.core
def test_brws003_sum_all_names_every_server(shell):
    shell.sum(40, 2, target="all")
    expect(result_lines(shell)).to_have_count(2, timeout=QUICK_MS)
    lines = sorted(result_lines(shell).all_inner_texts())
    assert lines == ["Sum Server 1: Sum is 42", "Sum Server 2: Sum is 42"]


@pytest.mark.core
def test_brws004_skipmine_differs_from_all_when_the_caller_serves_sum(shell):
    shell.caller.locator(f"#{ids.SERVE_SUM}").check()
    shell.sum(1, 2, target="all")
    expect(result_lines(shell)).to_have_count(3, timeout=QUICK_MS)
    assert "Caller: Sum is 3" in result_lines(shell).all_inner_texts()
    shell.sum(2, 2, target="skipMine")
    expect(result_lines(shell)).to_have_count(2, timeout=QUICK_MS)
    expect(result_lines(shell)).to_contain_text(["Sum is 4", "Sum is 4"])
    assert not any(line.startswith("Caller") for line in result_lines(shell).all_inner_texts())
    # Turning the switch off unregisters the caller's Sum again.
    shell.caller.locator(f"#{ids.SERVE_SUM}").uncheck()
    shell.sum(3, 3, target="all")
    expect(result_lines(shell)).to_have_count(2, timeout=QUICK_MS)
    expect(result_lines(shell)).to_contain_text(["Sum is 6", "Sum is 6"])


@pytest.mark.parametrize("a", ["abc", "nan", "1e309", ""])
def test_brws005_bad_input_gets_the_documented_message_promptly(shell, a):
    shell.sum(a, 5)
    expect(result_lines(shell)).to_have_text([NOT_NUMBERS], timeout=2_000)
    shell.sum(1, 1)  # the queue is not stuck behind the failure
    expect(result_lines(shell)).to_have_text(["Sum is 2"], timeout=2_000)


@pytest.mark.core
def test_brws006_send_message_to_best_then_to_all(shell):
    caller = shell.caller
    first, to_everyone = f"first {uuid.uuid4()}", f"to everyone {uuid.uuid4()}"
    caller.locator(f"#{ids.MESSAGE_INPUT}").fill(first)
    caller.locator(f"#{ids.SEND_MESSAGE_BUTTON}").click()
    expect(caller.locator(f"#{ids.SEND_MESSAGE_RESULT}")).to_contain_text("Message delivered to", timeout=QUICK_MS)
    shown = [shell.app(n).locator(f"#{ids.MESSAGE}") for n in ("Sum Server 1", "Sum Server 2")]
    shell.wait_until(lambda: first in [s.inner_text() for s in shown])
    [sent] = shell.wait_settled("Caller", 1, args={"message": first})
    shell.wait_handlers_done()
    assert len(sent["servers"]) == 1  # best: exactly one server got it
    assert [s.inner_text() for s in shown].count(first) == 1
    delivered = [r for n in ("Sum Server 1", "Sum Server 2") for r in shell.activity(n, "handled", {"message": first})]
    assert [(r["ok"], r["outcome"]) for r in delivered] == [(True, "shown")]

    shell.choose_target("all")
    caller.locator(f"#{ids.MESSAGE_INPUT}").fill(to_everyone)
    caller.locator(f"#{ids.SEND_MESSAGE_BUTTON}").click()
    for message in shown:
        expect(message).to_have_text(to_everyone, timeout=QUICK_MS)
    expect(caller.locator(f"#{ids.SEND_MESSAGE_RESULT}")).to_contain_text("Sum Server 1")
    expect(caller.locator(f"#{ids.SEND_MESSAGE_RESULT}")).to_contain_text("Sum Server 2")


def test_brws008_five_clicks_150_ms_apart_are_five_invocations_and_five_results(shell):
    """A person clicking quickly: each click is one invocation, handled once, with one result line.

    Each click comes 150 ms after the one before, and not before that one's invocation is out (the seam's
    record): Dash merges a click that comes while the invoke callback's request is still out, which a loaded
    machine can stretch past 150 ms (the guide's Timeouts topic has the figures).
    """
    a = own_number()
    shell.caller.locator("#number-a").fill(str(a))
    shell.frame("Caller").evaluate(
        """async (a) => {
            const button = document.getElementById("sum-numbers-btn");
            const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
            const out = () => window.ioConnectActivity.records().filter(
                (r) => r.kind === "invoked" && r.args === JSON.stringify({a: String(a), b: 5})).length;
            for (let i = 1; i <= 5; i++) {
                button.click();
                await pause(150);
                for (let waited = 0; out() < i && waited < 10000; waited += 20) {
                    await pause(20);
                }
            }
        }""",
        a,
    )
    history = shell.wait_for_lines(shell.caller.locator(f"#{ids.SUM_HISTORY}"), 5, timeout_ms=QUICK_MS)
    assert len(shell.wait_settled("Caller", 5, args={"a": str(a), "b": 5})) == 5
    shell.wait_handlers_done()
    assert history == [f"'{a}' + 5: Sum is {a + 5}"] * 5
    assert handled_own(shell, a) == 5
    assert len(shell.lines(shell.caller.locator(f"#{ids.SUM_HISTORY}"))) == 5
    expect(shell.caller.locator(f"#{ids.PENDING_STATUS}")).to_have_text("")


def test_brws009_html_in_a_message_is_shown_as_text(shell):
    payload = '<img src=x onerror="window.top.__pwned=1"><script>window.top.__pwned=2</script><b>bold</b>'
    shell.choose_target("all")
    shell.caller.locator(f"#{ids.MESSAGE_INPUT}").fill(payload)
    shell.caller.locator(f"#{ids.SEND_MESSAGE_BUTTON}").click()
    for name in ("Sum Server 1", "Sum Server 2"):
        message = shell.app(name).locator(f"#{ids.MESSAGE}")
        expect(message).to_have_text(payload, timeout=QUICK_MS)
        assert message.locator("img, script, b").count() == 0
    shell.wait_handlers_done()  # both handlers have run and their pages have rendered what they returned
    assert shell.page.evaluate("window.__pwned") is None


def test_brws010_add_and_remove_servers(shell):
    untouched = shell.frame("Caller")
    untouched.evaluate("window.__still_here = true")
    shell.add("server")
    shell.wait_connected("Sum Server 3")
    shell.sum(20, 22, target="all")
    expect(result_lines(shell)).to_have_count(3, timeout=QUICK_MS)

    shell.card("Sum Server 1").get_by_role("button", name="Remove").click()
    expect(shell.page.locator('iframe[data-name="Sum Server 1"]')).to_have_count(0)
    shell.sum(21, 21, target="all")
    expect(result_lines(shell)).to_have_count(2, timeout=QUICK_MS)
    assert sorted(result_lines(shell).all_inner_texts()) == ["Sum Server 2: Sum is 42", "Sum Server 3: Sum is 42"]
    assert untouched.evaluate("window.__still_here") is True  # other iframes were not reloaded


def test_brws011_no_server_pending_and_timeout_messages(shell):
    for name in ("Sum Server 1", "Sum Server 2"):
        shell.card(name).get_by_role("button", name="Remove").click()
    expect(shell.page.locator("iframe[data-app=server]")).to_have_count(0)
    shell.caller.locator(f"#{ids.WAIT_TIMEOUT}").fill("1500")
    shell.sum(1, 2)
    expect(shell.caller.locator(f"#{ids.PENDING_STATUS}")).to_contain_text("Waiting for Sum (best)")
    expect(result_lines(shell)).to_have_text(["No server offers Sum."], timeout=QUICK_MS)
    expect(shell.caller.locator(f"#{ids.PENDING_STATUS}")).to_have_text("")

    shell.caller.locator(f"#{ids.SERVE_SUM}").check()  # the caller serves Sum itself, answering in ~10 ms
    shell.caller.locator(f"#{ids.RESPONSE_TIMEOUT}").fill("1")
    shell.sum(1, 2)
    expect(result_lines(shell)).to_have_text(["No answer from Sum within 1 ms (timed out)."], timeout=QUICK_MS)


def test_brws012_invalid_timeouts_send_nothing(shell):
    """Each bad timeout is refused by the callback that would send the invocation; the good click after it is
    then the only invocation that went out, with the timeouts it was given."""
    problem = shell.caller.locator(f"#{ids.INVOKE_PROBLEM}")
    response = shell.caller.locator(f"#{ids.RESPONSE_TIMEOUT}")
    wait = shell.caller.locator(f"#{ids.WAIT_TIMEOUT}")
    a = own_number()
    good = []
    for box, bad in ((response, ""), (response, "0"), (wait, "0.5")):
        box.fill(bad)
        shell.sum(a, len(good))
        expect(problem).to_have_text(f"{BAD_TIMEOUT} {NOTHING_SENT}", timeout=QUICK_MS)
        box.fill("4000")
        shell.sum(a, 100 + len(good))
        expect(problem).to_have_text("", timeout=QUICK_MS)
        good.append({"a": str(a), "b": str(100 + len(good))})
        shell.wait_settled("Caller", len(good))
        # The seam records invocations in the order they go out: a bad one would be here before the good one.
        invoked = shell.activity("Caller", "invoked")
        assert [json.loads(r["args"]) for r in invoked] == good[::-1]
        assert invoked[0]["options"] == {
            "methodResponseTimeoutMs": 4000,
            "waitTimeoutMs": 4000 if box is wait else DEFAULT_WAIT_TIMEOUT_MS,
        }
    assert shell.wait_for_lines(shell.caller.locator(f"#{ids.SUM_HISTORY}"), 3, timeout_ms=QUICK_MS) == [
        f"'{a}' + '{b}': Sum is {a + b}" for b in (102, 101, 100)
    ]


@pytest.mark.core
def test_brws013_the_console_stays_quiet(shell):
    shell.sum(1, 2, target="all")
    expect(result_lines(shell)).to_have_count(2, timeout=QUICK_MS)
    shell.sum("x", 2)  # still to all: each server refuses it, on a line of its own
    expect(result_lines(shell)).to_have_text([f"Sum Server {n}: {NOT_NUMBERS}" for n in (1, 2)], timeout=QUICK_MS)
    assert shell.problems() == []
    assert len(shell.console) < 10, shell.console[:20]


# In the Caller, the time of each click on Sum and of each invoke callback request it sent (its start, and when
# its answer was read), on the page's own clock.
WATCH_SUM_CLICKS = """() => {
    const watch = {clicks: [], requests: []};
    document.getElementById("sum-numbers-btn").addEventListener(
        "click", () => watch.clicks.push(performance.now()), true);
    const sent = window.fetch;
    window.fetch = function (url, init) {
        const body = (init && typeof init.body === "string") ? init.body : "";
        const answer = sent.apply(this, arguments);
        if (body.includes('"sum-numbers-btn.n_clicks"')) {
            const request = {start: performance.now(), end: null};
            watch.requests.push(request);
            answer.then((response) => response.clone().text()).finally(() => { request.end = performance.now(); });
        }
        return answer;
    };
    window.sumClickWatch = watch;
}"""

# A click Dash may or may not merge with the one before: it came this soon after that one's answer was read.
MERGE_MARGIN_MS = 50


def invocations_dash_makes(clicks, requests):
    """The fewest and the most invocations Dash makes from ``clicks``, given each one's invoke request.

    Each click sends a request of its own. Dash may drop the answer of one that a later click's request
    overtakes, and it decides when it handles that later click, which on a loaded machine comes well after the
    click itself: a click whose request was still out may or may not make its own invocation. One whose next
    click came after its answer (by a margin) surely does.
    """
    assert len(requests) == len(clicks), (clicks, requests)
    fewest = 1  # the last click's request is never overtaken
    for request, next_click in zip(requests[:-1], clicks[1:], strict=True):
        if request["end"] is not None and next_click > request["end"] + MERGE_MARGIN_MS:
            fewest += 1
    return fewest, len(clicks)


def test_brws014_a_double_click_is_two_invocations_when_dash_answers_between_the_clicks(shell):
    """Playwright's double click with 50 ms between each press and release: the clicks are 100 ms apart.

    Dash may merge the second click with the first when the first's invoke request is still out (the guide's
    Timeouts topic), which a loaded machine makes likely; so the test reads when each request was answered and
    expects what Dash can do with those times. What must hold either way: each invocation Dash makes is handled
    once and gets one result line.

    After one Sum, as in a page in use: the very first callback request of a fresh page is the slowest.
    """
    a = own_number()
    shell.sum(a, 1)
    shell.wait_until(lambda: handled_own(shell, a) == 1)
    caller = shell.frame("Caller")
    caller.evaluate(WATCH_SUM_CLICKS)
    shell.caller.locator(f"#{ids.SUM_BUTTON}").dblclick(delay=50)
    # Every click's request sent and answered: Dash sends one for a click when it takes the click up, which on
    # a loaded machine can come after the answer to the one before.
    shell.wait_until(
        lambda: caller.evaluate(
            "() => sumClickWatch.requests.length === sumClickWatch.clicks.length"
            " && sumClickWatch.requests.every((r) => r.end !== null)"
        )
    )
    watch = caller.evaluate("() => sumClickWatch")
    fewest, most = invocations_dash_makes(watch["clicks"], watch["requests"])
    history = shell.wait_for_lines(shell.caller.locator(f"#{ids.SUM_HISTORY}"), 1 + fewest, timeout_ms=QUICK_MS)
    shell.wait_settled("Caller", 1 + fewest, args={"a": str(a), "b": "1"})
    shell.wait_until(lambda: not any(r["pending"] for r in shell.activity("Caller", "invoked")))
    shell.wait_handlers_done()
    settled = shell.activity("Caller", "invoked", {"a": str(a), "b": "1"})
    made = len(shell.lines(shell.caller.locator(f"#{ids.SUM_HISTORY}"))) - 1
    assert fewest <= made <= most, (watch, history)
    assert made + 1 == handled_own(shell, a) == len(settled), history


def test_brws015_clicks_while_invocations_are_pending_each_get_their_own_result(shell):
    """Three clicks with different arguments, target all, while both servers' handlers are held: once they
    answer, three results arrive back to back, and each shows its own sums from both servers."""
    held, releasing = [], []

    def hold_sum_handler(route):
        body = route.request.post_data or ""
        if ids.REGISTER_SUM in body and '"invoke"' in body and not releasing:
            held.append(route)
        else:
            route.continue_()

    shell.page.context.route(SERVER_CALLBACKS, hold_sum_handler)
    status = shell.caller.locator(f"#{ids.PENDING_STATUS}")
    shell.choose_target("all")
    for n in (1, 2, 3):
        shell.sum(n, 10 * n)
        shell.wait_until(lambda n=n: len(shell.activity("Caller", "invoked")) == n)  # this click's is out
    shell.wait_until(lambda: status.inner_text().count("Waiting for Sum (all)") == 3)
    shell.wait_until(lambda: len(held) == 2)  # each server runs one invocation at a time
    releasing.append(True)
    for route in held:
        route.continue_()
    history = shell.wait_for_lines(shell.caller.locator(f"#{ids.SUM_HISTORY}"), 3, timeout_ms=QUICK_MS)
    assert sorted(history) == [
        f"'{n}' + '{10 * n}': Sum Server 1: Sum is {11 * n}; Sum Server 2: Sum is {11 * n}" for n in (1, 2, 3)
    ]
    assert len(shell.lines(shell.caller.locator(f"#{ids.SUM_HISTORY}"))) == 3
    expect(status).to_have_text("")
    shell.page.context.unroute(SERVER_CALLBACKS)


@pytest.mark.core
def test_brws016_results_that_settle_while_the_result_callback_is_out_are_all_shown(shell):
    """The caller's first result callback is held at the network: the next two results settle meanwhile.

    Dash would drop the held callback's answer once the same callback is
    triggered again; the compat script hands the next result to Dash only
    after it, so the history gets every line.
    """
    held = []

    def hold_first_result_callback(route):
        body = route.request.post_data or ""
        if not held and ids.INVOKE_SUM in body and '"result"' in body:
            held.append(route)
        else:
            route.continue_()

    shell.page.context.route(CALLER_CALLBACKS, hold_first_result_callback)
    numbers = [own_number() for _ in range(3)]
    for a in numbers:
        shell.sum(a, 10)
        shell.wait_until(lambda a=a: handled_own(shell, a) == 1)
    held[0].continue_()
    history = shell.wait_for_lines(shell.caller.locator(f"#{ids.SUM_HISTORY}"), 3, timeout_ms=QUICK_MS)
    assert sorted(history) == [f"'{a}' + '10': Sum is {a + 10}" for a in numbers]
    assert len(shell.lines(shell.caller.locator(f"#{ids.SUM_HISTORY}"))) == 3
    shell.page.context.unroute(CALLER_CALLBACKS)


def test_brws017_pending_follows_the_invocation_not_the_result_callback(shell):
    """The Sum is held at its servers, so it shows as pending; the caller's result callback then fails (its
    app server is down). The status ends when glue settles the invocation, whatever became of the callback."""
    held, failing = [], []

    def hold_sum_handler(route):
        body = route.request.post_data or ""
        if ids.REGISTER_SUM in body and '"invoke"' in body and not held:
            held.append(route)
        else:
            route.continue_()

    def fail_result_callback(route):
        body = route.request.post_data or ""
        if ids.INVOKE_SUM in body and '"result"' in body:
            failing.append(True)
            route.fulfill(status=503, body="Service Unavailable")
        else:
            route.continue_()

    shell.page.context.route(SERVER_CALLBACKS, hold_sum_handler)
    shell.page.context.route(CALLER_CALLBACKS, fail_result_callback)
    shell.sum(1, 2)
    box = shell.caller.locator(f"#{ids.PENDING_BOX}")
    expect(shell.caller.locator(f"#{ids.PENDING_STATUS}")).to_contain_text("Waiting for Sum (best)")
    expect(box).not_to_have_class(re.compile(r"\bd-none\b"))
    shell.wait_until(lambda: len(held) == 1)
    held[0].continue_()
    [settled] = shell.wait_settled("Caller", 1)
    assert settled["error"] is None and settled["servers"][0]["outcome"] == '{"sum":3}'
    expect(box).to_have_class(re.compile(r"\bd-none\b"))
    # The result callback's request goes out after the invocation settles: wait for the route to have failed it.
    shell.wait_until(lambda: bool(failing), timeout_ms=QUICK_MS)
    assert result_lines(shell).count() == 0  # the result callback never rendered it
    shell.page.context.unroute(SERVER_CALLBACKS)
    shell.page.context.unroute(CALLER_CALLBACKS)
