"""The vendor page's Interop example as its reader would run it: the bench's anchor (``make bench``).

The complete caller example imports ``server`` from ``run``, so this file is that ``run``: it makes the Flask
server, then mounts the example's apps on it. None of this project's code is imported, no asset and no config
file is loaded: ``gunicorn --chdir bench/vendor_example -w 2 run:server`` on Dash 2.18 (bench/anchor.py).
"""

import flask

server = flask.Flask(__name__)

import caller_app  # noqa: E402, F401 - each module mounts its Dash app on `server`
import platform_page  # noqa: E402, F401
import server_app  # noqa: E402, F401
