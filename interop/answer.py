"""Answering invocations of returning methods.

dash_glue42 runs the invocations of a returning method one at a time and
only moves on when the handler callback outputs a ``result`` whose
``invocationId`` matches. A handler that raises, or returns nothing, leaves
the caller (and every invocation queued behind it) waiting for
``methodResponseTimeoutMs``. :func:`answer` makes that impossible.
"""

import logging

log = logging.getLogger(__name__)

INTERNAL_ERROR = "The method failed on the server. Try again; if it keeps failing, check the server log."


class InvocationError(Exception):
    """A failure whose message is meant for the caller."""


def answer(invoke, compute):
    """Run ``compute(args, caller)`` and return the result object for ``MethodRegister.result``.

    The returned dict always carries the invocation's ``invocationId``:
    ``{"invocationId": ..., "invocationResult": {...}}`` on success,
    ``{"invocationId": ..., "error": {"message": ...}}`` on failure.
    """
    invocation_id = invoke.get("invocationId")
    args = invoke.get("args")
    caller = invoke.get("caller") or {}
    try:
        if not isinstance(args, dict):
            raise InvocationError("The arguments must be an object.")
        return {"invocationId": invocation_id, "invocationResult": compute(args, caller)}
    except InvocationError as error:
        return {"invocationId": invocation_id, "error": {"message": str(error)}}
    except Exception:
        # Never leak internals to another app, but never stay silent either.
        log.exception("handler failed for invocation %s", invocation_id)
        return {"invocationId": invocation_id, "error": {"message": INTERNAL_ERROR}}
