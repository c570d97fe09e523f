"""Layout of the platform shell: the Glue42 Core Main app, its navigation and the Workspace page (/).

The shell is a Dash Pages app: ``pages.site`` registers the Workspace and
the guide's pages (pages/guide.py), and Dash renders the one for the path
into ``dash.page_container``.
"""

from urllib.parse import quote

import dash
import dash_bootstrap_components as dbc
import dash_glue42
from dash import State, dcc, html

import ids
from guide.topics import GUIDE_PATH
from hosting.definitions import app_definitions

APP_NAME = "io.Connect Dash Interop"
WORKSPACE_PATH = "/"


def platform_settings(client_apps):
    """``Glue42`` settings that make the shell the Glue42 Core Main app.

    The gateway logs every message at "info" by default: hundreds of console
    lines a minute. Warnings and errors still show. The platform knows the
    apps by the definitions io.Connect Desktop gets, from the same registry.
    """
    return {
        "type": "platform",
        "webPlatform": {
            "config": {
                "gateway": {"logging": {"level": "warn"}},
                "glue": {"logger": "warn"},
                "applications": {"local": app_definitions(client_apps)},
            }
        },
    }


# Fixed places for app instances. Dash 3+ re-creates every child of a
# `children` prop that a callback changes, which would reload every iframe in
# the grid; giving each instance its own slot means adding or removing one
# only touches that slot.
MAX_FRAMES = 8
SLOT_CLASS = "mb-3"
EMPTY_SLOT_CLASS = "d-none"


def loads_later(app_loads_last, number):
    """Whether an app instance of a page laid out at once loads after the page's first apps are connected.

    The apps that load last (``AppSpec.loads_last``: the Inspector) do, and so does every instance after an
    app's first (Sum Server 2). Same-origin iframes share the page's one main thread: the first Caller and Sum
    Server connect sooner without them, and answer the first Sum sooner (bench/first_sum.py).
    """
    return app_loads_last or (number or 1) > 1


def frame_record(app_name, title, prefix, number=None, slot=0, key_prefix="", loads_last=False):
    """A record for one embedded app instance (kept in the frames store; a guide page's keys have a prefix).

    ``loads_last``: the iframe gets its address only once the page's other apps are connected (assets/shell.js).
    """
    name = title if number is None else f"{title} {number}"
    key = key_prefix + (app_name if number is None else f"{app_name}-{number}")
    return {
        "key": key,
        "slot": slot,
        "app": app_name,
        "title": title,
        "prefix": prefix,
        "number": number,
        "name": name,
        "src": f"{prefix}?name={quote(name)}",
        "loads_last": loads_last,
    }


def default_frames(client_apps):
    frames = []
    for app in client_apps:
        numbers = range(1, app.shell_instances + 1) if app.shell_instances > 1 else [None] * app.shell_instances
        for number in numbers:
            frames.append(
                frame_record(
                    app.name,
                    app.title,
                    app.prefix,
                    number,
                    slot=len(frames),
                    loads_last=loads_later(app.loads_last, number),
                )
            )
    return frames


def frame_card(record, removable=True):
    loads_last = record.get("loads_last", False)
    header = [
        # Each app's card is a section of its page, named by the app; styled as the card header's text.
        html.H2(record["name"], className="fs-6 fw-semibold lh-base mb-0"),
        dbc.Badge("connecting…", id=ids.frame_status(record["key"]), color="secondary", className="ms-2"),
        html.Span(id=ids.frame_spinner(record["key"]), className=ids.FRAME_SPINNER_CLASS, role="status"),
    ]
    if removable:
        # Named for its app: a screen reader's list of buttons would otherwise say "Remove" four times.
        # assets/shell.js moves the focus to the app's "Add" button when this goes (data-removes-app). An
        # html.Button in Bootstrap's classes: dbc.Button takes neither aria- nor data- attributes.
        header.append(
            html.Button(
                "Remove",
                id=ids.remove_frame(record["key"]),
                type="button",
                className="btn btn-sm btn-link ms-auto p-0",
                **{"aria-label": f"Remove {record['name']}", "data-removes-app": record["app"]},
            )
        )
    return dbc.Card(
        [
            dbc.CardHeader(header, className="d-flex align-items-center py-1"),
            html.Iframe(
                id=ids.app_frame(record["key"]),
                src=None if loads_last else record["src"],
                title=record["name"],
                className="app-frame",
                **{"data-app": record["app"], "data-name": record["name"]},
                **({"data-src": record["src"], "data-loads-last": "true"} if loads_last else {}),
            ),
        ],
    )


def frame_slots(frames):
    by_slot = {record["slot"]: record for record in frames}
    slots = []
    for slot in range(MAX_FRAMES):
        record = by_slot.get(slot)
        slots.append(
            dbc.Col(
                frame_card(record) if record else None,
                id=ids.frame_slot(slot),
                # Caller, Sum Server 1 and Sum Server 2 side by side on a laptop's screen; the Inspector is a
                # row of its own (assets/app.css), so its top shows below them without scrolling at 1440x900.
                xs=12,
                lg=6,
                xl=4,
                className=SLOT_CLASS if record else EMPTY_SLOT_CLASS,
            )
        )
    return slots


def workspace(frames, apps):
    """The Workspace page (/): every app side by side, in fixed slots; ``apps`` (see ``addable_apps``) can be added."""
    toolbar = html.Div(
        [
            html.Span(
                [
                    "Apps on the interop bus, each in its own iframe. New here? Follow the ",
                    dcc.Link("guide", href=GUIDE_PATH),
                    ".",
                ],
                className="text-muted small me-auto",
            ),
            *[
                html.Button(
                    f"Add {name}",
                    id=ids.add_app(name),
                    type="button",
                    className="btn btn-sm btn-outline-secondary",
                    # Where assets/shell.js puts the focus after one of this app's cards is removed.
                    **{"data-add-app": name},
                )
                for name in apps
            ],
        ],
        className="d-flex align-items-center gap-2 mb-2",
    )
    return html.Div(
        [
            # The page's one h1, for screen readers: the navigation bar already shows "Workspace" as current.
            html.H1("Workspace", className="visually-hidden"),
            toolbar,
            # Says why an Add did nothing; a status, so a screen reader says so too.
            html.Div(id=ids.SHELL_NOTICE, role="status"),
            dbc.Row(frame_slots(frames), id=ids.FRAMES_GRID),
        ],
        className="container-fluid",
        **{"data-page": "workspace"},
    )


def platform(client_apps):
    """The platform itself, shown in the navigation bar as its state.

    ``Glue42`` renders its children once the platform is up, so the page
    (outside it) shows at once while the platform starts; the apps in its
    iframes keep asking their parent until it answers
    (assets/dash_glue42_compat.js).
    """
    return dash_glue42.Glue42(
        id=ids.GLUE,
        settings=platform_settings(client_apps),
        fallback=html.Span("Starting the io.Connect platform…", className="navbar-text small"),
        children=[
            html.Span("io.Connect platform running", id=ids.PLATFORM_STATUS, className="navbar-text small"),
        ],
    )


def addable_apps(client_apps):
    """``{name: {"title", "prefix", "loads_last"}}``: what the workspace can add and the guide can embed."""
    return {app.name: {"title": app.title, "prefix": app.prefix, "loads_last": app.loads_last} for app in client_apps}


# What Dash Pages passes to every page's layout besides the path: the
# Workspace is rebuilt from the frames store, so apps added or removed there
# are still so after a visit to the guide.
ROUTING_INPUTS = {"frames": State(ids.FRAMES_STORE, "data")}


def workspace_page(client_apps, frames=None, **_routing):
    """The Workspace page for Dash Pages: the frames store's apps, or the default ones on a first visit."""
    if frames is None:
        frames = default_frames(client_apps)
    return workspace(frames, addable_apps(client_apps))


def navbar(client_apps):
    """Links navigate inside the page (no reload), so the platform and its apps' bus stay up."""
    return dbc.Navbar(
        dbc.Container(
            [
                dbc.NavbarBrand("io.Connect Dash Interop", href=WORKSPACE_PATH),
                dbc.Nav(
                    [
                        dbc.NavItem(dbc.NavLink("Workspace", href=WORKSPACE_PATH, active="exact")),
                        dbc.NavItem(dbc.NavLink("Guide", href=GUIDE_PATH, active="partial")),
                    ],
                    navbar=True,
                    className="me-auto",
                ),
                platform(client_apps),
            ],
            fluid=True,
        ),
        color="dark",
        dark=True,
        className="mb-3",
    )


def layout(client_apps):
    """The shell: the navigation (with the platform) and the current page, which Dash Pages renders."""
    return html.Div(
        [
            dcc.Store(id=ids.FRAMES_STORE, data=default_frames(client_apps)),
            dcc.Store(id=ids.ADDABLE_STORE, data=addable_apps(client_apps)),
            dcc.Store(id=ids.CONNECTED_STORE, data=[]),
            navbar(client_apps),
            html.Main(dash.page_container),
        ]
    )
