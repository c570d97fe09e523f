"""The callbacks, called as the plain functions they are."""

import pytest
from dash import no_update
from dash.exceptions import PreventUpdate

import ids
from callbacks import caller, server, shell
from interop.message import MAX_MESSAGE_CHARS
from interop.sum import NOT_NUMBERS
from pages.shell import MAX_FRAMES


def invoke(args, invocation_id="inv-1", application="Caller"):
    return {"invocationId": invocation_id, "args": args, "caller": {"application": application}}


def patch_operations(patch):
    return patch.to_plotly_json()["operations"]


# --- server -----------------------------------------------------------------


def test_cbsv001_sum_handler_answers_with_invocation_id():
    result, log, wake = server.sum_invocation_handler(invoke({"a": 37, "b": 5}, "abc"))
    assert result == {"invocationId": "abc", "invocationResult": {"sum": 42.0}}
    assert wake is False  # the page's next tick shows and publishes the handled record
    record = patch_operations(log)[0]
    assert record["operation"] == "Prepend" and record["params"]["value"]["caller"] == "Caller"
    assert " Sum from Caller with {'a': 37, 'b': 5}: sum = 42" in record["params"]["value"]["line"]


def test_cbsv002_sum_handler_error_keeps_invocation_id():
    result, *_ = server.sum_invocation_handler(invoke({"a": "nan", "b": 5}, "xyz"))
    assert result == {"invocationId": "xyz", "error": {"message": NOT_NUMBERS}}


def test_cbsv003_handlers_ignore_the_initial_none():
    for handler in (server.sum_invocation_handler, server.send_message_invocation_handler):
        with pytest.raises(PreventUpdate):
            handler(None)


def test_cbsv004_handled_log_is_bounded():
    entry = {"time": "10:00:00", "method": "Sum", "caller": "Caller", "args": {}, "outcome": "sum = 0", "ok": True}
    ops = patch_operations(server.prepend_handled(entry))
    assert [op["operation"] for op in ops] == ["Prepend", "Delete"]
    assert ops[0]["params"]["value"] == entry and ops[1]["location"] == [server.MAX_HANDLED]


def test_cbsv005_send_message_returns_text_as_is():
    payload = "<script>alert(1)</script>"
    shown, *_ = server.send_message_invocation_handler(invoke({"message": payload}))
    assert shown == payload  # a string child: React renders it as text


@pytest.mark.parametrize("args", [{"message": 42}, {"message": None}, {"message": {"x": 1}}, {}])
def test_cbsv006_send_message_refuses_non_text(args):
    shown, log, _ = server.send_message_invocation_handler(invoke(args))
    assert shown is no_update
    entry = patch_operations(log)[0]["params"]["value"]
    assert (entry["outcome"], entry["ok"]) == ("Ignored a message that was not text.", False)
    assert entry["line"].endswith(": refused: Ignored a message that was not text.")


def test_cbsv007_registration_errors_are_shown():
    assert server.registration_errors(None, None) == []
    [alert] = server.registration_errors({"message": "taken"}, None)
    assert alert.children == "Sum is not registered: taken"


# --- caller -----------------------------------------------------------------

S1 = {"application": "Sum Server 1", "instance": "s1"}
OPTIONS = {"methodResponseTimeoutMs": 10_000, "waitTimeoutMs": 3_000}
PENDING = {
    "i1": {"method": "Sum", "args": {"a": "1", "b": "2"}, "target": "best", "options": OPTIONS},
    "i2": {"method": "Sum", "args": {"a": "3", "b": "4"}, "target": "all", "options": OPTIONS},
    "m1": {"method": "SendMessage", "args": {"message": "hi"}, "target": "best", "options": OPTIONS},
}


def sum_result(invocation_id, total, servers=(S1,), timing=None):
    return {
        "invocationId": invocation_id,
        "error": None,
        "invocationResult": {
            "returned": {"sum": total},
            "all_return_values": [{"executed_by": s, "returned": {"sum": total}} for s in servers],
        },
        "timing": timing or {"invokedAt": 1_000, "settledAt": 1_042},
    }


def test_cbcl001_sum_numbers_returns_the_documented_invoke_object():
    invoke, problem, pending, wake = caller.sum_numbers(1, "37", "5", "all", 10_000, 3_000)
    assert wake is False
    assert set(invoke) == {"invocationId", "definition", "argumentObj", "target", "options"}
    assert invoke["definition"] == {"name": "Sum"} and invoke["argumentObj"] == {"a": "37", "b": "5"}
    assert invoke["target"] == "all" and invoke["options"] == OPTIONS
    assert problem == ""
    [added] = patch_operations(pending)
    assert added["operation"] == "Assign" and added["location"] == [invoke["invocationId"]]
    entry = added["params"]["value"]
    assert (entry["method"], entry["args"], entry["target"]) == ("Sum", {"a": "37", "b": "5"}, "all")
    assert entry["record"]["pending"] is True and entry["record"]["id"] == invoke["invocationId"]
    assert caller.sum_numbers(2, 1, 2, "all", 10_000, 3_000)[0]["invocationId"] != invoke["invocationId"]


@pytest.mark.parametrize("response, wait", [(None, 3_000), (0, 3_000), (10_000, 0.5), (10_000, -1), (300_001, 0)])
def test_cbcl002_bad_timeouts_send_nothing_and_say_why(response, wait):
    invoke, problem, pending, wake = caller.sum_numbers(1, 1, 2, "best", response, wait)
    assert invoke is no_update and pending is no_update and wake is no_update
    assert problem.startswith("Timeouts must be whole numbers") and problem.endswith("Nothing was sent.")


def test_cbcl004_sum_result_handler_shows_the_result_with_what_was_sent():
    latest, history, done, log, _ = caller.sum_numbers_result_handler(sum_result("i2", 7.0), PENDING)
    assert [c.children for c in latest] == ["Sum Server 1: Sum is 7"]  # i2 went to all: one line per server
    [prepend, bound] = patch_operations(history)
    assert prepend["params"]["value"] == "'3' + '4' (all): Sum Server 1: Sum is 7\n"
    assert bound["operation"] == "Delete" and bound["location"] == [caller.HISTORY_LENGTH]
    assert patch_operations(done) == [{"operation": "Delete", "location": ["i2"], "params": {}}]
    record = patch_operations(log)[0]["params"]["value"]
    assert (record["id"], record["kind"], record["target"], record["pending"]) == ("i2", "invoked", "all", False)
    assert (record["t"], record["latency_ms"]) == (1_000, 42)
    assert record["servers"] == [
        {"application": "Sum Server 1", "instance": "s1", "ok": True, "outcome": '{"sum":7.0}'}
    ]


def test_cbcl005_result_handlers_ignore_none_and_unknown_invocations_still_show():
    for handler in (caller.sum_numbers_result_handler, caller.send_message_result_handler):
        with pytest.raises(PreventUpdate):
            handler(None, PENDING)
    latest, history, done, *_ = caller.sum_numbers_result_handler(sum_result("elsewhere", 3.0), PENDING)
    assert [c.children for c in latest] == ["Sum is 3"]  # unknown: read as the default target, best
    assert patch_operations(done) == []  # nothing pending to remove
    assert patch_operations(history)[0]["params"]["value"].startswith("None + None (best): Sum is 3")


def test_cbcl006_send_message_refuses_a_message_over_the_limit():
    invoke, problem, pending, _ = caller.send_message(1, "x" * (MAX_MESSAGE_CHARS + 1), "best", 10_000, 3_000)
    assert invoke is no_update and pending is no_update
    assert problem == (
        f"Messages are limited to {MAX_MESSAGE_CHARS:,} characters; "
        f"this one has {MAX_MESSAGE_CHARS + 1:,}. Nothing was sent."
    )
    invoke, problem, *_ = caller.send_message(1, "hi", "skipMine", 10_000, 3_000)
    assert invoke["definition"] == {"name": "SendMessage"} and invoke["argumentObj"] == {"message": "hi"}
    assert (invoke["target"], problem) == ("skipMine", "")


def test_cbcl007_send_message_result_names_the_receivers():
    result = {"invocationId": "m1", "error": None, "invocationResult": {"all_return_values": [{"executed_by": S1}]}}
    shown, done, log, _ = caller.send_message_result_handler(result, PENDING)
    assert [c.children for c in shown] == ["Message delivered to Sum Server 1"]
    assert patch_operations(done)[0]["location"] == ["m1"]
    assert patch_operations(log)[0]["params"]["value"]["method"] == "SendMessage"


def test_cbcl008_a_tampered_target_falls_back_to_best():
    invoke, *_ = caller.sum_numbers(1, 1, 2, {"application": "anything"}, 10_000, 3_000)
    assert invoke["target"] == "best"


def test_cbcl003_serve_sum_mounts_a_registration():
    assert caller.serve_sum(False) is None
    registration = caller.serve_sum(True)
    assert registration.id == ids.REGISTER_SUM and registration.returns is True


# --- shell ------------------------------------------------------------------

ADDABLE = {"server": {"title": "Sum Server", "prefix": "/server/"}, "caller": {"title": "Caller", "prefix": "/caller/"}}


def frames():
    from pages.shell import frame_record

    return [
        frame_record("server", "Sum Server", "/server/", 1, slot=0),
        frame_record("server", "Sum Server", "/server/", 2, slot=1),
        frame_record("caller", "Caller", "/caller/", None, slot=2),
    ]


def test_cbsh001_add_server_takes_next_number_and_free_slot():
    new_frames, children, classes, notice = shell.add_app(frames(), "server", ADDABLE)
    added = new_frames[-1]
    assert (added["name"], added["slot"], added["src"]) == ("Sum Server 3", 3, "/server/?name=Sum%20Server%203")
    assert children[3] is not no_update and all(c is no_update for i, c in enumerate(children) if i != 3)
    assert classes[3] == shell.SLOT_CLASS and notice is None


def test_cbsh002_remove_frees_only_its_slot():
    new_frames, children, classes, _ = shell.remove_frame("server-1", frames())
    assert [f["key"] for f in new_frames] == ["server-2", "caller"]
    assert children[0] is None and classes[0] == shell.EMPTY_SLOT_CLASS
    assert all(c is no_update for c in children[1:])


def test_cbsh003_full_shell_says_so():
    from pages.shell import frame_record

    full = [frame_record("server", "Sum Server", "/server/", n, slot=n - 1) for n in range(1, MAX_FRAMES + 1)]
    new_frames, _, _, notice = shell.add_app(full, "server", ADDABLE)
    assert new_frames is no_update and notice == shell.FULL


def test_cbsh005_added_caller_is_caller_2():
    new_frames, *_ = shell.add_app(frames(), "caller", ADDABLE)
    assert (new_frames[-1]["name"], new_frames[-1]["key"]) == ("Caller 2", "caller-2")


def test_cbsh006_first_of_an_app_is_number_1():
    new_frames, *_ = shell.add_app([], "server", ADDABLE)
    assert new_frames[-1]["name"] == "Sum Server 1"


def test_cbsh004_remove_unknown_frame_is_ignored():
    with pytest.raises(PreventUpdate):
        shell.remove_frame("nope", frames())


def test_cbsv008_handled_log_renders_as_text_lines():
    entries = [
        {
            "time": "10:00:01",
            "method": "Sum",
            "caller": "Caller",
            "args": {"a": 1, "b": 2},
            "outcome": "sum = 3",
            "ok": True,
        },
        {
            "time": "10:00:00",
            "method": "SendMessage",
            "caller": "Caller 2",
            "args": {"message": 4},
            "outcome": "Ignored a message that was not text.",
            "ok": False,
        },
    ]
    assert [server.handled_line(entry) for entry in entries] == [
        "10:00:01 Sum from Caller with {'a': 1, 'b': 2}: sum = 3",
        "10:00:00 SendMessage from Caller 2 with {'message': 4}: refused: Ignored a message that was not text.",
    ]
