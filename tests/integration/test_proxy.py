"""Behind reverse proxies (``IOCONNECT_PROXY_HOPS``, hosting/proxy.py), through Flask's test client.

The request's ``REMOTE_ADDR`` plays the proxy; its ``X-Forwarded-*`` headers are
what the proxy (and, left of its entry, the client) sent.
"""

import flask
import pytest
from werkzeug.test import EnvironBuilder

from app import create_server

PROXY = "10.0.0.5"
CLIENT = "203.0.113.7"
FORWARDED = {"X-Forwarded-For": CLIENT, "X-Forwarded-Proto": "https", "X-Forwarded-Host": "interop.example.com"}


def server_with(config=None):
    server = create_server({"TESTING": True, **(config or {})})

    @server.get("/_test/who")
    def who():
        r = flask.request
        return {"remote_addr": r.remote_addr, "scheme": r.scheme, "host": r.host, "url": r.url}

    return server


def seen(server, headers):
    response = server.test_client().get("/_test/who", headers=headers, environ_base={"REMOTE_ADDR": PROXY})
    assert response.status_code == 200
    return response.get_json()


def logged(server, headers):
    """The environ's REMOTE_ADDR once the app has answered: what gunicorn's access log shows as %(h)s.

    gunicorn logs from the environ it handed the app (hosting/logging_config.py); the test client hands the
    app a copy, so this calls the app as gunicorn does.
    """
    environ = EnvironBuilder("/healthz", headers=headers, environ_base={"REMOTE_ADDR": PROXY}).get_environ()
    status = []
    b"".join(server(environ, lambda s, h, exc_info=None: status.append(s)))
    assert status == ["200 OK"]
    return environ["REMOTE_ADDR"]


@pytest.fixture(scope="module")
def one_hop():
    return server_with({"PROXY_HOPS": 1})


def test_prox001_with_one_hop_the_app_sees_and_logs_the_forwarded_client_scheme_and_host(one_hop):
    assert seen(one_hop, FORWARDED) == {
        "remote_addr": CLIENT,
        "scheme": "https",
        "host": "interop.example.com",
        "url": "https://interop.example.com/_test/who",
    }
    assert logged(one_hop, FORWARDED) == CLIENT


def test_prox002_a_client_cannot_forge_the_address_its_proxy_appended(one_hop):
    """A client sends its own X-Forwarded-For; the proxy appends the address it saw, and only that is trusted."""
    forged = {**FORWARDED, "X-Forwarded-For": f"198.51.100.66, {CLIENT}"}
    assert seen(one_hop, forged)["remote_addr"] == logged(one_hop, forged) == CLIENT


def test_prox003_with_two_hops_the_outer_proxys_entry_is_the_client():
    two_hops, chain = server_with({"PROXY_HOPS": 2}), {"X-Forwarded-For": f"198.51.100.66, {CLIENT}"}
    assert seen(two_hops, chain)["remote_addr"] == logged(two_hops, chain) == "198.51.100.66"


@pytest.mark.parametrize("hops", [None, 0], ids=["unset", "0"])
def test_prox004_without_hops_the_headers_are_ignored(monkeypatch, hops):
    monkeypatch.delenv("IOCONNECT_PROXY_HOPS", raising=False)
    server = server_with({} if hops is None else {"PROXY_HOPS": hops})
    assert seen(server, FORWARDED) == {
        "remote_addr": PROXY,
        "scheme": "http",
        "host": "localhost",
        "url": "http://localhost/_test/who",
    }
    assert logged(server, FORWARDED) == PROXY


def test_prox005_the_hops_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("IOCONNECT_PROXY_HOPS", "1")
    assert logged(create_server(), FORWARDED) == CLIENT


@pytest.mark.parametrize("value", ["-1", "abc", "1.5", "true", '"1"', ""])
def test_prox006_a_bad_value_stops_start_up_and_says_why(monkeypatch, value):
    monkeypatch.setenv("IOCONNECT_PROXY_HOPS", value)
    with pytest.raises(ValueError, match=r"IOCONNECT_PROXY_HOPS must be the number of reverse proxies"):
        create_server()
