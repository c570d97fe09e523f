"""The platform page the vendor's example apps run under: a Glue42 Core Main app with both apps in iframes.

The vendor page has no platform page of its own; this is the plainest one dash_glue42 makes: ``Glue42`` with
``settings={"type": "platform"}``, whose children are the caller's and the server's iframes.
"""

import dash
import dash_glue42
from dash import html
from run import server

app = dash.Dash(__name__, server=server, routes_pathname_prefix="/")

app.layout = dash_glue42.Glue42(id="io-connect-platform", settings={"type": "platform"}, children=[
    html.Iframe(id="app-a", src="/app-a/", title="Caller (app-a)",
                style={"width": "100%", "height": "320px"}),
    html.Iframe(id="app-b", src="/app-b/", title="Server (app-b)",
                style={"width": "100%", "height": "160px"}),
])
