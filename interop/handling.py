"""How long each server's own handler took with an invocation: its handled record, joined to the invocation.

Glue settles an invocation once, when every targeted server has answered, so
a caller sees one round trip for all of them. Each server's activity seam
records its own handling time in its handled record (``handler_ms``: from the
invocation's arrival to its handler callback's answer;
assets/dash_glue42_activity.js). The Inspector collects every app's records
(the ``ids.LOG_RECORDS`` store), and :func:`interop.log.merge_records` joins
each handled record to the invocation it belongs to. This module asks that
join, rather than making a second one, which handled record it gave each
server of each invocation: it hands ``merge_records`` the records with each
handled record's outcome replaced by a label of its own and the servers'
outcomes the caller reported left empty. A server whose caller-reported
outcome is empty takes the handled record's outcome (what ``merge_records``
does for a void method's answer, which is empty too), so the label a row's
server ends up with names the handled record the join picked.
"""

from interop.log import merge_records, number_or

LABEL = "\x00handled-record-"  # no record's outcome starts so: records are JSON text from the apps


def _labelled(records):
    """``(records for merge_records, {label: handled record})``."""
    labelled, by_label = [], {}
    for record in records or []:
        if not isinstance(record, dict):
            continue
        if record.get("kind") == "handled":
            label = f"{LABEL}{len(by_label)}"
            by_label[label] = record
            record = {**record, "outcome": label}
        elif record.get("kind") == "invoked":
            servers = record.get("servers") if isinstance(record.get("servers"), list) else []
            record = {**record, "servers": [{**s, "outcome": ""} if isinstance(s, dict) else s for s in servers]}
        labelled.append(record)
    return labelled, by_label


def handling_times(records, invocation_ids=None):
    """``{invocation id: {server instance: handler_ms}}`` from the apps' records, for the invocations a caller
    reported (only those in ``invocation_ids``, when given) and each server whose handled record has its time.
    """
    labelled, by_label = _labelled(records)
    wanted = None if invocation_ids is None else set(invocation_ids)
    times = {}
    for row in merge_records(labelled):
        if not row["reported_by_caller"] or (wanted is not None and row["id"] not in wanted):
            continue
        for server in row["servers"]:
            record = by_label.get(server["outcome"]) if server["handled"] else None
            handler_ms = number_or(record.get("handler_ms"), None) if record else None
            if handler_ms is not None and server["instance"]:
                times.setdefault(row["id"], {})[server["instance"]] = handler_ms
    return times


def settled_with_handling(history, records):
    """``{entry id: entry with its servers' handling times}`` for each settled history entry whose times the
    records add to or change (an entry keeps the times it has: a Clear or a log file empties the records).
    """
    entries = {
        key: entry
        for key, entry in (history or {}).items()
        if isinstance(entry, dict) and entry.get("id") == key and _wanting(entry)
    }
    if not entries:
        return {}  # every server of every settled entry has its time: no join needed
    updated = {}
    for key, found in handling_times(records, entries).items():
        entry = entries[key]
        kept = entry.get("handling") if isinstance(entry.get("handling"), dict) else {}
        handling = {**kept, **found}
        if handling != kept:
            updated[key] = {**entry, "handling": handling}
    return updated


def _wanting(entry):
    """Whether ``entry`` is settled and a server that answered it (or failed) has no handling time yet."""
    result = entry.get("result")
    if not isinstance(result, dict):
        return False
    outcome = result.get("invocationResult") or result.get("error")
    answers = [
        answer
        for key in ("all_return_values", "all_errors")
        for answer in ((outcome.get(key) if isinstance(outcome, dict) else None) or [])
        if isinstance(answer, dict)
    ]
    servers = {(a.get("executed_by") or {}).get("instance") for a in answers if isinstance(a.get("executed_by"), dict)}
    handling = entry.get("handling") if isinstance(entry.get("handling"), dict) else {}
    return bool(servers - set(handling) - {None, ""})
