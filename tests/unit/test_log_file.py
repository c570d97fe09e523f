"""interop.log_file: the invocation log exported as JSON and read back, checked by interop.log_schema."""

import json
import re
from pathlib import Path

import pytest

import app
import ids
from interop import log, log_file, log_schema
from pages.inspector_log import grid_rows
from tests.unit.log_file_samples import NOW, VERSION_1_FILE, filled_in, upload_contents, worst_document, worst_rows
from tests.unit.samples import S1, S2, T0, handled, invoked

NGINX_CONF = Path(__file__).resolve().parents[2] / "deploy" / "nginx.conf"


def sample_rows():
    """An answered invocation, a failed one, a pending one, one at a specific instance, one only a server saw."""
    return filled_in(
        log.merge_records(
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
    )


def load_text(text, name="log.json"):
    return log_file.load(text.encode(), name)


def test_lgfl001_json_round_trip_gives_the_same_rows():
    rows = sample_rows()
    document = log_file.json_document(rows, NOW)
    file, problem = load_text(document, "bug report.json")
    assert problem is None
    assert file["rows"] == rows
    assert (file["name"], file["exported_at"], file["count"]) == ("bug report.json", "2026-05-04T12:00:01.234Z", 5)
    # Read back from what dcc.Upload hands over, too.
    assert log_file.from_upload(upload_contents(document.encode()), "bug report.json") == (file, None)


def test_lgfl002_the_json_says_what_it_is_and_what_made_it():
    rows = sample_rows()
    document = json.loads(log_file.json_document(rows, NOW, filters={"method": "Sum"}))
    assert (document["format"], document["version"]) == ("io-connect-dash-interop-log", 2)
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
            {"application": "Sum Server 1", "instance": "s1", "outcome": '{"sum":3}', "ok": True, "handled": True}
            | {"handler_ms": 12.5},  # version 2: the server's own handling time
            {"application": "Sum Server 2", "instance": "s2", "outcome": '{"sum":3}', "ok": True, "handled": True}
            | {"handler_ms": 12.5},
        ],
    }
    # One invocation a line, so a reader (or a diff) finds each at once.
    lines = log_file.json_document(rows, NOW).splitlines()
    assert sum(line.startswith('    {"id":') for line in lines) == 5
    assert json.loads(log_file.json_document([], NOW))["invocations"] == []


def invocation_of(**changes):
    item = log_file.invocation(log.merge_records([invoked("i1", T0)])[0])
    item.update(changes)
    return item


def document_with(*invocations, **header):
    document = {"format": log_file.FORMAT, "version": 2, "exported_at": "now", "invocations": list(invocations)}
    document.update(header)
    return json.dumps(document)


def server_of(**changes):
    return {"application": "S", "instance": "s", "outcome": "3", "ok": True, "handled": True, **changes}


TEXT = f"text of at most {ids.LOG_TEXT_LIMIT} characters"
NESTED = "[" * 900 + "]" * 900  # JSON Python reads, deeper than any field of a log


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"{nope", "log.json was not opened: it is not JSON (line 1, column 2: Expecting property name"),
        (b"\xff\xfe\x00", "log.json was not opened: it is not text (UTF-8)."),
        (b"[1, 2]", 'log.json was not opened: it is not an interop log exported by the Inspector (no "format": '),
        (b'{"format": "other"}', "it is not an interop log exported by the Inspector"),
        (document_with(format="<b>x</b>").encode(), "it is not an interop log exported by the Inspector"),
        (
            document_with(version=3).encode(),
            "it is a version 3 log, from a newer Inspector; this one reads up to version 2.",
        ),
        (document_with(version="1").encode(), "its version must be a whole number from 1."),
        (document_with(version=True).encode(), "its version must be a whole number from 1."),
        (document_with(invocations={}).encode(), "its invocations must be a list of at most 200 entries."),
        (document_with(*[invocation_of()] * 201).encode(), "its invocations must be a list of at most 200 entries."),
        (document_with(exported_at=5).encode(), f"exported_at must be {TEXT}."),
        (document_with(count="2").encode(), "count must be a number from 0 to 200, or null."),
        (document_with(invocation_of(), "x").encode(), "log.json was not opened: invocation 2 must be an object."),
        (
            document_with(invocation_of(latency_ms="fast")).encode(),
            "invocation 1: latency_ms must be a number from 0 to 1,000,000,000, or null.",
        ),
        (document_with(invocation_of(latency_ms=False)).encode(), "invocation 1: latency_ms must be a number from 0"),
        (document_with(invocation_of(start_ms=10**20)).encode(), "invocation 1: start_ms must be a number from 0 to "),
        (document_with(invocation_of(start_ms=-1)).encode(), "invocation 1: start_ms must be a number from 0 to "),
        (document_with(invocation_of(servers="all")).encode(), "invocation 1: servers must be a list of at most 200"),
        (
            document_with(invocation_of(servers=[{"application": "S"}])).encode(),
            f"log.json was not opened: invocation 1, server 1: instance must be {TEXT}.",
        ),
        (
            document_with(invocation_of(), invocation_of(servers=[server_of(), server_of(handler_ms="5")])).encode(),
            "invocation 2, server 2: handler_ms must be a number from 0 to 1,000,000,000, or null.",
        ),
        (document_with(invocation_of(reported_by_caller=1)).encode(), "reported_by_caller must be true or false."),
        (document_with(invocation_of(method=None)).encode(), f"invocation 1: method must be {TEXT}."),
        (document_with(invocation_of(args="x" * 201)).encode(), f"invocation 1: args must be {TEXT}."),
        (document_with(invocation_of(target=5)).encode(), "invocation 1: target must be text, or a list of instances"),
        (
            document_with(invocation_of(target=[{"instance": "x" * 190}])).encode(),
            "invocation 1: target must be text, or a list of instances of at most 200 characters as JSON, or null.",
        ),
        (document_with(invocation_of()).replace("40", "NaN").encode(), "it holds NaN, which is not a number"),
        (document_with(invocation_of()).replace("40", "Infinity").encode(), "it holds Infinity, which is not a num"),
        (document_with(invocation_of()).replace("40", "-Infinity").encode(), "it holds -Infinity, which is not a"),
        (document_with(invocation_of()).replace("40", "1e999").encode(), "latency_ms must be a number from 0 to "),
        (b"[" * 100_000, "nested too deeply"),
        (document_with(invocation_of()).replace('"now"', NESTED).encode(), f"exported_at must be {TEXT}."),
        (document_with(software={"dash": json.loads(NESTED)}).encode(), "software must be an object of at most 16"),
        (
            b" " * (ids.LOG_FILE_MAX_BYTES + 1),
            f"it is {ids.LOG_FILE_MAX_BYTES + 1:,} bytes; the Inspector opens log files of up to "
            f"{ids.LOG_FILE_MAX_BYTES:,}.",
        ),
    ],
)
def test_lgfl006_a_file_that_is_not_a_log_is_refused_in_words(data, message):
    file, problem = log_file.load(data, "log.json")
    assert file is None
    assert message in problem and problem.startswith("log.json was not opened: ")
    assert problem.count(".") <= problem.count("..") + 4 and len(problem) < 200  # one short sentence
    assert "<" not in problem and "xxxx" not in problem  # the file's content is not repeated


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
    with pytest.raises(ValueError):  # the log grid exports CSV itself
        log_file.export("csv", sample_rows(), NOW)
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
    rows = filled_in(log.merge_records(records))
    data = log_file.json_document(rows, NOW).encode()
    assert len(data) < 125_000, len(data)  # about 120 kB: a thirty-sixth of the worst case (lgfl015)
    file, problem = log_file.load(data, "full.json")
    assert problem is None and file["rows"] == rows


def test_lgfl013_a_files_name_is_one_line_clipped_like_every_python_clip():
    name = "bug\nreport " + "x" * 200 + ".json"
    _, problem = log_file.load(b"{nope", name)
    shown = problem.split(" was not opened")[0]
    assert shown == log.clip(" ".join(name.split()), ids.LOG_FILE_NAME_CHARS) and len(shown) == ids.LOG_FILE_NAME_CHARS
    assert shown.startswith("bug report xx") and shown.endswith("x…")


HOSTILE = ('<img src=x onerror="alert(1)">', '=HYPERLINK("http://x")', "+cmd|' /C calc'!A0", "@SUM(A1)", "-2")


def test_lgfl014_markup_and_formulas_in_every_field_stay_the_strings_given():
    """A file's texts reach the rows as given, strings among plain values: nothing makes markup of them (the
    grid shows them as text), and a Dash component's JSON in a target is only data, its children dropped."""
    texts = iter(HOSTILE * 10)
    server = {key: next(texts) for key in ("application", "instance", "outcome")} | {"ok": True, "handled": True}
    item = invocation_of(
        **{key: next(texts) for key in ("id", "method", "caller", "caller_instance", "args", "error")},
        target=[{"namespace": "dash_html_components", "type": "Script", "props": {"children": "alert(1)"}}],
        servers=[server],
    )
    file, problem = load_text(document_with(item, exported_at=HOSTILE[0]), HOSTILE[0])
    assert problem is None and (file["name"], file["exported_at"]) == (HOSTILE[0], HOSTILE[0])
    [row] = file["rows"]
    for key in ("id", "method", "caller", "caller_instance", "args", "error"):
        assert row[key] == item[key]
    assert row["servers"] == [server]
    assert row["target"] == [{"namespace": "dash_html_components", "type": "Script"}]  # plain values only

    def plain(value):
        if isinstance(value, dict):
            return all(isinstance(key, str) and plain(each) for key, each in value.items())
        if isinstance(value, list):
            return all(plain(each) for each in value)
        return value is None or isinstance(value, str | int | float | bool)

    assert plain(file)
    # Exported again, it is the same text.
    again, _ = load_text(log_file.json_document(file["rows"], NOW))
    assert again["rows"] == file["rows"]


def test_lgfl015_the_worst_case_a_full_window_exports_opens_and_reads_back_the_same():
    """ids.LOG_ROWS invocations, two servers each, every text at the seam's limit and mostly of characters
    JSON writes six bytes long: the largest file json_document writes. It opens (ids.LOG_FILE_MAX_BYTES), its
    upload fits a request the app takes (MAX_CONTENT_LENGTH), and so do the rows the page sends back."""
    data = worst_document().encode()
    assert 4_300_000 < len(data) <= ids.LOG_FILE_MAX_BYTES, len(data)  # 4,369,121 bytes
    assert ids.LOG_FILE_MAX_BYTES - len(data) < 200_000  # the limit is the worst case, not far above it
    file, problem = log_file.load(data, "worst.json")
    assert problem is None and file["rows"] == worst_rows() and file["count"] == ids.LOG_ROWS
    # Every text is at the limit: the clip wrote them whole.
    assert {len(server["outcome"]) for row in file["rows"] for server in row["servers"]} == {ids.LOG_TEXT_LIMIT}
    # The upload's callback request: base64 of the file in JSON, the file's name, the ids.
    request = json.dumps({"inputs": [{"value": upload_contents(data)}], "state": [{"value": "x" * 255 * 6}]})
    assert len(request.encode()) + 2_000 <= app.DEFAULTS["MAX_CONTENT_LENGTH"]
    assert app.DEFAULTS["MAX_CONTENT_LENGTH"] == app.MAX_REQUEST_BYTES
    # The opened file travels back in the log's callback requests (as JSON.stringify writes it).
    assert len(json.dumps(file, ensure_ascii=False).encode()) < app.DEFAULTS["MAX_CONTENT_LENGTH"]


def test_lgfl016_a_version_1_file_still_opens_without_handling_times():
    """tests/unit/interop-log-version-1.json is what the version 1 exporter wrote."""
    data = VERSION_1_FILE.read_bytes()
    assert json.loads(data)["version"] == 1
    file, problem = log_file.load(data, VERSION_1_FILE.name)
    assert problem is None and file["count"] == 3
    assert [row["id"] for row in file["rows"]] == ["only-s2", "failed", "ok"]
    ok = file["rows"][2]
    assert ok["servers"][0] == {
        "application": "Sum Server 1",
        "instance": "s1",
        "outcome": '{"sum":3}',
        "ok": True,
        "handled": True,
    }
    # handler_ms is a version 2 field: a version 1 file that has one does not say what version 2 means by it.
    item = invocation_of(servers=[server_of(handler_ms=7)])
    assert "handler_ms" not in load_text(document_with(item, version=1))[0]["rows"][0]["servers"][0]
    assert load_text(document_with(item, version=2))[0]["rows"][0]["servers"][0]["handler_ms"] == 7
    # A row read back is the row exported: handler_ms where the row had it, null included.
    rows = sample_rows()
    rows[0]["servers"][0]["handler_ms"] = None
    del rows[1]["servers"][0]["handler_ms"]
    assert load_text(log_file.json_document(rows, NOW))[0]["rows"] == rows


def test_lgfl017_nginx_lets_the_largest_request_through():
    """deploy/nginx.conf cannot import ids.py: its client_max_body_size is checked against app.py here."""
    [size] = re.findall(r"^\s*client_max_body_size\s+(\d+)([km]?);", NGINX_CONF.read_text(), re.MULTILINE)
    allowed = int(size[0]) * {"": 1, "k": 1024, "m": 1024 * 1024}[size[1]]
    assert allowed >= app.MAX_REQUEST_BYTES, (allowed, app.MAX_REQUEST_BYTES)
    assert allowed < 2 * app.MAX_REQUEST_BYTES  # and not far above it: the app refuses larger bodies anyway


def test_lgfl018_an_export_is_bounded_as_the_schema_bounds_a_file():
    """Ids and names are not clipped by the apps; an export clips them, and keeps the newest ids.LOG_ROWS rows,
    so what it writes opens again."""
    long = "é" * 300
    rows = filled_in(log.merge_records([invoked(f"{n}{long}", T0 + n, method=long) for n in range(250)]))
    rows[0]["target"] = [{"instance": str(n)} for n in range(60)]  # more than a text's worth of filters
    file, problem = load_text(log_file.json_document(rows, NOW, source=long, filters={"method": long}))
    assert problem is None and file["count"] == ids.LOG_ROWS
    newest = file["rows"][0]
    assert newest["id"] == log.clip(rows[0]["id"]) and newest["method"] == log.clip(long)
    assert newest["target"] == log.clip(json.dumps(rows[0]["target"], separators=(",", ":")))
    assert file["rows"][-1]["t"] == rows[ids.LOG_ROWS - 1]["t"]


def test_lgfl019_the_schema_states_each_field_once_in_words():
    """The refusals read the schema: each field's words come from its annotation."""
    words = {name: log_schema.kind(info.rebuild_annotation()) for name, info in log_schema.Server.model_fields.items()}
    assert words == {
        "application": TEXT,
        "instance": TEXT,
        "outcome": TEXT,
        "ok": "true or false",
        "handled": "true or false",
        "handler_ms": "a number from 0 to 1,000,000,000, or null",
    }
    assert (
        (log_file.FORMAT, log_file.VERSION)
        == (log_schema.FORMAT, log_schema.VERSION)
        == (
            "io-connect-dash-interop-log",
            2,
        )
    )
