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


def pytest_collection_modifyitems(items):
    for item in items:
        if "browser" in item.fixturenames:
            item.add_marker(pytest.mark.browser)
