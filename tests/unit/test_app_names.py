"""pages/app_names.py's `app_name` and its JavaScript twin (assets/app_names.js) name every sample alike.

The JavaScript runs in node, with a minimal `window`, on the same samples.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from pages.app_names import app_name, distinct_app_names

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
    # Dash's passing title, what an app with no name and none of our scripts joins the bus as.
    {"application": "Updating... (2HCZslYF8)", "instance": "i1"},
    {"application": "Updating...", "instance": "i2"},
    {"application": "Updating... (_-oUS5leH)"},  # glue's uids hold - and _ too
    {"applicationName": " Updating... (x1y2) "},
    {"application": "", "instance": "Updating... (i3)"},
    {"application": "Updating... ()"},
    {"application": "Updating... (x1)\n"},
    # ...and names that only look like it stay as they are.
    {"application": "Updating... (a) (b)"},
    {"application": "Updating...(x1)"},
    {"application": "Updating… (x1)"},
    {"application": "updating... (x1)"},
    {"application": "Updating... (x1) Sum Server"},
    {"application": "Sum Server: Updating... (x1)"},
    {"application": "Updating"},
    {"application": "unnamed Dash app (2HCZslYF8)"},
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
    assert {"unnamed Dash app (2HCZslYF8)", "unnamed Dash app", "unnamed Dash app (x1y2)"} <= set(names)


def test_apnm003_dash_s_passing_title_never_names_an_app():
    """ "Updating..." (Dash's update_title), alone or with glue's uid, reads "unnamed Dash app"; a name that
    only looks like it is kept, and the readable name is a fixed point of the rule."""
    assert app_name({"application": "Updating... (2HCZslYF8)", "instance": "i1"}) == "unnamed Dash app (2HCZslYF8)"
    assert app_name({"application": "Updating..."}) == "unnamed Dash app"
    assert app_name({"application": "Updating... ()"}) == "unnamed Dash app"
    assert app_name({"instance": " Updating... (i3) "}) == "unnamed Dash app (i3)"
    assert app_name({"application": "Updating... (x1) Sum Server"}) == "Updating... (x1) Sum Server"
    assert app_name({"application": "Updating… (x1)"}) == "Updating… (x1)"
    for sample in SAMPLES:
        name = app_name(sample)
        assert app_name({"application": name}) == name


def test_apnm004_distinct_names_tell_two_unnamed_dash_apps_apart():
    names = distinct_app_names(
        [{"application": "Updating...", "instance": "i1"}, {"application": "Updating...", "instance": "i2"}]
    )
    assert names == ["unnamed Dash app (i1)", "unnamed Dash app (i2)"]
