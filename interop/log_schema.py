"""The JSON log file's format, stated once: pydantic models of the document, its invocations and their servers.

``interop/log_file.py`` writes documents of this shape and reads them back through :func:`validate`. Every
field that came from other apps is bounded here: texts to ``ids.LOG_TEXT_LIMIT`` characters (what the apps'
records carry), lists to ``ids.LOG_ROWS`` invocations, numbers to a range, finite, and never a bool. A file
that fails gets one sentence naming the first bad field (:func:`refusal`); it never repeats the file's content.

Version 2 adds ``handler_ms`` to each server: its own handling time, from its handled record. A version 1 file
has none (:data:`VERSION_FIELDS`).
"""

import json
import types
import typing
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

import ids

FORMAT = "io-connect-dash-interop-log"
VERSION = 2
LATEST_MS = 253_402_300_799_999  # 9999-12-31T23:59:59.999Z: later times cannot be shown as a date
LONGEST_MS = 10**9  # a latency or a handling time: about 11 days
VERSION_FIELDS = {"handler_ms": 2}  # fields newer than version 1, and the version that added them


def number(low, high):
    """A JSON number from ``low`` to ``high``: finite, and never ``true`` or ``false``."""
    return Annotated[int | float, Field(ge=low, le=high, allow_inf_nan=False)]


Text = Annotated[str, Field(max_length=ids.LOG_TEXT_LIMIT)]
Plain = Text | number(-LATEST_MS, LATEST_MS) | bool | None


def clean_target(target):
    """A target as text (``best``, ``all``, …) or a list of instance filters of plain values; anything else
    an app sent is dropped, so what the log shows of it is always text."""
    if not isinstance(target, list | dict):
        return target  # text, null, or a value the schema refuses
    items = target if isinstance(target, list) else [target]
    return [
        {key: value for key, value in item.items() if isinstance(value, str | int | float | bool) or value is None}
        for item in items
        if isinstance(item, dict)
    ]


def target_fits(target):
    """A list of filters whose compact JSON is one text's worth: a target is bounded like every other text."""
    if isinstance(target, list) and len(json.dumps(target, ensure_ascii=False, separators=(",", ":"))) > (
        ids.LOG_TEXT_LIMIT
    ):
        raise ValueError("too long")
    return target


Target = Annotated[
    Text | list[dict[Text, Plain]] | None,
    BeforeValidator(clean_target),
    AfterValidator(target_fits),
    Field(description=f"text, or a list of instances of at most {ids.LOG_TEXT_LIMIT} characters as JSON, or null"),
]


class Part(BaseModel):
    """Strict JSON types: ``"1"`` is not a number, ``1`` is not ``true``. Fields a reader does not know are
    ignored, so a file may say more of itself."""

    model_config = ConfigDict(strict=True, extra="ignore")


class Server(Part):
    application: Text
    instance: Text
    outcome: Text
    ok: bool
    handled: bool
    handler_ms: number(0, LONGEST_MS) | None = None  # version 2


class Invocation(Part):
    id: Text
    method: Text
    caller: Text
    caller_instance: Text
    target: Target = None
    args: Text
    start_ms: number(0, LATEST_MS)
    start_iso: Text | None = None  # written for a reader; start_ms is the time
    latency_ms: number(0, LONGEST_MS) | None
    error: Text | None
    reported_by_caller: bool
    servers: Annotated[list[Server], Field(max_length=ids.LOG_ROWS)]


class App(Part):
    application: Text
    instance: Text


class Document(Part):
    """What follows ``format`` and ``version`` (:func:`validate` checks those two first, to say which it is)."""

    exported_at: Text
    exported_at_ms: number(0, LATEST_MS) | None = None
    software: Annotated[dict[Text, Text | None], Field(max_length=16)] | None = None
    source: Text | None = None
    filter: Annotated[dict[Text, Text], Field(max_length=16)] | None = None
    apps: Annotated[list[App], Field(max_length=3 * ids.LOG_ROWS)] | None = None  # a caller and two servers each
    count: number(0, ids.LOG_ROWS) | None = None
    invocations: Annotated[list[Invocation], Field(max_length=ids.LOG_ROWS)]


# --- a refusal in words -------------------------------------------------------
ITEM_WORDS = {"invocations": "invocation", "servers": "server", "apps": "app"}  # "invocation 3", "server 1"


def kind(annotation):
    """What a value of ``annotation`` must be, in words: ``text of at most 200 characters``, ``true or false``."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is Annotated:
        bounds = {}
        for item in args[1:]:
            for each in (item, *getattr(item, "metadata", ())):  # a Field(...) holds its constraints
                bounds.update({name: getattr(each, name) for name in ("ge", "le", "max_length") if hasattr(each, name)})
        words = kind(args[0])
        if "ge" in bounds:
            words += f" from {bounds['ge']:,} to {bounds['le']:,}"
        if "max_length" in bounds:
            unit = "characters" if args[0] is str else "entries"
            words += f" of at most {bounds['max_length']:,} {unit}"
        return words
    if origin in (typing.Union, types.UnionType):
        members = dict.fromkeys(kind(a) for a in args if a is not type(None))  # int | float: "a number" once
        return " or ".join(members) + (", or null" if type(None) in args else "")
    if annotation is str:
        return "text"
    if annotation is bool:
        return "true or false"
    if annotation in (int, float):
        return "a number"
    return "a list" if origin is list else "an object"  # a model, or a dict


def listed_model(annotation):
    """The model a list field holds (``Invocation`` for ``invocations``), or ``None``."""
    for member in (annotation, *typing.get_args(annotation)):
        while typing.get_origin(member) is Annotated:
            member = typing.get_args(member)[0]
        if typing.get_origin(member) is list:
            (item,) = typing.get_args(member)
            return item if isinstance(item, type) and issubclass(item, BaseModel) else None
    return None


def refusal(loc):
    """One sentence from the place of pydantic's first error: where (``invocation 3, server 1: instance``)
    and what the field must be, from its annotation. The value itself is never repeated: it may be long, or
    markup."""
    model, where, field, what = Document, [], None, None
    for part in loc:
        if model is not None and isinstance(part, str) and part in model.model_fields:
            info = model.model_fields[part]
            field, what = part, info.description or kind(info.rebuild_annotation())
            model = listed_model(info.rebuild_annotation())
        elif isinstance(part, int) and field in ITEM_WORDS and model is not None:
            where.append(f"{ITEM_WORDS[field]} {part + 1}")
            field, what = None, "an object"
        else:
            break  # a union member's tag, or inside a field described as a whole (a target's filters)
    place = ", ".join(where)
    if field is None:
        return f"{place} must be {what}"
    name = f"its {field}" if not place and field in ITEM_WORDS else field
    return f"{place}: {name} must be {what}" if place else f"{name} must be {what}"


def validate(document: Any):
    """The :class:`Document` of a parsed JSON value whose format and version were checked, or ``ValueError``
    with :func:`refusal`'s sentence."""
    try:
        return Document.model_validate(document)
    except ValidationError as error:
        raise ValueError(refusal(error.errors(include_url=False, include_input=False)[0]["loc"])) from None
