"""io.Connect Desktop definitions come from the registry, and the checked-in copies match it."""

import json

import ids
import registry
from hosting import desktop
from hosting.definitions import app_definitions
from tests.integration.dash_client import find_component


def test_desk001_checked_in_definitions_match_the_registry():
    expected = desktop.render(registry.APPS, desktop.CHECKED_IN_BASE_URL)
    on_disk = {path.name: path.read_text() for path in desktop.CHECKED_IN.glob("*.json")}
    assert on_disk == expected, "run: flask --app run desktop-definitions"


def test_desk002_one_window_definition_per_client_app():
    definitions = app_definitions(registry.CLIENT_APPS, "https://interop.example.com/")
    assert [d["name"] for d in definitions] == [spec.title for spec in registry.CLIENT_APPS]
    for definition, spec in zip(definitions, registry.CLIENT_APPS, strict=True):
        assert definition["type"] == "window"
        assert definition["details"]["url"] == "https://interop.example.com" + spec.prefix
        assert definition["details"]["width"] > 0 and definition["details"]["height"] > 0
    assert all(d["name"] != registry.SHELL.title for d in definitions)  # the shell is the platform, not an app


def test_desk003_cli_writes_definitions_for_a_base_url(app, tmp_path):
    result = app.test_cli_runner().invoke(
        args=["desktop-definitions", "--base-url", "https://x.test", "--out", tmp_path]
    )
    assert result.exit_code == 0, result.output
    written = {path.name: json.loads(path.read_text()) for path in tmp_path.glob("*.json")}
    assert {d["details"]["url"] for d in written.values()} == {
        "https://x.test/server/",
        "https://x.test/caller/",
        "https://x.test/inspector/",
    }


def test_desk004_cli_defaults_to_the_public_base_url(tmp_path):
    from app import create_server

    server = create_server({"PUBLIC_BASE_URL": "https://public.test"})
    result = server.test_cli_runner().invoke(args=["desktop-definitions", "--out", tmp_path])
    assert result.exit_code == 0, result.output
    assert "https://public.test/server/" in (tmp_path / "sum-server.json").read_text()


def test_desk005_the_platform_knows_the_same_apps(client):
    settings = find_component(client.get("/_dash-layout").get_json(), ids.GLUE)["props"]["settings"]
    assert settings["webPlatform"]["config"]["applications"]["local"] == app_definitions(registry.CLIENT_APPS)
