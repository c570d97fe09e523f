"""Routes and layouts, through Flask's test client."""

import importlib
import json
import re

import pytest

import ids
import registry
from app import COMPAT_SCRIPT as COMPAT
from tests.integration.dash_client import SUM_RESULT_OUTPUTS, call_callback, find_component, iter_components, layout_ids

EXPECTED_IDS = {
    "/": [ids.GLUE, ids.FRAMES_STORE, ids.ADDABLE_STORE, ids.CONNECTED_STORE],  # pages: test_guide_routes.py
    "/server/": [ids.GLUE, ids.REGISTER_SUM, ids.REGISTER_SEND_MESSAGE, ids.MESSAGE, ids.HANDLED_LIST],
    "/caller/": [
        ids.GLUE,
        ids.INVOKE_SUM,
        ids.INVOKE_SEND_MESSAGE,
        ids.NUMBER_A,
        ids.NUMBER_B,
        ids.SUM_BUTTON,
        ids.SUM_RESULT,
        ids.MESSAGE_INPUT,
        ids.SEND_MESSAGE_BUTTON,
        ids.TARGET,
        ids.RESPONSE_TIMEOUT,
        ids.WAIT_TIMEOUT,
        ids.SERVE_SUM,
    ],
    "/inspector/": [
        ids.GLUE,
        ids.INSPECTOR_SERVERS,
        ids.INSPECTOR_LOG,
        ids.LATENCY_BOX,
        ids.INSPECTOR_INVOKE,
        ids.ADHOC_METHOD,
        ids.ADHOC_ARGS,
        ids.ADHOC_TARGET,
        ids.ADHOC_BUTTON,
        ids.LOG_CLEAR,
    ],
}


@pytest.mark.parametrize("spec", registry.APPS, ids=lambda s: s.name)
def test_rout001_every_registry_app_is_served(client, spec):
    response = client.get(spec.prefix)
    assert response.status_code == 200
    assert re.search(rf"<title>(.+ · )?{re.escape(spec.title)}</title>", response.text)  # the shell: its page's


@pytest.mark.parametrize("prefix, expected", EXPECTED_IDS.items())
def test_rout002_layouts_hold_the_documented_ids(client, prefix, expected):
    layout = client.get(f"{prefix}_dash-layout").get_json()
    assert set(expected) <= layout_ids(layout)


def test_rout003_server_registers_sum_and_send_message_as_documented(client):
    layout = client.get("/server/_dash-layout").get_json()
    sum_register = find_component(layout, ids.REGISTER_SUM)["props"]
    send_register = find_component(layout, ids.REGISTER_SEND_MESSAGE)["props"]
    assert sum_register["definition"] == {"name": "Sum"} and sum_register["returns"] is True
    assert isinstance(sum_register["methodResponseTimeoutMs"], int)
    assert send_register["definition"] == "SendMessage" and send_register["returns"] is False


def test_rout004_shell_is_the_platform_and_quiets_the_gateway(client):
    glue = find_component(client.get("/_dash-layout").get_json(), ids.GLUE)
    assert glue["type"] == "Glue42"
    settings = glue["props"]["settings"]
    assert settings["type"] == "platform"
    assert settings["webPlatform"]["config"]["gateway"]["logging"]["level"] in ("warn", "error")


def test_rout005_shell_embeds_a_caller_two_servers_and_the_inspector_from_the_registry(client):
    frames = find_component(client.get("/_dash-layout").get_json(), ids.FRAMES_STORE)["props"]["data"]
    assert [f["name"] for f in frames] == ["Caller", "Sum Server 1", "Sum Server 2", "Inspector"]
    prefixes = {spec.name: spec.prefix for spec in registry.CLIENT_APPS}
    assert all(f["src"].startswith(prefixes[f["app"]]) for f in frames)


def test_rout006_clients_are_named_and_not_platforms(client):
    for spec in registry.CLIENT_APPS:
        glue = client.get(f"{spec.prefix}_dash-layout").get_json()
        assert glue["props"]["settings"]["type"] == "client"
        assert glue["props"]["settings"]["web"]["config"]["application"] == spec.title


@pytest.mark.parametrize("prefix", ["/", "/server/", "/caller/", "/inspector/"])
def test_rout007_nothing_is_loaded_from_another_origin(client, prefix):
    html = client.get(prefix).text
    external = re.findall(r'(?:src|href)="(https?:)?//', html)
    assert external == []
    assert "bootstrap" in html  # the vendored stylesheet


def dash_config(client, prefix="/caller/"):
    """The ``_dash-config`` a page gives Dash's renderer (its dev tools among them)."""
    page = client.get(prefix).text
    return json.loads(re.search(r'<script id="_dash-config" type="application/json">(.*?)</script>', page).group(1))


def test_rout008_debug_and_dev_tools_are_off_by_default(app, client):
    assert app.debug is False
    config = dash_config(client)
    assert config["ui"] is False and config["props_check"] is False


def test_rout009_debug_is_an_environment_switch(monkeypatch):
    from app import create_server

    monkeypatch.setenv("IOCONNECT_DEBUG", "true")
    # Hot reload would start a thread per app that walks Dash's packages every 3 s for the rest of the session
    # (and fails on a bytecode file another process is writing there).
    monkeypatch.setenv("DASH_HOT_RELOAD", "false")
    server = create_server()
    assert server.debug is True
    config = dash_config(server.test_client())
    assert config["ui"] is True and config["props_check"] is True  # Dash's dev tools, off by default (rout008)


def test_rout010_bare_prefix_redirects(client):
    response = client.get("/server")
    assert response.status_code in (301, 308) and response.headers["Location"].endswith("/server/")


def scripts(html):
    """The file names of the scripts a page loads."""
    return [src.split("?")[0].rsplit("/", 1)[-1] for src in re.findall(r'<script[^>]* src="([^"]+)"', html)]


def asset_scripts(html):
    """The file names of the scripts of assets/ a page loads, in order."""
    return [src.split("?")[0] for src in re.findall(r'<script[^>]* src="[^"]*/assets/([^"]+)"', html)]


@pytest.mark.parametrize("spec", registry.APPS, ids=lambda spec: spec.name)
def test_rout011_each_app_loads_the_scripts_its_entry_lists_in_that_order(client, spec):
    assert spec.scripts, spec.name
    assert asset_scripts(client.get(spec.prefix).text) == list(spec.scripts)


def test_rout012_compat_script_can_be_left_out(app):
    """Switched off, no app's page loads the compat script; the same pages of the default server do, so the
    check is of the script by the name it is served under."""
    from app import create_server

    without = create_server({"DASH_GLUE42_COMPAT": False}).test_client()
    for prefix in ("/", "/server/", "/caller/", "/inspector/"):
        assert COMPAT in scripts(app.test_client().get(prefix).text), prefix
        loaded = asset_scripts(without.get(prefix).text)
        assert loaded == [name for name in asset_scripts(app.test_client().get(prefix).text) if name != COMPAT], prefix


def test_rout013_sum_handler_answers_over_http(client):
    """The real _dash-update-component round trip of the Sum handler callback."""
    invoke = {"invocationId": "http-1", "args": {"a": "40", "b": 2}, "caller": {"application": "Caller"}}
    response = call_callback(
        client,
        "/server/",
        inputs=[(ids.REGISTER_SUM, "invoke", invoke)],
        outputs=[(ids.REGISTER_SUM, "result"), (ids.HANDLED_LIST, "children")],
    )
    assert response.status_code == 200
    result = response.get_json()["response"][ids.REGISTER_SUM]["result"]
    assert result == {"invocationId": "http-1", "invocationResult": {"sum": 42.0}}


def test_rout014_healthz(client):
    body = client.get("/healthz").get_json()
    assert body["status"] == "ok" and body["version"]
    assert [a["prefix"] for a in body["apps"]] == [spec.prefix for spec in registry.APPS]


def server_callbacks(client, prefix):
    """``[(output string, [input "id.property"])]`` of an app's server-side callbacks, from _dash-dependencies."""
    dependencies = client.get(f"{prefix}_dash-dependencies").get_json()
    return [
        (d["output"], [f"{i['id']}.{i['property']}" for i in d["inputs"]])
        for d in dependencies
        if not d.get("clientside_function")
    ]


def test_rout016_the_callers_own_sum_answers_like_a_server(client):
    """With "Serve Sum from this caller too" on, the caller answers like a server, with the result alone."""
    invoke = {"invocationId": "own-1", "args": {"a": 1, "b": 1}, "caller": {"application": "Inspector"}}
    response = call_callback(
        client,
        "/caller/",
        inputs=[(ids.REGISTER_SUM, "invoke", invoke)],
        outputs=[(ids.REGISTER_SUM, "result")],
    )
    body = response.get_json()["response"]
    assert body == {ids.REGISTER_SUM: {"result": {"invocationId": "own-1", "invocationResult": {"sum": 2.0}}}}


@pytest.mark.parametrize(
    "prefix, invoker, trigger",
    [
        ("/caller/", ids.INVOKE_SUM, f"{ids.SUM_BUTTON}.n_clicks"),
        ("/caller/", ids.INVOKE_SEND_MESSAGE, f"{ids.SEND_MESSAGE_BUTTON}.n_clicks"),
        ("/inspector/", ids.INSPECTOR_INVOKE, f"{ids.ADHOC_BUTTON}.n_clicks"),
    ],
)
def test_rout017_invoking_and_results_are_python_callbacks_as_documented(client, prefix, invoker, trigger):
    """A server callback writes ``MethodInvoke.invoke``; another reads ``MethodInvoke.result``."""
    callbacks = server_callbacks(client, prefix)
    invoking = [inputs for output, inputs in callbacks if f"{invoker}.invoke" in output]
    assert invoking == [[trigger]]
    reading = [output for output, inputs in callbacks if inputs == [f"{invoker}.result"]]
    assert len(reading) == 1
    if invoker == ids.INVOKE_SUM:
        assert f"{ids.SUM_RESULT}.children" in reading[0]
    dependencies = client.get(f"{prefix}_dash-dependencies").get_json()
    assert not any(
        d.get("clientside_function") and (f"{invoker}.invoke" in d["output"] or f"{invoker}.result" in str(d["inputs"]))
        for d in dependencies
    )


def test_rout018_a_sum_over_http_invoke_then_result(client):
    """The Caller's two Sum callbacks as the browser calls them: the invoke object, then its result read."""
    options = [(ids.TARGET, "value", "all"), (ids.RESPONSE_TIMEOUT, "value", 10_000), (ids.WAIT_TIMEOUT, "value", 0)]
    response = call_callback(
        client,
        "/caller/",
        inputs=[(ids.SUM_BUTTON, "n_clicks", 1)],
        outputs=[(ids.INVOKE_SUM, "invoke"), (ids.INVOKE_PROBLEM, "children")],
        state=[(ids.NUMBER_A, "value", "40"), (ids.NUMBER_B, "value", "2"), *options],
    )
    body = response.get_json()["response"]
    invoke = body[ids.INVOKE_SUM]["invoke"]
    assert invoke == {
        "definition": {"name": "Sum"},
        "argumentObj": {"a": "40", "b": "2"},
        "target": "all",
        "options": {"methodResponseTimeoutMs": 10_000, "waitTimeoutMs": 0},
    }
    # What the page's MethodInvoke sets, with what the activity seam adds (the invocationId, `sent`, `timing`).
    result = {
        "invocationId": "seam-1",
        "invocationResult": {
            "called_with": invoke["argumentObj"],
            "returned": {"sum": 42},
            "all_return_values": [{"executed_by": {"application": "Sum Server 1"}, "returned": {"sum": 42}}],
        },
        "error": None,
        "sent": {"args": invoke["argumentObj"], "target": invoke["target"], "options": invoke["options"]},
        "timing": {"invokedAt": 10, "settledAt": 50},
    }
    response = call_callback(
        client, "/caller/", inputs=[(ids.INVOKE_SUM, "result", result)], outputs=SUM_RESULT_OUTPUTS
    )
    body = response.get_json()["response"]
    # One server answered: one line, as the documentation's; the callback reads the invocationResult alone.
    assert body[ids.SUM_RESULT]["children"][0]["props"]["children"] == "Sum is 42"
    line = body[ids.SUM_HISTORY]["children"]["operations"][0]["params"]["value"]
    assert line == "'40' + '2': Sum is 42\n"


# The six callbacks a reader holds beside the vendor's Interop page: its Input, its Output, its States.
DOCUMENTED_CALLBACKS = [
    ("caller", "sum_numbers", f"{ids.SUM_BUTTON}.n_clicks", f"{ids.INVOKE_SUM}.invoke", [ids.NUMBER_A, ids.NUMBER_B]),
    ("caller", "sum_numbers_result_handler", f"{ids.INVOKE_SUM}.result", f"{ids.SUM_RESULT}.children", []),
    ("caller", "send_message", f"{ids.SEND_MESSAGE_BUTTON}.n_clicks", f"{ids.INVOKE_SEND_MESSAGE}.invoke", ["message"]),
    (
        "caller",
        "send_message_result_handler",
        f"{ids.INVOKE_SEND_MESSAGE}.result",
        f"{ids.SEND_MESSAGE_RESULT}.children",
        [],
    ),
    ("server", "sum_invocation_handler", f"{ids.REGISTER_SUM}.invoke", f"{ids.REGISTER_SUM}.result", []),
    ("server", "send_message_invocation_handler", f"{ids.REGISTER_SEND_MESSAGE}.invoke", f"{ids.MESSAGE}.children", []),
]


def output_names(output):
    """``["id.property", …]`` from Dash's name for a callback's outputs (``..a.x...b.y..`` or ``a.x``)."""
    return [name.split("@")[0] for name in output.strip(".").split("...")] if output.startswith("..") else [output]


@pytest.mark.parametrize("app_name, function, documented_input, documented_output, states", DOCUMENTED_CALLBACKS)
def test_rout019_the_documented_callbacks_keep_their_shape(
    client, app_name, function, documented_input, documented_output, states
):
    """The documentation's Input, States and Output, at most one Output more, and no Store or Interval written."""
    spec = next(spec for spec in registry.APPS if spec.name == app_name)
    dash_app = client.application.extensions["dash_apps"][app_name]
    handler = getattr(importlib.import_module(f"callbacks.{app_name}"), function)
    [key] = [
        k for k, entry in dash_app.callback_map.items() if getattr(entry.get("callback"), "__wrapped__", 0) is handler
    ]
    dependencies = client.get(f"{spec.prefix}_dash-dependencies").get_json()
    [callback] = [d for d in dependencies if d["output"] == key]
    assert not callback.get("clientside_function")
    assert [f"{i['id']}.{i['property']}" for i in callback["inputs"]] == [documented_input]
    assert [s["id"] for s in callback["state"]][: len(states)] == states
    outputs = output_names(callback["output"])
    assert outputs[0] == documented_output and len(outputs) <= 2
    layout = client.get(f"{spec.prefix}_dash-layout").get_json()
    types = {c["props"].get("id"): c["type"] for c in iter_components(layout) if isinstance(c.get("props"), dict)}
    assert not [o for o in outputs if types.get(o.split(".")[0]) in ("Store", "Interval")]


@pytest.mark.parametrize("prefix", ["/caller/", "/server/"])
def test_rout020_the_caller_and_the_server_hold_no_store_and_no_timer_but_the_connect_timer(client, prefix):
    layout = client.get(f"{prefix}_dash-layout").get_json()
    timers = [c["props"].get("id") for c in iter_components(layout) if c.get("type") == "Interval"]
    stores = [c["props"].get("id") for c in iter_components(layout) if c.get("type") == "Store"]
    assert (timers, stores) == ([ids.CONNECT_TIMER], [])


def test_rout021_each_outcome_of_the_caller_is_announced_and_its_history_is_not(client):
    """A screen reader says what Sum and Send gave: each outcome is a polite live region (role="status").
    The history would be read again in full on every result, so it is not one."""
    layout = client.get("/caller/_dash-layout").get_json()
    roles = {id_: find_component(layout, id_)["props"].get("role") for id_ in (ids.SUM_RESULT, ids.SEND_MESSAGE_RESULT)}
    assert roles == {ids.SUM_RESULT: "status", ids.SEND_MESSAGE_RESULT: "status"}
    history = find_component(layout, ids.SUM_HISTORY)["props"]
    assert history.get("role") != "status" and "aria-live" not in history


@pytest.mark.parametrize(
    "checklist, name",
    [(ids.ADHOC_INSTANCES, "Instances to invoke"), (ids.STREAM_INSTANCES, "Instances to subscribe to")],
)
def test_rout022_the_inspectors_instance_checkboxes_are_a_named_group(client, checklist, name):
    layout = client.get("/inspector/_dash-layout").get_json()
    [group] = [
        node
        for node in iter_components(layout)
        if node.get("props", {}).get("role") and find_component(node["props"].get("children"), checklist)
    ]
    assert (group["props"]["role"], group["props"]["aria-label"]) == ("group", name)
