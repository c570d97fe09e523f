"""Shared fixtures, flaskr-style: ``app`` builds the server, ``client`` talks to it.

``-m browser`` selects exactly the tests that drive Chromium: those that use the
``browser`` fixture, and those that start a program that drives it (marked by hand).
"""

import pytest

from app import create_server


@pytest.fixture(scope="module")
def app():
    """One server for a module's tests: building it (four Dash apps) is most of a short test's time.

    Tests only read it; one that needs other configuration calls
    ``create_server`` itself.
    """
    return create_server({"TESTING": True})


@pytest.fixture
def client(app):
    return app.test_client()


# The longest modules, longest first (in `make test`'s sessions, on 2 cores). pytest-xdist hands out whole
# modules (`--dist loadfile`) in collection order, so one of these left for last would run alone at the end.
LONGEST_FIRST = (
    "tests/browser/test_accessibility.py",
    "tests/browser/test_guide.py",
    "tests/bench/test_bench_smoke.py",  # nearly all of it one test, which must not be the last to start
    "tests/browser/test_hostile.py",
    "tests/browser/test_streams.py",
    "tests/browser/test_log_grid.py",
    "tests/browser/test_interop.py",
    "tests/browser/test_inspector.py",
    "tests/browser/test_load_balancer.py",
    "tests/browser/test_viewer.py",
    "tests/browser/test_console.py",
    "tests/browser/test_screenshots.py",
)


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "browser" in item.fixturenames:
            item.add_marker(pytest.mark.browser)
    if config.getoption("dist", "no") != "no":
        rank = {path: n for n, path in enumerate(LONGEST_FIRST)}
        items.sort(key=lambda item: rank.get(item.nodeid.split("::")[0], len(rank)))
