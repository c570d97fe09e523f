"""The ``Sum`` method: argument validation and the computation."""

import math
import numbers

from ids import MAX_NUMBER_TEXT
from interop.answer import InvocationError

NOT_NUMBERS = "The arguments must be numbers!"  # the vendor documentation's message
ARGUMENTS = ("a", "b")


def parse_number(value):
    """Return ``value`` as a finite float, or ``None`` when it is not a number.

    Accepts ints, floats and numeric strings. Refuses booleans (``True`` is an
    int in Python), ``nan``/``inf`` in any spelling, and anything that only
    becomes finite by accident of parsing.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, numbers.Real):
        number = float(value)
    elif isinstance(value, str):
        text = value.strip()
        if not text or len(text) > MAX_NUMBER_TEXT:
            return None
        try:
            number = float(text)
        except ValueError:
            return None
    else:
        return None
    return number if math.isfinite(number) else None


def compute_sum(args, caller=None):
    """Handler body for ``Sum``: ``{"sum": a + b}`` or :class:`InvocationError`."""
    unexpected = sorted(set(args) - set(ARGUMENTS))
    if unexpected:
        raise InvocationError(f"{NOT_NUMBERS} Unexpected argument(s): {', '.join(map(str, unexpected))}.")
    a, b = (parse_number(args.get(name)) for name in ARGUMENTS)
    if a is None or b is None:
        raise InvocationError(NOT_NUMBERS)
    total = a + b
    if not math.isfinite(total):
        raise InvocationError(NOT_NUMBERS)
    return {"sum": total}


def format_number(value):
    """``42.0`` -> ``"42"``, ``0.1 + 0.2`` -> ``"0.30000000000000004"``."""
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        if float(value).is_integer() and abs(value) < 2**53:
            return str(int(value))
        return repr(float(value))
    return str(value)
