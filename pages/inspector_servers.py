"""The Inspector's servers grid: its views, the rows and AG Grid columns of each, and the summary above it.

The facts come from ``interop.servers`` (the servers store's snapshot); this module words them for the grid.
Every cell is text: names, signatures and descriptions come from other apps (AG Grid shows values as text).
"""

import json

from interop.servers import counts, servers_of, shown_methods
from pages.app_names import app_name
from pages.inspector_text import instance_label

NO_METHODS = "—"  # the method cell of an instance that offers none (shown)

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
    """One row per method of each server instance (or one "—" row for an instance with none shown)."""
    rows = []
    for server in servers_of(snapshot):
        base = {"application": app_name(server), "instance": _text(server.get("instance"))}
        server_rows = [
            {
                **base,
                "method": m["name"],
                "accepts": _text(m.get("accepts")),
                "returns": _text(m.get("returns")),
                "object_types": object_types_text(m),
                "streaming": "yes" if m.get("supportsStreaming") else "",
                "description": _text(m.get("description")),
                "flags": flags_text(m),
            }
            for m in shown_methods(server, show_system)
        ] or [{**base, "method": NO_METHODS, **dict.fromkeys(METHOD_DETAILS, "")}]
        rows.extend(server_rows)
    return sorted(rows, key=lambda r: (r["application"].lower(), r["instance"], r["method"].lower()))


def server_rows(snapshot, show_system=False):
    """One row per server instance: how many methods it offers, their names, and which are streams."""
    rows = []
    for server in servers_of(snapshot):
        methods = sorted(shown_methods(server, show_system), key=lambda m: m["name"].lower())
        rows.append(
            {
                "application": app_name(server),
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
    for server in servers_of(snapshot):
        for m in shown_methods(server, show_system):
            entry = by_name.setdefault(m["name"], {"method": m, "servers": []})
            entry["servers"].append(instance_label(server))
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
    """``3 server instances · 3 methods (3 names)``."""
    instances, methods, names = counts(snapshot, show_system)
    return (
        f"{instances} server instance{'s' if instances != 1 else ''} · "
        f"{methods} method{'s' if methods != 1 else ''} ({names} name{'s' if names != 1 else ''})"
    )


def instance_options(servers):
    """A checklist's options for ``interop.servers.instances_offering``: each instance by its label."""
    options = [{"label": instance_label(server), "value": server["instance"]} for server in servers]
    return sorted(options, key=lambda option: option["label"].lower())
