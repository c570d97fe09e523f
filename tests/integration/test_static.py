"""Static files: one shared URL per file, long caching when fingerprinted, compression."""

import re

import pytest

import registry
from hosting.static_files import share_urls

ALL_ENCODINGS = {"Accept-Encoding": "gzip, deflate, br, zstd"}


def static_urls(client, prefix):
    page = client.get(prefix).get_data(as_text=True)
    return re.findall(r'(?:src|href)="([^"]+)"', page)


@pytest.mark.parametrize("spec", registry.APPS, ids=lambda spec: spec.name)
def test_stat001_every_app_loads_static_files_from_the_shell_prefix(client, spec):
    urls = static_urls(client, spec.prefix)
    assert len(urls) > 10
    for url in urls:
        assert not url.startswith(spec.prefix) or spec.prefix == registry.SHELL.prefix, url
        assert client.get(url).status_code == 200, url


def test_stat002_client_apps_share_the_shells_urls(client):
    shell = set(static_urls(client, registry.SHELL.prefix))
    for spec in registry.CLIENT_APPS:
        assert set(static_urls(client, spec.prefix)) == shell, spec.name


def test_stat003_fingerprinted_files_are_cached_for_a_year(client):
    urls = [u for u in static_urls(client, "/caller/") if "_dash-component-suites" in u or "/assets/" in u]
    assert urls
    for url in urls:
        cache_control = client.get(url).headers["Cache-Control"]
        assert "max-age=31536000" in cache_control, url


def test_stat004_assets_without_fingerprint_are_not_cached_for_long(client):
    response = client.get("/assets/app.css")
    assert response.status_code == 200
    assert "max-age=31536000" not in (response.headers.get("Cache-Control") or "")


@pytest.mark.parametrize("encoding", ["zstd", "br", "gzip"])
def test_stat005_scripts_and_pages_are_compressed_as_the_browser_accepts(client, encoding):
    script = next(u for u in static_urls(client, "/caller/") if "dash_glue42" in u)
    plain = client.get(script)
    compressed = client.get(script, headers={"Accept-Encoding": encoding})
    assert plain.headers.get("Content-Encoding") is None
    assert compressed.headers["Content-Encoding"] == encoding
    assert len(compressed.get_data()) < len(plain.get_data()) / 3
    page = client.get("/caller/", headers=ALL_ENCODINGS)
    assert page.headers["Content-Encoding"] in ("zstd", "br", "gzip")


def test_stat006_share_urls_only_touches_static_parts():
    html = '<script src="/caller/_dash-component-suites/x.js"></script><a href="/caller/other">'
    shared = share_urls(html, "/caller/", "/", ("_dash-component-suites/",))
    assert shared == '<script src="/_dash-component-suites/x.js"></script><a href="/caller/other">'
