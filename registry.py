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
    width: int = 720  # window size in io.Connect Desktop
    height: int = 560


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
    ),
    AppSpec(
        name="server",
        title=pages.server.APP_NAME,
        prefix="/server/",
        layout=pages.server.layout,
        register_callbacks=callbacks.server.register,
        shell_instances=2,
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
        width=1200,
        height=900,
    ),
)


def shell_spec(client_apps):
    """The platform shell, embedding and listing ``client_apps`` (the benchmark's lean shell uses its own)."""
    return AppSpec(
        name="shell",
        title=pages.shell.APP_NAME,
        prefix="/",
        layout=partial(pages.shell.layout, client_apps),
        register_callbacks=callbacks.shell.register,
        is_platform=True,
        register_pages=partial(pages.site.register_pages, client_apps),
        routing_inputs=pages.shell.ROUTING_INPUTS,
    )


SHELL = shell_spec(CLIENT_APPS)

APPS = (*CLIENT_APPS, SHELL)
