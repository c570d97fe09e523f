"""Ad-hoc invocation: JSON arguments, templates from `accepts`, targets, timeouts, history entries."""

import json

import pytest

import ids
from interop import adhoc, options
from tests.unit.samples import ENTRY


@pytest.mark.parametrize(
    "text, expected",
    [('{"a": 1, "b": "x"}', {"a": 1, "b": "x"}), ("", {}), ("  \n", {}), ('{"nested": {"list": [1, null]}}', None)],
)
def test_adhc001_valid_json_objects_are_accepted(text, expected):
    value, problem = adhoc.parse_arguments(text)
    assert problem is None
    assert value == (expected if expected is not None else json.loads(text))


@pytest.mark.parametrize(
    "text, message",
    [
        ('{"a": 1,', "Invalid JSON at line 1, column 9: Expecting property name enclosed in double quotes."),
        ("{'a': 1}", "Invalid JSON at line 1, column 2"),
        ('{"a": 1}\n}', "Invalid JSON at line 2, column 1: Extra data."),
        ('{"a": NaN}', "Invalid JSON: NaN is not valid JSON."),
        ('{"a": -Infinity}', "Invalid JSON: -Infinity is not valid JSON."),
        ("[1, 2]", "The arguments must be a JSON object"),
        ('"text"', "The arguments must be a JSON object"),
        ("null", "The arguments must be a JSON object"),
        ("x" * (ids.MAX_ARGS_CHARS + 1), "Arguments are limited to 100,000 characters"),
    ],
)
def test_adhc002_invalid_json_is_refused_clearly(text, message):
    value, problem = adhoc.parse_arguments(text)
    assert value is None
    assert problem.startswith(message) and problem.endswith("Nothing was sent.")


def test_adhc003_template_from_accepts():
    signature = "String name, Int? age, Bool active, Double[] scores, Composite: { String street, Int number } address"
    assert adhoc.parse_signature(signature) == {
        "name": "",
        "age": 0,
        "active": False,
        "scores": [],
        "address": {"street": "", "number": 0},
    }
    assert adhoc.parse_signature("Composite[]: { String id } items") == {"items": [{"id": ""}]}
    assert adhoc.parse_signature("Strange thing here") is None
    assert adhoc.parse_signature(None) is None and adhoc.parse_signature("  ") is None


def test_adhc004_prefill_prefers_accepts_then_last_arguments_then_empty():
    assert json.loads(adhoc.prefill({"name": "M", "accepts": "Int a, Int b"}, '{"a":5}')) == {"a": 0, "b": 0}
    assert adhoc.prefill({"name": "Sum", "accepts": None}, '{"a":"37","b":"5"}') == '{\n  "a": "37",\n  "b": "5"\n}'
    assert adhoc.prefill({"name": "Sum"}, "not json") == "{}"
    assert adhoc.prefill(None) == "{}"


def test_adhc005_targets():
    assert adhoc.build_target("all", ["x"]) == ("all", None)
    assert adhoc.build_target("instances", ["i1", "i2"]) == ([{"instance": "i1"}, {"instance": "i2"}], None)
    target, problem = adhoc.build_target("instances", [])
    assert target is None and problem.startswith("Pick at least one server instance")
    assert adhoc.build_target("everyone", [])[0] is None


@pytest.mark.parametrize("response, wait", [(None, 0), (0, 0), (1, -1), (1.5, 0), (True, 0), (300_001, 0)])
def test_adhc006_bad_timeouts_send_nothing(response, wait):
    invoke, problem = adhoc.build_invoke("id-1", "Sum", "{}", "best", [], response, wait)
    assert invoke is None and problem == f"{options.BAD_TIMEOUT} {options.NOTHING_SENT}"


def test_adhc007_build_invoke_with_a_dynamic_definition():
    invoke, problem = adhoc.build_invoke("id-1", "Sum", '{"a": 7, "b": 8}', "instances", ["s2"], 10_000, 3_000)
    assert problem is None
    assert invoke == {
        "invocationId": "id-1",
        "definition": {"name": "Sum"},
        "argumentObj": {"a": 7, "b": 8},
        "target": [{"instance": "s2"}],
        "options": {"methodResponseTimeoutMs": 10_000, "waitTimeoutMs": 3_000},
    }
    assert adhoc.build_invoke("id-2", None, "{}", "best", [], 1, 0) == (None, "Pick a method. Nothing was sent.")
    invoke, problem = adhoc.build_invoke("id-3", "Sum", "{oops", "best", [], 1, 0)
    assert invoke is None and problem.startswith("Invalid JSON")


def test_adhc010_reuse_values_restore_the_form():
    assert adhoc.reuse_values(ENTRY) == {
        "method": "Sum",
        "args": '{\n  "a": 7,\n  "b": 8\n}',
        "mode": "instances",
        "instances": ["s2"],
        "response_timeout": 5_000,
        "wait_timeout": 100,
    }
    best = {**ENTRY, "invoke": {**ENTRY["invoke"], "target": "skipMine"}}
    assert adhoc.reuse_values(best)["mode"] == "skipMine" and adhoc.reuse_values(best)["instances"] == []


def test_adhc011_a_new_entry_is_pending_and_ordered_after_the_history():
    invoke, _ = adhoc.build_invoke("id-9", "Sum", "{}", "best", [], 1_000, 0)
    history = {"a": {"id": "a", "order": 4}, "b": {"id": "b", "order": 7}, "junk": None}
    assert adhoc.new_entry(invoke, history) == {
        "id": "id-9",
        "order": 8,
        "at": None,
        "invoke": invoke,
        "result": None,
        "latency_ms": None,
    }
    assert adhoc.new_entry(invoke, None)["order"] == 1


def test_adhc012_a_settled_entry_takes_its_times_from_the_results_timing():
    pending = adhoc.new_entry(ENTRY["invoke"] | {"invocationId": "i1"}, {})
    result = {**ENTRY["result"], "timing": {"invokedAt": 1_790_000_000_000, "settledAt": 1_790_000_000_035.5}}
    settled = adhoc.settled_entry(pending, result)
    assert (settled["at"], settled["latency_ms"], settled["result"]) == (1_790_000_000_000, 35.5, result)
    assert {key: settled[key] for key in ("id", "order", "invoke")} == {
        key: pending[key] for key in ("id", "order", "invoke")
    }
    for timing in (
        None,
        {},
        {"invokedAt": 1_000},
        {"invokedAt": "soon", "settledAt": 2_000},
        {"invokedAt": True, "settledAt": 2},
    ):
        untimed = adhoc.settled_entry(pending, {**ENTRY["result"], "timing": timing})
        assert untimed["latency_ms"] is None, timing
    assert adhoc.settled_entry(pending, ENTRY["result"])["at"] is None  # no timing at all
    assert adhoc.settled_entry(pending, {**ENTRY["result"], "timing": {"invokedAt": 1_000}})["at"] == 1_000
