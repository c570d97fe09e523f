"""The source the guide shows, read from the running code so it cannot drift from it.

Python comes from ``inspect``; JavaScript is cut out of the asset file by
the function's name. ``pages.guide`` shows it as a fenced block of
``dcc.Markdown``, which escapes it and highlights it in the browser.
"""

import difflib
import importlib
import inspect
import json
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

from guide.topics import Callback, File, JavaScript, Python

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


class _Registrations:
    """Stands in for a ``Dash`` app in a module's ``register(app)``: keeps each function's dependencies and options."""

    def __init__(self):
        self.by_function = {}

    def callback(self, *dependencies, **options):
        def record(function):
            self.by_function[function.__name__] = (dependencies, options)
            return function

        return record

    def clientside_callback(self, *args, **kwargs):
        pass


def wiring_of(module_name, function_name):
    """``(dependencies, options)`` that ``module.register(app)`` passes to ``app.callback`` for the function."""
    registrations = _Registrations()
    importlib.import_module(module_name).register(registrations)
    return registrations.by_function[function_name]


def decorator_text(dependencies, options):
    """``@app.callback(...)`` as the documentation writes it, for these dependencies and options."""
    lines = ["@app.callback("]
    for dependency in dependencies:
        duplicate = ", allow_duplicate=True" if getattr(dependency, "allow_duplicate", False) else ""
        component, prop = json.dumps(dependency.component_id), json.dumps(dependency.component_property)
        lines.append(f"    {type(dependency).__name__}({component}, {prop}{duplicate}),")
    lines += [f"    {key}={value!r}," for key, value in options.items()]
    return "\n".join([*lines, ")"])


def callback_source(reference):
    """A callback as a reader would copy it: its decorator, from its real registration, and its function."""
    module_name = reference.name.partition(":")[0]
    function = python_source(getattr(importlib.import_module(module_name), reference.function))
    decorator = decorator_text(*wiring_of(module_name, reference.function))
    return Source(
        name=function.name,
        path=function.path,
        first_line=function.first_line,
        last_line=function.last_line,
        text=f"{decorator}\n{function.text}",
        language="python",
    )


def _comparable(line):
    return line.strip().rstrip(",").replace("'", '"')


def added_lines(documented, ours):
    """For each line of ``ours``, whether it is code added to ``documented`` (blank lines, comments and
    docstrings never are: the code is what a reader compares)."""
    theirs = [_comparable(line) for line in documented.splitlines()]
    mine = [_comparable(line) for line in ours.splitlines()]
    added = [bool(line) and not line.startswith(("#", '"""')) for line in mine]
    for tag, _, _, start, end in difflib.SequenceMatcher(None, theirs, mine, autojunk=False).get_opcodes():
        if tag == "equal":
            added[start:end] = [False] * (end - start)
    return added


def source_of(reference):
    """The :class:`Source` a topic's code reference (``guide.topics.Python``, ``Callback``, ``JavaScript``,
    ``File``) names."""
    if isinstance(reference, Callback):
        return callback_source(reference)
    if isinstance(reference, Python):
        return python_source(reference.obj)
    if isinstance(reference, JavaScript):
        return js_source(reference.asset, reference.name)
    if isinstance(reference, File):
        return file_source(reference.path, reference.language)
    raise TypeError(f"not a code reference: {reference!r}")
