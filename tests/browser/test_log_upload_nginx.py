"""The largest log file opens through nginx as deploy/nginx.conf configures it (client_max_body_size)."""

import json
import urllib.request

import pytest

import ids
from harness.browser import LiveServer
from tests.browser.test_load_balancer import Nginx, nginx_binary  # noqa: F401 - nginx_binary is a fixture
from tests.integration.test_log_upload import FILE_OUTPUTS, LONG_NAME, largest_file
from tests.unit.log_file_samples import upload_contents

pytestmark = pytest.mark.servers  # deployment: Dash 4 only, beside the browser stage (scripts/test.sh)


@pytest.fixture
def behind_nginx(request, tmp_path, nginx_binary):  # noqa: F811 - the fixture imported above
    """One instance (one worker) as both of nginx's upstreams: the limit is nginx's, not the round robin's."""
    instance = LiveServer(tmp_path / "gunicorn.log", workers=1, IOCONNECT_PROXY_HOPS="1")
    request.addfinalizer(instance.stop)
    prefix = tmp_path / "nginx"
    prefix.mkdir()
    address = f"127.0.0.1:{instance.port}"
    nginx = Nginx(nginx_binary, prefix, [address, address])
    request.addfinalizer(nginx.stop)
    yield nginx
    assert nginx.errors() == [] and instance.errors() == [], instance.log_text()


def post_json(url, body):
    data = json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.status, json.load(response), len(data)


def test_lgng001_the_largest_log_file_opens_through_nginx(behind_nginx):
    nginx = behind_nginx
    with urllib.request.urlopen(f"{nginx.url}/inspector/_dash-dependencies", timeout=10) as response:
        dependencies = json.load(response)
    inputs = [{"id": ids.LOG_UPLOAD, "property": "contents"}, {"id": ids.LOG_BACK_LIVE, "property": "n_clicks"}]
    callback = next(d for d in dependencies if d["inputs"] == inputs)
    status, body, sent = post_json(
        f"{nginx.url}/inspector/_dash-update-component",
        {
            "output": callback["output"],
            "outputs": [{"id": i, "property": p} for i, p in FILE_OUTPUTS],
            "inputs": [{**inputs[0], "value": upload_contents(largest_file())}, {**inputs[1], "value": None}],
            "changedPropIds": [f"{ids.LOG_UPLOAD}.contents"],
            "state": [{"id": ids.LOG_UPLOAD, "property": "filename", "value": LONG_NAME}],
        },
    )
    assert sent > 4 * ids.LOG_FILE_MAX_BYTES // 3  # the request was as large as the largest file makes it
    assert status == 200
    assert body["response"][ids.LOG_FILE_PROBLEM]["children"] == ""
    assert body["response"][ids.LOG_FILE]["data"]["count"] == ids.LOG_ROWS
    [entry] = [e for e in nginx.requests() if e["path"].endswith("_dash-update-component")]
    assert entry["status"] == "200"
