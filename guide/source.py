"""The source the guide shows, read from the running code so it cannot drift from it.

Python comes from ``inspect``: a callback's source begins with the
``@app.callback(...)`` written above it, which is what registers it, so the
listing is what runs. JavaScript is cut out of the asset file by the
function's name. ``pages.guide`` shows it as a fenced block of
``dcc.Markdown``, which escapes it and highlights it in the browser.
"""

import difflib
import inspect
import json
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

import ids
from guide.topics import File, JavaScript, Python

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "assets"


@dataclass(frozen=True)
class Source:
    """A piece of this project's code: where it lives and its text."""

    name: str  # what the guide calls it: "callbacks.server.sum_invocation_handler"
    path: str  # relative to the project root
    first_line: int
    last_line: int
    text: str
    language: str


def python_source(obj):
    """The source of a module-level function (or class) as ``inspect`` reads it from the running module."""
    lines, first_line = inspect.getsourcelines(obj)
    path = Path(inspect.getsourcefile(obj)).resolve().relative_to(ROOT)
    return Source(
        name=f"{obj.__module__}.{obj.__qualname__}",
        path=path.as_posix(),
        first_line=first_line,
        last_line=first_line + len(lines) - 1,
        text=textwrap.dedent("".join(lines)).rstrip("\n"),
        language="python",
    )


def _definition_start(lines, name):
    """Index of the line that defines ``name``: ``function name(`` or ``name: function (``."""
    pattern = re.compile(rf"^\s*(function\s+{re.escape(name)}\s*\(|{re.escape(name)}\s*:\s*function\s*\()")
    matches = [i for i, line in enumerate(lines) if pattern.search(line)]
    if len(matches) != 1:
        raise LookupError(f"expected one definition of {name!r}, found {len(matches)}")
    return matches[0]


def _comment_start(lines, index):
    """Where the comment right above line ``index`` starts (``index`` itself when there is none)."""
    start = index
    while start > 0 and lines[start - 1].strip().startswith(("//", "/*", "*")):
        start -= 1
    return start


def _block_end(lines, index):
    """The line that closes the body opened on line ``index``.

    Braces count only in code: not in strings (quoted or template), line
    comments or block comments, which may span lines.
    """
    depth, opened, state = 0, False, None  # state: None (code), "block", or the quote a string opened with
    for number in range(index, len(lines)):
        line, i = lines[number], 0
        while i < len(line):
            char, pair = line[i], line[i : i + 2]
            if state == "block":
                if pair == "*/":
                    state, i = None, i + 1
            elif state:
                if char == "\\":
                    i += 1
                elif char == state:
                    state = None
            elif pair == "//":
                break
            elif pair == "/*":
                state, i = "block", i + 1
            elif char in "\"'`":
                state = char
            elif char == "{":
                depth, opened = depth + 1, True
            elif char == "}":
                depth -= 1
                if opened and depth == 0:
                    return number
            i += 1
        if state in ("'", '"'):
            state = None  # a quoted string never runs on to the next line
    raise LookupError(f"unbalanced braces after line {index + 1}")


def js_source(asset, name):
    """The function ``name`` in ``assets/<asset>``, with the comment right above it."""
    path = ASSETS / asset
    lines = path.read_text().splitlines()
    start = _definition_start(lines, name)
    first = _comment_start(lines, start)
    last = _block_end(lines, start)
    text = textwrap.dedent("\n".join(lines[first : last + 1]))
    return Source(
        name=f"{name} ({asset})",
        path=path.relative_to(ROOT).as_posix(),
        first_line=first + 1,
        last_line=last + 1,
        text=text.rstrip(",\n").rstrip(),
        language="javascript",
    )


def file_source(path, language):
    """A whole file of the project (small ones: a generated definition, say)."""
    full = ROOT / path
    text = full.read_text().rstrip("\n")
    return Source(
        name=path,
        path=path,
        first_line=1,
        last_line=text.count("\n") + 1,
        text=text,
        language=language,
    )


IDS_NAME = re.compile(r"\bids\.([A-Z][A-Z0-9_]*)\b")
DOCSTRING = '"""'


def with_ids_resolved(line):
    """``line`` with each ``ids.NAME`` written as its value: ``Output(ids.REGISTER_SUM, "result")`` reads
    ``Output("io-connect-register-sum", "result")``, as the documentation writes it."""

    def value(match):
        resolved = getattr(ids, match.group(1), None)
        return json.dumps(resolved) if isinstance(resolved, str) else match.group(0)

    return IDS_NAME.sub(value, line)


def ids_named(text):
    """``[(NAME, value)]`` of the string ids ``text`` names as ``ids.NAME``, in order of first use: what a reader
    who copies the listing writes in place of ``ids.NAME``."""
    named = {}
    for name in IDS_NAME.findall(text):
        value = getattr(ids, name, None)
        if isinstance(value, str):
            named.setdefault(name, value)
    return list(named.items())


def _comparable(line):
    return with_ids_resolved(line.strip()).rstrip(",").replace("'", '"')


def _docstring_lines(lines):
    """Which of ``lines`` belong to a docstring (a block that opens with three double quotes)."""
    inside, marks = False, []
    for line in lines:
        if inside:
            marks.append(True)
            inside = not line.endswith(DOCSTRING)
        else:
            opens = line.startswith(DOCSTRING)
            marks.append(opens)
            inside = opens and (line == DOCSTRING or not line[len(DOCSTRING) :].endswith(DOCSTRING))
    return marks


def added_lines(documented, ours):
    """For each line of ``ours``, whether it is code added to ``documented``.

    Lines compare with our ``ids.NAME`` read as the id it names, quotes and a
    trailing comma aside. Blank lines, docstrings and comments are never
    added (the code is what a reader compares), but for our ``# Added:``
    comments, which belong to the addition they introduce.
    """
    theirs = [_comparable(line) for line in documented.splitlines()]
    mine = [_comparable(line) for line in ours.splitlines()]
    added = [
        bool(line) and not in_docstring and (not line.startswith("#") or line.startswith("# Added"))
        for line, in_docstring in zip(mine, _docstring_lines(mine), strict=True)
    ]
    for tag, _, _, start, end in difflib.SequenceMatcher(None, theirs, mine, autojunk=False).get_opcodes():
        if tag == "equal":
            added[start:end] = [False] * (end - start)
    return added


def source_of(reference):
    """The :class:`Source` a topic's code reference (``guide.topics.Python``, ``Callback``, ``JavaScript``,
    ``File``) names."""
    if isinstance(reference, Python):  # a Callback too
        return python_source(reference.obj)
    if isinstance(reference, JavaScript):
        return js_source(reference.asset, reference.name)
    if isinstance(reference, File):
        return file_source(reference.path, reference.language)
    raise TypeError(f"not a code reference: {reference!r}")
