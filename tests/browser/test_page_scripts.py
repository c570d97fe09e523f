"""Each app's page defines only what that app uses, and each dash_glue42 component is wrapped once.

What a page defines, not which files it names: the globals and clientside namespaces its scripts set, and the
chain of React components between Dash and dash_glue42's own (registry.AppSpec.scripts, hosting/page_scripts.py).
"""

import pytest

import ids
from harness.browser import Shell

# What each app's scripts define in its window: the names of globals and of dash_clientside namespaces.
DEFINED = """() => ({
    compat: typeof window.dashGlue42Compat === "object",
    activity: typeof window.ioConnectActivity === "object",
    appName: typeof window.ioConnectAppName === "function",
    callbackRequests: typeof window.ioConnectCallbackRequests === "object",
    pendingStatus: window.ioConnectActivity ? window.ioConnectActivity.subscribers() > 0 : false,
    inspector: Boolean(window.dash_clientside && window.dash_clientside.inspector),
    streams: typeof window.ioConnectStreams === "object"
        || Boolean(window.dash_clientside && window.dash_clientside.inspectorStreams),
    shell: typeof window.ioConnectShell === "object"
        || Boolean(window.dash_clientside && window.dash_clientside.ioconnectShell),
})"""

# Before any script runs: keep the first dash_glue42 object the page sets, the library's own (its exports).
KEEP_LIBRARYS_EXPORTS = """(() => {
    let current;
    Object.defineProperty(window, "dash_glue42", {
        configurable: true,
        get: () => current,
        set: (value) => {
            window.libraryDashGlue42 = window.libraryDashGlue42 || value;
            current = value;
        },
    });
})();"""

# The components that wrap the library's own `name` (the function components above it with the same id), outermost
# first: what window.dash_glue42 exports to Dash is the outermost.
WRAPPERS = """([name, id]) => {
    const container = document.getElementById("react-entry-point");
    const key = Object.keys(container).find((k) => k.startsWith("__reactContainer$"));
    const root = key ? container[key] : container._reactRootContainer._internalRoot.current;
    const chain = [];
    const stack = [root];
    while (stack.length) {
        const fiber = stack.pop();
        if (typeof fiber.type === "function" && fiber.memoizedProps && fiber.memoizedProps.id === id) {
            chain.push(fiber.type);
        }
        if (fiber.sibling) stack.push(fiber.sibling);
        if (fiber.child) stack.push(fiber.child);
    }
    const library = chain.indexOf(window.libraryDashGlue42[name]);
    if (library < 0) {
        return "the library's " + name + " is not rendered";
    }
    return chain.slice(0, library).map((type) => (type === window.dash_glue42[name] ? "exported" : type.name || "?"));
}"""

NOTHING = {"activity": False, "appName": False, "pendingStatus": False, "inspector": False, "streams": False}
RECORDING = {"compat": True, "activity": True, "appName": True, "callbackRequests": True, "shell": False}


@pytest.mark.core
def test_pgdf001_each_app_defines_only_what_it_uses(shell):
    defined = {name: shell.frame(name).evaluate(DEFINED) for name in ("Caller", "Sum Server 1", "Inspector")}
    assert defined["Caller"] == {**RECORDING, "pendingStatus": True, "inspector": False, "streams": False}
    assert defined["Sum Server 1"] == {**RECORDING, "pendingStatus": False, "inspector": False, "streams": False}
    assert defined["Inspector"] == {**RECORDING, "pendingStatus": False, "inspector": True, "streams": True}
    # The platform records nothing and embeds the apps: none of their code.
    assert shell.page.evaluate(DEFINED) == {**NOTHING, "compat": True, "callbackRequests": True, "shell": True}
    assert shell.problems() == []


@pytest.mark.core
def test_pgdf002_each_dash_glue42_component_is_wrapped_once(browser, live_server):
    context = browser.new_context()
    context.add_init_script(KEEP_LIBRARYS_EXPORTS)
    try:
        shell = Shell(context.new_page(), live_server.url).open()
        wrappers = {
            "MethodInvoke": shell.frame("Caller").evaluate(WRAPPERS, ["MethodInvoke", ids.INVOKE_SUM]),
            "MethodRegister": shell.frame("Sum Server 1").evaluate(WRAPPERS, ["MethodRegister", ids.REGISTER_SUM]),
        }
        # One wrapper: the compat layer's, which window.dash_glue42 exports to Dash.
        assert wrappers == {"MethodInvoke": ["exported"], "MethodRegister": ["exported"]}
        # ...and the activity seam still records through it, and adds what it adds to a result.
        shell.sum(1, 2)
        assert shell.wait_settled("Caller", 1, args={"a": "1", "b": "2"})
        handled = [r for r in shell.activity("Sum Server 1", "handled") + shell.activity("Sum Server 2", "handled")]
        assert any(r["args"] == '{"a":"1","b":"2"}' and not r["pending"] for r in handled)
        assert shell.problems() == []
    finally:
        context.close()
