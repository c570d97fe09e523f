"""The shell's pages through Flask's test client: paths, statuses and the page callback over HTTP."""

import pytest

import ids
from guide.topics import TOPICS
from tests.integration.dash_client import call_callback, find_component

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


STORES = (ids.FRAMES_STORE, ids.ADDABLE_STORE)  # the page callback's State


def render(client, pathname):
    """The shell's page callback, as the renderer calls it, with the stores the layout starts with."""
    layout = client.get("/_dash-layout").get_json()
    return call_callback(
        client,
        "/",
        inputs=[(ids.URL, "pathname", pathname)],
        outputs=[(ids.PAGE, "children"), (ids.PAGE_FRAMES_STORE, "data"), (ids.PAGE_TITLE, "data")],
        state=[
            (store, "data", find_component(layout, store)["props"]["data"])
            for store in (ids.FRAMES_STORE, ids.ADDABLE_STORE)
        ],
    )


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
