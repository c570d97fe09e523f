"""The invocation log as a JSON file, to attach to a bug report, and a JSON log read back.

Pure functions, no Dash: the Inspector's callbacks only call them
(``callbacks/inspector_log.py``). The rows are those of
:func:`interop.log.merge_records`. Everything in them but the times came from
other apps, so a file read back is checked against the format's schema
(``interop/log_schema.py``) before a single row of it is shown, and it is shown
as text, like the live log. (CSV is the log grid's own export.)

The JSON document::

    {"format": "io-connect-dash-interop-log", "version": 2,
     "exported_at": "2026-05-04T12:00:01.234Z", "exported_at_ms": ...,
     "software": {"ioconnect-dash-interop": "0.1.0", "dash": ..., "dash_glue42": ..., ...},
     "source": "live bus" or the file it was read from, "filter": {...}, "apps": [...],
     "count": 2, "invocations": [{...}, {...}]}

The invocations are one compact line each, so a reader (or a diff) finds one
invocation per line. An export is bounded as the schema bounds a file (the newest
``ids.LOG_ROWS`` rows, texts clipped to ``ids.LOG_TEXT_LIMIT``), so a file exported
here opens again; the largest such file sets ``ids.LOG_FILE_MAX_BYTES``.
"""

import base64
import binascii
import importlib.metadata
import json
import tomllib
from datetime import UTC, datetime
from pathlib import Path

import ids
from interop.log import clip
from interop.log_schema import FORMAT, VERSION, VERSION_FIELDS, clean_target, validate

PROJECT = "ioconnect-dash-interop"
LIBRARIES = ("dash", "dash_glue42", "dash-bootstrap-components")


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


# --- export --------------------------------------------------------------------


def bounded_target(target):
    """The target as the schema bounds it: a list of filters whose JSON is longer than a text is written as
    that JSON, clipped (the log shows a target as text anyway)."""
    target = clean_target(target)
    if isinstance(target, list):
        text = json.dumps(target, ensure_ascii=False, separators=(",", ":"))
        return target if len(text) <= ids.LOG_TEXT_LIMIT else clip(text)
    return None if target is None else clip(target)


def text_or_none(value):
    return None if value is None else clip(value)


def exported_server(server):
    entry = {key: clip(server[key]) for key in ("application", "instance", "outcome")}
    entry.update(ok=server["ok"], handled=server["handled"])
    if "handler_ms" in server:  # version 2: the server's own handling time
        entry["handler_ms"] = server["handler_ms"]
    return entry


def invocation(row):
    """One invocation of the JSON document, its texts clipped as the schema bounds them (the apps' records
    clip args, outcomes and errors already; ids and names are short, but come from other apps)."""
    return {
        "id": clip(row["id"]),
        "method": clip(row["method"]),
        "caller": clip(row["caller"]),
        "caller_instance": clip(row["caller_instance"]),
        "target": bounded_target(row["target"]),
        "args": clip(row["args"]),
        "start_ms": row["t"],
        "start_iso": iso(row["t"]),
        "latency_ms": row["latency_ms"],
        "error": text_or_none(row["error"]),
        "reported_by_caller": row["reported_by_caller"],
        "servers": [exported_server(server) for server in row["servers"][: ids.LOG_ROWS]],
    }


def apps_seen(rows):
    """Every app instance the rows name, as a caller or a server."""
    seen = set()
    for row in rows:
        seen.add((row["caller"], row["caller_instance"]))
        seen.update((server["application"], server["instance"]) for server in row["servers"])
    return [{"application": clip(app), "instance": clip(instance)} for app, instance in sorted(seen)]


def json_document(rows, now, source="live bus", filters=None):
    """The JSON log of the newest ``ids.LOG_ROWS`` of ``rows`` (newest first, as the log shows them), exported
    at ``now`` (an aware datetime)."""
    rows = list(rows)[: ids.LOG_ROWS]
    header = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": iso(now.timestamp() * 1000),
        "exported_at_ms": round(now.timestamp() * 1000),
        "software": software_versions(),
        "source": clip(source),
        "filter": {key: clip(value) for key, value in (filters or {}).items()},
        "apps": apps_seen(rows)[: 3 * ids.LOG_ROWS],
        "count": len(rows),
    }
    text = json.dumps(header, indent=2, ensure_ascii=False)
    lines = [json.dumps(invocation(row), ensure_ascii=False, separators=(",", ":")) for row in rows]
    body = ",\n    ".join(lines)
    invocations = f'"invocations": [\n    {body}\n  ]' if lines else '"invocations": []'
    return text[:-2] + f",\n  {invocations}\n}}\n"


def export(kind, rows, now, source="live bus", filters=None):
    """``(text, file name, media type)`` of the JSON export of ``rows`` (``kind`` is ``"json"``: the log grid
    exports CSV itself)."""
    if kind != "json":
        raise ValueError(f"this module exports JSON, not {kind!r}")
    return json_document(rows, now, source, filters), file_name(now, "json"), "application/json"


# --- reading a JSON log back ---------------------------------------------------


class Refused(ValueError):
    """Why a file is not an interop log this Inspector can show, in words for its user."""


def _refuse_constant(name):
    raise Refused(f"it holds {name}, which is not a number JSON allows")


def server_from_entry(server, version):
    """A row's server from a checked entry: ``handler_ms`` only where the file gives it (version 2 on), so a
    row read back is the row exported, and a version 1 file's rows have none."""
    row_server = server.model_dump(include={"application", "instance", "outcome", "ok", "handled"})
    if version >= VERSION_FIELDS["handler_ms"] and "handler_ms" in server.model_fields_set:
        row_server["handler_ms"] = server.handler_ms
    return row_server


def row_from_invocation(item, version):
    """A log row from a checked invocation (:class:`interop.log_schema.Invocation`) of a file of ``version``."""
    return {
        "id": item.id,
        "t": item.start_ms,
        "method": item.method,
        "caller": item.caller,
        "caller_instance": item.caller_instance,
        "target": item.target,
        "args": item.args,
        "latency_ms": item.latency_ms,
        "error": item.error,
        "servers": [server_from_entry(server, version) for server in item.servers],
        "reported_by_caller": item.reported_by_caller,
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
        raise Refused(f"it is a version {version} log, from a newer Inspector; this one reads up to version {VERSION}")
    try:
        checked = validate(document)
    except ValueError as error:
        raise Refused(str(error)) from None
    return [row_from_invocation(item, version) for item in checked.invocations], checked.exported_at


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
