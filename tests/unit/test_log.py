"""The interop log: merging records into rows, bounding, formatting, the latency chart."""

from interop import log

T0 = 1_790_000_000_000  # ms since the epoch
S1 = {"application": "Sum Server 1", "instance": "s1"}
S2 = {"application": "Sum Server 2", "instance": "s2"}


def invoked(id_, t, args='{"a":1,"b":2}', servers=(S1, S2), latency=40, target="all", method="Sum", **extra):
    return {
        "kind": "invoked",
        "id": id_,
        "t": t,
        "method": method,
        "target": target,
        "args": args,
        "latency_ms": latency,
        "pending": False,
        "error": None,
        "servers": [{**s, "ok": True, "outcome": '{"sum":3}'} for s in servers],
        "app": "Caller",
        "instance": "c1",
        **extra,
    }


def handled(id_, t, server=S1, args='{"a":1,"b":2}', caller_instance="c1", method="Sum"):
    return {
        "kind": "handled",
        "id": id_,
        "t": t,
        "method": method,
        "caller": "Caller",
        "caller_instance": caller_instance,
        "args": args,
        "outcome": "sum = 3",
        "ok": True,
        "app": server["application"],
        "instance": server["instance"],
    }


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
    assert log.log_summary(rows, len(rows)) == "20 invocations · 40 handled records"


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
    assert log.log_summary(shown, len(rows)).endswith("(showing the latest 200 of 250)")


def test_ilog007_a_row_reads_as_one_line():
    rows = log.merge_records([invoked("i1", T0), handled("h1", T0 + 30, S1)])
    line = log.format_row(rows[0])
    assert line.endswith('{"a":1,"b":2}  ⇒  Sum Server 1 ✔: {"sum":3} | Sum Server 2: {"sum":3}')
    assert "  Sum  Caller → all    40 ms  " in line


def test_ilog008_errors_pending_and_specific_targets():
    failed = invoked("i1", T0, servers=(), error="No server offers Sum within 3000 ms.")
    pending = invoked("i2", T0 + 1, servers=(), latency=None, pending=True)
    specific = invoked("i3", T0 + 2, servers=(S2,), target=[{"instance": "s2"}])
    rows = {r["id"]: r for r in log.merge_records([failed, pending, specific])}
    assert "ERROR No server offers Sum within 3000 ms. | no server" in log.format_row(rows["i1"])
    assert log.format_row(rows["i2"]).endswith("⇒  no server") and "      –  " in log.format_row(rows["i2"])
    assert "Caller → only Sum Server 2" in log.format_row(rows["i3"])


def test_ilog009_untrusted_text_stays_text():
    script = '<img src=x onerror="alert(1)">'
    rows = log.merge_records([invoked("i1", T0, args=log.args_text({"message": script}), method="SendMessage")])
    assert script.replace('"', '\\"') in log.log_text(rows)  # plain text for an html.Pre, nothing else


def test_ilog010_clip_and_args_text():
    assert log.clip("x" * 300) == "x" * 199 + "…"
    assert log.args_text({"a": "é", "b": [1, 2]}) == '{"a":"é","b":[1,2]}'
    assert log.args_text({"m": "y" * 500}).endswith("…")
    assert log.same_args(log.args_text({"m": "y" * 500}), log.args_text({"m": "y" * 600}))


def test_ilog011_latency_figure_has_a_trace_per_method_and_server():
    rows = log.merge_records([invoked("i1", T0, latency=40), invoked("i2", T0 + 10, servers=(S1,), latency=90)])
    figure = log.latency_figure(rows)
    traces = {trace["name"]: trace["y"] for trace in figure["data"]}
    assert traces == {"Sum @ Sum Server 1": [40, 90], "Sum @ Sum Server 2": [40]}
    assert log.latency_figure([])["data"] == []


def test_ilog012_chart_shows_the_latest_invocations_only():
    rows = log.merge_records([invoked(f"i{n}", T0 + n, servers=(S1,), latency=n) for n in range(100)])
    [trace] = log.latency_figure(rows)["data"]
    assert trace["y"] == list(range(100 - log.CHART_INVOCATIONS, 100))


def test_ilog013_last_args_by_method():
    rows = log.merge_records([invoked("i1", T0, args='{"a":1}'), invoked("i2", T0 + 1, args='{"a":2}')])
    assert log.last_args_by_method(rows) == {"Sum": '{"a":2}'}


def test_ilog014_malformed_records_are_ignored():
    rows = log.merge_records([None, "x", {"kind": "other"}, {"kind": "invoked", "t": "soon", "servers": [None]}])
    assert len(rows) == 1 and rows[0]["t"] == 0 and rows[0]["servers"] == []


def test_ilog015_a_row_stays_one_line_whatever_the_apps_send():
    record = invoked("i1", T0, servers=())
    record["error"] = "first line\nsecond line\r\nthird"
    record["app"] = "Caller\n2"
    [row] = log.merge_records([record])
    line = log.format_row(row)
    assert "\n" not in line and "\r" not in line
    assert "Caller 2 → all" in line and "ERROR first line second line third" in line


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
