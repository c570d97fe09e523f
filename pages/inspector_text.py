"""What the Inspector shows as text and figures: the latency chart, history lines, result views.

The rows and entries come from ``interop.log`` and ``interop.adhoc``; this
module only words and draws them (the log grid's cells: pages/inspector_log.py).
"""

import json
from datetime import datetime

import ids
from interop.adhoc import pretty
from interop.log import clip, number_or
from pages.app_names import app_name


def clock(t_ms):
    """``12:00:01.234`` in local time, from milliseconds since the epoch."""
    moment = datetime.fromtimestamp(number_or(t_ms) / 1000)
    return moment.strftime("%H:%M:%S.") + f"{moment.microsecond // 1000:03d}"


def instance_label(instance):
    """``Ticker Feed (a1b2c3)``: the app's name (``app_name``), and the instance id that tells two apart."""
    name = app_name(instance)
    key = instance.get("instance") if isinstance(instance, dict) else None
    return f"{name} ({key})" if isinstance(key, str) and key and key != name else name


def describe_target(target, servers=()):
    """``best``, ``all``, ``skipMine``, or the specific instances (by name where known)."""
    if target is None:
        return "?"
    if isinstance(target, str):
        return target
    filters = target if isinstance(target, list) else [target]
    names = {s["instance"]: s.get("application") for s in servers if s.get("instance")}
    picked = [
        app_name({"application": names.get(item.get("instance"))} if names.get(item.get("instance")) else item)
        for item in filters
        if isinstance(item, dict)
    ]
    return "only " + ", ".join(picked) if picked else "?"


def latency_figure(rows, last=ids.LATENCY_CHART_INVOCATIONS):
    """A plotly figure (a plain dict): round-trip latency of the ``last`` answered invocations, a trace
    per method and server. Few points keep each redraw cheap: it runs a couple of times a second."""
    answered = [row for row in rows if row["latency_ms"] is not None]
    traces = {}
    for row in sorted(answered, key=lambda r: r["t"])[-last:]:
        servers = [app_name(s) for s in row["servers"]] or ["no server"]
        for name in servers:
            trace = traces.setdefault(
                f"{row['method']} @ {name}",
                {"type": "scatter", "mode": "lines+markers", "x": [], "y": [], "name": f"{row['method']} @ {name}"},
            )
            trace["x"].append(datetime.fromtimestamp(row["t"] / 1000).isoformat(timespec="milliseconds"))
            trace["y"].append(round(row["latency_ms"], 1))
    return {
        "data": [traces[name] for name in sorted(traces)],
        "layout": {
            "height": 220,
            "margin": {"l": 48, "r": 8, "t": 8, "b": 32},
            "yaxis": {"title": {"text": "ms"}, "rangemode": "tozero"},
            "xaxis": {"type": "date"},
            "legend": {"orientation": "h", "y": -0.25},
            "showlegend": True,
            "uirevision": "latency",
        },
    }


RESULT_FIELDS = ("returned", "executed_by", "called_with", "all_return_values", "all_errors", "message", "status")


def result_view(entry):
    """The full InvocationResult of a history entry (or the error), as indented JSON text."""
    if not isinstance(entry, dict):
        return ""
    result = entry.get("result") or {}
    if result.get("error") is not None:
        return pretty({"error": result["error"]})
    invocation_result = result.get("invocationResult") or {}
    ordered = {key: invocation_result.get(key) for key in RESULT_FIELDS}
    ordered.update({k: v for k, v in invocation_result.items() if k not in ordered})
    return pretty(ordered)


def outcome_text(result, limit=ids.HISTORY_OUTCOME_CHARS):
    result = result or {}
    if result.get("error") is not None:
        error = result["error"]
        message = error.get("message") if isinstance(error, dict) else error
        text = f"error: {message}"
    else:
        invocation_result = result.get("invocationResult") or {}
        answers = invocation_result.get("all_return_values") or []
        failures = invocation_result.get("all_errors") or []
        text = f"{len(answers)} answered"
        if failures:
            text += f", {len(failures)} failed"
        text += " · returned " + json.dumps(invocation_result.get("returned"), ensure_ascii=False)
    return clip(text, limit)


def history_line(entry, names=None):
    """``12:00:01.234  Sum → only Sum Server 2  35 ms  1 answered · returned {"sum": 15}``."""
    invoke = entry.get("invoke") or {}
    servers = [{"instance": i, "application": a} for i, a in (names or {}).items()]
    method = (invoke.get("definition") or {}).get("name", "?")
    latency = entry.get("latency_ms")
    latency = f"{round(latency)} ms" if isinstance(latency, int | float) else "…"
    target = describe_target(invoke.get("target"), servers)
    at = clock(entry["at"]) if entry.get("at") else "…"
    return f"{at}  {method} → {target}  {latency}  {outcome_text(entry.get('result'))}"


def latest_outcome(history, names=None):
    """What the live region says of the latest invocation: ``Sum → best: invoking…``, then
    ``Sum → best: 1 answered · returned {"sum": 15}`` or ``Sum → best: error: …``; ``""`` with none."""
    entries = [e for e in (history or {}).values() if isinstance(e, dict) and e.get("id")]
    if not entries:
        return ""
    entry = max(entries, key=lambda e: e.get("order") or 0)
    invoke = entry.get("invoke") or {}
    servers = [{"instance": i, "application": a} for i, a in (names or {}).items()]
    method = (invoke.get("definition") or {}).get("name", "?")
    what = "invoking…" if entry.get("result") is None else outcome_text(entry["result"])
    return f"{method} → {describe_target(invoke.get('target'), servers)}: {what}"


# --- one result, as the Interop Viewer shows it ------------------------------------------------------


def _server_label(instance, names=None):
    """``instance_label`` of a server glue reports, named from the servers store when glue gives no name."""
    if isinstance(instance, dict) and not instance.get("application"):
        instance = {**instance, "application": (names or {}).get(instance.get("instance"))}
    return instance_label(instance)


def result_status(entry):
    """``pending``, ``success``, ``partial`` (some servers failed) or ``failed``."""
    result = (entry or {}).get("result")
    if result is None:
        return "pending"
    if result.get("error") is not None:
        return "failed"
    return "partial" if (result.get("invocationResult") or {}).get("all_errors") else "success"


def server_answers(entry, names=None):
    """``[(ok, server, what it answered, instance)]``: each server that answered, then each that failed.

    Glue settles an invocation once every targeted server has answered, so
    the round trip is one figure for all of them: the entry's ``latency_ms``.
    Each server's own handling time is the entry's ``handling`` by instance
    (``interop.handling``): ``timing_text`` words both.
    """
    result = (entry or {}).get("result") or {}
    invocation_result = result.get("invocationResult") or {}
    answers = [
        (True, _server_label(e.get("executed_by"), names), json.dumps(e.get("returned"), ensure_ascii=False), _of(e))
        for e in invocation_result.get("all_return_values") or []
        if isinstance(e, dict)
    ]
    failures = [
        (False, _server_label(e.get("executed_by"), names), str(e.get("message") or "failed"), _of(e))
        for e in invocation_result.get("all_errors") or []
        if isinstance(e, dict)
    ]
    if not answers and not failures and result.get("error") is not None:
        error = result["error"]
        failures = [(False, "no server", str(error.get("message") if isinstance(error, dict) else error), None)]
    return answers + failures


def _of(answer):
    """The instance id of the server that gave ``answer`` (an entry of all_return_values or all_errors)."""
    server = answer.get("executed_by")
    instance = server.get("instance") if isinstance(server, dict) else None
    return instance if isinstance(instance, str) and instance else None


def handling_ms(entry, instance):
    """How long ``instance``'s own handler took with the invocation of ``entry``, once its record is in."""
    handling = (entry or {}).get("handling")
    value = handling.get(instance) if isinstance(handling, dict) and instance else None
    return number_or(value, None)


def timing_text(entry, instance):
    """``3 ms handling · round trip 41 ms``: the server's own handling time (once its handled record has come
    in) beside the invocation's one round trip."""
    handling = handling_ms(entry, instance)
    latency = number_or((entry or {}).get("latency_ms"), None)
    parts = [f"{round(handling)} ms handling"] if handling is not None else []
    parts += [f"round trip {round(latency)} ms"] if latency is not None else []
    return " · ".join(parts)


def answer_line(entry, answer):
    """``✔ Sum Server 1 (s1) · 3 ms handling · round trip 41 ms: {"sum": 3}``: one server's answer."""
    ok, server, what, instance = answer
    timing = timing_text(entry, instance)
    return f"{'✔' if ok else '✖'} {server}{' · ' + timing if timing else ''}: {what}"


def _bounded(text, limit=ids.RESULT_VIEW_CHARS):
    return text if len(text) <= limit else text[:limit] + f"\n… cut: {len(text):,} characters in all"


def returned_view(entry, names=None):
    """ "Returned": what each server returned (or its error), as indented JSON."""
    result = (entry or {}).get("result")
    if result is None:
        return ""
    if result.get("error") is not None and not (result.get("invocationResult") or {}):
        return _bounded(pretty({"error": result["error"]}))
    invocation_result = result.get("invocationResult") or {}
    servers = [
        {"server": _server_label(e.get("executed_by"), names), "returned": e.get("returned"), **_took(entry, e)}
        for e in invocation_result.get("all_return_values") or []
        if isinstance(e, dict)
    ]
    servers += [
        {"server": _server_label(e.get("executed_by"), names), "error": e.get("message") or "failed", **_took(entry, e)}
        for e in invocation_result.get("all_errors") or []
        if isinstance(e, dict)
    ]
    return _bounded(pretty(servers))


def _took(entry, answer):
    """``{"handling_ms": 3}`` once the server's handled record has come in, else nothing."""
    handling = handling_ms(entry, _of(answer))
    return {} if handling is None else {"handling_ms": handling}


def called_with_view(entry):
    """ "Called with": the arguments, as glue reports them (or as they were sent, before an answer)."""
    result = (entry or {}).get("result") or {}
    called_with = (result.get("invocationResult") or {}).get("called_with")
    if called_with is None:
        called_with = ((entry or {}).get("invoke") or {}).get("argumentObj") or {}
    return _bounded(pretty(called_with))


def full_result_view(entry):
    return _bounded(result_view(entry))
