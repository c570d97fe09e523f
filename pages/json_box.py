"""Format, Compact and Fix beside a JSON box, as the Interop Viewer has them: the buttons, and what they say.

``json_toolbar(box_id)`` goes right below a box (a ``dbc.Textarea``); a callback per box
(``callbacks/json_box.py`` for the ad-hoc form, ``callbacks/inspector_streams.py`` for the streams form) runs
:func:`apply` on the box's text and writes the new text and the message. The repairs themselves are
``interop/json_text.py``'s; this module only words them.
"""

import dash_bootstrap_components as dbc
from dash import html

import ids
from interop import json_text

ACTIONS = (
    ("format", "Format", "Indent the JSON by two spaces"),
    ("compact", "Compact", "Write the JSON on one line"),
    ("fix", "Fix", "Repair single quotes, unquoted keys, trailing commas and True, False or None"),
)
OK_CLASS = "json-box-status small text-muted"
PROBLEM_CLASS = "json-box-status small text-danger"

# What Python's json module says, in words (the rest are shown as it says them).
REASONS = {
    "Expecting value": "a value was expected",
    "Expecting ',' delimiter": "a comma was expected",
    "Expecting ':' delimiter": "a colon was expected",
    "Expecting property name enclosed in double quotes": "a key in double quotes was expected",
    "Extra data": "there is more text after the end of the JSON",
    "Invalid control character at": "a line break or tab inside a string must be written \\n or \\t",
    "Invalid \\escape": "this backslash escape is not JSON",
    "Unterminated string starting at": "this string is not closed",
}
REPAIRS = {
    "single-quotes": "single quotes",
    "unquoted-keys": "unquoted keys",
    "python-words": "True, False or None",
    "trailing-commas": "trailing commas",
}


def json_toolbar(box_id):
    """Three small buttons for the box ``box_id``, and a status line for what they did."""
    return html.Div(
        [
            html.Div(
                [
                    dbc.Button(
                        label,
                        id=ids.json_action(box_id, action),
                        title=hint,
                        size="sm",
                        color="secondary",
                        outline=True,
                        className="py-0 px-2",
                    )
                    for action, label, hint in ACTIONS
                ],
                role="group",
                **{"aria-label": "JSON tools for the arguments above"},
                className="d-flex gap-1",
            ),
            html.Div(id=ids.json_status(box_id), role="status", className=OK_CLASS),
        ],
        className="json-box-tools d-flex flex-wrap gap-2 align-items-center mb-1",
    )


def where(found):
    return f"line {found['line']}, column {found['column']}"


def problem_text(found):
    """A problem of ``interop.json_text`` in words: what and where, and that the box was left as it was."""
    code = found.get("code")
    if code == "too-long":
        what = f"The text has {found['chars']:,} characters; Format, Compact and Fix take {found['limit']:,} at most"
    elif code == "too-deep":
        what = "The JSON is nested too deeply to rewrite"
    elif code == "not-a-number":
        what = f"At {where(found)}: NaN and Infinity are not JSON numbers"
    elif code == "number-too-large":
        what = f"At {where(found)}: this number is too large for JSON"
    elif code == "unclosed-string":
        what = f"At {where(found)}: this string is not closed on its line"
    elif code == "unexpected":
        what = f"At {where(found)}: {found['character']!r} cannot start a JSON value"
    else:
        reason = found.get("reason") or "this is not valid JSON"
        what = f"At {where(found)}: {REASONS.get(reason, reason)}"
    return f"{what}. Nothing was changed."


def apply(action, text):
    """``(new text or None, message, is_problem)`` for ``action`` (format, compact or fix) on ``text``."""
    if action == "fix":
        fixed, found, repairs = json_text.fix(text)
        if found:
            return None, problem_text(found), True
        if fixed is None:
            return None, "Nothing to fix: this is valid JSON." if (text or "").strip() else "Nothing to fix.", False
        return fixed, "Fixed: " + ", ".join(REPAIRS[r] for r in repairs) + ".", False
    rewrite = json_text.format_text if action == "format" else json_text.compact_text
    written, found = rewrite(text)
    if found:
        hint = " Fix may repair it." if found.get("code") == "invalid" else ""
        return None, problem_text(found) + hint, True
    if written is None:
        return None, "Nothing to format.", False
    return written, "Formatted." if action == "format" else "Written on one line.", False
