"""Ad-hoc invocation from the inspector: JSON arguments, targets, timeouts, and the history of results."""

import json
import re

from ids import MAX_ARGS_CHARS
from interop.log import number_or
from interop.options import NOTHING_SENT, TARGETS, build_options

TARGET_MODES = (*TARGETS, "instances")

# --- the arguments -----------------------------------------------------------


def _refuse_constant(name):
    raise ValueError(f"{name} is not valid JSON")


def parse_arguments(text):
    """``(arguments, None)`` for a JSON object, ``(None, message)`` otherwise. Empty text means ``{}``."""
    text = text or ""
    if len(text) > MAX_ARGS_CHARS:
        return None, f"Arguments are limited to {MAX_ARGS_CHARS:,} characters; these have {len(text):,}. {NOTHING_SENT}"
    if not text.strip():
        return {}, None
    try:
        value = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        return None, f"Invalid JSON at line {error.lineno}, column {error.colno}: {error.msg}. {NOTHING_SENT}"
    except ValueError as error:  # NaN, Infinity
        return None, f"Invalid JSON: {error}. {NOTHING_SENT}"
    if not isinstance(value, dict):
        return None, f'The arguments must be a JSON object, like {{"a": 1}}. {NOTHING_SENT}'
    return value, None


def pretty(value):
    return json.dumps(value, indent=2, ensure_ascii=False)


# --- a template from the method's `accepts` signature ------------------------

DEFAULTS = {
    "string": "",
    "int": 0,
    "long": 0,
    "double": 0,
    "float": 0,
    "number": 0,
    "bool": False,
    "boolean": False,
    "datetime": 0,
    "tick": 0,
}
PARAMETER = re.compile(r"^(?P<type>[A-Za-z]\w*)(?P<array>\[\])?(?P<optional>\?)?(?:\[\])?\s+(?P<name>[\w$]+)$")
COMPOSITE = re.compile(r"^Composite(?P<array>\[\])?\??\s*:\s*\{(?P<body>.*)\}\s*(?P<name>[\w$]+)$", re.S | re.I)


def _split_top_level(text):
    """Split at commas that are not inside braces."""
    parts, depth, current = [], 0, []
    for char in text:
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        if char == "," and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [part.strip() for part in parts if part.strip()]


def parse_signature(accepts):
    """``{"a": 0, "b": ""}`` from a signature like ``"Int a, String b"``; None when it cannot be read."""
    if not isinstance(accepts, str) or not accepts.strip():
        return None
    template = {}
    for part in _split_top_level(accepts):
        composite = COMPOSITE.match(part)
        if composite:
            inner = parse_signature(composite.group("body"))
            if inner is None:
                return None
            template[composite.group("name")] = [inner] if composite.group("array") else inner
            continue
        parameter = PARAMETER.match(part)
        if not parameter:
            return None
        value = DEFAULTS.get(parameter.group("type").lower())
        array = parameter.group("array") or part.split()[0].endswith("[]")
        template[parameter.group("name")] = [] if array else value
    return template


def prefill(method, last_args=None):
    """What the editor starts with for ``method``: its ``accepts`` signature as a template, else the
    arguments it was last invoked with (from the log), else ``{}``."""
    template = parse_signature((method or {}).get("accepts"))
    if template is not None:
        return pretty(template)
    if last_args:
        try:
            return pretty(json.loads(last_args))
        except ValueError:
            pass
    return "{}"


# --- target and options ------------------------------------------------------


def build_target(mode, instances):
    """``(target, None)`` or ``(None, problem)``; specific instances become a list of instance filters."""
    if mode in TARGETS:
        return mode, None
    if mode == "instances":
        picked = [i for i in instances or [] if isinstance(i, str) and i]
        if not picked:
            return None, f"Pick at least one server instance to target. {NOTHING_SENT}"
        return [{"instance": instance} for instance in picked], None
    return None, f"Choose a target. {NOTHING_SENT}"


def build_invoke(invocation_id, method, args_text, mode, instances, response_timeout, wait_timeout):
    """The ``MethodInvoke.invoke`` object for an ad-hoc invocation, or ``(None, problem)``.

    The definition is dynamic: whichever method was picked, by name.
    """
    if not method:
        return None, f"Pick a method. {NOTHING_SENT}"
    arguments, problem = parse_arguments(args_text)
    if problem:
        return None, problem
    target, problem = build_target(mode, instances)
    if problem:
        return None, problem
    options, problem = build_options(response_timeout, wait_timeout)
    if problem:
        return None, problem
    return {
        "invocationId": invocation_id,
        "definition": {"name": method},
        "argumentObj": arguments,
        "target": target,
        "options": options,
    }, None


# --- results and history -----------------------------------------------------


def new_entry(invoke, history):
    """A history entry for an invocation just sent: pending, ordered after every entry in ``history``."""
    order = max((e.get("order", 0) for e in (history or {}).values() if isinstance(e, dict)), default=0) + 1
    return {
        "id": invoke["invocationId"],
        "order": order,
        "at": None,
        "invoke": invoke,
        "result": None,
        "latency_ms": None,
    }


def settled_entry(entry, result):
    """``entry`` with its result, when it went out and how long it took.

    The times are the page's: the activity seam stamps ``result["timing"]``
    (``invokedAt``, ``settledAt``, ms since the epoch; assets/dash_glue42_activity.js).
    """
    timing = result.get("timing") if isinstance(result.get("timing"), dict) else {}
    invoked_at, settled_at = number_or(timing.get("invokedAt"), None), number_or(timing.get("settledAt"), None)
    latency = settled_at - invoked_at if None not in (invoked_at, settled_at) else None
    return {**entry, "at": invoked_at, "result": result, "latency_ms": latency}


def oldest_beyond(history, kept):
    """Ids of the entries past the newest ``kept`` (by when they were sent)."""
    entries = sorted((e for e in (history or {}).values() if isinstance(e, dict)), key=lambda e: e.get("order", 0))
    return [e["id"] for e in entries[: max(0, len(entries) - kept)]]


def reuse_values(entry):
    """Form values that repeat a history entry: method, arguments, target mode and instances, timeouts."""
    invoke = (entry or {}).get("invoke") or {}
    target = invoke.get("target")
    if isinstance(target, list):
        mode = "instances"
        instances = [t.get("instance") for t in target if isinstance(t, dict) and t.get("instance")]
    else:
        mode = target if target in TARGET_MODES else "best"
        instances = []
    options = invoke.get("options") or {}
    return {
        "method": (invoke.get("definition") or {}).get("name"),
        "args": pretty(invoke.get("argumentObj") or {}),
        "mode": mode,
        "instances": instances,
        "response_timeout": options.get("methodResponseTimeoutMs"),
        "wait_timeout": options.get("waitTimeoutMs"),
    }
