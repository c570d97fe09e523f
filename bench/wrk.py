"""Server-side figures with wrk (Debian's ``wrk`` package): the Sum handler callback against a trivial route.

Both requests go to the same gunicorn, so the ratio is what Dash's callback
dispatch (and our handler) costs over Flask serving a small JSON response.
"""

import json
import shutil
import subprocess
import tempfile
import urllib.request
from pathlib import Path

CONNECTIONS = 8
TRIVIAL_ROUTE = "/healthz"
SUM_ENDPOINT = "/server/_dash-update-component"
SUM_INPUT = "io-connect-register-sum.invoke"

# wrk prints its own summary; this Lua adds one JSON line we can parse.
REPORT_LUA = """
wrk.method = "%(method)s"
wrk.headers["Content-Type"] = "application/json"
%(body)s
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests": %%d, "duration_us": %%d, "p50_us": %%d, "p99_us": %%d, "errors": %%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.status + e.timeout))
end
"""


def wrk_binary():
    path = shutil.which("wrk")
    if path is None:
        raise SystemExit("wrk is not installed: run `make bench` (installs Debian's wrk) or `apt-get install wrk`.")
    return path


def sum_request_body(base_url):
    """A well-formed callback request for the server's Sum handler, built from the app's own dependencies."""
    with urllib.request.urlopen(base_url + "/server/_dash-dependencies") as response:
        dependencies = json.load(response)
    callback = next(c for c in dependencies if any(i["id"] + "." + i["property"] == SUM_INPUT for i in c["inputs"]))
    outputs = [
        dict(zip(("id", "property"), o.split("@")[0].rsplit(".", 1), strict=True))
        for o in callback["output"].strip(".").split("...")
    ]
    invoke = {
        "invocationId": "bench-1",
        "args": {"a": 40, "b": 2},
        "caller": {"application": "Bench", "instance": "bench"},
    }
    return {
        "output": callback["output"],
        "outputs": outputs,
        "inputs": [{"id": "io-connect-register-sum", "property": "invoke", "value": invoke}],
        "changedPropIds": [SUM_INPUT],
        "state": [],
    }


def check_sum(base_url, body):
    request = urllib.request.Request(
        base_url + SUM_ENDPOINT, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request) as response:
        answer = json.load(response)
    returned = answer["response"]["io-connect-register-sum"]["result"]
    if returned != {"invocationId": "bench-1", "invocationResult": {"sum": 42}}:
        raise RuntimeError(f"unexpected Sum answer: {returned}")


def run_wrk(url, seconds, method="GET", body=None):
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "report.lua"
        body_lua = ""
        if body is not None:
            body_file = Path(tmp) / "body.json"
            body_file.write_text(json.dumps(body))
            body_lua = f'local f = io.open("{body_file}", "rb"); wrk.body = f:read("*a"); f:close()'
        script.write_text(REPORT_LUA % {"method": method, "body": body_lua})
        completed = subprocess.run(
            [wrk_binary(), "-t1", f"-c{CONNECTIONS}", f"-d{seconds}s", "-s", str(script), url],
            capture_output=True,
            text=True,
            check=True,
        )
    line = next(line for line in completed.stdout.splitlines() if line.startswith("WRK_JSON "))
    raw = json.loads(line.removeprefix("WRK_JSON "))
    return {
        "requests_per_s": round(raw["requests"] / (raw["duration_us"] / 1e6), 1),
        "p50_ms": round(raw["p50_us"] / 1000, 2),
        "p99_ms": round(raw["p99_us"] / 1000, 2),
        "errors": raw["errors"],
    }


def server_figures(base_url, seconds):
    body = sum_request_body(base_url)
    check_sum(base_url, body)
    sum_figures = run_wrk(base_url + SUM_ENDPOINT, seconds, "POST", body)
    trivial = run_wrk(base_url + TRIVIAL_ROUTE, seconds)
    return {
        "wrk_sum": sum_figures,
        "wrk_trivial": trivial,
        "wrk_ratio": round(sum_figures["requests_per_s"] / trivial["requests_per_s"], 2),
    }
