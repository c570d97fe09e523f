"""Security defaults, through Flask's test client."""

import base64
import hashlib
import re

import pytest

import ids
import registry
from tests.integration.dash_client import call_callback

PREFIXES = [spec.prefix for spec in registry.APPS]
MALFORMED = [
    b"not json",
    b"{}",
    b"[]",
    b'{"output": "nope.children", "inputs": [], "state": []}',
    b'{"output": 5, "inputs": []}',
]


def csp(response):
    return dict(
        [*part.strip().split(" ", 1), ""][:2] for part in response.headers["Content-Security-Policy"].split(";")
    )


@pytest.mark.parametrize("path", [*PREFIXES, "/healthz", "/server/_dash-layout", "/assets/app.css"])
def test_secu001_every_response_carries_the_security_headers(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"]
    policy = csp(response)
    assert policy["frame-ancestors"] == "'self'"
    assert "unsafe-inline" not in policy["script-src"] and "unsafe-eval" not in policy["script-src"]


@pytest.mark.parametrize("prefix", PREFIXES)
def test_secu002_script_src_allows_exactly_our_origin_and_dash_inline_scripts(client, prefix):
    response = client.get(prefix)
    allowed = csp(response)["script-src"].split()
    html = re.sub(r"<!--.*?-->", "", response.text, flags=re.S)  # commented-out scripts never run
    inline = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>", html, re.S)
    assert inline, "Dash renders one inline script"
    for script in inline:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in allowed
    assert allowed[0] == "'self'" and all(a.startswith("'sha256-") for a in allowed[1:])


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("body", MALFORMED)
def test_secu003_malformed_callback_requests_get_400_without_details(client, prefix, body):
    response = client.post(f"{prefix}_dash-update-component", data=body, content_type="application/json")
    assert response.status_code == 400
    assert "Traceback" not in response.text and ".py" not in response.text
    assert client.get(prefix).status_code == 200  # and the app keeps serving


def test_secu004_callbacks_that_fail_inside_get_a_generic_500(client):
    """A well-formed request whose value makes the callback itself raise (an invocation that is no object)."""
    client.application.config["PROPAGATE_EXCEPTIONS"] = False
    response = call_callback(
        client,
        "/server/",
        inputs=[(ids.REGISTER_SUM, "invoke", "not an object")],
        outputs=[(ids.REGISTER_SUM, "result"), (ids.HANDLED_LIST, "children")],
    )
    assert response.status_code == 500
    assert "Traceback" not in response.text and "File " not in response.text and "AttributeError" not in response.text


def test_secu005_request_bodies_are_limited(client):
    too_big = b"x" * (client.application.config["MAX_CONTENT_LENGTH"] + 1)
    response = client.post("/inspector/_dash-update-component", data=too_big, content_type="application/json")
    assert response.status_code == 413


def test_secu010_only_the_app_that_takes_files_accepts_a_large_body(client):
    """An opened log file is the one large request: every other app keeps the small limit."""
    config = client.application.config
    large = b"x" * (config["MAX_SMALL_REQUEST_BYTES"] + 1)
    assert len(large) < config["MAX_CONTENT_LENGTH"]
    for path in ("/server/_dash-update-component", "/caller/_dash-update-component", "/_dash-update-component"):
        assert client.post(path, data=large, content_type="application/json").status_code == 413, path
    # The Inspector reads it, and refuses it as what it is: not a callback request (400), not as too large.
    response = client.post("/inspector/_dash-update-component", data=large, content_type="application/json")
    assert response.status_code == 400
    small = b"x" * config["MAX_SMALL_REQUEST_BYTES"]
    assert client.post("/server/_dash-update-component", data=small, content_type="application/json").status_code == 400
