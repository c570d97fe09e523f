"""The inspector's servers and methods table: its rows and filter, and what the ad-hoc form offers.

The input is the snapshot ``assets/inspector.js`` takes of ``glue.interop.servers()``:
``[{application, instance, windowId, methods: [{name, accepts, returns, description,
displayName, objectTypes, supportsStreaming, flags}]}]``.
"""

import json

SYSTEM_PREFIX = "T42."  # the platform's own methods, hidden unless asked for
COLUMNS = (
    ("application", "Application"),
    ("instance", "Instance"),
    ("window", "Window"),
    ("method", "Method"),
    ("accepts", "Accepts"),
    ("returns", "Returns"),
    ("description", "Description"),
    ("flags", "Flags"),
)
COLUMN_KEYS = tuple(key for key, _ in COLUMNS)
NO_METHODS = "—"


def _text(value):
    return value if isinstance(value, str) else ""


def is_system(name):
    return _text(name).startswith(SYSTEM_PREFIX)


def _servers(snapshot):
    return [s for s in snapshot or [] if isinstance(s, dict)]


def _methods(server):
    return [m for m in server.get("methods") or [] if isinstance(m, dict) and _text(m.get("name"))]


def flags_text(method):
    """Streaming, object types, display name and any flags, in a few words."""
    parts = []
    if method.get("supportsStreaming"):
        parts.append("streaming")
    types = [t for t in method.get("objectTypes") or [] if isinstance(t, str)]
    if types:
        parts.append("object types: " + ", ".join(types))
    display = _text(method.get("displayName"))
    if display and display != method.get("name"):
        parts.append(f"display name: {display}")
    flags = method.get("flags")
    if isinstance(flags, dict) and flags:
        parts.append("flags: " + json.dumps(flags, sort_keys=True, ensure_ascii=False))
    return "; ".join(parts)


def method_rows(snapshot, show_system=False, query=""):
    """One row per method of each server instance (or one "—" row for an instance with none shown)."""
    query = (query or "").strip().lower()
    rows = []
    for server in _servers(snapshot):
        base = {
            "application": _text(server.get("application")) or "unknown app",
            "instance": _text(server.get("instance")),
            "window": _text(server.get("windowId")),
        }
        methods = [m for m in _methods(server) if show_system or not is_system(m.get("name"))]
        server_rows = [
            {
                **base,
                "method": _text(m.get("name")),
                "accepts": _text(m.get("accepts")),
                "returns": _text(m.get("returns")),
                "description": _text(m.get("description")),
                "flags": flags_text(m),
            }
            for m in methods
        ] or [{**base, "method": NO_METHODS, "accepts": "", "returns": "", "description": "", "flags": ""}]
        rows.extend(server_rows)
    if query:
        rows = [row for row in rows if any(query in row[key].lower() for key in COLUMN_KEYS)]
    return rows


def in_order(rows):
    """Rows by application, instance and method: the order the table starts in (it sorts natively after)."""
    return sorted(rows, key=lambda r: (r["application"].lower(), r["instance"], r["method"].lower()))


def table_summary(snapshot, rows):
    instances = len(_servers(snapshot))
    methods = sum(1 for row in rows if row["method"] != NO_METHODS)
    return f"{instances} server instance{'s' if instances != 1 else ''} · {methods} methods shown"


def method_names(snapshot, show_system=False):
    """Every method name some server offers, sorted, for the ad-hoc picker."""
    names = {
        _text(m.get("name"))
        for server in _servers(snapshot)
        for m in _methods(server)
        if show_system or not is_system(m.get("name"))
    }
    return sorted(names, key=str.lower)


def find_method(snapshot, name):
    """The definition of ``name`` as the first server offering it registered it (or None)."""
    for server in _servers(snapshot):
        for method in _methods(server):
            if method.get("name") == name:
                return method
    return None


def instances_offering(snapshot, name):
    """``[(label, instance id)]`` of the instances that offer ``name``, for picking specific targets."""
    found = []
    for server in _servers(snapshot):
        if any(m.get("name") == name for m in _methods(server)):
            application = _text(server.get("application")) or "unknown app"
            instance = _text(server.get("instance"))
            found.append((f"{application} ({instance})", instance))
    return sorted(found, key=lambda pair: pair[0].lower())


def instance_names(snapshot):
    """``{instance id: application name}`` for every known instance."""
    return {_text(s.get("instance")): _text(s.get("application")) for s in _servers(snapshot)}
