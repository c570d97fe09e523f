"""The README's screenshot script, in its smoke mode: it must keep working as the app changes."""

import struct
import subprocess
import sys

import pytest

from harness.browser import ROOT


def png_size(path):
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


@pytest.mark.browser  # the script drives Chromium
@pytest.mark.script
def test_shot001_screenshot_script_smoke(tmp_path):
    completed = subprocess.run(
        [sys.executable, "scripts/screenshots.py", "--smoke", "--out", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert completed.returncode == 0, completed.stderr
    shots = sorted(p.name for p in tmp_path.glob("*.png"))
    assert shots == ["guide-targeting.png", "inspector.png", "workspace.png"]
    for name in shots:
        assert png_size(tmp_path / name) == (1000, 700)
