"""The ``Sum`` method's rule for its arguments, and how its numbers read."""

import math
import numbers
import sys

from ids import MAX_NUMBER_TEXT

# Any two numbers within this add up to a finite float: a sum can never overflow to inf.
LARGEST_ADDEND = sys.float_info.max / 2


def is_number(s):
    """Whether ``s`` is an argument Sum adds: the documentation's helper, stricter.

    The documentation's ``float(s)`` test lets through what no sum should take:
    ``nan`` and ``inf`` in any spelling, ``1e309`` (it parses to inf), booleans
    (``True`` is an int in Python), and strings long enough to take time to
    parse. And a number over half the largest float is refused, so that
    ``float(a) + float(b)`` of two accepted arguments is always finite (the
    result travels as JSON, which has no inf). It never raises: whatever a
    caller sends, the handler answers.
    """
    if isinstance(s, bool):
        return False
    if isinstance(s, str):
        if len(s) > MAX_NUMBER_TEXT:
            return False
    elif not isinstance(s, numbers.Real):
        return False
    try:
        number = float(s)
    except (ValueError, OverflowError):
        return False
    return math.isfinite(number) and abs(number) <= LARGEST_ADDEND


def format_number(value):
    """``42.0`` -> ``"42"``, ``0.1 + 0.2`` -> ``"0.30000000000000004"``."""
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        if float(value).is_integer() and abs(value) < 2**53:
            return str(int(value))
        return repr(float(value))
    return str(value)
