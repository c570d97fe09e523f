"""pages/app_names.py's `app_name` and its JavaScript twin (assets/app_names.js) name every sample alike.

The JavaScript runs in node, with a minimal `window`, on the same samples.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from pages.app_names import app_name

SCRIPT = Path(__file__).resolve().parents[2] / "assets" / "app_names.js"
NODE = shutil.which("node")
needs_node = pytest.mark.skipif(NODE is None, reason="node is not installed: the JavaScript twin cannot run here")

SAMPLES = [
    None,
    {},
    [],
    ["Caller"],
    "Caller",
    "",
    42,
    True,
    {"application": "Caller", "instance": "x1"},
    {"applicationName": "Sum Server", "instance": "x2"},
    {"application": "", "applicationName": "Desktop App"},
    {"instance": "x3"},
    {"application": "  Sum Server 2  "},
    {"application": "   ", "applicationName": "\t", "instance": " x4 "},
    {"application": "   ", "applicationName": "\n"},
    {"application": None, "applicationName": None, "instance": None},
    {"application": 7, "applicationName": ["a"], "instance": {"id": 1}},
    {"application": False, "instance": "x5"},
    {"application": {"name": "nested"}, "instance": ""},
    # Python's str.strip() is not JavaScript's trim(): \x1c-\x1f and \x85 are white space, \ufeff is not.
    {"application": "\x1c\x1f\x85"},
    {"application": "\ufeff"},
    {"application": "\u3000Caller\u2028"},
    {"other": "Caller"},
]


def js_names(samples):
    program = (
        "global.window = {};"
        f"require({json.dumps(str(SCRIPT))});"
        f"const samples = {json.dumps(samples)};"
        "process.stdout.write(JSON.stringify(samples.map((s) => window.ioConnectAppName(s))));"
    )
    result = subprocess.run([NODE, "-e", program], capture_output=True, text=True, timeout=30, check=True)
    return json.loads(result.stdout)


@needs_node
def test_apnm001_the_javascript_twin_names_every_sample_as_python_does():
    assert js_names(SAMPLES) == [app_name(sample) for sample in SAMPLES]


def test_apnm002_the_samples_cover_each_way_to_a_name():
    names = [app_name(sample) for sample in SAMPLES]
    assert {"unknown app", "Caller", "Sum Server", "Desktop App", "x3", "Sum Server 2", "x4", "\ufeff"} <= set(names)
