"""interop.servers (what the servers store says) and pages.inspector_servers (the grid that shows it)."""

from interop import servers
from pages import inspector_servers as grid


def method(name, **extra):
    return {"name": name, "accepts": None, "returns": None, "description": None, "objectTypes": [], **extra}


SNAPSHOT = [
    {
        "application": "Sum Server 1",
        "instance": "s1",
        "windowId": None,
        "methods": [method("T42.Web.Client.Control"), method("Sum"), method("SendMessage")],
    },
    {
        "application": "Caller",
        "instance": "c1",
        "windowId": "w-1",
        "methods": [method("T42.Web.Client.Control")],
    },
    {
        "application": "Calc",
        "instance": "x1",
        "windowId": None,
        "methods": [
            method(
                "Multiply",
                accepts="Int a, Int b",
                returns="Int product",
                description="a × b",
                supportsStreaming=True,
                objectTypes=["Number"],
                flags={"beta": True},
            )
        ],
    },
]


def test_srvt001_one_row_per_method_system_methods_hidden():
    rows = grid.method_rows(SNAPSHOT)
    assert [(r["application"], r["method"]) for r in rows] == [
        ("Calc", "Multiply"),
        ("Caller", grid.NO_METHODS),  # still listed: every instance is
        ("Sum Server 1", "SendMessage"),
        ("Sum Server 1", "Sum"),
    ]
    shown = grid.method_rows(SNAPSHOT, show_system=True)
    assert ("Caller", "T42.Web.Client.Control") in [(r["application"], r["method"]) for r in shown]


def test_srvt002_the_viewer_columns_signatures_object_types_streaming_and_the_rest():
    [row] = [r for r in grid.method_rows(SNAPSHOT) if r["method"] == "Multiply"]
    assert (row["accepts"], row["returns"], row["description"]) == ("Int a, Int b", "Int product", "a × b")
    assert (row["object_types"], row["streaming"], row["flags"]) == ("Number", "yes", 'flags: {"beta": true}')
    assert [r["streaming"] for r in grid.method_rows(SNAPSHOT) if r["method"] == "Sum"] == [""]
    # Every row has every column of its view, as text.
    for view, _ in grid.VIEWS:
        keys = {key for key, _ in grid.COLUMNS[view]}
        for r in grid.view_rows(SNAPSHOT, view, show_system=True):
            assert set(r) == keys
            assert all(isinstance(v, str) for k, v in r.items() if k not in grid.NUMBER_COLUMNS)


def test_srvt003_by_server_and_by_method_views():
    by_server = grid.view_rows(SNAPSHOT, grid.VIEW_BY_SERVER)
    assert [(r["application"], r["method_count"], r["methods"], r["streams"]) for r in by_server] == [
        ("Calc", 1, "Multiply", "Multiply"),
        ("Caller", 0, grid.NO_METHODS, ""),
        ("Sum Server 1", 2, "SendMessage, Sum", ""),
    ]
    assert [r["window"] for r in by_server] == ["", "w-1", ""]
    two_servers = [*SNAPSHOT, {"application": "Sum Server 2", "instance": "s2", "methods": [method("Sum")]}]
    by_method = grid.view_rows(two_servers, grid.VIEW_BY_METHOD)
    assert [(r["method"], r["server_count"], r["servers"]) for r in by_method] == [
        ("Multiply", 1, "Calc (x1)"),
        ("SendMessage", 1, "Sum Server 1 (s1)"),
        ("Sum", 2, "Sum Server 1 (s1), Sum Server 2 (s2)"),
    ]
    assert grid.view_rows(SNAPSHOT, "no such view") == grid.method_rows(SNAPSHOT)


def test_srvt004_column_definitions_per_view():
    defs = grid.column_defs(grid.VIEW_METHODS)
    assert [d["headerName"] for d in defs] == [
        "Server", "Instance", "Method", "Accepts", "Returns", "Object types", "Streaming", "Description", "Other"
    ]  # fmt: skip
    assert [d["field"] for d in defs if d.get("cellClass") == "font-monospace"] == ["accepts", "returns"]
    assert [d["field"] for d in grid.column_defs(grid.VIEW_BY_METHOD)][:1] == ["method"]
    assert [d["type"] for d in grid.column_defs(grid.VIEW_BY_SERVER) if "type" in d] == ["numericColumn"]


def test_srvt005_what_the_ad_hoc_form_offers():
    assert servers.method_names(SNAPSHOT) == ["Multiply", "SendMessage", "Sum"]
    assert "T42.Web.Client.Control" in servers.method_names(SNAPSHOT, show_system=True)
    assert servers.instances_offering(SNAPSHOT, "Sum") == [{"application": "Sum Server 1", "instance": "s1"}]
    assert grid.instance_options(servers.instances_offering(SNAPSHOT, "Sum")) == [
        {"label": "Sum Server 1 (s1)", "value": "s1"}
    ]
    assert servers.counts(SNAPSHOT) == (3, 3, 3) and servers.counts(SNAPSHOT, show_system=True) == (3, 5, 4)
    assert servers.find_method(SNAPSHOT, "Multiply")["accepts"] == "Int a, Int b"
    assert servers.find_method(SNAPSHOT, "Nope") is None
    assert grid.table_summary(SNAPSHOT) == "3 server instances · 3 methods (3 names)"
    assert grid.table_summary(SNAPSHOT, show_system=True) == "3 server instances · 5 methods (4 names)"


def test_srvt006_malformed_snapshots_are_ignored():
    assert grid.method_rows([None, {"methods": [None, {"name": 5}]}]) == [
        {
            "application": "unknown app",
            "instance": "",
            "method": grid.NO_METHODS,
            "accepts": "",
            "returns": "",
            "object_types": "",
            "streaming": "",
            "description": "",
            "flags": "",
        }
    ]
    assert grid.view_rows([{"methods": "nope"}], grid.VIEW_BY_METHOD) == []
    assert servers.method_names(None) == []
