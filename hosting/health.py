"""Liveness for load balancers and deploy checks: no interop involved."""

import dash
import dash_glue42
import flask

__version__ = "0.1.0"


def healthz():
    return flask.jsonify(
        status="ok",
        version=__version__,
        dash=dash.__version__,
        dash_glue42=dash_glue42.__version__,
        apps=[
            {"name": s.name, "title": s.title, "prefix": s.prefix} for s in flask.current_app.extensions["app_specs"]
        ],
    )


def init_app(server):
    server.add_url_rule("/healthz", "healthz", healthz)
