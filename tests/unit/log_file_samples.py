"""Log rows and files for the tests of interop.log_file: the worst case a full window can export, and a file
as version 1 wrote it."""

import base64
from datetime import UTC, datetime
from pathlib import Path

import ids

NOW = datetime(2026, 5, 4, 12, 0, 1, 234_000, tzinfo=UTC)
VERSION_1_FILE = Path(__file__).parent / "interop-log-version-1.json"  # written by the version 1 exporter
# Characters JSON writes longest: a control character without a short escape is \u00XX, six bytes.
CONTROLS = "".join(chr(c) for c in range(0x20) if chr(c) not in "\b\t\n\f\r")
# Each text starts with one of every other kind: escaped in two bytes, non-ASCII, an emoji (four bytes,
# two characters to JavaScript), a line separator, markup and a formula.
OTHERS = '"\\\n\té€😀\u2028<b>=1+1'
LATEST_MS = 253_402_300_799_999
LONG_FLOAT = 1.2345678901234567e-05  # a float whose JSON is as long as any in range


def worst_text(tag):
    """``ids.LOG_TEXT_LIMIT`` characters: ``tag`` keeps texts distinct, every kind of character, then the
    ones JSON writes longest."""
    head = f"{tag}{OTHERS}"
    return (head + CONTROLS * (ids.LOG_TEXT_LIMIT // len(CONTROLS) + 1))[: ids.LOG_TEXT_LIMIT]


def worst_rows():
    """A full window as the log grid holds it: ``ids.LOG_ROWS`` invocations, two servers each, every text at
    the seam's limit and distinct (so the header's list of apps is as long as it gets), every number as
    long as its JSON gets."""
    rows = []
    for n in range(ids.LOG_ROWS):
        servers = [
            {
                "application": worst_text(f"{n}a{s}"),
                "instance": worst_text(f"{n}i{s}"),
                "outcome": worst_text(f"{n}o{s}"),
                "ok": False,
                "handled": True,
                "handler_ms": LONG_FLOAT,
            }
            for s in (1, 2)
        ]
        rows.append(
            {
                "id": worst_text(f"{n}id"),
                "t": LATEST_MS - n,
                "method": worst_text(f"{n}m"),
                "caller": worst_text(f"{n}c"),
                "caller_instance": worst_text(f"{n}ci"),
                "target": worst_text(f"{n}t"),
                "args": worst_text(f"{n}args"),
                "latency_ms": LONG_FLOAT,
                "error": worst_text(f"{n}e"),
                "servers": servers,
                "reported_by_caller": True,
            }
        )
    return rows


def worst_document():
    """The worst case exported: every row above, a source and a filter at the limit too."""
    from interop import log_file

    filters = {key: worst_text(key) for key in ("method", "app", "outcome")}
    return log_file.json_document(worst_rows(), NOW, source=worst_text("source"), filters=filters)


def upload_contents(data):
    """A file's bytes as ``dcc.Upload`` hands them to its callback."""
    return "data:application/json;base64," + base64.b64encode(data).decode()


def filled_in(rows):
    """Rows as the log grid's merge_records makes them: each server with its ``handler_ms`` (a number once its
    handled record is in)."""
    for row in rows:
        for server in row["servers"]:
            if server.get("handler_ms") is None:  # the samples' handled records carry no time of their own
                server["handler_ms"] = 12.5 if server["handled"] else None
    return rows
