"""ids.py: one source for the ids and limits that JavaScript and Python share."""

import re
from pathlib import Path

import ids
from scripts.shared_js import PATH

ASSETS = Path(ids.__file__).resolve().parent / "assets"


def test_ids001_the_generated_asset_is_current():
    assert PATH.read_text() == ids.javascript_constants(), "run: .venv/bin/python -m scripts.shared_js"


# Numbers in the assets that equal a shared limit by coincidence: (asset, the line they are on, why they are not it).
NOT_SHARED = {
    ("caller.js", "var REDRAW_MS = 100;"): "the pending status redraw interval, the Caller's own",
    ("caller.js", "var elapsed = ((now - record.t) / 1000)"): "milliseconds in a second",
    ("caller.js", "options.methodResponseTimeoutMs / 1000"): "milliseconds in a second",
    ("inspector_streams.js", "var REFRESH_MS = 1000;"): "how often open subscriptions are looked at again",
    ("inspector_streams.js", '"stream-cut small text-muted w-100"'): "Bootstrap's full-width class, w-100",
    ("dash_glue42_activity.js", ".slice(2, 8);"): "the length of a record id's random part",
    ("shell.js", '{children: "Copy"}); }, 2000);'): "how long a Copy button says Copied",
}
NUMBER = re.compile(r"(?<![\w.$])\d[\d_]*(?:\.\d+)?(?:e\d+)?(?![\w.$])", re.IGNORECASE)
COMMENT = re.compile(r"/\*.*?\*/|(?<![:\\])//[^\n]*", re.DOTALL)


def code_numbers(text):
    """``(number, line)`` for each numeric literal outside comments (a comment may name a limit's value)."""
    code = COMMENT.sub(lambda m: "\n" * m.group().count("\n"), text)
    for line in code.splitlines():
        for match in NUMBER.finditer(line):
            yield float(match.group().replace("_", "")), line.strip()


def test_ids002_no_asset_keeps_a_copy_of_a_shared_constant():
    """Each asset reads what it shares from window.ioConnectShared, so the two sides cannot disagree.

    A string is caught wherever it starts a literal; a number wherever it is written in code (``setTimeout(f,
    150)`` as much as ``var SHOWN_AFTER_MS = 150``), unless NOT_SHARED says why that one is another number.
    """
    shared = {name: getattr(ids, name) for name in ids.SHARED_WITH_JAVASCRIPT}
    numbers = {value: name for name, value in shared.items() if not isinstance(value, str)}
    allowed_seen = set()
    for path in ASSETS.glob("*.js"):
        if path == PATH:
            continue
        text = path.read_text()
        for name, value in shared.items():
            if isinstance(value, str):
                assert not any(f"{quote}{value}" in text for quote in "\"'`"), (path.name, name)
        for number, line in code_numbers(text):
            if number not in numbers:
                continue
            allowed = [key for key in NOT_SHARED if key[0] == path.name and key[1] in line]
            assert allowed, (path.name, numbers[number], line)
            allowed_seen.update(allowed)
    assert allowed_seen == set(NOT_SHARED), "NOT_SHARED names a line no asset has any more"


def test_ids003_a_changed_constant_changes_the_asset(monkeypatch):
    monkeypatch.setattr(ids, "LOG_KEPT", 21)
    assert '"LOG_KEPT": 21' in ids.javascript_constants() != PATH.read_text()
