from pages.result_text import describe_send_result, describe_sum_result, explain_error, server_name

S1 = {"application": "Sum Server 1", "instance": "a"}
S2 = {"application": "Sum Server 2", "instance": "b"}


def ok(returned, *entries, errors=()):
    return {
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
    assert describe_sum_result(result, "all") == [
        ("ok", "Sum Server 1: Sum is 3"),
        ("ok", "Sum Server 2: Sum is 3"),
        ("error", "Caller: boom"),
    ]


def test_rslt003_skipmine_single_server_still_named():
    assert describe_sum_result(ok({"sum": 1}, (S2, {"sum": 1})), "skipMine") == [("ok", "Sum Server 2: Sum is 1")]


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
    result = ok({"sum": 3}, (s10, {"sum": 3}), (S2, {"sum": 3}), (S1, {"sum": 3}))
    assert [text for _, text in describe_sum_result(result, "all")] == [
        "Sum Server 1: Sum is 3",
        "Sum Server 2: Sum is 3",
        "Sum Server 10: Sum is 3",
    ]
