"""The lesson without our scripts: the Caller and the Sum Server on plain ``dash.Dash`` apps, under a plain platform.

What a reader who copies the lesson would build: the Caller's and the Sum
Server's layouts and ``register()`` functions, taken unchanged from
``registry.CLIENT_APPS``, each mounted on a ``dash.Dash`` with Dash's defaults
and an empty assets folder (``NO_SCRIPTS_ASSETS``), so none of this project's
scripts is in their pages: not the compat script, not the activity seam, not
the shell. The platform page is the vendor's: a ``Glue42`` with
``settings={"type": "platform"}``, whose children are the apps' iframes (one
Caller, two Sum Servers). No ``?name=`` either: dash_glue42 names each app
from its settings, so both servers are "Sum Server".

``tests/browser/test_no_scripts.py`` serves it with gunicorn
(``app="tests.browser.no_scripts_app:create_server()"``). It runs on Dash 2.18
only: on Dash 3 and later dash_glue42 needs the compat script.
"""

import os

import dash
import dash_glue42
import flask
from dash import html

import registry

PLATFORM_ID = "io-connect-platform"
# The platform page's iframes: (id, the app's name in registry.CLIENT_APPS).
FRAMES = (("caller", "caller"), ("server-1", "server"), ("server-2", "server"))
FRAME_HEIGHT_PX = 700  # tall enough for the Caller's controls, which no stylesheet lays out here


def client_spec(name):
    return next(spec for spec in registry.CLIENT_APPS if spec.name == name)


def mount_client(server, spec, assets_folder):
    """One registry app on a plain ``dash.Dash``: its layout and its ``register()``, as the registry gives them.

    The Caller adds its own Sum registration later (its "Serve Sum" switch), so its registry entry names that
    component in a ``validation_layout``: without one, Dash's renderer logs "ID not found in layout" for the
    callback that answers it, debug or not. ``app.create_dash_app`` sets it the same way.
    """
    app = dash.Dash(__name__, server=server, url_base_pathname=spec.prefix, assets_folder=assets_folder)
    app.layout = spec.layout
    if spec.validation_layout is not None:
        app.validation_layout = html.Div([spec.layout(), spec.validation_layout()])
    spec.register_callbacks(app)
    return app


def platform_layout():
    """The vendor's platform page: ``Glue42`` as the platform, the apps in iframes as its children."""
    return dash_glue42.Glue42(
        id=PLATFORM_ID,
        settings={"type": "platform"},
        children=[
            html.Iframe(
                id=frame_id,
                src=client_spec(name).prefix,
                title=frame_id,
                style={"width": "100%", "height": f"{FRAME_HEIGHT_PX}px", "border": "1px solid #ccc"},
            )
            for frame_id, name in FRAMES
        ],
    )


def create_server():
    server = flask.Flask(__name__)
    assets_folder = os.environ["NO_SCRIPTS_ASSETS"]
    for name in dict.fromkeys(name for _, name in FRAMES):
        mount_client(server, client_spec(name), assets_folder)
    platform = dash.Dash(__name__, server=server, url_base_pathname="/", assets_folder=assets_folder)
    platform.layout = platform_layout
    return server
