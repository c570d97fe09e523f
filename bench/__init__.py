"""`make bench`: the interop path and the page, measured through the real shell (see __main__.py)."""
