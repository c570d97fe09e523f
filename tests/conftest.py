"""Shared fixtures, flaskr-style: ``app`` builds the server, ``client`` talks to it."""

import pytest

from app import create_server


@pytest.fixture
def app():
    return create_server({"TESTING": True})


@pytest.fixture
def client(app):
    return app.test_client()
