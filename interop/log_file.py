"""The invocation log as a file: JSON to attach to a bug report, CSV for a spreadsheet, and a JSON log read back.

Pure functions, no Dash: the Inspector's callbacks only call them
(``callbacks/inspector_log.py``). The rows are those of
:func:`interop.log.merge_records`. Everything in them but the times came from
other apps, so a file read back is checked field by field before a single
row of it is shown, and it is shown as text, like the live log.

The JSON document::

    {"format": "io-connect-dash-interop-log", "version": 1,
     "exported_at": "2026-05-04T12:00:01.234Z", "exported_at_ms": ...,
     "software": {"ioconnect-dash-interop": "0.1.0", "dash": ..., "dash_glue42": ..., ...},
     "source": "live bus" or the file it was read from, "filter": {...}, "apps": [...],
     "count": 2, "invocations": [{...}, {...}]}

The invocations are one compact line each: a window of 200 rows then stays
well under what the Inspector can open again (``ids.LOG_FILE_MAX_BYTES``), and a
reader still finds one invocation per line.
"""

import base64
import binascii
import csv
import importlib.metadata
import io
import json
import math
import tomllib
from datetime import UTC, datetime
from pathlib import Path

import ids
from interop.log import clip

FORMAT = "io-connect-dash-interop-log"
VERSION = 1
PROJECT = "ioconnect-dash-interop"
LIBRARIES = ("dash", "dash_glue42", "dash-bootstrap-components")
LATEST_MS = 253_402_300_799_999  # 9999-12-31T23:59:59.999Z: later times cannot be shown as a date
CSV_COLUMNS = (
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
    "error",
    "id",
)
# A spreadsheet runs a cell that starts with one of these as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def iso(t_ms):
    """``2026-05-04T12:00:01.234Z`` from milliseconds since the epoch."""
    moment = datetime.fromtimestamp(t_ms / 1000, UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def file_name(now, extension):
    """``interop-log-20260504-120001.json``: the export's time in UTC, so names sort by time."""
    return f"interop-log-{now.astimezone(UTC):%Y%m%d-%H%M%S}.{extension}"


def software_versions():
    """This project's version and those of the libraries a log's behaviour depends on."""
    versions = {}
    for name in (PROJECT, *LIBRARIES):
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = None
    if versions[PROJECT] is None:  # run from a checkout that was never installed
        pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
        versions[PROJECT] = tomllib.loads(pyproject.read_text())["project"]["version"]
    return versions


def clean_target(target):
    """A target as text (``best``, ``all``, …) or a list of instance filters of plain values; anything else
    an app sent is dropped, so what the log shows of it is always text."""
    if target is None or isinstance(target, str):
        return target
    items = target if isinstance(target, list) else [target]
    return [
        {key: value for key, value in item.items() if isinstance(value, str | int | float | bool) or value is None}
        for item in items
        if isinstance(item, dict)
    ]


# --- export --------------------------------------------------------------------


def invocation(row):
    """One invocation of the JSON document."""
    return {
        "id": row["id"],
        "method": row["method"],
        "caller": row["caller"],
        "caller_instance": row["caller_instance"],
        "target": clean_target(row["target"]),
        "args": row["args"],
        "start_ms": row["t"],
        "start_iso": iso(row["t"]),
        "latency_ms": row["latency_ms"],
        "error": row["error"],
        "reported_by_caller": row["reported_by_caller"],
        "servers": [
            {key: server[key] for key in ("application", "instance", "outcome", "ok", "handled")}
            for server in row["servers"]
        ],
    }


def apps_seen(rows):
    """Every app instance the rows name, as a caller or a server."""
    seen = set()
    for row in rows:
        seen.add((row["caller"], row["caller_instance"]))
        seen.update((server["application"], server["instance"]) for server in row["servers"])
    return [{"application": app, "instance": instance} for app, instance in sorted(seen)]


def json_document(rows, now, source="live bus", filters=None):
    """The JSON log of ``rows`` (newest first, as the log shows them), exported at ``now`` (an aware datetime)."""
    header = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": iso(now.timestamp() * 1000),
        "exported_at_ms": round(now.timestamp() * 1000),
        "software": software_versions(),
        "source": source,
        "filter": filters or {},
        "apps": apps_seen(rows),
        "count": len(rows),
    }
    text = json.dumps(header, indent=2, ensure_ascii=False)
    lines = [json.dumps(invocation(row), ensure_ascii=False, separators=(",", ":")) for row in rows]
    body = ",\n    ".join(lines)
    invocations = f'"invocations": [\n    {body}\n  ]' if lines else '"invocations": []'
    return text[:-2] + f",\n  {invocations}\n}}\n"


def safe_cell(value):
    """A text cell a spreadsheet shows as text: an apostrophe before a leading ``= + - @``, tab or CR."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def target_text(target):
    target = clean_target(target)
    if target is None or isinstance(target, str):
        return target or ""
    return json.dumps(target, ensure_ascii=False, separators=(",", ":"))


def csv_lines(row):
    """One line per server of the invocation; an invocation no server answered gets one line of its own."""
    latency = "" if row["latency_ms"] is None else row["latency_ms"]
    common = {
        "time_iso": iso(row["t"]),
        "method": safe_cell(row["method"]),
        "caller": safe_cell(row["caller"]),
        "caller_instance": safe_cell(row["caller_instance"]),
        "target": safe_cell(target_text(row["target"])),
        "args": safe_cell(row["args"]),
        "latency_ms": latency,
        "error": safe_cell(row["error"]),
        "id": safe_cell(row["id"]),
    }
    servers = row["servers"] or [None]
    for server in servers:
        each = {"server": "", "server_instance": "", "outcome": "", "ok": "", "handled": ""}
        if server is not None:
            each = {
                "server": safe_cell(server["application"]),
                "server_instance": safe_cell(server["instance"]),
                "outcome": safe_cell(server["outcome"]),
                "ok": "true" if server["ok"] else "false",
                "handled": "true" if server["handled"] else "false",
            }
        yield [{**common, **each}[column] for column in CSV_COLUMNS]


def csv_document(rows):
    """The CSV log of ``rows``: a header, then a line per (invocation, server)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerows(csv_lines(row))
    return buffer.getvalue()


def export(kind, rows, now, source="live bus", filters=None):
    """``(text, file name, media type)`` of the ``json`` or ``csv`` export of ``rows``."""
    if kind == "csv":
        return csv_document(rows), file_name(now, "csv"), "text/csv"
    return json_document(rows, now, source, filters), file_name(now, "json"), "application/json"


# --- reading a JSON log back ---------------------------------------------------


class Refused(ValueError):
    """Why a file is not an interop log this Inspector can show, in words for its user."""


def _refuse_constant(name):
    raise Refused(f"it holds {name}, which is not a number JSON allows")


def _number(value, where, low=0, high=LATEST_MS, optional=False):
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise Refused(f"{where} must be a number" + (" or null" if optional else ""))
    if not low <= value <= high:
        raise Refused(f"{where} must be between {low} and {high}")
    return value


def _string(value, where, optional=False):
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise Refused(f"{where} must be text" + (" or null" if optional else ""))
    return value


def _flag(value, where):
    if not isinstance(value, bool):
        raise Refused(f"{where} must be true or false")
    return value


def _server(server, where):
    if not isinstance(server, dict):
        raise Refused(f"{where} must be an object")
    return {
        "application": _string(server.get("application"), f"{where}: application"),
        "instance": _string(server.get("instance"), f"{where}: instance"),
        "outcome": _string(server.get("outcome"), f"{where}: outcome"),
        "ok": _flag(server.get("ok"), f"{where}: ok"),
        "handled": _flag(server.get("handled"), f"{where}: handled"),
    }


def row_from_invocation(item, number):
    """A log row from invocation ``number`` (1-based) of a file, or :class:`Refused` saying what is wrong."""
    where = f"invocation {number}"
    if not isinstance(item, dict):
        raise Refused(f"{where} must be an object")
    servers = item.get("servers")
    if not isinstance(servers, list):
        raise Refused(f"{where}: servers must be a list")
    target = item.get("target")
    if target is not None and not isinstance(target, str | list | dict):
        raise Refused(f"{where}: target must be text, a list of instances or null")
    return {
        "id": _string(item.get("id"), f"{where}: id"),
        "t": _number(item.get("start_ms"), f"{where}: start_ms"),
        "method": _string(item.get("method"), f"{where}: method"),
        "caller": _string(item.get("caller"), f"{where}: caller"),
        "caller_instance": _string(item.get("caller_instance"), f"{where}: caller_instance"),
        "target": clean_target(target),
        "args": _string(item.get("args"), f"{where}: args"),
        "latency_ms": _number(item.get("latency_ms"), f"{where}: latency_ms", high=10**9, optional=True),
        "error": _string(item.get("error"), f"{where}: error", optional=True),
        "servers": [_server(server, f"{where}, server {n}") for n, server in enumerate(servers, 1)],
        "reported_by_caller": _flag(item.get("reported_by_caller"), f"{where}: reported_by_caller"),
    }


def parse_document(text):
    """The rows and header of a JSON log's text, or :class:`Refused`."""
    try:
        document = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise Refused(f"it is not JSON (line {error.lineno}, column {error.colno}: {error.msg})") from None
    except RecursionError:
        raise Refused("it is not JSON this Inspector can read (nested too deeply)") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise Refused('it is not an interop log exported by the Inspector (no "format": "' + FORMAT + '")')
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise Refused("its version must be a whole number from 1")
    if version > VERSION:
        raise Refused(f"it is a version {version} log, from a newer Inspector; this one reads version {VERSION}")
    invocations = document.get("invocations")
    if not isinstance(invocations, list):
        raise Refused("its invocations must be a list")
    exported_at = _string(document.get("exported_at"), "exported_at")
    rows = [row_from_invocation(item, number) for number, item in enumerate(invocations, 1)]
    return rows, exported_at


def load(data, name):
    """``(file, problem)``: the opened file (its rows, name, export time and count) and ``None``, or ``None``
    and why it was not opened. ``data`` is the file's bytes."""
    name = one_line(name or "the file")
    try:
        if len(data) > ids.LOG_FILE_MAX_BYTES:
            limit = ids.LOG_FILE_MAX_BYTES
            raise Refused(f"it is {len(data):,} bytes; the Inspector opens log files of up to {limit:,}")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise Refused("it is not text (UTF-8)") from None
        rows, exported_at = parse_document(text)
    except Refused as refused:
        return None, f"{name} was not opened: {refused}."
    rows.sort(key=lambda row: row["t"], reverse=True)
    return {"name": name, "exported_at": one_line(exported_at), "count": len(rows), "rows": rows}, None


def from_upload(contents, name):
    """:func:`load` for a ``dcc.Upload``'s ``contents``: the file as a ``data:…;base64,`` URL."""
    header, _, payload = (contents or "").partition(",")
    try:
        if not header.startswith("data:") or not header.endswith(";base64"):
            raise ValueError
        data = base64.b64decode(payload, validate=True)
    except (ValueError, binascii.Error):
        return None, f"{one_line(name or 'the file')} was not opened: it could not be read."
    return load(data, name)


def one_line(text):
    """A file's name or export time, as the banner shows it: one line (a name comes from the user's disk), clipped."""
    return clip(" ".join(str(text).split()), ids.LOG_FILE_NAME_CHARS)
