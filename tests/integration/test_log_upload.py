"""The largest log file opens through the app's own limit: the upload callback posted as the renderer posts it."""

import ids
from tests.integration.dash_client import call_callback
from tests.unit.log_file_samples import upload_contents, worst_document

FILE_OUTPUTS = [
    (ids.LOG_FILE, "data"),
    (ids.LOG_FILE_NOTE, "children"),
    (ids.LOG_FILE_BANNER, "hidden"),
    (ids.LOG_FILE_PROBLEM, "children"),
    (ids.LOG_UPLOAD, "contents"),
]
LONG_NAME = ('"\\é😀' * 64)[:250] + ".json"  # as long as a file's name gets, in characters JSON writes long


def largest_file():
    """The worst case a full window exports, padded with spaces to ids.LOG_FILE_MAX_BYTES exactly."""
    data = worst_document().encode()
    return data + b" " * (ids.LOG_FILE_MAX_BYTES - len(data))


def open_file(client, data, name):
    return call_callback(
        client,
        "/inspector/",
        inputs=[(ids.LOG_UPLOAD, "contents", upload_contents(data)), (ids.LOG_BACK_LIVE, "n_clicks", None)],
        outputs=FILE_OUTPUTS,
        state=[(ids.LOG_UPLOAD, "filename", name)],
    )


def test_lgup001_a_file_of_the_largest_size_opens(client):
    response = open_file(client, largest_file(), LONG_NAME)
    assert response.status_code == 200, response.status_code
    outputs = response.get_json()["response"]
    assert outputs[ids.LOG_FILE_PROBLEM]["children"] == ""
    assert outputs[ids.LOG_FILE]["data"]["count"] == ids.LOG_ROWS
    # One byte over: dcc.Upload keeps it from the callback; posted anyway, the app refuses it in words.
    response = open_file(client, largest_file() + b" ", "big.json")
    assert response.status_code == 200
    problem = response.get_json()["response"][ids.LOG_FILE_PROBLEM]["children"]
    assert problem == (
        f"big.json was not opened: it is {ids.LOG_FILE_MAX_BYTES + 1:,} bytes; the Inspector opens log files of "
        f"up to {ids.LOG_FILE_MAX_BYTES:,}."
    )
