"""The shell's pages, as Dash Pages knows them: the Workspace, the guide, each topic, and the 404 page.

Only the shell uses Dash Pages. Its page registry is global to the process
(plotly/dash#2398, #2399), so the other apps, each its own io.Connect
client, stay plain Dash apps beside it.
"""

from functools import partial

import dash
from flask import request

from guide.topics import GUIDE_PATH, TOPICS
from pages.guide import guide_index, not_found, topic_page
from pages.shell import APP_NAME, WORKSPACE_PATH, addable_apps, workspace_page

# Dash Pages shows the page registered under a module named "not_found_404" for unknown paths.
NOT_FOUND_MODULE = "pages.guide.not_found_404"


def title(name):
    """What the browser's tab and history show for a page."""
    return f"{name} · {APP_NAME}"


def register_pages(client_apps):
    """Register the shell's pages; call it right after the shell's ``Dash(use_pages=True)``.

    The registry starts empty each time, so a second shell in one process
    (the tests build several) does not keep the first one's pages. A shell
    without the guide's apps (the benchmark's lean one) has only the Workspace.
    """
    dash.page_registry.clear()
    apps = addable_apps(client_apps)
    has_guide = all(app in apps for topic in TOPICS for app, _ in topic.apps)
    dash.register_page(
        "pages.shell.workspace",
        path=WORKSPACE_PATH,
        name="Workspace",
        title=title("Workspace"),
        layout=partial(workspace_page, client_apps),
        order=0,
    )
    if has_guide:
        register_guide(apps)
    dash.register_page(
        NOT_FOUND_MODULE, path=None, name="Page not found", title=title("Page not found"), layout=not_found
    )


def register_guide(apps):
    dash.register_page("pages.guide", path=GUIDE_PATH, name="Guide", title=title("Guide"), layout=guide_index, order=1)
    for order, topic in enumerate(TOPICS, start=2):
        dash.register_page(
            f"pages.guide.{topic.slug}",
            path=topic.path,
            name=topic.label,
            title=title(f"{topic.label} · Guide"),
            layout=partial(topic_page, topic, apps),
            order=order,
        )


def is_page(path):
    """Whether the shell has a page at ``path`` (``/guide/`` and ``/guide`` are one page)."""
    wanted = path.split("?", 1)[0].strip("/")
    return any(
        page["module"] != NOT_FOUND_MODULE and page["relative_path"].strip("/") == wanted
        for page in dash.page_registry.values()
    )


def init_app(server, shell_prefix="/"):
    """Unknown paths under the shell still get the shell (its 404 page), with status 404."""
    catch_all = f"{shell_prefix}<path:path>"

    @server.after_request
    def not_found_status(response):
        if request.endpoint == catch_all and response.status_code == 200 and not is_page(request.path):
            response.status_code = 404
        return response
