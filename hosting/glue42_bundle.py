"""dash_glue42's bundle, served so that only the platform's document evaluates the web platform.

``dash_glue42.min.js`` is one webpack bundle of 2.2 MB. Its entry requires the
Glue42 web platform's module (1.5 MB of it, the platform's ClojureScript
gateway included) as the script loads, in every document. Only a ``Glue42``
component of type ``platform`` uses that module: it reads its factory (``pl.Z``)
when it renders, and that happens in the shell alone. Each embedded app
evaluated it for nothing, on the page's one main thread (same-origin iframes
share it), before it could connect: time to the first Sum 0.8x without it
(docs/performance.md).

The copy served here differs from the library's in one statement: the module
is required when the factory is first read. The apps never read it; the shell
evaluates the module when its ``Glue42`` renders. The apps' client library
(``@glue42/web``) is elsewhere in the bundle and unchanged. The
``sourceMappingURL`` line is left out: the mappings no longer match the
statement's line.

If the bundle is not the one this was written for (another ``dash_glue42``),
the statement is not found, a warning says so, and pages load the library's own
file from Dash's usual URL.
"""

import hashlib
import logging
import pkgutil
from functools import cache

import dash_glue42
from flask import Response, abort, request

log = logging.getLogger(__name__)

BUNDLE = "dash_glue42.min.js"
EAGER_PLATFORM = "var pl=__webpack_require__(853),"
LAZY_PLATFORM = "var pl={get Z(){return __webpack_require__(853).Z}},"
SOURCE_MAP_LINE = "//# sourceMappingURL="
ROUTE = "_dash-glue42/"
ONE_YEAR = 365 * 24 * 3600
# The library's own script tag: Dash fingerprints the name (dash_glue42.v1_5_0m123.min.js).
LIBRARY_SCRIPT = "_dash-component-suites/dash_glue42/dash_glue42."


def lazy_platform(bundle):
    """``bundle`` with the platform's module required on first use, or None if it is not the expected bundle."""
    if bundle.count(EAGER_PLATFORM) != 1:
        return None
    lines = bundle.replace(EAGER_PLATFORM, LAZY_PLATFORM).split("\n")
    return "\n".join(line for line in lines if not line.startswith(SOURCE_MAP_LINE))


@cache
def served_copy():
    """(file name, bytes, digest) of the copy to serve, or None to serve the library's own file."""
    copy = lazy_platform(pkgutil.get_data("dash_glue42", BUNDLE).decode("utf-8"))
    if copy is None:
        log.warning(
            "dash_glue42 %s is not the bundle hosting/glue42_bundle.py was written for; "
            "every app evaluates the web platform as the library ships it",
            dash_glue42.__version__,
        )
        return None
    data = copy.encode("utf-8")
    digest = hashlib.sha256(data).hexdigest()[:16]
    return f"dash_glue42.v{dash_glue42.__version__}.{digest}.min.js", data, digest


def point_at_served_copy(scripts, prefix):
    """Dash's script tags with the library's bundle replaced by the copy under ``prefix``."""
    copy = served_copy()
    if copy is None:
        return scripts
    start = scripts.find(LIBRARY_SCRIPT)
    if start < 0:
        return scripts
    end = scripts.index('"', start)
    url_start = scripts.rindex('"', 0, start) + 1
    return scripts[:url_start] + f"{prefix}{ROUTE}{copy[0]}" + scripts[end:]


def serve(name):
    copy = served_copy()
    if copy is None or name != copy[0]:
        abort(404)
    response = Response(copy[1], mimetype="application/javascript")
    response.set_etag(copy[2])
    response.cache_control.public = True
    response.cache_control.max_age = ONE_YEAR  # the name carries the content's digest
    response.cache_control.immutable = True
    return response.make_conditional(request)


def init_app(server, prefix):
    """Serve the copy under ``prefix`` (the shell's, where every app loads its static files from)."""
    served_copy()  # read and checked at start-up, so a warning shows then
    server.add_url_rule(f"{prefix}{ROUTE}<name>", "glue42_bundle", serve)
