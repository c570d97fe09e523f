"""Layout of the platform shell (/): the Glue42 Core Main app hosting the others in iframes."""

from urllib.parse import quote

import dash_bootstrap_components as dbc
import dash_glue42
from dash import dcc, html

import ids

# The web platform's gateway logs every message at "info" by default:
# hundreds of console lines a minute. Warnings and errors still show.
PLATFORM_SETTINGS = {
    "type": "platform",
    "webPlatform": {
        "config": {
            "gateway": {"logging": {"level": "warn"}},
            "glue": {"logger": "warn"},
        }
    },
}


def frame_record(app_name, title, prefix, number=None):
    """A record for one embedded app instance (kept in the frames store)."""
    name = title if number is None else f"{title} {number}"
    key = app_name if number is None else f"{app_name}-{number}"
    return {
        "key": key,
        "app": app_name,
        "title": title,
        "prefix": prefix,
        "number": number,
        "name": name,
        "src": f"{prefix}?name={quote(name)}",
    }


def frame(app, number=None):
    return frame_record(app.name, app.title, app.prefix, number)


def default_frames(client_apps):
    frames = []
    for app in client_apps:
        if app.shell_instances > 1:
            frames += [frame(app, n) for n in range(1, app.shell_instances + 1)]
        elif app.shell_instances == 1:
            frames.append(frame(app))
    return frames


def frame_card(record, removable):
    header = [
        html.Span(record["name"], className="fw-semibold"),
        dbc.Badge("connecting…", id=ids.frame_status(record["key"]), color="secondary", className="ms-2"),
    ]
    if removable:
        header.append(
            dbc.Button("Remove", id=ids.remove_frame(record["key"]), size="sm", color="link", className="ms-auto p-0")
        )
    return dbc.Col(
        dbc.Card(
            [
                dbc.CardHeader(header, className="d-flex align-items-center py-1"),
                html.Iframe(src=record["src"], title=record["name"], className="app-frame",
                            **{"data-app": record["app"], "data-name": record["name"]}),
            ],
            className="h-100",
        ),
        id=ids.frame_card(record["key"]),
        xs=12,
        lg=6,
        className="mb-3",
    )


def frame_cards(frames, removable_apps):
    return [frame_card(record, record["app"] in removable_apps) for record in frames]


def layout(client_apps):
    frames = default_frames(client_apps)
    removable = {app.name for app in client_apps if app.shell_instances > 1}
    return dash_glue42.Glue42(
        id=ids.GLUE,
        settings=PLATFORM_SETTINGS,
        fallback=html.Div("Starting the io.Connect web platform…", className="p-3 text-muted"),
        children=[
            dcc.Store(id=ids.FRAMES_STORE, data=frames),
            dcc.Store(id=ids.CONNECTED_STORE, data=[]),
            html.Div(id=ids.CONNECTION_WATCH, hidden=True),
            dbc.Navbar(
                dbc.Container(
                    [
                        dbc.NavbarBrand("io.Connect Dash Interop: reference app"),
                        dbc.Button("Add server", id=ids.ADD_SERVER, color="light", size="sm"),
                    ],
                    fluid=True,
                ),
                color="dark",
                dark=True,
                className="mb-3",
            ),
            dbc.Container(dbc.Row(frame_cards(frames, removable), id=ids.FRAMES_GRID), fluid=True),
        ],
    )
