"""Shared fixtures, flaskr-style: ``app`` builds the server, ``client`` talks to it."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app import create_server  # noqa: E402


@pytest.fixture
def app():
    return create_server({"TESTING": True})


@pytest.fixture
def client(app):
    return app.test_client()
