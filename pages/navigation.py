"""The shell's pages and their paths: which page a path shows, and which paths are not pages (404)."""

from flask import request

from guide.topics import BY_SLUG, GUIDE_PATH
from pages.shell import APP_NAME, WORKSPACE_PATH


def normalise(pathname):
    """``/guide/`` and ``/guide`` are one page; the root stays ``/``."""
    path = (pathname or WORKSPACE_PATH).split("?", 1)[0]
    return path.rstrip("/") or WORKSPACE_PATH


def route(pathname):
    """``(kind, topic)``: kind is "workspace", "guide", "topic" (with its topic) or "not-found"."""
    path = normalise(pathname)
    if path == WORKSPACE_PATH:
        return "workspace", None
    if path == GUIDE_PATH:
        return "guide", None
    prefix = GUIDE_PATH + "/"
    if path.startswith(prefix) and path[len(prefix) :] in BY_SLUG:
        return "topic", BY_SLUG[path[len(prefix) :]]
    return "not-found", None


def page_title(kind, topic=None):
    """What the browser's tab and history show for a page."""
    names = {"workspace": "Workspace", "guide": "Guide", "not-found": "Page not found"}
    name = f"{topic.label} · Guide" if kind == "topic" else names[kind]
    return f"{name} · {APP_NAME}"


def init_app(server, shell_prefix="/"):
    """Unknown paths under the shell still get the shell (its 404 page), with status 404."""
    catch_all = f"{shell_prefix}<path:path>"

    @server.after_request
    def not_found_status(response):
        unknown = request.endpoint == catch_all and route(request.path)[0] == "not-found"
        if unknown and response.status_code == 200:
            response.status_code = 404
        return response
