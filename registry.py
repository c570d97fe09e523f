"""The one list of apps this project serves.

``app.create_server`` mounts every entry, the platform shell embeds the
client apps from it, and io.Connect Desktop definitions are generated from it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

import callbacks.caller
import callbacks.inspector
import callbacks.server
import callbacks.shell
import pages.caller
import pages.inspector
import pages.server
import pages.shell
import pages.site


@dataclass(frozen=True)
class AppSpec:
    name: str  # short, url-safe: used in ids and definitions; "Add <name>" in the shell
    title: str  # what people see: page title, interop application name
    prefix: str  # route prefix, with leading and trailing slash
    layout: Callable[[], Any]
    register_callbacks: Callable[[Any], None]
    shell_instances: int = 0  # how many the shell embeds by default
    validation_layout: Callable[[], Any] | None = None  # components a callback may add later
    is_platform: bool = False
    # Dash Pages, for the one app that has pages: registers them once its Dash exists.
    register_pages: Callable[[], None] | None = None
    routing_inputs: dict[str, Any] | None = None  # Dash's routing_callback_inputs: passed to every page
    # Optional component libraries its pages use (hosting.static_files.OPTIONAL_LIBRARIES): the others' scripts
    # are left out of its page.
    libraries: tuple[str, ...] = ()
    # Whether the shell loads it only once the page's other apps are connected: it watches them, and in the same
    # page its scripts would share one main thread with theirs and hold back the first Sum (bench/first_sum.py).
    # An app's second and later instances in a page load then too (pages.shell.loads_later).
    loads_last: bool = False
    # Whether its callback requests may carry a file (the Inspector opens log files): only these accept bodies up
    # to MAX_CONTENT_LENGTH; every other request is held to MAX_SMALL_REQUEST_BYTES (hosting.security).
    takes_files: bool = False
    # The scripts of assets/ its page loads, in this order (hosting.page_scripts): only those it uses.
    scripts: tuple[str, ...] = ()
    width: int = 720  # window size in io.Connect Desktop
    height: int = 560


# Scripts of assets/, in load order. Each is a plain script that runs once, so the order is the dependencies':
#   _shared.js               the ids and limits ids.py shares with JavaScript: every other script reads them;
#   callback_requests.js     Dash's callback requests, watched (the renderer's hooks): the compat fixes 7 and 9 and
#                            the activity seam ask it when a callback has answered or failed;
#   dash_glue42_compat.js    wraps dash_glue42's components, once, before Dash renders (docs/compat.md);
#   app_names.js             an instance's display name (pages/app_names.py's rule);
#   dash_glue42_activity.js  the interop log: an observer of the compat wrappers, so it comes after them.
# An app with dash_glue42 components loads the first three; one that records its interop (every client app) the
# next two; then its own page's scripts; frame_height.js last, in an app the shell embeds (its card's height).
COMPAT_SCRIPTS = ("_shared.js", "callback_requests.js", "dash_glue42_compat.js")
RECORDING_SCRIPTS = ("app_names.js", "dash_glue42_activity.js")
EMBEDDED_SCRIPTS = ("frame_height.js",)

# In the Workspace's reading order: the Caller, the servers it calls, then the Inspector that watches them.
CLIENT_APPS = (
    AppSpec(
        name="caller",
        title=pages.caller.APP_NAME,
        prefix="/caller/",
        layout=pages.caller.layout,
        register_callbacks=callbacks.caller.register,
        shell_instances=1,
        validation_layout=pages.server.sum_registration,
        scripts=(*COMPAT_SCRIPTS, *RECORDING_SCRIPTS, "caller.js", *EMBEDDED_SCRIPTS),
    ),
    AppSpec(
        name="server",
        title=pages.server.APP_NAME,
        prefix="/server/",
        layout=pages.server.layout,
        register_callbacks=callbacks.server.register,
        shell_instances=2,
        scripts=(*COMPAT_SCRIPTS, *RECORDING_SCRIPTS, *EMBEDDED_SCRIPTS),
        width=640,
        height=480,
    ),
    AppSpec(
        name="inspector",
        title=pages.inspector.APP_NAME,
        prefix="/inspector/",
        layout=pages.inspector.layout,
        register_callbacks=callbacks.inspector.register,
        shell_instances=1,
        validation_layout=pages.inspector.added_later,
        libraries=("dash_ag_grid",),
        loads_last=True,
        takes_files=True,
        scripts=(
            *COMPAT_SCRIPTS,
            *RECORDING_SCRIPTS,
            "inspector.js",
            "inspector_log.js",
            "inspector_streams.js",
            *EMBEDDED_SCRIPTS,
        ),
        width=1200,
        height=900,
    ),
)


def shell_spec(client_apps):
    """The platform shell, embedding and listing ``client_apps``."""
    return AppSpec(
        name="shell",
        title=pages.shell.APP_NAME,
        prefix="/",
        layout=partial(pages.shell.layout, client_apps),
        register_callbacks=callbacks.shell.register,
        is_platform=True,
        register_pages=partial(pages.site.register_pages, client_apps),
        routing_inputs=pages.shell.ROUTING_INPUTS,
        # The platform: no component to record, nothing to post its height to; it sizes the apps' cards (shell.js).
        scripts=(*COMPAT_SCRIPTS, "shell.js"),
    )


SHELL = shell_spec(CLIENT_APPS)

APPS = (*CLIENT_APPS, SHELL)
