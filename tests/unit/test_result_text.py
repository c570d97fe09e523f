"""pages.result_text: a MethodInvoke.result, read from the invocationResult or the error alone."""

from pages.result_text import (
    answer_lines,
    delivery_lines,
    describe_delivery,
    describe_sum,
    error_lines,
    explain_error,
    history_line,
)

S1 = {"application": "Sum Server 1", "instance": "a"}
S2 = {"application": "Sum Server 2", "instance": "b"}
NOT_NUMBERS = "The arguments must be numbers!"


def outcome(*answers, errors=(), returned=None):
    """glue's invocationResult: ``returned`` is the first server to settle's, which may have failed."""
    return {
        "called_with": {"a": 1, "b": 2},
        "returned": returned if returned is not None else (answers[0][1] if answers else None),
        "all_return_values": [{"executed_by": s, "returned": r} for s, r in answers],
        "all_errors": [{"executed_by": s, "message": m} for s, m in errors],
    }


def sum_lines(invocation_result):
    return answer_lines(invocation_result, describe_sum, "Sum")


def test_rslt001_one_answer_is_one_line_as_the_documentations():
    assert sum_lines(outcome((S1, {"sum": 42.0}))) == [("ok", "Sum is 42")]
    assert sum_lines(outcome((S2, {"sum": 1}))) == [("ok", "Sum is 1")]  # whatever the target was


def test_rslt002_several_answers_and_failures_are_a_line_per_server():
    result = outcome((S2, {"sum": 3}), (S1, {"sum": 3}), errors=[({"application": "Caller"}, "boom")])
    assert sum_lines(result) == [
        ("ok", "Sum Server 1: Sum is 3"),
        ("ok", "Sum Server 2: Sum is 3"),
        ("error", "Caller: boom"),
    ]


def test_rslt003_one_answer_and_one_failure_are_two_lines_not_returned_alone():
    """``returned`` is the first server to settle's: here the one that failed, so it is not the answer."""
    result = outcome((S2, {"sum": 1}), errors=[(S1, NOT_NUMBERS)], returned={})
    assert sum_lines(result) == [("ok", "Sum Server 2: Sum is 1"), ("error", f"Sum Server 1: {NOT_NUMBERS}")]


def test_rslt004_a_servers_error_message_is_shown():
    error = {"message": NOT_NUMBERS, "all_errors": [{"executed_by": S1, "message": NOT_NUMBERS}]}
    assert error_lines(error, describe_sum, "Sum") == [("error", NOT_NUMBERS)]


def test_rslt005_no_server_and_timeout_are_said_plainly_with_the_limit_the_message_names():
    missing = {"message": 'Can not find a method matching {"name":"Sum"} with server filter "best"'}
    timeout = {"message": "Invocation timeout (1 ms) reached for method name: Sum, target instance: {...}"}
    assert explain_error(missing, "Sum") == "No server offers Sum."
    assert explain_error(timeout, "Sum") == "No answer from Sum within 1 ms (timed out)."
    assert explain_error({"message": "Method timed out"}, "Sum") == "No answer from Sum (timed out)."
    assert explain_error({"message": ""}, "Sum") == explain_error(None, "Sum") == "Sum failed."


def test_rslt006_when_several_servers_failed_each_says_why():
    error = {
        "message": NOT_NUMBERS,
        "all_errors": [{"executed_by": S2, "message": NOT_NUMBERS}, {"executed_by": S1, "message": NOT_NUMBERS}],
    }
    assert error_lines(error, describe_sum, "Sum") == [
        ("error", f"Sum Server 1: {NOT_NUMBERS}"),
        ("error", f"Sum Server 2: {NOT_NUMBERS}"),
    ]


def test_rslt007_send_result_names_receivers_and_who_failed():
    assert delivery_lines(outcome((S2, None), (S1, None))) == [
        ("ok", "Message delivered to Sum Server 1, Sum Server 2")
    ]
    assert delivery_lines({"executed_by": S1}) == [("ok", "Message delivered to Sum Server 1")]
    timeout = "Invocation timeout (5 ms) reached for method name: SendMessage"
    assert delivery_lines(outcome((S1, None), errors=[(S2, timeout)])) == [
        ("ok", "Message delivered to Sum Server 1"),
        ("error", "Sum Server 2: No answer from SendMessage within 5 ms (timed out)."),
    ]
    both = {"all_errors": [{"executed_by": S1, "message": "x"}, {"executed_by": S2, "message": "y"}]}
    assert error_lines(both, describe_delivery, "SendMessage") == [
        ("error", "Sum Server 1: x"),
        ("error", "Sum Server 2: y"),
    ]


def test_rslt008_two_servers_of_one_name_are_told_apart_by_instance():
    twin = {"application": "Sum Server 1", "instance": "c"}
    assert sum_lines(outcome((S1, {"sum": 3}), (twin, {"sum": 3}))) == [
        ("ok", "Sum Server 1 (a): Sum is 3"),
        ("ok", "Sum Server 1 (c): Sum is 3"),
    ]
    assert sum_lines(outcome(({"instance": "i-1"}, {"sum": 3}), (None, {"sum": 3}))) == [
        ("ok", "i-1: Sum is 3"),
        ("ok", "unknown app: Sum is 3"),
    ]


def test_rslt009_servers_read_in_name_order_whatever_order_they_registered_in():
    s10 = {"application": "Sum Server 10"}
    result = outcome((s10, {"sum": 3}), (S2, {"sum": 3}), (S1, {"sum": 3}))
    assert [text for _, text in sum_lines(result)] == [
        "Sum Server 1: Sum is 3",
        "Sum Server 2: Sum is 3",
        "Sum Server 10: Sum is 3",
    ]


def test_rslt010_the_history_line_reads_the_arguments_from_called_with():
    lines = [("ok", "Sum Server 1: Sum is 42"), ("ok", "Sum Server 2: Sum is 42")]
    result = {"error": None, "invocationResult": {**outcome(), "called_with": {"a": "37", "b": "5"}}}
    assert history_line(result, lines) == "'37' + '5': Sum Server 1: Sum is 42; Sum Server 2: Sum is 42\n"
    # Without the invocationResult's own, the first answer's.
    first = {"all_return_values": [{"executed_by": S1, "returned": {"sum": 3}, "called_with": {"a": 1, "b": 2}}]}
    assert history_line({"invocationResult": first}, [("ok", "Sum is 3")]) == "1 + 2: Sum is 3\n"
    # An error: its own, else nothing to say.
    assert history_line({"error": {"called_with": {"a": "x", "b": 1}}}, [("error", "e")]) == "'x' + 1: e\n"
    assert history_line({"error": {"message": "e"}}, [("error", "e")]) == "None + None: e\n"


def test_rslt011_nothing_outside_the_invocation_result_is_read():
    """``sent`` and ``timing`` (the activity seam's) change nothing."""
    result = {"error": None, "invocationResult": outcome((S1, {"sum": 3}), (S2, {"sum": 3}))}
    claims = {"sent": {"args": {"a": 9}, "target": "best", "options": {"waitTimeoutMs": 5}}, "timing": {}}
    assert history_line({**result, **claims}, []) == history_line(result, []) == "1 + 2: \n"


def test_rslt012_an_answer_without_a_sum_says_so():
    assert describe_sum({"total": 3}) == describe_sum(None) == "returned no sum"
    assert sum_lines({"returned": {"sum": 0.5}}) == [("ok", "Sum is 0.5")]  # no all_return_values: `returned`
