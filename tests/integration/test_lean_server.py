"""The factory mounts the apps it is given: the benchmark's docs-shaped pair.

In a module of its own: Dash Pages keeps one registry per process
(plotly/dash#2398), and this server's shell registers other pages than the
one the other modules share (``tests/conftest.py``).
"""

import ids
from bench.lean import LEAN_CLIENT_APPS, LEAN_SHELL, create_lean_server
from tests.integration.dash_client import call_callback


def test_rout015_create_server_mounts_the_apps_it_is_given():
    """The benchmark's docs-shaped Dash pair is mounted by the same factory, and nothing else with it."""
    client = create_lean_server().test_client()
    mounted = [a["prefix"] for a in client.get("/healthz").get_json()["apps"]]
    assert mounted == [spec.prefix for spec in (*LEAN_CLIENT_APPS, LEAN_SHELL)]
    assert client.get("/lean-server/").status_code == 200 and client.get("/caller/").status_code == 404
    invoke = {"invocationId": "lean-1", "args": {"a": 40, "b": 2}, "caller": {"application": "Lean Caller"}}
    response = call_callback(
        client, "/lean-server/", inputs=[(ids.REGISTER_SUM, "invoke", invoke)], outputs=[(ids.REGISTER_SUM, "result")]
    )
    result = response.get_json()["response"][ids.REGISTER_SUM]["result"]
    assert result == {"invocationId": "lean-1", "invocationResult": {"sum": 42}}
