"""What a person may choose for an invocation: the target and the two timeouts.

One rule for every app that invokes (the Caller and the Inspector's ad-hoc
form), checked in Python before anything is sent.
"""

import uuid

from ids import MAX_TIMEOUT_MS

TARGETS = ("best", "all", "skipMine")
DEFAULT_TARGET = "best"
BAD_TIMEOUT = "Timeouts must be whole numbers of milliseconds, from 0 to 300,000 (methodResponseTimeoutMs at least 1)."
NOTHING_SENT = "Nothing was sent."


def is_timeout(value, minimum):
    return isinstance(value, int) and not isinstance(value, bool) and minimum <= value <= MAX_TIMEOUT_MS


def build_options(response_timeout, wait_timeout):
    """``(options, None)`` for the invoke object, or ``(None, why nothing was sent)``."""
    if not is_timeout(response_timeout, 1) or not is_timeout(wait_timeout, 0):
        return None, f"{BAD_TIMEOUT} {NOTHING_SENT}"
    return {"methodResponseTimeoutMs": response_timeout, "waitTimeoutMs": wait_timeout}, None


def checked_target(target):
    """One of the documented targets; anything else (a tampered request) falls back to the default."""
    return target if target in TARGETS else DEFAULT_TARGET


def new_invocation_id():
    """The ``invocationId`` a caller gives its invocation, to find its result among the others."""
    return uuid.uuid4().hex
