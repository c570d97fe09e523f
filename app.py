"""Application factory: one Flask server, every Dash app of the registry mounted on it."""

import math
from pathlib import Path

import flask
from dash import html

import ids
import registry
from hosting import desktop, glue42_bundle, health, page_scripts, proxy, security, static_files
from hosting.dash_compat import set_up_now
from pages import site

ROOT = Path(__file__).resolve().parent
ASSETS = ROOT / "assets"
# What a callback request holds besides an uploaded log file: its ids, the file's name, Dash's JSON around them.
REQUEST_JSON_BYTES = 64 * 1024
# The largest request: a log file of ids.LOG_FILE_MAX_BYTES opened, which travels base64 (4 bytes for every 3)
# inside the JSON of its callback request. deploy/nginx.conf's client_max_body_size must let it through.
MAX_REQUEST_BYTES = 4 * math.ceil(ids.LOG_FILE_MAX_BYTES / 3) + REQUEST_JSON_BYTES

DEFAULTS = {
    # Debug mode and Dash dev tools: off unless IOCONNECT_DEBUG=true.
    "DEBUG": False,
    # Load assets/dash_glue42_compat.js in every app that lists it. Only turned off to show what breaks without it.
    "DASH_GLUE42_COMPAT": True,
    # Where users reach the app: the default base URL of io.Connect Desktop definitions.
    "PUBLIC_BASE_URL": "http://127.0.0.1:8050",
    # Larger request bodies get 413. The largest a page sends: an opened log file (MAX_REQUEST_BYTES), and only
    # the apps that take files (AppSpec.takes_files: the Inspector) accept one that large.
    "MAX_CONTENT_LENGTH": MAX_REQUEST_BYTES,
    # Every other request: a callback request carries at most one SendMessage text
    # (ids.MAX_MESSAGE_CHARS) and the Inspector's arguments (ids.MAX_ARGS_CHARS), plus a little JSON.
    "MAX_SMALL_REQUEST_BYTES": 256 * 1024,
    # How many reverse proxies stand in front of the app (hosting/proxy.py). 0: X-Forwarded-* is not trusted.
    "PROXY_HOPS": 0,
}
COMPAT_SCRIPT = "dash_glue42_compat.js"


def create_dash_app(server, spec, debug=False, compat=True, shared_static_prefix=None):
    """Mount one registry entry on ``server`` and return its ``Dash`` instance."""
    scripts = tuple(name for name in spec.scripts if compat or name != COMPAT_SCRIPT)
    app = static_files.SharedStaticDash(
        f"ioconnect_{spec.name}",
        server=server,
        url_base_pathname=spec.prefix,
        title=spec.title,
        update_title=None,  # keep document.title stable: glue names apps after it
        assets_folder=str(ASSETS),
        serve_locally=True,
        assets_ignore=page_scripts.IGNORE_SCRIPTS,  # Dash would load them all, by name: the page loads `scripts`
        scripts=scripts,
        # Dash's renderer tells callback_requests.js of each callback request and of its outcome.
        hooks=page_scripts.RENDERER_HOOKS if page_scripts.CALLBACK_REQUESTS in scripts else None,
        shared_static_prefix=shared_static_prefix,
        libraries=spec.libraries,
        use_pages=spec.register_pages is not None,
        pages_folder="",  # pages are registered by spec.register_pages, not found in a folder
        routing_callback_inputs=spec.routing_inputs,
    )
    if spec.register_pages is not None:
        spec.register_pages()
    app.layout = spec.layout
    if spec.validation_layout is not None:
        app.validation_layout = html.Div([spec.layout(), spec.validation_layout()])
    spec.register_callbacks(app)
    if debug:
        app.enable_dev_tools(debug=True)
    set_up_now(app)
    return app


def create_server(config=None, apps=registry.APPS):
    """Build the Flask server. ``config`` overrides the defaults and ``IOCONNECT_*`` variables.

    ``apps`` is the registry by default; another set of apps is mounted and served the same way.
    """
    server = flask.Flask(__name__)
    server.config.from_mapping(DEFAULTS)
    server.config.from_prefixed_env("IOCONNECT")
    if config:
        server.config.from_mapping(config)
    proxy.init_app(server)  # first: a bad PROXY_HOPS stops start-up before the Dash apps are built
    shell = next(spec for spec in apps if spec.is_platform)
    server.extensions["app_specs"] = tuple(apps)
    server.extensions["dash_apps"] = {
        spec.name: create_dash_app(
            server,
            spec,
            debug=server.config["DEBUG"],
            compat=server.config["DASH_GLUE42_COMPAT"],
            shared_static_prefix=shell.prefix,
        )
        for spec in apps
    }
    static_files.init_app(server)
    glue42_bundle.init_app(server, shell.prefix)
    # Before any other check reads a body.
    security.limit_request_bodies(server, [spec.prefix for spec in apps if spec.takes_files])
    security.init_app(server, server.extensions["dash_apps"].values())
    desktop.init_app(server)
    site.init_app(server, shell.prefix)
    health.init_app(server)
    return server
