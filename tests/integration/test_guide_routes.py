"""The shell's pages through Flask's test client: paths, statuses and Dash Pages' routing callback over HTTP."""

import pytest

import ids
import registry
from guide.topics import TOPICS
from tests.integration.dash_client import call_callback, find_component, iter_components, layout_ids

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
    """The shell's 404 status is for its own catch-all: each other app answers every path under its prefix with
    its own page and 200, and the server's own routes answer as they would without the shell's pages."""
    for spec in registry.CLIENT_APPS:
        for path in (spec.prefix, f"{spec.prefix}no/such/page"):
            response = client.get(path)
            assert response.status_code == 200, path
            assert f"<title>{spec.title}</title>" in response.text, path
    health = client.get("/healthz")
    assert health.status_code == 200 and health.get_json()["status"] == "ok"
    layout = client.get("/_dash-layout")
    assert layout.status_code == 200 and PAGES_LOCATION in layout_ids(layout.get_json())


PAGES_LOCATION, PAGES_CONTENT, PAGES_STORE = "_pages_location", "_pages_content", "_pages_store"


def render(client, pathname):
    """Dash Pages' routing callback, as the renderer calls it, with the frames store the layout starts with."""
    layout = client.get("/_dash-layout").get_json()
    return call_callback(
        client,
        "/",
        inputs=[(PAGES_LOCATION, "pathname", pathname), (PAGES_LOCATION, "search", "")],
        outputs=[(PAGES_CONTENT, "children"), (PAGES_STORE, "data")],
        state=[(ids.FRAMES_STORE, "data", find_component(layout, ids.FRAMES_STORE)["props"]["data"])],
    )


@pytest.mark.parametrize("path", [*PAGES, "/nope"])
def test_grou004_the_routing_callback_renders_every_page_with_its_title(client, path):
    response = render(client, path)
    assert response.status_code == 200
    answer = response.get_json()["response"]
    kind = answer[PAGES_CONTENT]["children"]["props"]["data-page"]
    assert kind in ("workspace", "guide", "not-found") or kind.startswith("topic:")
    title = answer[PAGES_STORE]["data"]["title"]
    assert title.endswith("· io.Connect Dash Interop")
    assert title.startswith("Page not found") == (kind == "not-found")


def test_grou005_a_topic_page_over_http_carries_its_code_and_apps(client):
    page = render(client, "/guide/handler").get_json()["response"][PAGES_CONTENT]["children"]
    text = str(page)
    assert "sum_invocation_handler" in text and "invocationId" in text
    frames = [node for node in iter_components(page) if node.get("type") == "Iframe"]
    assert [frame["props"]["title"] for frame in frames] == ["Caller", "Sum Server"]


def test_grou006_the_workspace_is_rebuilt_from_the_frames_store(client):
    """An app removed on the Workspace stays removed after a visit to the guide."""
    layout = client.get("/_dash-layout").get_json()
    frames = find_component(layout, ids.FRAMES_STORE)["props"]["data"][1:]
    page = call_callback(
        client,
        "/",
        inputs=[(PAGES_LOCATION, "pathname", "/"), (PAGES_LOCATION, "search", "")],
        outputs=[(PAGES_CONTENT, "children"), (PAGES_STORE, "data")],
        state=[(ids.FRAMES_STORE, "data", frames)],
    ).get_json()["response"][PAGES_CONTENT]["children"]
    shown = [node["props"]["title"] for node in iter_components(page) if node.get("type") == "Iframe"]
    assert shown == [f["name"] for f in frames] and len(shown) == len(frames) > 0


def test_grou007_the_shell_layout_is_dash_pages(client):
    layout_of_shell = layout_ids(client.get("/_dash-layout").get_json())
    assert {PAGES_LOCATION, PAGES_CONTENT, PAGES_STORE} <= layout_of_shell
