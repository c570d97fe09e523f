"""The interop log: merging records into rows, bounding them, what they keep of the apps' records."""

import ids
from interop import log
from tests.unit.samples import S1, S2, T0, handled, invoked


def test_ilog001_handled_records_join_their_invocation():
    rows = log.merge_records([invoked("i1", T0), handled("h1", T0 + 30, S1), handled("h2", T0 + 35, S2)])
    assert len(rows) == 1
    assert [(s["application"], s["handled"]) for s in rows[0]["servers"]] == [
        ("Sum Server 1", True),
        ("Sum Server 2", True),
    ]
    assert log.handled_count(rows) == 2


def test_ilog002_a_burst_of_identical_invocations_gives_one_row_each_with_both_servers():
    records = []
    for n in range(20):
        records.append(invoked(f"i{n}", T0 + n * 5, latency=100 + n * 40))
        for server in (S1, S2):
            records.append(handled(f"h{server['instance']}{n}", T0 + 100 + n * 40, server))
    rows = log.merge_records(list(reversed(records)))  # any order
    assert len(rows) == 20
    assert log.handled_count(rows) == 40
    assert all(all(s["handled"] for s in row["servers"]) for row in rows)


def test_ilog003_records_join_only_the_same_caller_method_args_and_server():
    records = [
        invoked("i1", T0, servers=(S1,)),
        handled("other-caller", T0 + 10, S1, caller_instance="c2"),
        handled("other-args", T0 + 10, S1, args='{"a":9,"b":2}'),
        handled("other-method", T0 + 10, S1, method="SendMessage"),
        handled("other-server", T0 + 10, S2),
        handled("much-later", T0 + 60_000, S1),
    ]
    rows = log.merge_records(records)
    row = next(r for r in rows if r["id"] == "i1")
    assert [s["handled"] for s in row["servers"]] == [False]
    assert len(rows) == 6  # every handled record that matched nothing has a row of its own
    own = next(r for r in rows if r["id"] == "handled:other-caller")
    assert own["reported_by_caller"] is False and own["latency_ms"] is None


def test_ilog004_args_match_whatever_the_json_formatting():
    rows = log.merge_records([invoked("i1", T0, servers=(S1,)), handled("h1", T0 + 10, S1, args='{"a": 1, "b": 2}')])
    assert len(rows) == 1 and rows[0]["servers"][0]["handled"]


def test_ilog005_duplicate_records_count_once():
    record = handled("h1", T0 + 10, S1)
    rows = log.merge_records([invoked("i1", T0), record, dict(record)])
    assert log.handled_count(rows) == 1


def test_ilog006_bounded_to_the_latest_200_rows():
    rows = log.merge_records([invoked(f"i{n}", T0 + n) for n in range(250)])
    shown = log.bound_rows(rows)
    assert len(shown) == ids.LOG_ROWS == 200
    assert shown[0]["id"] == "i249" and shown[-1]["id"] == "i50"


def test_ilog010_clip_and_args_text():
    assert log.clip("x" * 300) == "x" * 199 + "…"
    assert log.args_text({"a": "é", "b": [1, 2]}) == '{"a":"é","b":[1,2]}'
    assert log.args_text({"m": "y" * 500}).endswith("…")
    assert log.same_args(log.args_text({"m": "y" * 500}), log.args_text({"m": "y" * 600}))


def test_ilog013_last_args_by_method():
    rows = log.merge_records([invoked("i1", T0, args='{"a":1}'), invoked("i2", T0 + 1, args='{"a":2}')])
    assert log.last_args_by_method(rows) == {"Sum": '{"a":2}'}


def test_ilog014_malformed_records_are_ignored():
    rows = log.merge_records([None, "x", {"kind": "other"}, {"kind": "invoked", "t": "soon", "servers": [None]}])
    assert len(rows) == 1 and rows[0]["t"] == 0 and rows[0]["servers"] == []


def test_ilog017_a_void_methods_empty_answer_is_replaced_by_what_its_handler_did():
    """A caller sees "", "{}" or "null" from a void method: the server's handled record says what happened."""
    for void in log.VOID_ANSWERS:
        caller = invoked("i1", T0, servers=(S1, S2), method="SendMessage", args='{"message":"hi"}')
        for server in caller["servers"]:
            server["outcome"] = void
        refused = {**handled("h1", T0 + 10, S1, args='{"message":"hi"}', method="SendMessage"), "ok": False}
        refused["outcome"] = "refused: Ignored a message that was not text."
        shown = {**handled("h2", T0 + 12, S2, args='{"message":"hi"}', method="SendMessage"), "outcome": "shown"}
        [row] = log.merge_records([caller, refused, shown])
        assert [(s["outcome"], s["ok"], s["handled"]) for s in row["servers"]] == [
            ("refused: Ignored a message that was not text.", False, True),
            ("shown", True, True),
        ], void
    # A real answer stays the caller's, whatever the handler recorded; an empty handled outcome changes nothing.
    [row] = log.merge_records([invoked("i2", T0, servers=(S1,)), {**handled("h3", T0 + 5, S1), "ok": False}])
    assert (row["servers"][0]["outcome"], row["servers"][0]["ok"]) == ('{"sum":3}', True)
    caller = invoked("i3", T0, servers=(S1,))
    caller["servers"][0]["outcome"] = "null"
    [row] = log.merge_records([caller, {**handled("h4", T0 + 5, S1), "outcome": ""}])
    assert (row["servers"][0]["outcome"], row["servers"][0]["handled"]) == ("null", True)


def test_lgrd001_each_server_carries_its_own_handling_time():
    """``handler_ms`` of each server's handled record lands on its entry; none yet, or an app that sends no
    number, is ``None``."""
    records = [
        invoked("i1", T0, servers=(S1, S2)),
        {**handled("h1", T0 + 30, S1), "handler_ms": 3.4},
        {**handled("h2", T0 + 35, S2), "handler_ms": "soon"},
        {**handled("alone", T0 + 60_000, S1, caller_instance="other"), "handler_ms": 7},
        invoked("i2", T0 + 90_000, servers=(S2,), args='{"a":5}'),
    ]
    rows = {row["id"]: row for row in log.merge_records(records)}
    assert [s["handler_ms"] for s in rows["i1"]["servers"]] == [3.4, None]
    assert [s["handler_ms"] for s in rows["handled:alone"]["servers"]] == [7]
    assert [(s["handled"], s["handler_ms"]) for s in rows["i2"]["servers"]] == [(False, None)]
