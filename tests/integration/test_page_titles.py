"""The served HTML carries the title of the page asked for (hosting/page_titles.py), through Flask's test client.

The tab, the history entry and a link preview have it before Dash Pages'
routing callback sets ``document.title``.
"""

import re

import pytest

import registry
from guide.topics import TOPICS
from pages import site


def served_title(client, path):
    [title] = re.findall(r"<title>(.*?)</title>", client.get(path).text, re.S)
    return title


@pytest.mark.parametrize("topic", TOPICS, ids=lambda t: t.slug)
def test_ptit001_a_guide_topic_is_served_with_its_own_title(client, topic):
    assert served_title(client, topic.path) == site.title(f"{topic.label} · Guide")


@pytest.mark.parametrize(
    "path, page",
    [("/", "Workspace"), ("/guide", "Guide"), ("/guide/", "Guide"), ("/guide/nope", "Page not found")],
)
def test_ptit002_every_shell_page_is_served_with_its_own_title(client, path, page):
    assert served_title(client, path) == site.title(page)


@pytest.mark.parametrize("spec", registry.CLIENT_APPS, ids=lambda s: s.name)
def test_ptit003_a_client_app_keeps_its_app_title(client, spec):
    assert served_title(client, spec.prefix) == spec.title
