"""interop.servers: the rows of the inspector's servers table, and what the ad-hoc form offers."""

from interop import servers


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
    rows = servers.method_rows(SNAPSHOT)
    assert [(r["application"], r["method"]) for r in rows] == [
        ("Sum Server 1", "Sum"),
        ("Sum Server 1", "SendMessage"),
        ("Caller", servers.NO_METHODS),  # still listed: every instance is
        ("Calc", "Multiply"),
    ]
    shown = servers.method_rows(SNAPSHOT, show_system=True)
    assert ("Caller", "T42.Web.Client.Control") in [(r["application"], r["method"]) for r in shown]


def test_srvt002_signatures_description_and_flags():
    [row] = [r for r in servers.method_rows(SNAPSHOT) if r["method"] == "Multiply"]
    assert (row["accepts"], row["returns"], row["description"]) == ("Int a, Int b", "Int product", "a × b")
    assert row["flags"] == 'streaming; object types: Number; flags: {"beta": true}'
    assert [r["window"] for r in servers.method_rows(SNAPSHOT) if r["application"] == "Caller"] == ["w-1"]


def test_srvt003_filter_by_any_text():
    assert [r["method"] for r in servers.method_rows(SNAPSHOT, query="  PRODUCT ")] == ["Multiply"]
    assert [r["application"] for r in servers.method_rows(SNAPSHOT, query="w-1")] == ["Caller"]
    assert servers.method_rows(SNAPSHOT, query="nothing like it") == []


def test_srvt004_rows_start_in_application_instance_method_order():
    rows = servers.in_order(reversed(servers.method_rows(SNAPSHOT)))
    assert [(r["application"], r["method"]) for r in rows] == [
        ("Calc", "Multiply"),
        ("Caller", "—"),
        ("Sum Server 1", "SendMessage"),
        ("Sum Server 1", "Sum"),
    ]


def test_srvt005_what_the_ad_hoc_form_offers():
    assert servers.method_names(SNAPSHOT) == ["Multiply", "SendMessage", "Sum"]
    assert "T42.Web.Client.Control" in servers.method_names(SNAPSHOT, show_system=True)
    assert servers.instances_offering(SNAPSHOT, "Sum") == [("Sum Server 1 (s1)", "s1")]
    assert servers.find_method(SNAPSHOT, "Multiply")["accepts"] == "Int a, Int b"
    assert servers.find_method(SNAPSHOT, "Nope") is None
    assert servers.table_summary(SNAPSHOT, servers.method_rows(SNAPSHOT)) == "3 server instances · 3 methods shown"


def test_srvt006_malformed_snapshots_are_ignored():
    assert servers.method_rows([None, {"methods": [None, {"name": 5}]}]) == [
        {
            "application": "unknown app",
            "instance": "",
            "window": "",
            "method": servers.NO_METHODS,
            "accepts": "",
            "returns": "",
            "description": "",
            "flags": "",
        }
    ]
    assert servers.method_names(None) == []
