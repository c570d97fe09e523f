"""Static files: one shared URL per file, long caching when fingerprinted, compression."""

import html
import json
import re

import pytest

import ids
import registry
from hosting import glue42_bundle, page_scripts
from hosting.static_files import OPTIONAL_LIBRARIES, share_urls, without_library_scripts

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


def file_names(urls):
    """``{file name: url}`` of ``urls``."""
    return {url.split("?")[0].rsplit("/", 1)[-1]: url for url in urls}


def test_stat002_client_apps_share_the_shells_urls(client):
    shell = file_names(static_urls(client, registry.SHELL.prefix))
    for spec in registry.CLIENT_APPS:
        own = file_names(static_urls(client, spec.prefix))
        shared = set(own) & set(shell)
        assert len(shared) > 10, spec.name
        assert {name: own[name] for name in shared} == {name: shell[name] for name in shared}, spec.name
        # What the shell does not load is the app's own scripts and optional libraries.
        libraries = {name for name, url in own.items() if any(f"/{lib}/" in url for lib in spec.libraries)}
        assert set(own) - set(shell) <= {*spec.scripts, *libraries}, spec.name


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


def namespaces(*layouts):
    """The component libraries (``_namespace``) of every component in ``layouts``."""
    return {c._namespace for layout in layouts for c in (layout, *layout._traverse()) if hasattr(c, "_namespace")}


@pytest.mark.parametrize("spec", registry.CLIENT_APPS, ids=lambda spec: spec.name)
def test_stat007_an_optional_library_is_in_the_page_of_each_app_that_uses_it_and_only_there(client, spec):
    used = namespaces(spec.layout(), *([spec.validation_layout()] if spec.validation_layout else []))
    scripts = [u for u in static_urls(client, spec.prefix) if "_dash-component-suites" in u]
    for library in OPTIONAL_LIBRARIES:
        loaded = any(f"/_dash-component-suites/{library}/" in u for u in scripts)
        assert (library in used) == (library in spec.libraries) == loaded, (spec.name, library)
    assert "dash_ag_grid" in namespaces(registry.CLIENT_APPS[2].layout())  # the inspector's grid: the check sees it


def test_stat008_without_library_scripts_leaves_the_other_tags():
    html = (
        '<script src="/_dash-component-suites/dash_ag_grid/dash_ag_grid.v35.min.js"></script>\n'
        '<script src="/_dash-component-suites/dash_glue42/dash_glue42.v1.min.js"></script>'
    )
    assert without_library_scripts(html, ("dash_ag_grid",)) == (
        '<script src="/_dash-component-suites/dash_glue42/dash_glue42.v1.min.js"></script>'
    )
    assert without_library_scripts(html, ()) == html


@pytest.mark.parametrize("spec", registry.APPS, ids=lambda spec: spec.name)
def test_stat009_every_app_loads_the_served_glue42_bundle_and_not_the_librarys(client, spec):
    urls = [u for u in static_urls(client, spec.prefix) if "dash_glue42." in u]
    assert urls == [f"/{glue42_bundle.ROUTE}{glue42_bundle.served_copy()[0]}"]


def test_stat010_the_served_glue42_bundle_requires_the_web_platform_on_first_use(client):
    name, _, digest = glue42_bundle.served_copy()
    response = client.get(f"/{glue42_bundle.ROUTE}{name}")
    assert response.status_code == 200
    assert response.mimetype == "application/javascript"
    assert "max-age=31536000" in response.headers["Cache-Control"]
    body = response.get_data(as_text=True)
    assert glue42_bundle.LAZY_PLATFORM in body
    assert glue42_bundle.EAGER_PLATFORM not in body
    library = client.get("/_dash-component-suites/dash_glue42/dash_glue42.min.js").get_data(as_text=True)
    assert abs(len(body) - len(library)) < 100  # one statement changed, the rest is the library's
    assert client.get(f"/{glue42_bundle.ROUTE}{name}", headers={"If-None-Match": f'"{digest}"'}).status_code == 304
    assert client.get(f"/{glue42_bundle.ROUTE}dash_glue42.v0.0.0.0.min.js").status_code == 404


def script_tags(html):
    return re.findall(r"<script[^>]*>", html)


@pytest.mark.parametrize("spec", registry.APPS, ids=lambda spec: spec.name)
def test_stat011_an_apps_scripts_come_after_the_component_bundles_and_before_the_renderer(client, spec):
    tags = script_tags(client.get(spec.prefix).get_data(as_text=True))
    names = [*spec.scripts, "dash_renderer.", "dash_glue42."]
    position = {name: i for i, tag in enumerate(tags) for name in names if name in tag}
    assert [position[name] for name in spec.scripts] == sorted(position[name] for name in spec.scripts)
    assert position["dash_glue42."] < position[spec.scripts[0]]
    assert position[spec.scripts[-1]] < position["dash_renderer."]
    for tag in tags:
        if "/assets/" in tag:  # Dash's URL and fingerprint: cached for a year (stat003)
            assert re.search(r'src="/assets/[^"?]+\?m=[0-9.]+"', tag), tag


def test_stat012_callback_requests_js_is_told_which_inputs_feed_a_server_callback(client):
    page = client.get("/server/").get_data(as_text=True)
    tag = next(t for t in script_tags(page) if page_scripts.CALLBACK_REQUESTS in t)
    data = json.loads(html.unescape(re.search(r'data-server-inputs="([^"]*)"', tag).group(1)))
    assert data[f"{ids.REGISTER_SUM}.invoke"] == [f"{ids.REGISTER_SUM}.result"]
    assert data[f"{ids.REGISTER_SEND_MESSAGE}.invoke"] == [f"{ids.MESSAGE}.children"]
    assert f"{ids.GLUE}.glueReady" not in data  # a clientside callback's Input: Dash sends no request for it
    assert "new DashRenderer({request_pre: window.ioConnectCallbackRequests.requestPre," in page


def test_stat013_first_output_reads_dashs_names_for_outputs():
    assert page_scripts.first_output("a.children") == "a.children"
    assert page_scripts.first_output("..a.x...b.y..") == "a.x"
    assert page_scripts.first_output("..a.x@0f3a...b.y..") == "a.x"
    assert page_scripts.first_output("..a.x..") == "a.x"


def test_stat014_an_app_can_only_list_scripts_of_the_assets_folder_once_each(tmp_path):
    (tmp_path / "one.js").write_text("")
    (tmp_path / "style.css").write_text("")
    assert page_scripts.check_scripts(str(tmp_path), ("one.js",)) == ("one.js",)
    for names in (("two.js",), ("one.js", "one.js"), ("style.css",)):
        with pytest.raises(ValueError):
            page_scripts.check_scripts(str(tmp_path), names)


def test_stat015_without_the_renderers_bundle_the_page_says_where_scripts_would_go():
    with pytest.raises(ValueError, match="renderer bundle"):
        page_scripts.with_scripts('<script src="/x.js"></script>', "<script></script>")
