"""What the Inspector shows: log rows as one line of text, the summary, the latency chart, history lines."""

import json

import ids
from interop import log
from pages import inspector_text
from tests.unit.samples import ENTRY, S1, S2, T0, handled, invoked


def test_itxt001_a_row_reads_as_one_line():
    rows = log.merge_records([invoked("i1", T0), handled("h1", T0 + 30, S1)])
    line = inspector_text.format_row(rows[0])
    assert line.endswith('{"a":1,"b":2}  ⇒  Sum Server 1 ✔: {"sum":3} | Sum Server 2: {"sum":3}')
    assert "  Sum  Caller → all    40 ms  " in line


def test_itxt002_errors_pending_and_specific_targets():
    failed = invoked("i1", T0, servers=(), error="No server offers Sum within 3000 ms.")
    pending = invoked("i2", T0 + 1, servers=(), latency=None, pending=True)
    specific = invoked("i3", T0 + 2, servers=(S2,), target=[{"instance": "s2"}])
    rows = {r["id"]: r for r in log.merge_records([failed, pending, specific])}
    assert "ERROR No server offers Sum within 3000 ms. | no server" in inspector_text.format_row(rows["i1"])
    assert inspector_text.format_row(rows["i2"]).endswith("⇒  no server") and "      –  " in inspector_text.format_row(
        rows["i2"]
    )
    assert "Caller → only Sum Server 2" in inspector_text.format_row(rows["i3"])


def test_itxt003_untrusted_text_stays_text():
    script = '<img src=x onerror="alert(1)">'
    rows = log.merge_records([invoked("i1", T0, args=log.args_text({"message": script}), method="SendMessage")])
    assert script.replace('"', '\\"') in inspector_text.log_text(rows)  # plain text for an html.Pre, nothing else


def test_itxt004_latency_figure_has_a_trace_per_method_and_server():
    rows = log.merge_records([invoked("i1", T0, latency=40), invoked("i2", T0 + 10, servers=(S1,), latency=90)])
    figure = inspector_text.latency_figure(rows)
    traces = {trace["name"]: trace["y"] for trace in figure["data"]}
    assert traces == {"Sum @ Sum Server 1": [40, 90], "Sum @ Sum Server 2": [40]}
    assert inspector_text.latency_figure([])["data"] == []


def test_itxt005_chart_shows_the_latest_invocations_only():
    rows = log.merge_records([invoked(f"i{n}", T0 + n, servers=(S1,), latency=n) for n in range(100)])
    [trace] = inspector_text.latency_figure(rows)["data"]
    assert trace["y"] == list(range(100 - ids.LATENCY_CHART_INVOCATIONS, 100))


def test_itxt006_a_row_stays_one_line_whatever_the_apps_send():
    record = invoked("i1", T0, servers=())
    record["error"] = "first line\nsecond line\r\nthird"
    record["app"] = "Caller\n2"
    [row] = log.merge_records([record])
    line = inspector_text.format_row(row)
    assert "\n" not in line and "\r" not in line
    assert "Caller 2 → all" in line and "ERROR first line second line third" in line


def test_itxt007_result_view_shows_the_full_invocation_result():
    shown = json.loads(inspector_text.result_view(ENTRY))
    assert list(shown)[:7] == list(inspector_text.RESULT_FIELDS)
    assert shown["returned"] == {"sum": 15} and shown["method"] == {"name": "Sum"}
    failed = {**ENTRY, "result": {"invocationId": "i1", "error": {"message": "boom", "all_errors": []}}}
    assert json.loads(inspector_text.result_view(failed)) == {"error": {"message": "boom", "all_errors": []}}
    assert inspector_text.result_view(None) == ""


def test_itxt008_history_line():
    line = inspector_text.history_line(ENTRY, {"s2": "Sum Server 2"})
    assert line.endswith('Sum → only Sum Server 2  35 ms  1 answered · returned {"sum": 15}')
    pending = inspector_text.history_line({**ENTRY, "result": None, "latency_ms": None}, {})
    assert "Sum → only s2  …  " in pending


def test_itxt009_the_summary_says_when_rows_are_left_out():
    rows = log.merge_records([invoked(f"i{n}", T0 + n) for n in range(250)])
    shown = log.bound_rows(rows)
    assert inspector_text.log_summary(shown, len(rows)) == (
        "200 invocations · 0 handled records (showing the latest 200 of 250)"
    )
    assert inspector_text.log_summary(shown[:1], 1) == "1 invocation · 0 handled records"


def test_itxt010_an_app_the_records_do_not_name_is_named_by_its_instance():
    record = invoked("i1", T0, servers=({"instance": "s9"},))
    record["app"] = ""
    [row] = log.merge_records([record])
    assert row["caller"] == "" and row["servers"][0]["application"] == ""  # interop keeps what the record says
    line = inspector_text.format_row(row)
    assert "  Sum  c1 → all  " in line and line.endswith("⇒  s9: " + '{"sum":3}')
    assert [trace["name"] for trace in inspector_text.latency_figure([row])["data"]] == ["Sum @ s9"]
