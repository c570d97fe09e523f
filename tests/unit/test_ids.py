"""ids.py: one source for the ids and limits that JavaScript and Python share."""

import re
from pathlib import Path

import ids
from scripts.shared_js import PATH

ASSETS = Path(ids.__file__).resolve().parent / "assets"


def test_ids001_the_generated_asset_is_current():
    assert PATH.read_text() == ids.javascript_constants(), "run: .venv/bin/python -m scripts.shared_js"


def test_ids002_no_asset_keeps_a_copy_of_a_shared_constant():
    """Each asset reads what it shares from window.ioConnectShared, so the two sides cannot disagree."""
    shared = {name: getattr(ids, name) for name in ids.SHARED_WITH_JAVASCRIPT}
    for path in ASSETS.glob("*.js"):
        if path == PATH:
            continue
        text = path.read_text()
        for name, value in shared.items():
            if isinstance(value, str):
                assert f'"{value}' not in text and f"'{value}" not in text, (path.name, name)
            else:
                assert not re.search(rf"\b{name.split('_', 1)[-1]}\s*=\s*{value}\b", text), (path.name, name)


def test_ids003_a_changed_constant_changes_the_asset(monkeypatch):
    monkeypatch.setattr(ids, "LOG_KEPT", 21)
    assert '"LOG_KEPT": 21' in ids.javascript_constants() != PATH.read_text()
