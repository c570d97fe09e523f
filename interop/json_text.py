"""The JSON boxes' Format, Compact and Fix: pure functions on the box's text (the words are pages/json_box.py's).

Each returns ``(text, problem)``. ``text`` is the box's new value, or None when it is to stay as it was;
``problem`` is None, or a dict of facts: ``{"code", "line", "column", ...}`` (line and column count from 1).

- ``format_text``: strict JSON, written again with a 2-space indent;
- ``compact_text``: strict JSON, written again on one line;
- ``fix``: repairs what people type by hand (single quotes, unquoted keys, trailing commas, Python's
  ``True``, ``False`` and ``None``) and changes nothing else: whitespace, numbers and the strings' text stay
  as typed. Valid JSON comes back unchanged. What it cannot repair is a problem at the place it is wrong.

NaN and Infinity are refused (``JSON.parse`` refuses them, and glue would send them as null), and so is a number
too large for a double. A text longer than ``ids.MAX_ARGS_CHARS`` (what the boxes take) is not parsed at all.
"""

import json
import math
import re

from ids import MAX_ARGS_CHARS

PYTHON_WORDS = {"True": "true", "False": "false", "None": "null"}
JSON_WORDS = ("true", "false", "null")
NOT_NUMBERS = ("NaN", "Infinity")
WORD = re.compile(r"[A-Za-z_$][\w$]*")
NUMBER = re.compile(r"-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
SPACE = re.compile(r"\s*")
PUNCTUATION = "{}[]:,"


class _Refused(ValueError):
    """A NaN, an Infinity or an overflowing number, with where it is (an offset into the parsed text)."""

    def __init__(self, code, offset=None):
        super().__init__(code)
        self.code = code
        self.offset = offset


def position(text, offset):
    """``(line, column)`` of ``offset`` in ``text``, both from 1."""
    offset = max(0, min(offset, len(text)))
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def problem(code, text=None, offset=None, **facts):
    """A problem's facts, with its line and column when it has a place in ``text``."""
    found = {"code": code, **facts}
    if text is not None and offset is not None:
        found["offset"] = offset
        found["line"], found["column"] = position(text, offset)
    return found


def _refuse_constant(name):
    raise _Refused("not-a-number", None)


def _finite_float(literal):
    value = float(literal)
    if not math.isfinite(value):
        raise _Refused("number-too-large", None)
    return value


def parse(text):
    """``(value, None)`` for strict JSON, or ``(None, problem)``; NaN, Infinity and huge numbers refused."""
    if len(text) > MAX_ARGS_CHARS:
        return None, problem("too-long", chars=len(text), limit=MAX_ARGS_CHARS)
    try:
        return json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float), None
    except json.JSONDecodeError as error:
        return None, problem("invalid", text, error.pos, reason=error.msg)
    except _Refused as refused:
        return None, problem(refused.code, text, _first_refused(text, refused.code))
    except RecursionError:
        return None, problem("too-deep")


def _first_refused(text, code):
    """Where the first NaN or Infinity (or number too large) is, outside strings."""
    for kind, token, start in _scan(text)[0]:
        if code == "not-a-number" and kind == "word" and token.lstrip("-") in NOT_NUMBERS:
            return start
        if code == "number-too-large" and kind == "number" and not math.isfinite(float(token)):
            return start
    return 0


def _dump(value, indent):
    try:
        if indent:
            return json.dumps(value, indent=2, ensure_ascii=False)
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    except RecursionError:
        return None


def format_text(text):
    """The JSON in ``text`` with a 2-space indent, or ``(None, problem)``. Empty text stays empty."""
    return _rewrite(text, indent=True)


def compact_text(text):
    """The JSON in ``text`` on one line, or ``(None, problem)``. Empty text stays empty."""
    return _rewrite(text, indent=False)


def _rewrite(text, indent):
    text = text or ""
    if not text.strip():
        return None, None
    value, found = parse(text)
    if found:
        return None, found
    written = _dump(value, indent)
    if written is None:
        return None, problem("too-deep")
    return written, None


# --- Fix ---------------------------------------------------------------------------------------------------------


def _string_end(text, start):
    """The offset just after the string that opens at ``start`` (its quote), or None if it is not closed."""
    quote = text[start]
    i = start + 1
    while i < len(text):
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char == quote:
            return i + 1
        if char == "\n":
            return None
        i += 1
    return None


def _double_quoted(body):
    """A single-quoted string's body as the body of a double-quoted one: ``\\'`` unescaped, ``"`` escaped."""
    out = []
    i = 0
    while i < len(body):
        char = body[i]
        if char == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            out.append("'" if nxt == "'" else char + nxt)
            i += 2
            continue
        out.append('\\"' if char == '"' else char)
        i += 1
    return "".join(out)


def _scan(text):
    """``(tokens, problem)``: each token ``(kind, text, offset)`` with kind string, number, word or a punctuation
    character, and the whitespace between them left out (the offsets keep it)."""
    tokens = []
    i = SPACE.match(text, 0).end()
    while i < len(text):
        char = text[i]
        if char in "\"'":
            end = _string_end(text, i)
            if end is None:
                return tokens, problem("unclosed-string", text, i)
            tokens.append(("string", text[i:end], i))
        elif char in PUNCTUATION:
            tokens.append((char, char, i))
            end = i + 1
        elif number := NUMBER.match(text, i):
            end = number.end()
            tokens.append(("number", number.group(), i))
        elif char == "-" and (word := WORD.match(text, i + 1)):
            end = word.end()
            tokens.append(("word", "-" + word.group(), i))
        elif word := WORD.match(text, i):
            end = word.end()
            tokens.append(("word", word.group(), i))
        else:
            return tokens, problem("unexpected", text, i, character=char)
        i = SPACE.match(text, end).end()
    return tokens, None


def _repair(kind, token, following):
    """``(replacement, change)`` for one token: what it becomes, and the kind of repair (None: kept)."""
    is_key = following == ":"
    if kind == "string" and token[0] == "'":
        return '"' + _double_quoted(token[1:-1]) + '"', "single-quotes"
    if kind == "word":
        if token.lstrip("-") in NOT_NUMBERS:
            return None, "not-a-number"
        if is_key:
            return f'"{token}"', "unquoted-keys"
        if token in PYTHON_WORDS:
            return PYTHON_WORDS[token], "python-words"
        return token, None  # true, false, null, or a word JSON will refuse (with its place)
    if kind == "number" and is_key:
        return f'"{token}"', "unquoted-keys"
    return token, None


def fix(text):
    """``(fixed text or None, problem or None, the kinds of repair made)``."""
    text = text or ""
    if len(text) > MAX_ARGS_CHARS:
        return None, problem("too-long", chars=len(text), limit=MAX_ARGS_CHARS), []
    if not text.strip():
        return None, None, []
    _value, found = parse(text)
    if found is None:
        return None, None, []  # valid JSON: nothing to fix
    if found["code"] != "invalid":
        return None, found, []
    tokens, found = _scan(text)
    if found:
        return None, found, []
    pieces, offsets, changes = [], [], []  # offsets: each token's (new offset, new length, old offset, old length)
    length = 0
    previous_end = 0
    for index, (kind, token, start) in enumerate(tokens):
        following = tokens[index + 1][0] if index + 1 < len(tokens) else None
        if kind == "," and following in ("}", "]"):
            pieces.append(text[previous_end:start])  # the space before it stays, the comma goes
            length += start - previous_end
            previous_end = start + 1
            changes.append("trailing-commas")
            continue
        replacement, change = _repair(kind, token, following)
        if change == "not-a-number":
            return None, problem("not-a-number", text, start), []
        if change:
            changes.append(change)
        pieces.append(text[previous_end:start])
        length += start - previous_end
        offsets.append((length, len(replacement), start, len(token)))
        pieces.append(replacement)
        length += len(replacement)
        previous_end = start + len(token)
    pieces.append(text[previous_end:])
    fixed = "".join(pieces)
    _value, found = parse(fixed)
    if found:
        return None, _in_original(found, text, offsets), []
    return fixed, None, sorted(set(changes), key=changes.index)


def _in_original(found, text, offsets):
    """A problem found in the fixed text, at the same place in the text as typed."""
    if "offset" not in found:
        return found
    offset = found["offset"]
    original = offset
    for new, new_length, old, old_length in reversed(offsets):
        if new <= offset:
            inside = offset - new
            original = (
                old + min(inside, old_length - 1) if inside < new_length else old + old_length + inside - new_length
            )
            break
    facts = {key: value for key, value in found.items() if key == "reason"}
    return problem(found["code"], text, min(original, len(text)), **facts)
