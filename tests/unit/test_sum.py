import json
import math

import pytest

from interop.answer import InvocationError
from interop.sum import NOT_NUMBERS, compute_sum, format_number, parse_number


@pytest.mark.parametrize(
    "value, expected",
    [(37, 37.0), (5.5, 5.5), ("42", 42.0), (" -1.5 ", -1.5), ("1e3", 1000.0), (0, 0.0), ("0", 0.0)],
)
def test_sum001_parse_number_accepts_numbers_and_numeric_strings(value, expected):
    assert parse_number(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "abc",
        "",
        "   ",
        None,
        "nan",
        "NaN",
        "inf",
        "-Infinity",
        "1e309",
        True,
        False,
        [1],
        {"x": 1},
        float("nan"),
        float("inf"),
        "1" * 401,
        "0x10",
    ],
)
def test_sum002_parse_number_refuses_everything_else(value):
    assert parse_number(value) is None


def test_sum003_sum_of_numbers_and_numeric_strings():
    assert compute_sum({"a": 37, "b": "5"}) == {"sum": 42.0}


@pytest.mark.parametrize(
    "args",
    [
        {"a": "abc", "b": 5},
        {"a": 1},
        {},
        {"a": "", "b": 1},
        {"a": None, "b": 1},
        {"a": "nan", "b": 1},
        {"a": True, "b": 1},
        {"a": [1], "b": 1},
        {"a": {"x": 1}, "b": 1},
        {"a": 1e308, "b": 1e308},  # finite arguments, infinite sum
        {"a": "1" * 400, "b": 1},  # parses to inf
    ],
)
def test_sum004_bad_arguments_get_the_documented_message(args):
    with pytest.raises(InvocationError) as raised:
        compute_sum(args)
    assert str(raised.value) == NOT_NUMBERS


def test_sum005_extra_arguments_are_named():
    with pytest.raises(InvocationError, match="Unexpected argument\\(s\\): c"):
        compute_sum({"a": 1, "b": 2, "c": 3})


def test_sum006_results_are_always_valid_json():
    for args in ({"a": 1e308, "b": 1e307}, {"a": "-0", "b": 0}, {"a": 0.1, "b": 0.2}):
        total = compute_sum(args)["sum"]
        assert math.isfinite(total)
        json.loads(json.dumps({"sum": total}, allow_nan=False))


@pytest.mark.parametrize(
    "value, text", [(42.0, "42"), (-3, "-3"), (0.1 + 0.2, "0.30000000000000004"), (1e300, "1e+300"), (2.5, "2.5")]
)
def test_sum007_format_number(value, text):
    assert format_number(value) == text
