"""Security headers for every response: a Content-Security-Policy built from Dash's own script hashes.

Talisman (a maintained Flask extension) sets the headers; Dash computes the
hashes of its inline scripts (``Dash.csp_hashes``), so no script runs that
this server did not send as a file.
"""

from flask import abort, request
from flask_talisman import Talisman


def content_security_policy(dash_apps):
    hashes = sorted({digest for app in dash_apps for digest in app.csp_hashes()})
    return {
        "default-src": "'self'",
        "script-src": ["'self'", *hashes],
        # React renders `style` props as style attributes, which CSP counts as inline styles.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "connect-src": "'self'",
        "frame-src": "'self'",
        # Only our own pages may embed our apps, so no other site can host them and act as their platform.
        "frame-ancestors": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
    }


def init_app(server, dash_apps):
    dash_apps = list(dash_apps)
    reject_malformed_callbacks(server, dash_apps)
    Talisman(
        server,
        force_https=False,  # TLS is the proxy's job; behind one, set it there
        strict_transport_security=False,
        session_cookie_secure=False,
        content_security_policy=content_security_policy(dash_apps),
        frame_options="SAMEORIGIN",
        referrer_policy="strict-origin-when-cross-origin",
    )


def reject_malformed_callbacks(server, dash_apps):
    """Answer 400, not a 500 and a logged traceback, to callback requests that cannot be a Dash callback.

    A request must name a callback of the app it is sent to and carry its
    inputs as a list; anything else is the client's mistake.
    """
    apps_by_endpoint = {f"{app.config.routes_pathname_prefix}_dash-update-component": app for app in dash_apps}

    @server.before_request
    def check_callback_request():
        app = apps_by_endpoint.get(request.path)
        if app is None or request.method != "POST":
            return None
        body = request.get_json(silent=True)
        well_formed = (
            isinstance(body, dict)
            and isinstance(body.get("output"), str)
            and body["output"] in app.callback_map
            and isinstance(body.get("inputs"), list)
            and isinstance(body.get("state", []), list)
        )
        if not well_formed:
            abort(400, description="Not a callback request of this app.")
        return None


def limit_request_bodies(server, file_prefixes):
    """Hold every request body to ``MAX_SMALL_REQUEST_BYTES``, but those under ``file_prefixes``.

    An opened log file makes the largest request (``MAX_CONTENT_LENGTH``, which Werkzeug enforces for every
    route, streamed bodies included). Only the apps that take files need that much; every other app keeps the
    small limit, so no other endpoint reads megabytes from anyone who asks.
    """
    small = server.config["MAX_SMALL_REQUEST_BYTES"]
    prefixes = tuple(file_prefixes)

    @server.before_request
    def refuse_large_bodies():
        length = request.content_length
        if length is not None and length > small and not request.path.startswith(prefixes):
            abort(413)
