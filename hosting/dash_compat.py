"""The one place where the Dash 2 and Dash 3+ lines differ for this project.

Everything else runs unchanged on Dash 2.18 and Dash 4 (``make test`` runs the
suite on both). ``assets/dash_glue42_compat.js`` is loaded on both lines: on
Dash 2 its fixes are no-ops.
"""

import dash

DASH_MAJOR = int(dash.__version__.split(".")[0])

# dash_glue42 1.5.0 breaks without assets/dash_glue42_compat.js from Dash 3 on.
GLUE42_NEEDS_COMPAT = DASH_MAJOR >= 3


def set_up_now(app):
    """Run Dash's lazy first-request set-up at start-up (same private method on both lines).

    Dash marks itself set up before it registers its script paths
    (plotly/dash#3971); under gunicorn's threaded workers, script requests that
    raced the first page failed with 500 "'dash' is not a registered library".
    Setting up before serving closes that gap and validates the layout early.

    Dash Pages sets up its router on the first request too, and registers a
    clientside callback (the page title) there. Run at start-up, that callback is in
    ``csp_hashes()`` when the Content-Security-Policy is built.
    """
    app._setup_server()
    if app.use_pages:
        with app.server.test_request_context(app.config.requests_pathname_prefix):
            app.server.preprocess_request()
