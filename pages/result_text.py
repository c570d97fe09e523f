"""Turning a ``MethodInvoke.result`` into lines a person can read.

A result is ``{"invocationId", "invocationResult", "error"}``, and ``sent``,
what its invocation was sent with, which the activity seam adds
(assets/dash_glue42_activity.js). With target
``best`` one server answers; with ``all``/``skipMine`` every server's answer
is in ``invocationResult.all_return_values`` and every server's failure in
``invocationResult.all_errors``. The invoke promise (and so ``error``) only
fails when every targeted server failed.
"""

import re

from interop.options import DEFAULT_TARGET
from interop.sum import format_number


def server_name(instance):
    """A readable name for an interop instance (``executed_by``/``caller``)."""
    if not isinstance(instance, dict):
        return "unknown app"
    return instance.get("application") or instance.get("applicationName") or instance.get("instance") or "unknown app"


def explain_error(error, method, options=None):
    """A clear message for an invocation failure, from the error glue reports."""
    options = options or {}
    if not isinstance(error, dict):
        return f"{method} failed."
    message = str(error.get("message") or "")
    lowered = message.lower()
    if "can not find a method" in lowered or "no server" in lowered or "cannot find" in lowered:
        wait = options.get("waitTimeoutMs")
        waited = f" within {wait} ms" if wait else ""
        return f"No server offers {method}{waited}."
    if "timeout" in lowered or "timed out" in lowered:
        limit = options.get("methodResponseTimeoutMs")
        within = f" within {limit} ms" if limit else ""
        return f"No answer from {method}{within} (timed out)."
    per_server = error.get("all_errors")
    if isinstance(per_server, list) and per_server:
        messages = {str(e.get("message") or "") for e in per_server if isinstance(e, dict)}
        if len(messages) == 1:
            return messages.pop() or f"{method} failed."
    return message or f"{method} failed."


def by_name(name):
    """Sort key that puts "Sum Server 2" before "Sum Server 10"."""
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", name)]


def per_server_lines(invocation_result, describe):
    """One line per answering server, then one per server that failed, each by server name.

    glue lists servers in the order they registered, which changes as apps
    come and go; by name, the same servers always read the same way.
    """
    answers = [
        (server_name(entry.get("executed_by")), describe(entry.get("returned")))
        for entry in invocation_result.get("all_return_values") or []
    ]
    failures = [
        (server_name(entry.get("executed_by")), entry.get("message") or "failed")
        for entry in invocation_result.get("all_errors") or []
    ]
    lines = [("ok", f"{name}: {text}") for name, text in sorted(answers, key=lambda a: by_name(a[0]))]
    lines += [("error", f"{name}: {text}") for name, text in sorted(failures, key=lambda f: by_name(f[0]))]
    return lines


def describe_sum(returned):
    value = returned.get("sum") if isinstance(returned, dict) else None
    if value is None:
        return "returned no sum"
    return f"Sum is {format_number(value)}"


def sent_with(result):
    """``{"args", "target", "options"}`` the invocation of ``result`` was sent with (the defaults when unknown)."""
    sent = result.get("sent") if isinstance(result, dict) else None
    sent = sent if isinstance(sent, dict) else {}
    options = sent.get("options")
    return {
        "args": sent.get("args"),
        "target": sent.get("target") or DEFAULT_TARGET,
        "options": options if isinstance(options, dict) else {},
    }


def describe_sum_result(result):
    """Lines of ``(kind, text)`` for a Sum result; kind is "ok" or "error"."""
    if not isinstance(result, dict):
        return []
    sent = sent_with(result)
    target, options = sent["target"], sent["options"]
    if result.get("error") is not None:
        return [("error", explain_error(result["error"], "Sum", options))]
    invocation_result = result.get("invocationResult") or {}
    if target == DEFAULT_TARGET:
        return [("ok", describe_sum(invocation_result.get("returned")))]
    return per_server_lines(invocation_result, describe_sum)


def describe_send_result(result):
    """Lines for a SendMessage result: who received the message."""
    if not isinstance(result, dict):
        return []
    if result.get("error") is not None:
        return [("error", explain_error(result["error"], "SendMessage", sent_with(result)["options"]))]
    invocation_result = result.get("invocationResult") or {}
    receivers = [server_name(e.get("executed_by")) for e in invocation_result.get("all_return_values") or []]
    if not receivers:
        receivers = [server_name(invocation_result.get("executed_by"))]
    lines = [("ok", f"Message delivered to {', '.join(receivers)}")]
    lines += [
        ("error", f"{server_name(e.get('executed_by'))}: {e.get('message') or 'failed'}")
        for e in invocation_result.get("all_errors") or []
    ]
    return lines
