"""The documentation shows what the project runs."""

import re

from harness.browser import ROOT


def test_docs001_deployment_shows_the_nginx_configuration_the_test_runs():
    page = (ROOT / "docs" / "deployment.md").read_text()
    [shown] = re.findall(r"```nginx\n(.*?)```", page, re.S)
    assert shown == (ROOT / "deploy" / "nginx.conf").read_text()


def test_docs002_the_readme_stays_short_and_links_every_docs_page():
    readme = (ROOT / "README.md").read_text()
    assert len(readme.splitlines()) <= 200
    assert "```mermaid" in readme
    for page in sorted((ROOT / "docs").glob("*.md")):
        assert f"(docs/{page.name})" in readme, page.name
