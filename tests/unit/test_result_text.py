import pytest

from pages.result_text import describe_send_result, describe_sum_result, explain_error, sent_with, server_name

S1 = {"application": "Sum Server 1", "instance": "a"}
S2 = {"application": "Sum Server 2", "instance": "b"}


def ok(returned, *entries, errors=(), target=None):
    """A result as the page hands it to a result callback; ``target`` is what the activity seam says it was sent to."""
    sent = {} if target is None else {"sent": {"args": {"a": 1, "b": 2}, "target": target, "options": {}}}
    return {
        **sent,
        "invocationId": "x",
        "error": None,
        "invocationResult": {
            "returned": returned,
            "all_return_values": [{"executed_by": s, "returned": r} for s, r in entries],
            "all_errors": [{"executed_by": s, "message": m} for s, m in errors],
        },
    }


def test_rslt001_best_is_one_line():
    assert describe_sum_result(ok({"sum": 42.0}, (S1, {"sum": 42.0}))) == [("ok", "Sum is 42")]


def test_rslt002_all_is_one_line_per_server_plus_errors():
    result = ok({"sum": 3}, (S1, {"sum": 3}), (S2, {"sum": 3}), errors=[({"application": "Caller"}, "boom")])
    assert describe_sum_result({**result, "sent": {"target": "all"}}) == [
        ("ok", "Sum Server 1: Sum is 3"),
        ("ok", "Sum Server 2: Sum is 3"),
        ("error", "Caller: boom"),
    ]


def test_rslt003_skipmine_single_server_still_named():
    result = ok({"sum": 1}, (S2, {"sum": 1}), target="skipMine")
    assert describe_sum_result(result) == [("ok", "Sum Server 2: Sum is 1")]
    # The same answer sent to best (or with no `sent`) reads as the one answer, unnamed.
    assert describe_sum_result(ok({"sum": 1}, (S2, {"sum": 1}), target="best")) == [("ok", "Sum is 1")]
    assert describe_sum_result(ok({"sum": 1}, (S2, {"sum": 1}))) == [("ok", "Sum is 1")]


def test_rslt004_server_error_message_is_shown():
    result = {"invocationId": "x", "invocationResult": None, "error": {"message": "The arguments must be numbers!"}}
    assert describe_sum_result(result) == [("error", "The arguments must be numbers!")]


def test_rslt005_no_server_and_timeout_are_explained():
    missing = {"message": 'Can not find a method matching "Sum" with server filter "best"'}
    timeout = {"message": "Invocation timeout (1 ms) reached for method name: Sum, target instance: {...}"}
    assert explain_error(missing, "Sum", {"waitTimeoutMs": 3000}) == "No server offers Sum within 3000 ms."
    assert (
        explain_error(timeout, "Sum", {"methodResponseTimeoutMs": 1}) == "No answer from Sum within 1 ms (timed out)."
    )


def test_rslt006_all_failed_with_one_message_shows_it_once():
    error = {"message": "x", "all_errors": [{"message": "The arguments must be numbers!"}] * 2}
    assert explain_error(error, "Sum") == "The arguments must be numbers!"


def test_rslt007_send_result_names_receivers():
    assert describe_send_result(ok(None, (S1, None), (S2, None))) == [
        ("ok", "Message delivered to Sum Server 1, Sum Server 2")
    ]


def test_rslt008_server_name_falls_back():
    assert server_name({"instance": "i-1"}) == "i-1"
    assert server_name(None) == "unknown app"


def test_rslt009_servers_read_in_name_order_whatever_order_they_registered_in():
    s10 = {"application": "Sum Server 10"}
    result = ok({"sum": 3}, (s10, {"sum": 3}), (S2, {"sum": 3}), (S1, {"sum": 3}), target="all")
    assert [text for _, text in describe_sum_result(result)] == [
        "Sum Server 1: Sum is 3",
        "Sum Server 2: Sum is 3",
        "Sum Server 10: Sum is 3",
    ]


def test_rslt010_sent_with_gives_the_defaults_for_a_missing_or_bad_sent():
    defaults = {"args": None, "target": "best", "options": {}}
    for result in (None, "x", [], {}, {"sent": None}, {"sent": "all"}, {"sent": {}}, {"sent": {"target": ""}}):
        assert sent_with(result) == defaults, result
    assert sent_with({"sent": {"args": {"a": 1}, "target": "all", "options": [1, 2]}}) == {
        "args": {"a": 1},
        "target": "all",
        "options": {},  # options that are not an object are none
    }
    full = {"args": {"message": "hi"}, "target": "skipMine", "options": {"waitTimeoutMs": 5}}
    assert sent_with({"sent": full, "invocationId": "x"}) == full


@pytest.mark.parametrize("target", ["all", "skipMine"])
def test_rslt011_describe_sum_result_reads_the_target_from_sent(target):
    result = ok({"sum": 3}, (S2, {"sum": 3}), (S1, {"sum": 3}), errors=[(S1, "boom")], target=target)
    assert describe_sum_result(result) == [
        ("ok", "Sum Server 1: Sum is 3"),
        ("ok", "Sum Server 2: Sum is 3"),
        ("error", "Sum Server 1: boom"),
    ]


def test_rslt012_failures_are_explained_with_the_options_from_sent():
    timeout = {"message": "Invocation timeout (250 ms) reached for method name: Sum"}
    sent = {"args": {}, "target": "best", "options": {"methodResponseTimeoutMs": 250, "waitTimeoutMs": 40}}
    assert describe_sum_result({"error": timeout, "sent": sent}) == [
        ("error", "No answer from Sum within 250 ms (timed out).")
    ]
    assert describe_sum_result({"error": timeout}) == [("error", "No answer from Sum (timed out).")]
    missing = {"message": 'Can not find a method matching "SendMessage"'}
    assert describe_send_result({"error": missing, "sent": sent}) == [
        ("error", "No server offers SendMessage within 40 ms.")
    ]
