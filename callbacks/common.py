"""Callbacks every client app (not the platform shell) registers: its name on the bus, and its connect state.

Both are clientside, since they need the page's glue instance or its window,
and their JavaScript is written here, inline, rather than in an asset: an app
that mounts a layout and its ``register()`` without this project's assets
folder (a reader's copy, or the plain apps of ``tests/browser/test_no_scripts.py``)
still fills its instance badge and still settles its connect check. Dash puts
inline code in the page as an inline script and counts it in
``Dash.csp_hashes()``, from which ``hosting/security.py`` builds the
Content-Security-Policy, so the policy allows it.
"""

from dash import Input, Output, State

import ids
from callbacks.collector import CallbackCollector

app = CallbackCollector()

# The application name this instance has on the interop bus.
app.clientside_callback(
    """function (glueReady) {
        var glue = window.glue42dash && window.glue42dash.glueInstance;
        if (!glueReady || !glue) {
            return "connecting…";
        }
        return glue.interop.instance.application;
    }""",
    Output(ids.INSTANCE_NAME, "children"),
    Input(ids.GLUE, "glueReady"),
)

# Swap "Connecting…" for "Not connected" when glue cannot connect (see pages.common.connecting):
# at once when this page is clearly standalone, else when the timer runs out.
app.clientside_callback(
    """function (ticks, lastTick) {
        var inDesktop = typeof window.glue42gd !== "undefined" || typeof window.iodesktop !== "undefined";
        var standalone = window.parent === window && !window.opener && !inDesktop;
        if (standalone || (ticks || 0) >= lastTick) {
            return ["d-none", true];
        }
        return [window.dash_clientside.no_update, false];
    }""",
    Output(ids.CONNECTING, "className"),
    Output(ids.NOT_CONNECTED, "is_open"),
    Input(ids.CONNECT_TIMER, "n_intervals"),
    State(ids.CONNECT_TIMER, "max_intervals"),
)


def register_client_common(dash_app):
    """Register the callbacks every client app shares on ``dash_app``, its own ``Dash``."""
    app.register(dash_app)
