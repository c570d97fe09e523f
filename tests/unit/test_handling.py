"""Each server's own handling time beside the round trip, in the Inspector's results: interop.handling joins the
handled records to the invocations (through interop.log.merge_records), pages.inspector_text words them and
callbacks.inspector keeps them in the history."""

import json

from dash import no_update

from callbacks import inspector, inspector_log
from interop import handling, log
from pages import inspector_text
from tests.unit.samples import S1, S2, T0, handled, invoked


def took(record, handler_ms):
    return {**record, "handler_ms": handler_ms}


def entry(id_="i1", latency=41, result=True, **extra):
    """A history entry of the Inspector, as adhoc.settled_entry leaves it (a Sum to all, both servers answered)."""
    answers = [{"executed_by": S1, "returned": {"sum": 3}}, {"executed_by": S2, "returned": {"sum": 3}}]
    return {
        "id": id_,
        "order": 1,
        "at": T0,
        "latency_ms": latency,
        "invoke": {"definition": {"name": "Sum"}, "argumentObj": {"a": 1, "b": 2}, "target": "all"},
        "result": {"invocationId": id_, "invocationResult": {"all_return_values": answers}} if result else None,
        **extra,
    }


def test_hndl001_each_server_of_an_invocation_gets_its_own_handling_time():
    records = [
        invoked("i1", T0),
        took(handled("h1", T0 + 5, S1), 3),
        took(handled("h2", T0 + 6, S2), 17.5),
        # The same arguments again a second later: each invocation gets its own servers' records, earliest first.
        invoked("i2", T0 + 1_000),
        took(handled("h3", T0 + 1_004, S1), 4),
        took(handled("h4", T0 + 1_007, S2), 9),
    ]
    assert handling.handling_times(records) == {"i1": {"s1": 3, "s2": 17.5}, "i2": {"s1": 4, "s2": 9}}
    assert handling.handling_times(records, ["i2"]) == {"i2": {"s1": 4, "s2": 9}}
    assert handling.handling_times(list(reversed(records))) == handling.handling_times(records)  # order aside


def test_hndl002_only_the_records_the_log_joins_give_a_time():
    records = [
        invoked("i1", T0, servers=(S1,), target=[{"instance": "s1"}]),
        took(handled("h1", T0 + 5, S1), 3),
        took(handled("h2", T0 + 5, S2), 8),  # a server the caller says did not run it
        took(handled("h3", T0 + 5, S1, caller_instance="c9"), 6),  # another caller's
        took(handled("h4", T0 + 5, S1, args='{"a":9,"b":9}'), 6),  # other arguments
        took(handled("h5", T0 + 60_000, S1), 6),  # long after its result
    ]
    assert handling.handling_times(records) == {"i1": {"s1": 3}}
    pending = [invoked("i1", T0), handled("h1", T0 + 5, S1), took(handled("h2", T0 + 5, S2), "soon")]
    assert handling.handling_times(pending) == {}  # no time yet (or none that is a number)
    assert handling.handling_times([took(handled("h1", T0, S1), 3)]) == {}  # no caller reported it
    assert handling.handling_times(None) == {} and handling.handling_times(["junk", None]) == {}


def test_hndl003_the_labels_leave_the_join_as_merge_records_makes_it():
    """Whatever the records, the servers handling_times finds are exactly those merge_records marks handled."""
    records = [
        invoked("i1", T0),
        invoked("i2", T0 + 10, servers=(S2,), target=[{"instance": "s2"}]),
        invoked("i3", T0 + 20, args='{"a":5,"b":5}'),
        took(handled("h1", T0 + 12, S2), 1),
        took(handled("h2", T0 + 13, S2), 2),
        took(handled("h3", T0 + 14, S1), 3),
        took(handled("h4", T0 + 25, S1, args='{"a":5,"b":5}'), 4),
        {**invoked("v1", T0 + 30, method="SendMessage", args='{"m":"hi"}'), "servers": [{**S1, "outcome": ""}]},
        took({**handled("h5", T0 + 31, S1, args='{"m":"hi"}', method="SendMessage"), "outcome": "shown"}, 5),
    ]
    marked = {
        (row["id"], server["instance"])
        for row in log.merge_records(records)
        if row["reported_by_caller"]
        for server in row["servers"]
        if server["handled"]
    }
    found = {(key, instance) for key, times in handling.handling_times(records).items() for instance in times}
    assert found == marked
    assert handling.handling_times(records)["v1"] == {"s1": 5}  # a void method's too


def test_hndl004_a_settled_entry_takes_the_times_and_keeps_them():
    records = [invoked("i1", T0), took(handled("h1", T0 + 5, S1), 3), took(handled("h2", T0 + 6, S2), 17)]
    history = {"i1": entry(), "i2": entry("i2", result=False)}
    updated = handling.settled_with_handling(history, [*records, invoked("i2", T0 + 1), handled("h3", T0 + 7, S1)])
    assert updated == {"i1": {**history["i1"], "handling": {"s1": 3, "s2": 17}}}
    history["i1"] = updated["i1"]
    assert handling.settled_with_handling(history, records) == {}  # nothing new
    assert handling.settled_with_handling(history, []) == {}  # a Clear (or a log file) empties the records
    # One server's record came in first: the other's adds to it, and an entry with every time is left alone.
    partly = {"i1": {**history["i1"], "handling": {"s2": 17}}}
    later = handling.settled_with_handling(partly, [invoked("i1", T0), took(handled("h9", T0 + 5, S1), 4)])
    assert later["i1"]["handling"] == {"s1": 4, "s2": 17}
    assert handling.settled_with_handling(later, [invoked("i1", T0), took(handled("h9", T0 + 5, S1), 5)]) == {}
    assert handling.settled_with_handling({}, records) == {} and handling.settled_with_handling(None, None) == {}
    assert handling.settled_with_handling({"x": "junk", "i1": {"id": "other"}}, records) == {}


def test_hndl005_each_answer_shows_its_handling_time_beside_the_round_trip():
    shown = entry(handling={"s1": 3.2, "s2": 17})
    answers = inspector_text.server_answers(shown)
    assert [inspector_text.answer_line(shown, answer) for answer in answers] == [
        '✔ Sum Server 1 (s1) · 3 ms handling · round trip 41 ms: {"sum": 3}',
        '✔ Sum Server 2 (s2) · 17 ms handling · round trip 41 ms: {"sum": 3}',
    ]
    waiting = entry(handling={"s2": 17})  # Sum Server 1's record is not in yet
    assert inspector_text.answer_line(waiting, inspector_text.server_answers(waiting)[0]) == (
        '✔ Sum Server 1 (s1) · round trip 41 ms: {"sum": 3}'
    )
    assert inspector_text.timing_text(entry(latency=None), "s1") == ""
    assert inspector_text.timing_text(entry(latency=None, handling={"s1": 2}), "s1") == "2 ms handling"
    assert inspector_text.timing_text(entry(handling={"s1": True}), "s1") == "round trip 41 ms"  # not a number
    returned = json.loads(inspector_text.returned_view(shown))
    assert [server.get("handling_ms") for server in returned] == [3.2, 17]
    assert "handling_ms" not in json.loads(inspector_text.returned_view(entry()))[0]


def test_hndl006_the_history_is_patched_only_when_a_time_comes_in():
    records = [invoked("i1", T0), took(handled("h1", T0 + 5, S1), 3), took(handled("h2", T0 + 6, S2), 17)]
    patch = inspector_log.handling_times_patch(records, {"i1": entry()})
    [operation] = patch.to_plotly_json()["operations"]
    assert operation["location"] == ["i1"] and operation["params"]["value"]["handling"] == {"s1": 3, "s2": 17}
    assert inspector_log.handling_times_patch(records, {"i1": entry(handling={"s1": 3, "s2": 17})}) is no_update
    assert inspector_log.handling_times_patch(None, {"i1": entry()}) is no_update
    # The log's own request carries them: no second request with the same records.
    *_, history_patch = inspector_log.render_log(records, None, None, False, history={"i1": entry()})
    assert history_patch.to_plotly_json()["operations"][0]["location"] == ["i1"]
    [item] = inspector.render_history({"i1": entry(handling={"s1": 3, "s2": 17})}, [])
    texts = [li.children for li in item.children[1].children]
    assert texts == [
        '✔ Sum Server 1 (s1) · 3 ms handling · round trip 41 ms: {"sum": 3}',
        '✔ Sum Server 2 (s2) · 17 ms handling · round trip 41 ms: {"sum": 3}',
    ]


def test_hndl007_the_join_runs_only_while_a_result_waits_for_a_time():
    records = [invoked("i1", T0), took(handled("h1", T0 + 5, S1), 3), took(handled("h2", T0 + 6, S2), 17)]
    every_server_failed = entry()
    every_server_failed["result"] = {
        "invocationId": "i1",
        "error": {"message": "x", "all_errors": [{"executed_by": S1, "message": "x"}]},
    }
    assert handling.settled_with_handling({"i1": every_server_failed}, records)["i1"]["handling"]["s1"] == 3
    no_server = {**entry(), "result": {"invocationId": "i1", "error": {"message": "no server"}}}
    assert handling.settled_with_handling({"i1": no_server}, records) == {}  # nobody to wait for
    pending = entry(result=False)
    assert handling.settled_with_handling({"i1": pending}, records) == {}  # its result first
