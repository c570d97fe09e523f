import json
import math
import sys

import pytest

from interop.sum import LARGEST_ADDEND, format_number, is_number


@pytest.mark.parametrize(
    "value",
    [37, 5.5, "42", " -1.5 ", "1e3", 0, "0", "-0", LARGEST_ADDEND, -LARGEST_ADDEND, "1" * 300],
)
def test_sum001_is_number_accepts_numbers_and_numeric_strings(value):
    assert is_number(value) is True
    float(value)  # what the handler does next: it never raises for an accepted value


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
        "1" * 401,  # longer than MAX_NUMBER_TEXT, refused before parsing
        "0x10",
        1e308,  # finite, but over half the largest float: two of them would add up to inf
        sys.float_info.max,
        10**400,  # an int too large for a float
    ],
)
def test_sum002_is_number_refuses_everything_else(value):
    assert is_number(value) is False


def test_sum003_any_two_accepted_numbers_add_up_to_a_finite_sum():
    """So the result is always valid JSON (which has no inf)."""
    for a, b in ((LARGEST_ADDEND, LARGEST_ADDEND), (-LARGEST_ADDEND, -LARGEST_ADDEND), ("-0", 0), (0.1, 0.2)):
        assert is_number(a) and is_number(b)
        total = float(a) + float(b)
        assert math.isfinite(total)
        json.loads(json.dumps({"sum": total}, allow_nan=False))


@pytest.mark.parametrize(
    "value, text", [(42.0, "42"), (-3, "-3"), (0.1 + 0.2, "0.30000000000000004"), (1e300, "1e+300"), (2.5, "2.5")]
)
def test_sum007_format_number(value, text):
    assert format_number(value) == text
