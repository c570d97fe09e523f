"""dash_glue42's bundle as served (hosting/glue42_bundle.py): only the platform's document runs the web platform."""

import pytest

from harness.browser import Shell

# The web platform's module defines this global when it is evaluated, and nothing else does.
PLATFORM_EVALUATED = "typeof window.GlueWebPlatform === 'function'"


@pytest.mark.core
def test_bndl001_the_apps_connect_without_evaluating_the_web_platform(shell):
    assert shell.page.evaluate(PLATFORM_EVALUATED) is True  # the shell's did, or the global proves nothing
    for name in Shell.DEFAULT_APPS:
        frame = shell.frame(name)
        assert frame.evaluate("Boolean(window.glue42dash.glueInstance.interop.instance.peerId)"), name
        assert frame.evaluate(PLATFORM_EVALUATED) is False, name
