"""The interop log: merging records into rows, bounding them, what they keep of the apps' records."""

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
    assert len(shown) == log.MAX_ROWS == 200
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


def test_ilog016_a_callers_record_from_its_python_callbacks():
    """Pending when invoked, settled with the page's times and each server's answer or failure."""
    invocation = {"method": "Sum", "args": {"a": "1", "b": 2}, "target": "all"}
    pending = log.invoked_record("i1", invocation)
    assert pending == {
        "kind": "invoked",
        "id": "i1",
        "t": None,  # the page stamps a pending record when it publishes it
        "method": "Sum",
        "target": "all",
        "args": '{"a":"1","b":2}',
        "latency_ms": None,
        "pending": True,
        "error": None,
        "servers": [],
    }
    result = {
        "invocationId": "i1",
        "error": None,
        "invocationResult": {
            "all_return_values": [{"executed_by": {"application": "S1", "instance": "s1"}, "returned": {"sum": 3}}],
            "all_errors": [{"executed_by": {"application": "S2", "instance": "s2"}, "message": "x" * 500}],
        },
        "timing": {"invokedAt": 1_700_000_000_000, "settledAt": 1_700_000_000_037},
    }
    settled = log.invoked_record("i1", invocation, result)
    assert (settled["t"], settled["latency_ms"], settled["pending"]) == (1_700_000_000_000, 37, False)
    assert settled["servers"][0] == {"application": "S1", "instance": "s1", "ok": True, "outcome": '{"sum":3}'}
    assert settled["servers"][1]["ok"] is False and len(settled["servers"][1]["outcome"]) == log.TEXT_LIMIT
    failed = log.invoked_record("i2", invocation, {"error": {"message": "No server", "all_errors": []}})
    assert (failed["error"], failed["latency_ms"], failed["servers"]) == ("No server", None, [])
    row = log.row_from_invoked({**settled, "app": "Caller", "instance": "c1"})
    assert row["latency_ms"] == 37 and [s["application"] for s in row["servers"]] == ["S1", "S2"]
