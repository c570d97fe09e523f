"""Behind reverse proxies: the client's address, scheme and host from the ``X-Forwarded-*`` headers they set.

``PROXY_HOPS`` (``IOCONNECT_PROXY_HOPS``) is how many proxies stand in front of
the app, each appending to ``X-Forwarded-For``. Werkzeug's ``ProxyFix`` then
takes the address the outermost of them saw, and ignores anything further left:
a client may send ``X-Forwarded-For`` itself, but it cannot forge the part a
trusted proxy wrote. With no hops (the default) the headers are not trusted at
all, since anyone who reaches the app directly could set them.

``ProxyFix`` rewrites the request's WSGI environ in place, and gunicorn's access
log reads ``%(h)s`` from that same environ once the response is sent, so the
access log shows the client's address, not the proxy's.

``X-Forwarded-Prefix`` is not trusted: every Dash app builds its URLs from its
own fixed prefix, so the app cannot be moved under another path by a header.
"""

from werkzeug.middleware.proxy_fix import ProxyFix


def proxy_hops(value):
    """``value`` as a number of proxy hops, or a ``ValueError`` that says what is wrong."""
    # bool is an int; "true" would otherwise mean one hop.
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(
            f"IOCONNECT_PROXY_HOPS must be the number of reverse proxies in front of the app, "
            f"a whole number from 0 (the default: none, X-Forwarded-* headers are ignored); got {value!r}"
        )
    return value


def init_app(server):
    hops = proxy_hops(server.config["PROXY_HOPS"])
    if hops:
        server.wsgi_app = ProxyFix(server.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
