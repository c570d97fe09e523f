"""Each app's own scripts from ``assets/``, in the order its registry entry declares (``AppSpec.scripts``).

Dash puts every ``.js`` file of its assets folder in every app's page, in
alphabetical order, and ``assets_ignore`` only leaves files out. So each app
tells Dash to ignore them all (``IGNORE_SCRIPTS``), and its page gets the
scripts its entry names, in that order, where Dash puts asset scripts: after
the component bundles, before Dash's renderer. Each URL is Dash's own for the
asset, with its ``?m=<mtime>`` fingerprint, so the year-long caching
(``static_files.cache_fingerprinted_assets``) and the shared-prefix URLs work as
for any asset. Styles stay Dash's to load.

``callback_requests.js`` also gets, on its own tag, what it would otherwise
have to read from ``/_dash-dependencies``: which Inputs feed a server callback
of this app, and each such callback's first Output (``server_inputs``). And
the app's renderer gets the hooks that script provides (``RENDERER_HOOKS``).
"""

import html
import json
import os
import re

# Dash's assets_ignore: every script of the assets folder (styles are still Dash's to load).
IGNORE_SCRIPTS = r"\.m?js$"
CALLBACK_REQUESTS = "callback_requests.js"
# Dash's renderer hooks (Dash(hooks=...)), as JavaScript expressions: the renderer script runs after the assets.
RENDERER_HOOKS = {
    "request_pre": "window.ioConnectCallbackRequests.requestPre",
    "callback_resolved": "window.ioConnectCallbackRequests.callbackResolved",
}
# Dash's script tag of its renderer bundle: asset scripts go before it, as Dash puts them.
RENDERER_BUNDLE = re.compile(r'<script src="[^"]*/dash-renderer/build/dash_renderer\.[^"]*"></script>')


def check_scripts(assets_folder, names):
    """``names``, once each and every one a file of ``assets_folder``; else a ValueError saying which is not."""
    if len(set(names)) != len(names):
        raise ValueError(f"a script is listed twice: {names}")
    for name in names:
        if not re.search(IGNORE_SCRIPTS, name) or not os.path.isfile(os.path.join(assets_folder, name)):
            raise ValueError(f"{name} is not a script in {assets_folder}")
    return tuple(names)


def first_output(output):
    """``"id.property"`` of a callback's first Output, from Dash's name for its outputs (``"..a.x...b.y.."``)."""
    first = output.removeprefix("..").split("...")[0]
    return re.sub(r"@[0-9a-f]+$", "", first.removesuffix(".."))  # allow_duplicate's suffix


def server_inputs(dash_app):
    """``{"id.property": [first Output of each server callback that Input feeds]}``, from the app's callback map.

    Clientside callbacks are left out: Dash sends no request for them.
    """
    inputs = {}
    for output, callback in dash_app.callback_map.items():
        if "callback" not in callback:  # clientside: no function on the server
            continue
        for item in callback["inputs"]:
            key = f"{item['id'] if isinstance(item['id'], str) else json.dumps(item['id'])}.{item['property']}"
            inputs.setdefault(key, []).append(first_output(output))
    return inputs


def script_tags(dash_app, names):
    """The tags of ``names``, under Dash's asset URL with its modification-time fingerprint."""
    tags = []
    for name in names:
        mtime = os.stat(os.path.join(dash_app.config.assets_folder, name)).st_mtime
        attributes = f'src="{dash_app.get_asset_url(name)}?m={mtime}"'
        if name == CALLBACK_REQUESTS:
            data = json.dumps(server_inputs(dash_app), separators=(",", ":"), sort_keys=True)
            attributes += f' data-server-inputs="{html.escape(data, quote=True)}"'
        tags.append(f"<script {attributes}></script>")
    return "\n".join(tags)


def with_scripts(scripts_html, tags):
    """Dash's script tags with ``tags`` where Dash puts asset scripts: before its renderer's bundle."""
    if not tags:
        return scripts_html
    found = RENDERER_BUNDLE.search(scripts_html)
    if found is None:
        raise ValueError("Dash's renderer bundle is not among the page's scripts: where do asset scripts go?")
    return f"{scripts_html[: found.start()]}{tags}\n{scripts_html[found.start() :]}"
