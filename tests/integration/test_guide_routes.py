"""The shell's pages through Flask's test client: paths, statuses and the page callback over HTTP."""

import pytest

import ids
from guide.topics import TOPICS

PAGES = ["/", "/guide", "/guide/", *[topic.path for topic in TOPICS]]


@pytest.mark.parametrize("path", PAGES)
def test_grou001_every_page_is_the_shell(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert "io.Connect Dash Interop" in response.get_data(as_text=True)


@pytest.mark.parametrize("path", ["/guide/nope", "/nope", "/guide/register/more", "/favicon.ico"])
def test_grou002_unknown_paths_get_the_shell_with_404(client, path):
    """A friendly page (the shell renders "Page not found") with the status a crawler or a check expects."""
    response = client.get(path)
    assert response.status_code == 404
    assert "_dash-renderer" in response.get_data(as_text=True) or "dash_renderer" in response.get_data(as_text=True)


def test_grou003_other_apps_and_routes_are_not_touched(client):
    assert client.get("/server/").status_code == 200
    assert client.get("/healthz").status_code == 200
    assert client.get("/_dash-layout").status_code == 200


def render(client, pathname):
    """The shell's page callback, as the renderer calls it."""
    dependencies = client.get("/_dash-dependencies").get_json()
    page = next(d for d in dependencies if d["inputs"] == [{"id": ids.URL, "property": "pathname"}])
    layout = client.get("/_dash-layout").get_json()
    stores = {}

    def collect(node):
        if isinstance(node, dict):
            props = node.get("props", {})
            if props.get("id") in (ids.FRAMES_STORE, ids.ADDABLE_STORE):
                stores[props["id"]] = props.get("data")
            for value in props.values():
                collect(value)
        elif isinstance(node, list):
            for item in node:
                collect(item)

    collect(layout)
    response = client.post(
        "/_dash-update-component",
        json={
            "output": page["output"],
            "outputs": [
                {"id": ids.PAGE, "property": "children"},
                {"id": ids.PAGE_FRAMES_STORE, "property": "data"},
                {"id": ids.PAGE_TITLE, "property": "data"},
            ],
            "inputs": [{"id": ids.URL, "property": "pathname", "value": pathname}],
            "changedPropIds": [f"{ids.URL}.pathname"],
            "state": [
                {"id": ids.FRAMES_STORE, "property": "data", "value": stores[ids.FRAMES_STORE]},
                {"id": ids.ADDABLE_STORE, "property": "data", "value": stores[ids.ADDABLE_STORE]},
            ],
        },
    )
    return response


@pytest.mark.parametrize("path", [*PAGES, "/nope"])
def test_grou004_the_page_callback_renders_every_page(client, path):
    response = render(client, path)
    assert response.status_code == 200
    page = response.get_json()["response"][ids.PAGE]["children"]
    assert page["props"]["data-page"] in ("workspace", "guide", "not-found") or page["props"]["data-page"].startswith(
        "topic:"
    )


def test_grou005_a_topic_page_over_http_carries_its_code_and_apps(client):
    response = render(client, "/guide/handler").get_json()["response"]
    text = str(response[ids.PAGE]["children"])
    assert "sum_invocation_handler" in text and "invocationId" in text
    assert [f["name"] for f in response[ids.PAGE_FRAMES_STORE]["data"]] == ["Caller", "Sum Server"]
