"""End to end through the real platform: Chromium, the shell, iframes, gunicorn with 2 workers."""

import re

import pytest
from playwright.sync_api import expect

import ids
from interop.sum import NOT_NUMBERS

pytestmark = pytest.mark.browser
QUICK_MS = 5_000  # generous on a loaded 2-core machine; a hung invocation waits 10 s


def result_lines(shell):
    return shell.caller.locator(f"#{ids.SUM_RESULT} > div")


def test_brws001_apps_connect_under_readable_names(shell):
    for name in ("Sum Server 1", "Sum Server 2", "Caller"):
        expect(shell.app(name).locator(f"#{ids.INSTANCE_NAME}")).to_have_text(name)
    names = shell.frame("Caller").evaluate("window.glue42dash.glueInstance.interop.servers().map(s => s.application)")
    assert {"Sum Server 1", "Sum Server 2", "Caller"} <= set(names)
    assert not any("Updating" in n or re.search(r"\(\w+\)$", n) for n in names)


def test_brws002_sum_best(shell):
    shell.sum(37, 5)
    expect(result_lines(shell)).to_have_text(["Sum is 42"], timeout=QUICK_MS)


def test_brws003_sum_all_names_every_server(shell):
    shell.sum(40, 2, target="all")
    expect(result_lines(shell)).to_have_count(2, timeout=QUICK_MS)
    lines = sorted(result_lines(shell).all_inner_texts())
    assert lines == ["Sum Server 1: Sum is 42", "Sum Server 2: Sum is 42"]


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


def test_brws006_send_message_to_best_then_to_all(shell):
    caller = shell.caller
    caller.locator(f"#{ids.MESSAGE_INPUT}").fill("first")
    caller.locator(f"#{ids.SEND_MESSAGE_BUTTON}").click()
    expect(caller.locator(f"#{ids.SEND_MESSAGE_RESULT}")).to_contain_text("Message delivered to", timeout=QUICK_MS)
    shown = [shell.app(n).locator(f"#{ids.MESSAGE}") for n in ("Sum Server 1", "Sum Server 2")]
    shell.wait_until(lambda: "first" in [s.inner_text() for s in shown])
    shell.page.wait_for_timeout(300)  # time for a wrong second delivery to show
    assert sorted(s.inner_text() for s in shown) == ["", "first"]  # best: exactly one server got it

    shell.choose_target("all")
    caller.locator(f"#{ids.MESSAGE_INPUT}").fill("to everyone")
    caller.locator(f"#{ids.SEND_MESSAGE_BUTTON}").click()
    for message in shown:
        expect(message).to_have_text("to everyone", timeout=QUICK_MS)
    expect(caller.locator(f"#{ids.SEND_MESSAGE_RESULT}")).to_contain_text("Sum Server 1")
    expect(caller.locator(f"#{ids.SEND_MESSAGE_RESULT}")).to_contain_text("Sum Server 2")


def test_brws007_concurrent_invocations_each_get_their_own_result(shell):
    """Three invocations in flight at once, with different arguments, each answered with its own sum.

    Each click is followed by a 20 ms pause before the inputs change, because
    Dash reads a callback's State a few ms after the click, not at the click.
    """
    shell.frame("Caller").evaluate(
        """async () => {
            const setValue = (id, value) => {
                const input = document.getElementById(id);
                Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set.call(input, value);
                input.dispatchEvent(new Event("input", {bubbles: true}));
            };
            const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
            for (const a of [1, 2, 3]) {
                setValue("number-a", String(a));
                setValue("number-b", String(a * 10));
                document.getElementById("sum-numbers-btn").click();
                await pause(20);
            }
        }"""
    )
    history = shell.wait_for_lines(shell.caller.locator(f"#{ids.SUM_HISTORY}"), 3)
    assert len(history) == 3, history
    pairs = []
    for item in history:
        a, b, total = map(int, re.fullmatch(r"'(\d+)' \+ '(\d+)' \(best\): Sum is (\d+)", item).groups())
        assert a + b == total, item  # each result belongs to its own invocation
        pairs.append((a, b))
    assert len(set(pairs)) == 3, pairs


def test_brws008_rapid_clicks_are_not_lost(shell):
    """Ten clicks 5 ms apart: Dash merges the triggers, the caller still makes ten invocations."""
    shell.frame("Caller").evaluate(
        """() => { const b = document.getElementById("sum-numbers-btn");
                   for (let i = 0; i < 10; i++) setTimeout(() => b.click(), i * 5); }"""
    )
    history = shell.wait_for_lines(shell.caller.locator(f"#{ids.SUM_HISTORY}"), 10, timeout_ms=QUICK_MS * 2)
    assert len(history) == 10

    def handled():  # the servers' lists follow their handled stores within 100 ms (ioconnect.showHandled)
        return sum(
            len(shell.lines(shell.app(n).locator(f"#{ids.HANDLED_LIST}"))) for n in ("Sum Server 1", "Sum Server 2")
        )

    shell.wait_until(lambda: handled() >= 10, timeout_ms=2_000)
    assert handled() == 10
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
    shell.page.wait_for_timeout(300)
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
    expect(result_lines(shell)).to_have_text(["No server offers Sum within 1500 ms."], timeout=QUICK_MS)
    expect(shell.caller.locator(f"#{ids.PENDING_STATUS}")).to_have_text("")

    shell.caller.locator(f"#{ids.SERVE_SUM}").check()  # the caller serves Sum itself, answering in ~10 ms
    shell.caller.locator(f"#{ids.RESPONSE_TIMEOUT}").fill("1")
    shell.sum(1, 2)
    expect(result_lines(shell)).to_have_text(["No answer from Sum within 1 ms (timed out)."], timeout=QUICK_MS)


def test_brws012_invalid_timeouts_send_nothing(shell):
    shell.caller.locator(f"#{ids.RESPONSE_TIMEOUT}").fill("")
    shell.sum(1, 2)
    expect(shell.caller.locator(f"#{ids.INVOKE_PROBLEM}")).to_contain_text("Timeouts must be whole numbers")
    shell.page.wait_for_timeout(500)
    assert shell.lines(shell.caller.locator(f"#{ids.SUM_HISTORY}")) == []


def test_brws013_the_console_stays_quiet(shell):
    shell.sum(1, 2, target="all")
    expect(result_lines(shell)).to_have_count(2, timeout=QUICK_MS)
    shell.sum("x", 2)
    expect(result_lines(shell)).to_have_text([NOT_NUMBERS], timeout=QUICK_MS)
    assert shell.problems() == []
    assert len(shell.console) < 10, shell.console[:20]
