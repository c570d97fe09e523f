"""The inspector's servers grid: its views, rows and columns, and what the ad-hoc form offers.

The input is the snapshot ``assets/inspector.js`` takes of ``glue.interop.servers()``:
``[{application, instance, windowId, methods: [{name, accepts, returns, description,
displayName, objectTypes, supportsStreaming, flags}]}]``.
"""

import json

SYSTEM_PREFIX = "T42."  # the platform's own methods, hidden unless asked for
NO_METHODS = "—"

# The three ways the grid shows the same snapshot. The Interop Viewer groups
# its table by dragging columns; row grouping is an AG Grid Enterprise feature,
# so here each grouping is a view of its own, with a row per group.
VIEW_METHODS = "methods"  # a row per method of each server instance, the Viewer's table
VIEW_BY_SERVER = "by-server"  # a row per server instance, with the methods it offers
VIEW_BY_METHOD = "by-method"  # a row per method name, with the servers that offer it
VIEWS = (
    (VIEW_METHODS, "Methods"),
    (VIEW_BY_SERVER, "By server"),
    (VIEW_BY_METHOD, "By method"),
)
# (key, title) of each view's columns, in the order the grid starts with.
COLUMNS = {
    VIEW_METHODS: (
        ("application", "Server"),
        ("instance", "Instance"),
        ("method", "Method"),
        ("accepts", "Accepts"),
        ("returns", "Returns"),
        ("object_types", "Object types"),
        ("streaming", "Streaming"),
        ("description", "Description"),
        ("flags", "Other"),
    ),
    VIEW_BY_SERVER: (
        ("application", "Server"),
        ("instance", "Instance"),
        ("window", "Window"),
        ("method_count", "Methods"),
        ("methods", "Method names"),
        ("streams", "Streams"),
    ),
    VIEW_BY_METHOD: (
        ("method", "Method"),
        ("accepts", "Accepts"),
        ("returns", "Returns"),
        ("streaming", "Streaming"),
        ("server_count", "Servers"),
        ("servers", "Server names"),
    ),
}
METHOD_DETAILS = ("accepts", "returns", "object_types", "streaming", "description", "flags")
SIGNATURE_COLUMNS = ("accepts", "returns")  # shown in a monospace font
NUMBER_COLUMNS = ("method_count", "server_count")


def _text(value):
    return value if isinstance(value, str) else ""


def is_system(name):
    return _text(name).startswith(SYSTEM_PREFIX)


def _servers(snapshot):
    return [s for s in snapshot or [] if isinstance(s, dict)]


def _methods(server):
    return [m for m in server.get("methods") or [] if isinstance(m, dict) and _text(m.get("name"))]


def _shown_methods(server, show_system):
    return [m for m in _methods(server) if show_system or not is_system(m.get("name"))]


def _application(server):
    return _text(server.get("application")) or "unknown app"


def object_types_text(method):
    return ", ".join(t for t in method.get("objectTypes") or [] if isinstance(t, str))


def flags_text(method):
    """What the other columns do not show: a display name unlike the name, and any flags, in a few words."""
    parts = []
    display = _text(method.get("displayName"))
    if display and display != method.get("name"):
        parts.append(f"display name: {display}")
    flags = method.get("flags")
    if isinstance(flags, dict) and flags:
        parts.append("flags: " + json.dumps(flags, sort_keys=True, ensure_ascii=False))
    return "; ".join(parts)


def method_rows(snapshot, show_system=False):
    """One row per method of each server instance (or one "—" row for an instance with none shown).

    Every cell is text: names, signatures and descriptions come from other apps.
    """
    rows = []
    for server in _servers(snapshot):
        base = {"application": _application(server), "instance": _text(server.get("instance"))}
        server_rows = [
            {
                **base,
                "method": _text(m.get("name")),
                "accepts": _text(m.get("accepts")),
                "returns": _text(m.get("returns")),
                "object_types": object_types_text(m),
                "streaming": "yes" if m.get("supportsStreaming") else "",
                "description": _text(m.get("description")),
                "flags": flags_text(m),
            }
            for m in _shown_methods(server, show_system)
        ] or [{**base, "method": NO_METHODS, **dict.fromkeys(METHOD_DETAILS, "")}]
        rows.extend(server_rows)
    return sorted(rows, key=lambda r: (r["application"].lower(), r["instance"], r["method"].lower()))


def server_rows(snapshot, show_system=False):
    """One row per server instance: how many methods it offers, their names, and which are streams."""
    rows = []
    for server in _servers(snapshot):
        methods = sorted(_shown_methods(server, show_system), key=lambda m: m["name"].lower())
        rows.append(
            {
                "application": _application(server),
                "instance": _text(server.get("instance")),
                "window": _text(server.get("windowId")),
                "method_count": len(methods),
                "methods": ", ".join(m["name"] for m in methods) or NO_METHODS,
                "streams": ", ".join(m["name"] for m in methods if m.get("supportsStreaming")),
            }
        )
    return sorted(rows, key=lambda r: (r["application"].lower(), r["instance"]))


def method_name_rows(snapshot, show_system=False):
    """One row per method name: its signature (as its first server registered it) and every server offering it."""
    by_name = {}
    for server in _servers(snapshot):
        for m in _shown_methods(server, show_system):
            entry = by_name.setdefault(m["name"], {"method": m, "servers": []})
            entry["servers"].append(f"{_application(server)} ({_text(server.get('instance'))})")
    rows = [
        {
            "method": name,
            "accepts": _text(entry["method"].get("accepts")),
            "returns": _text(entry["method"].get("returns")),
            "streaming": "yes" if entry["method"].get("supportsStreaming") else "",
            "server_count": len(entry["servers"]),
            "servers": ", ".join(sorted(entry["servers"], key=str.lower)),
        }
        for name, entry in by_name.items()
    ]
    return sorted(rows, key=lambda r: r["method"].lower())


ROWS = {VIEW_METHODS: method_rows, VIEW_BY_SERVER: server_rows, VIEW_BY_METHOD: method_name_rows}


def view_rows(snapshot, view, show_system=False):
    """The rows of ``view`` (the methods view for anything else), in the order the grid starts with."""
    return ROWS.get(view, method_rows)(snapshot, bool(show_system))


def column_defs(view):
    """AG Grid column definitions of ``view``: sortable, resizable, movable; signatures in monospace."""
    defs = []
    for key, title in COLUMNS.get(view, COLUMNS[VIEW_METHODS]):
        column = {"field": key, "headerName": title, "tooltipField": key}
        if key in SIGNATURE_COLUMNS:
            column["cellClass"] = "font-monospace"
        if key in NUMBER_COLUMNS:
            column["type"] = "numericColumn"
            column["tooltipField"] = None
        defs.append({k: v for k, v in column.items() if v is not None})
    return defs


def table_summary(snapshot, show_system=False):
    instances = len(_servers(snapshot))
    methods = sum(len(_shown_methods(s, show_system)) for s in _servers(snapshot))
    names = len(method_name_rows(snapshot, show_system))
    return (
        f"{instances} server instance{'s' if instances != 1 else ''} · "
        f"{methods} method{'s' if methods != 1 else ''} ({names} name{'s' if names != 1 else ''})"
    )


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
