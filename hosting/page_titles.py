"""The served HTML of a Dash Pages app carries the title of the page it was asked for, not the app's.

Dash (2.18 and 4.4 alike) renders its index with the app's title and puts the
page's title only in ``og:title``; Dash Pages' routing callback sets
``document.title`` once the page is in the browser. Until then the tab, the
history entry and anything that reads the HTML alone (a bookmark, a link
preview, a crawler) had the app's title. This resolves the title as that
callback does, so both agree.
"""

import html

import dash

# Dash Pages' own path lookup (the same function on both Dash lines): path templates and variables included,
# so the served title and the routing callback's title come from one rule.
from dash._pages import _path_to_page


def page_title(app, path):
    """The title Dash Pages' routing callback gives ``path``: its page's, the 404 page's, or the app's."""
    page, variables = _path_to_page(app.strip_relative_path(path))
    if not page:
        page = next((p for module, p in dash.page_registry.items() if module.split(".")[-1] == "not_found_404"), {})
    title = page.get("title", app.title)
    return title(**(variables or {})) if callable(title) else title


def html_title(app, path):
    """``page_title`` as ``<title>`` text: a title built from path variables is text, not markup."""
    return html.escape(str(page_title(app, path)), quote=False)
