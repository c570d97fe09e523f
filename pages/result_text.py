"""Turning a ``MethodInvoke.result`` into lines a person can read.

A result is ``{"invocationId", "invocationResult", "error"}``, as dash_glue42
sets it, and these functions read nothing else of it. ``invocationResult``
is glue's: ``called_with``, ``returned`` and ``executed_by`` of the first
server to settle (which may be one that failed), and every server's answer
in ``all_return_values`` and failure in ``all_errors``, each with its
``executed_by``. When every targeted server fails, glue rejects the
invocation with that same object, and it is the ``error``; an error raised
before any server ran ("no server") has a ``message`` and no servers.

So an answer and an error are read alike: a line per server whenever more
than one server answered or failed, each named by ``pages.app_names``;
otherwise one line, as the documentation's result handler writes it.
"""

import re

from interop.sum import format_number
from pages.app_names import distinct_app_names

TIMEOUT_MS = re.compile(r"timeout \((\d+) ms\)", re.IGNORECASE)  # glue's "Invocation timeout (1 ms) reached …"


def explain_error(error, method):
    """The error's own message, with glue's "no server" and timeout messages in plainer words."""
    message = str(error.get("message") or "") if isinstance(error, dict) else ""
    lowered = message.lower()
    if "can not find a method" in lowered or "no server" in lowered or "cannot find" in lowered:
        return f"No server offers {method}."
    if "timeout" in lowered or "timed out" in lowered:
        limit = TIMEOUT_MS.search(message)
        within = f" within {limit.group(1)} ms" if limit else ""
        return f"No answer from {method}{within} (timed out)."
    return message or f"{method} failed."


def by_name(name):
    """Sort key that puts "Sum Server 2" before "Sum Server 10"."""
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", name)]


def entries(outcome, key):
    """The servers' entries under ``key`` ("all_return_values" or "all_errors") of an invocationResult or error."""
    listed = outcome.get(key) if isinstance(outcome, dict) else None
    return [entry for entry in listed if isinstance(entry, dict)] if isinstance(listed, list) else []


def per_server_lines(outcome, describe, method):
    """A line per server that answered (as ``describe`` words its answer), then per server that failed, each in
    name order; ``None`` when at most one server did either.

    glue lists servers in the order they registered, which changes as apps
    come and go; by name, the same servers always read the same way.
    """
    answers, failures = entries(outcome, "all_return_values"), entries(outcome, "all_errors")
    if len(answers) + len(failures) < 2:
        return None
    names = distinct_app_names([entry.get("executed_by") for entry in answers + failures])
    texts = [describe(entry.get("returned")) for entry in answers]
    texts += [explain_error(entry, method) for entry in failures]
    kinds = ["ok"] * len(answers) + ["error"] * len(failures)
    lines = sorted(zip(kinds, names, texts, strict=True), key=lambda line: (line[0] == "error", by_name(line[1])))
    return [(kind, f"{name}: {text}") for kind, name, text in lines]


def describe_sum(returned):
    """What one server's answer to Sum says: ``Sum is 42``."""
    value = returned.get("sum") if isinstance(returned, dict) else None
    if value is None:
        return "returned no sum"
    return f"Sum is {format_number(value)}"


def answer_lines(invocationResult, describe, method):
    """Lines of ``(kind, text)`` for an invocationResult: a line per server, or the one answer as ``describe``
    words it (taken from ``all_return_values``: ``returned`` alone may be a failed server's)."""
    lines = per_server_lines(invocationResult, describe, method)
    if lines is not None:
        return lines
    [answer] = entries(invocationResult, "all_return_values") or [invocationResult or {}]
    return [("ok", describe(answer.get("returned")))]


def error_lines(error, describe, method):
    """Lines of ``(kind, text)`` for an error: a line per server when several failed, else the error's message."""
    return per_server_lines(error, describe, method) or [("error", explain_error(error, method))]


def describe_delivery(_returned):
    """What one server's answer to SendMessage (a void method) says."""
    return "delivered"


def delivery_lines(invocationResult):
    """Lines for a SendMessage (void) invocationResult: who received the message, then who failed to."""
    answers = entries(invocationResult, "all_return_values") or [invocationResult or {}]
    failures = entries(invocationResult, "all_errors")
    names = distinct_app_names([entry.get("executed_by") for entry in answers + failures])
    receivers = sorted(names[: len(answers)], key=by_name)
    lines = [("ok", f"Message delivered to {', '.join(receivers)}")]
    failed = sorted(zip(names[len(answers) :], failures, strict=True), key=lambda pair: by_name(pair[0]))
    return lines + [("error", f"{name}: {explain_error(entry, 'SendMessage')}") for name, entry in failed]


def history_line(result, lines):
    """``'37' + '5': Sum Server 1: Sum is 42; Sum Server 2: Sum is 42``: the arguments and what came back.

    The arguments are glue's ``called_with``, of the invocationResult (or of
    the error, when every server failed) or else of its first answer.
    """
    outcome = result.get("error") or result.get("invocationResult")
    called_with = outcome.get("called_with") if isinstance(outcome, dict) else None
    if not isinstance(called_with, dict):
        first = (entries(outcome, "all_return_values") + entries(outcome, "all_errors") or [{}])[0]
        called_with = first.get("called_with")
    args = called_with if isinstance(called_with, dict) else {}
    summary = "; ".join(text for _, text in lines)
    return f"{args.get('a')!r} + {args.get('b')!r}: {summary}\n"
