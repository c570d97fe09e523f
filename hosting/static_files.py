"""Static files: one URL per file for all apps, compressed, and cached for a year when fingerprinted.

Every app mounts the same component libraries and the same ``assets/``
folder, so their scripts and styles are the same files. Under each app's own
prefix (``/caller/_dash-component-suites/...``) the shell page would download,
parse and compile every one of them once per embedded app, so each page loads
them from the platform shell's prefix: the browser fetches and compiles each
file once, and its cache serves every app after that.
"""

import re

import dash
from flask import has_request_context, request
from flask_compress import Compress

from hosting import glue42_bundle, page_scripts, page_titles

ONE_YEAR = 365 * 24 * 3600
STATIC_PARTS = ("_dash-component-suites/", "_favicon.ico")
# Component libraries only some apps use. Dash puts every imported library's
# bundle in every app's page (its registry is per process), and dash-ag-grid's
# is 1.3 MB of script that each embedded app would run for nothing.
OPTIONAL_LIBRARIES = ("dash_ag_grid",)
# The language of every page's text, for screen readers' pronunciation and the browser's translation offer.
PAGE_LANGUAGE = "en"
# The opening <html> tag of Dash's index, when it has no lang attribute yet (Dash has no option for one).
HTML_TAG_WITHOUT_LANG = re.compile(r"<html(?![^>]*\slang=)(?=[\s>])", re.IGNORECASE)


class SharedStaticDash(dash.Dash):
    """A ``Dash`` whose page loads static files from ``shared_static_prefix`` (a documented override point).

    With Dash Pages, the page also carries the title of the page asked for (``hosting.page_titles``). Of the
    assets folder's scripts, the page loads ``scripts`` alone, in that order (``hosting.page_scripts``). Its
    ``<html>`` says the page's language (``PAGE_LANGUAGE``).
    """

    def __init__(self, *args, shared_static_prefix=None, libraries=(), scripts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.shared_static_prefix = shared_static_prefix
        self.left_out_libraries = tuple(name for name in OPTIONAL_LIBRARIES if name not in libraries)
        self.page_scripts = page_scripts.check_scripts(self.config.assets_folder, scripts)

    def interpolate_index(self, **kwargs):
        if self.use_pages and has_request_context():
            kwargs["title"] = page_titles.html_title(self, request.path)
        kwargs["scripts"] = without_library_scripts(kwargs.get("scripts", ""), self.left_out_libraries)
        kwargs["scripts"] = page_scripts.with_scripts(
            kwargs["scripts"], page_scripts.script_tags(self, self.page_scripts)
        )
        own = self.config.requests_pathname_prefix
        shared = self.shared_static_prefix
        if shared and shared != own:
            parts = (*STATIC_PARTS, self.config.assets_url_path.strip("/") + "/")
            for key in ("css", "scripts", "favicon"):
                kwargs[key] = share_urls(kwargs.get(key, ""), own, shared, parts)
        kwargs["scripts"] = glue42_bundle.point_at_served_copy(kwargs.get("scripts", ""), shared or own)
        return with_language(super().interpolate_index(**kwargs), PAGE_LANGUAGE)


def with_language(page, language):
    """``page`` (an index's HTML) with ``lang`` on its ``<html>`` tag, unless it has one already."""
    return HTML_TAG_WITHOUT_LANG.sub(f'<html lang="{language}"', page, count=1)


def without_library_scripts(html, libraries):
    """``html`` (Dash's script tags) without the tags of component ``libraries``, by their folder."""
    for library in libraries:
        folder = re.escape(f"/_dash-component-suites/{library}/")
        html = re.sub(rf'<script[^>]*\ssrc="[^"]*{folder}[^"]*"[^>]*></script>\s*', "", html)
    return html


def share_urls(html, own_prefix, shared_prefix, parts):
    """Point the quoted URLs under ``own_prefix`` + one of ``parts`` at ``shared_prefix`` instead."""
    for part in parts:
        html = html.replace(f'"{own_prefix}{part}', f'"{shared_prefix}{part}')
    return html


def cache_fingerprinted_assets(response):
    """Assets carry their modification time (``?m=``): a changed file gets a new URL, so a year is safe.

    Dash already does this for the component libraries' fingerprinted files.
    """
    if request.method == "GET" and response.status_code == 200 and "m" in request.args and "/assets/" in request.path:
        response.cache_control.public = True
        response.cache_control.max_age = ONE_YEAR
        response.cache_control.no_cache = None
    return response


def init_app(server):
    # zstd, brotli or gzip, as the browser accepts; zstd at level 3 compresses
    # one app's 3.9 MB of scripts and styles to 0.8 MB in about 15 ms.
    server.config.setdefault("COMPRESS_MIN_SIZE", 500)
    Compress(server)
    server.after_request(cache_fingerprinted_assets)
