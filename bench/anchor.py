"""The sides the bench measures: the vendor page's own Interop example (bench/vendor_example/), the anchor, and
this project's shell, on Dash 4 and on Dash 2.18; and the in-page probes (probes.js) that time them.

The example runs as its reader would run it: Dash 2.18 from ``.venv-dash2``, none of this project's code,
assets or config, under gunicorn with 2 sync workers (``gunicorn -w 2 run:server`` in its own folder). The
project runs on Dash 2.18 from the same virtualenv for the second line's figures, as deployed otherwise
(gunicorn.conf.py).
"""

import os
from pathlib import Path

from harness.browser import ROOT, LiveServer

PROBES = (Path(__file__).parent / "probes.js").read_text()
# The shell's apps the figures use; it embeds the Inspector too, and the cold load waits for all of them.
SHELL_APPS = ("Sum Server 1", "Sum Server 2", "Caller")

EXAMPLE_ROOT = ROOT / "bench" / "vendor_example"
# The example's platform page embeds its caller (/app-a/) and its server (/app-b/) as these iframes.
EXAMPLE_CALLER = "iframe#app-a"
EXAMPLE_SERVER = "iframe#app-b"
# The project's shell names each app's iframe.
SHELL_CALLER = 'iframe[data-name="Caller"]'


def with_probes(frame):
    frame.evaluate(PROBES)  # evaluated by the driver, so the page's CSP does not apply
    return frame


def dash2_python():
    """The Dash 2.18 line's Python: ``make bench`` and ``make test`` build ``.venv-dash2`` (DASH2_PYTHON overrides)."""
    path = os.environ.get("DASH2_PYTHON") or str(ROOT / ".venv-dash2" / "bin" / "python")
    if not os.path.exists(path):
        raise RuntimeError(f"No Dash 2.18 Python at {path}: `make bench` builds .venv-dash2, or set DASH2_PYTHON.")
    return path


class ExampleServer(LiveServer):
    """The vendor's example: ``gunicorn -w 2 run:server`` in bench/vendor_example/, on Dash 2.18, no config file."""

    def __init__(self, log_path, **env):
        super().__init__(log_path, root=EXAMPLE_ROOT, **env)

    def command(self, _app):
        return [dash2_python(), "-m", "gunicorn", "-w", "2", "-b", f"127.0.0.1:{self.port}", "run:server"]


class Dash2Server(LiveServer):
    """This tree as deployed (gunicorn.conf.py), on the Dash 2.18 line."""

    def command(self, app):
        return [dash2_python(), "-m", "gunicorn", "-c", "gunicorn.conf.py", app]
