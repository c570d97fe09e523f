"""interop.log_file: the invocation log exported as JSON and CSV, and a JSON log read back."""

import base64
import csv
import io
import json
from datetime import UTC, datetime

import pytest

import ids
from interop import log, log_file
from pages.inspector_log import grid_rows
from tests.unit.samples import S1, S2, T0, handled, invoked

NOW = datetime(2026, 5, 4, 12, 0, 1, 234_000, tzinfo=UTC)


def sample_rows():
    """An answered invocation, a failed one, a pending one, one at a specific instance, one only a server saw."""
    return log.merge_records(
        [
            invoked("ok", T0),
            handled("h1", T0 + 30, S1),
            handled("h2", T0 + 35, S2),
            invoked("failed", T0 + 1_000, servers=(), error="No server offers Sum within 3000 ms."),
            invoked("pending", T0 + 2_000, servers=(), latency=None, pending=True),
            invoked("only-s2", T0 + 3_000, servers=(S2,), target=[{"instance": "s2"}], method="SendMessage"),
            handled("alone", T0 + 60_000, S1, caller_instance="other"),
        ]
    )


def without_handler_ms(rows):
    """Rows as a version 1 file keeps them: without each server's own handling time."""
    return [
        {**row, "servers": [{k: v for k, v in s.items() if k != "handler_ms"} for s in row["servers"]]} for row in rows
    ]


def load_text(text, name="log.json"):
    return log_file.load(text.encode(), name)


def test_lgfl001_json_round_trip_gives_the_same_rows():
    rows = sample_rows()
    document = log_file.json_document(rows, NOW)
    file, problem = load_text(document, "bug report.json")
    assert problem is None
    assert file["rows"] == without_handler_ms(rows)
    assert (file["name"], file["exported_at"], file["count"]) == ("bug report.json", "2026-05-04T12:00:01.234Z", 5)
    # Read back from what dcc.Upload hands over, too.
    contents = "data:application/json;base64," + base64.b64encode(document.encode()).decode()
    assert log_file.from_upload(contents, "bug report.json") == (file, None)


def test_lgfl002_the_json_says_what_it_is_and_what_made_it():
    rows = sample_rows()
    document = json.loads(log_file.json_document(rows, NOW, filters={"method": "Sum"}))
    assert (document["format"], document["version"]) == ("io-connect-dash-interop-log", 1)
    assert (document["exported_at"], document["exported_at_ms"]) == ("2026-05-04T12:00:01.234Z", 1777896001234)
    assert set(document["software"]) == {"ioconnect-dash-interop", "dash", "dash_glue42", "dash-bootstrap-components"}
    assert document["software"]["dash_glue42"] == "1.5.0" and all(document["software"].values())
    assert {"application": "Caller", "instance": "c1"} in document["apps"]
    assert {"application": "Sum Server 2", "instance": "s2"} in document["apps"]
    assert (document["source"], document["filter"], document["count"]) == ("live bus", {"method": "Sum"}, 5)
    ok = next(item for item in document["invocations"] if item["id"] == "ok")
    assert ok == {
        "id": "ok",
        "method": "Sum",
        "caller": "Caller",
        "caller_instance": "c1",
        "target": "all",
        "args": '{"a":1,"b":2}',
        "start_ms": T0,
        "start_iso": "2026-09-21T14:13:20.000Z",
        "latency_ms": 40,
        "error": None,
        "reported_by_caller": True,
        "servers": [
            {"application": "Sum Server 1", "instance": "s1", "outcome": '{"sum":3}', "ok": True, "handled": True},
            {"application": "Sum Server 2", "instance": "s2", "outcome": '{"sum":3}', "ok": True, "handled": True},
        ],
    }
    # One invocation a line, so a reader (or a diff) finds each at once.
    lines = log_file.json_document(rows, NOW).splitlines()
    assert sum(line.startswith('    {"id":') for line in lines) == 5
    assert json.loads(log_file.json_document([], NOW))["invocations"] == []


def test_lgfl003_csv_has_a_line_per_invocation_and_server():
    rows = sample_rows()
    table = list(csv.reader(io.StringIO(log_file.csv_document(rows))))
    assert tuple(table[0]) == log_file.CSV_COLUMNS
    assert table[0][:12] == [
        "time_iso",
        "method",
        "caller",
        "caller_instance",
        "target",
        "args",
        "latency_ms",
        "server",
        "server_instance",
        "outcome",
        "ok",
        "handled",
    ]
    lines = [dict(zip(table[0], line, strict=True)) for line in table[1:]]
    by_id = {}
    for line in lines:
        by_id.setdefault(line["id"], []).append(line)
    assert {key: len(value) for key, value in by_id.items()} == {
        "handled:alone": 1,
        "only-s2": 1,
        "pending": 1,
        "failed": 1,
        "ok": 2,
    }
    first, second = by_id["ok"]
    assert (first["server"], second["server"]) == ("Sum Server 1", "Sum Server 2")
    assert first["time_iso"] == "2026-09-21T14:13:20.000Z" and first["latency_ms"] == "40"
    assert (first["args"], first["outcome"], first["ok"], first["handled"]) == (
        '{"a":1,"b":2}',
        '{"sum":3}',
        "true",
        "true",
    )
    assert by_id["failed"][0]["server"] == "" and by_id["failed"][0]["error"].startswith("No server offers Sum")
    assert by_id["pending"][0]["latency_ms"] == ""
    assert by_id["only-s2"][0]["target"] == '[{"instance":"s2"}]'


def test_lgfl004_csv_cells_that_a_spreadsheet_would_run_are_kept_as_text():
    hostile = invoked("=1+1", T0, method='=HYPERLINK("http://x")', args="+cmd|' /C calc'!A0", servers=())
    hostile.update(app="@SUM(A1)", instance="\tx", error="\rboom")
    negative = invoked("n", T0 + 1, servers=(S1,))
    negative["servers"][0]["outcome"] = "-2"
    table = list(csv.reader(io.StringIO(log_file.csv_document(log.merge_records([hostile, negative])))))
    lines = [dict(zip(table[0], line, strict=True)) for line in table[1:]]
    first = next(line for line in lines if line["id"] == "'=1+1")
    assert first["method"] == '\'=HYPERLINK("http://x")'
    assert first["args"] == "'+cmd|' /C calc'!A0"
    assert (first["caller"], first["caller_instance"], first["error"]) == ("'@SUM(A1)", "'\tx", "'\rboom")
    assert next(line for line in lines if line["id"] == "n")["outcome"] == "'-2"
    assert log_file.safe_cell('{"sum":3}') == '{"sum":3}' and log_file.safe_cell(None) == ""


def invocation_of(**changes):
    item = log_file.invocation(log.merge_records([invoked("i1", T0)])[0])
    item.update(changes)
    return item


def document_with(*invocations, **header):
    document = {"format": log_file.FORMAT, "version": 1, "exported_at": "now", "invocations": list(invocations)}
    document.update(header)
    return json.dumps(document)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"{nope", "log.json was not opened: it is not JSON (line 1, column 2: Expecting property name"),
        (b"\xff\xfe\x00", "log.json was not opened: it is not text (UTF-8)."),
        (b"[1, 2]", 'log.json was not opened: it is not an interop log exported by the Inspector (no "format": '),
        (b'{"format": "other"}', "it is not an interop log exported by the Inspector"),
        (document_with(version=2).encode(), "it is a version 2 log, from a newer Inspector; this one reads version 1."),
        (document_with(version="1").encode(), "its version must be a whole number from 1."),
        (document_with(invocations={}).encode(), "its invocations must be a list."),
        (document_with(exported_at=5).encode(), "exported_at must be text."),
        (document_with(invocation_of(), "x").encode(), "invocation 2 must be an object."),
        (
            document_with(invocation_of(latency_ms="fast")).encode(),
            "invocation 1: latency_ms must be a number or null.",
        ),
        (document_with(invocation_of(start_ms=10**20)).encode(), "invocation 1: start_ms must be between 0 and "),
        (document_with(invocation_of(servers="all")).encode(), "invocation 1: servers must be a list."),
        (document_with(invocation_of(servers=[{"application": "S"}])).encode(), "server 1: instance must be text."),
        (document_with(invocation_of(reported_by_caller=1)).encode(), "reported_by_caller must be true or false."),
        (document_with(invocation_of(method=None)).encode(), "invocation 1: method must be text."),
        (document_with(invocation_of(target=5)).encode(), "target must be text, a list of instances or null."),
        (document_with(invocation_of()).replace("40", "NaN").encode(), "it holds NaN, which is not a number"),
        (document_with(invocation_of()).replace("40", "1e999").encode(), "latency_ms must be a number or null."),
        (b"[" * 100_000, "nested too deeply"),
        (b" " * (ids.LOG_FILE_MAX_BYTES + 1), "it is 150,001 bytes; the Inspector opens log files of up to 150,000."),
    ],
)
def test_lgfl006_a_file_that_is_not_a_log_is_refused_in_words(data, message):
    file, problem = log_file.load(data, "log.json")
    assert file is None
    assert message in problem and problem.startswith("log.json was not opened: ")


def test_lgfl007_an_upload_that_cannot_be_read_is_refused():
    assert log_file.from_upload("data:application/json;base64,@@@", "x.json") == (
        None,
        "x.json was not opened: it could not be read.",
    )
    assert log_file.from_upload("plain text", None)[1] == "the file was not opened: it could not be read."


def test_lgfl008_hostile_values_stay_text():
    script = '<img src=x onerror="alert(1)">'
    item = invocation_of(method="Sum\nDROP", args=script, target=[{"instance": {"nested": 1}, "application": "A"}, 3])
    file, problem = load_text(document_with(item), "a\nb<i>.json")
    assert problem is None and file["name"] == "a b<i>.json"  # one line, as written
    [row] = file["rows"]
    assert row["target"] == [{"application": "A"}]  # plain values only
    cells = grid_rows(file["rows"])[0]
    assert cells["args"] == script and cells["method"] == "Sum\nDROP"  # text cells: the grid renders no HTML


def test_lgfl009_file_names_and_media_types():
    assert log_file.file_name(NOW, "json") == "interop-log-20260504-120001.json"
    text, name, media_type = log_file.export("csv", sample_rows(), NOW)
    assert (name, media_type) == ("interop-log-20260504-120001.csv", "text/csv") and text.startswith("time_iso,")
    text, name, media_type = log_file.export("json", sample_rows(), NOW, source="old.json")
    assert (name, media_type) == ("interop-log-20260504-120001.json", "application/json")
    assert json.loads(text)["source"] == "old.json"


def test_lgfl010_a_full_window_exported_opens_again():
    """200 invocations to two servers, with ids and instances as long as the apps make them, fit the limit."""
    servers = [
        {"application": f"Sum Server {n}", "instance": f"{n}f6c1e0a-7b8d-4c2e-9a3f-1d2e3f4a5b6c"} for n in (1, 2)
    ]
    records = []
    for n in range(200):
        record = invoked(f"amo3k2x1-{n}-k3j4h5", T0 + n * 200, args=f'{{"a":"{1000 + n}","b":"{n}"}}', servers=())
        record["instance"] = "c9d8e7f6-a5b4-4c3d-8e2f-1a0b9c8d7e6f"
        record["servers"] = [{**s, "ok": True, "outcome": f'{{"sum":{1000 + 2 * n}}}'} for s in servers]
        records.append(record)
    rows = log.merge_records(records)
    data = log_file.json_document(rows, NOW).encode()
    assert len(data) < ids.LOG_FILE_MAX_BYTES, len(data)  # about 116 kB
    file, problem = log_file.load(data, "full.json")
    assert problem is None and file["rows"] == without_handler_ms(rows)


def test_lgfl013_a_files_name_is_one_line_clipped_like_every_python_clip():
    name = "bug\nreport " + "x" * 200 + ".json"
    _, problem = log_file.load(b"{nope", name)
    shown = problem.split(" was not opened")[0]
    assert shown == log.clip(" ".join(name.split()), ids.LOG_FILE_NAME_CHARS) and len(shown) == ids.LOG_FILE_NAME_CHARS
    assert shown.startswith("bug report xx") and shown.endswith("x…")
