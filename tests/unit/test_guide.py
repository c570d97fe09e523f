"""The guide: its topics, the code it shows (read from the running code) and the shell's pages."""

import importlib
import inspect
import re
import sys
import textwrap

import dash
import pytest
from dash import dcc, html

import callbacks.server
import ids
import registry
from callbacks.collector import CallbackCollector
from callbacks.shell import PAGES_LOCATION
from guide import source as guide_source
from guide.source import Source, added_lines, source_of
from guide.topics import BY_SLUG, TOPICS, Callback, File, JavaScript, Python
from guide.vendor import SNIPPETS
from pages import site
from pages.guide import fenced, not_found, topic_frames, topic_page
from pages.shell import addable_apps
from tests.integration.dash_client import call_callback

APPS = addable_apps(registry.CLIENT_APPS)
# The topics the issue asks for, by what they must cover.
REQUIRED = {"register", "handler", "timeout", "invoke", "results", "targeting", "inspector", "desktop"}


def walk(node):
    """Every component under ``node`` (Dash components or lists of them)."""
    if isinstance(node, list | tuple):
        for item in node:
            yield from walk(item)
    elif hasattr(node, "to_plotly_json"):
        yield node
        yield from walk(getattr(node, "children", None))


def text_of(node):
    """The text a component renders, as the browser's textContent would give it."""
    if node is None:
        return ""
    if isinstance(node, str | int | float):
        return str(node)
    if isinstance(node, list | tuple):
        return "".join(text_of(item) for item in node)
    return text_of(getattr(node, "children", None))


def unfenced(block):
    """The code inside one fenced Markdown block, checking the fence: its language, and the same fence at the end."""
    first, _, rest = block.partition("\n")
    fence = first[: len(first) - len(first.lstrip("`"))]
    assert len(fence) >= 3 and first[len(fence) :] in ("python", "javascript", "json"), first
    assert rest.endswith("\n" + fence), block[-20:]
    return rest[: -len(fence) - 1]


def listings(page):
    """``{data-source: listing text}`` of a rendered guide page: a fenced block, or a callback's marked lines."""
    found = {}
    for component in walk(page):
        props = component.to_plotly_json()["props"]
        if isinstance(component, html.Div) and "data-source" in props:
            if isinstance(component.children, html.Pre):
                found[props["data-source"]] = text_of(component.children).removesuffix("\n")
            else:
                assert isinstance(component.children, dcc.Markdown)
                found[props["data-source"]] = unfenced(component.children.children)
    return found


def marked(page):
    """``{data-source: [lines marked as added]}`` of a page's callback listings."""
    found = {}
    for component in walk(page):
        props = component.to_plotly_json()["props"]
        if isinstance(component, html.Div) and isinstance(component.children, html.Pre) and "data-source" in props:
            spans = [c for c in walk(component.children) if isinstance(c, html.Span)]
            found[props["data-source"]] = [text_of(span).removesuffix("\n") for span in spans]
    return found


def registered_decorator(app, reference):
    """``@app.callback(...)`` for a callback as the running app registered it: read from Dash's callback map."""
    module, _, function = reference.name.partition(":")
    handler = getattr(importlib.import_module(module), function)
    # The app that registered it (callbacks.inspector_log's callbacks are the Inspector's).
    [(dash_app, key, entry)] = [
        (a, k, e)
        for a in app.extensions["dash_apps"].values()
        for k, e in a.callback_map.items()
        if getattr(e.get("callback"), "__wrapped__", 0) is handler
    ]
    outputs = entry["output"] if isinstance(entry["output"], list) else [entry["output"]]
    [listed] = [c for c in dash_app._callback_list if c["output"] == key]
    lines = ["@app.callback("]
    for output in outputs:
        duplicate = ", allow_duplicate=True" if output.allow_duplicate else ""
        lines.append(f'    Output("{output.component_id}", "{output.component_property}"{duplicate}),')
    lines += [f'    Input("{i["id"]}", "{i["property"]}"),' for i in entry["inputs"]]
    lines += [f'    State("{s["id"]}", "{s["property"]}"),' for s in entry["state"]]
    if listed["prevent_initial_call"]:
        lines.append("    prevent_initial_call=True,")
    elif any(output.allow_duplicate for output in outputs):  # Dash runs it initially only when told so
        lines.append('    prevent_initial_call="initial_duplicate",')
    return "\n".join([*lines, ")"])


def test_guid001_the_guide_covers_every_topic_of_the_issue():
    assert set(BY_SLUG) == REQUIRED
    for topic in TOPICS:
        assert topic.explanation and topic.steps and topic.code and topic.apps, topic.slug
        assert {app for app, _ in topic.apps} <= set(APPS), topic.slug


def js_function_as_written(path, name):
    """A function read from its file by its layout, not by the guide's brace counter: from the comment above its
    definition to the first line after it that closes at the definition's indentation."""
    lines = path.read_text().splitlines()
    [start] = [i for i, line in enumerate(lines) if re.match(rf"\s*(function {name}\(|{name}: function)", line)]
    indent = lines[start][: len(lines[start]) - len(lines[start].lstrip())]
    end = next(i for i in range(start + 1, len(lines)) if re.match(rf"{indent}\}}", lines[i]))
    while start > 0 and lines[start - 1].strip().startswith(("/*", "*", "//")):
        start -= 1
    return textwrap.dedent("\n".join(lines[start : end + 1])).rstrip(",")


@pytest.mark.parametrize("topic", TOPICS, ids=lambda t: t.slug)
def test_guid002_each_listing_is_the_source_of_what_it_names(topic):
    """The text on the page is what ``inspect`` (or the asset file) holds, character for character."""
    page = topic_page(topic, APPS)
    shown = listings(page)
    assert len(shown) == len(topic.code)
    for reference in topic.code:
        if isinstance(reference, Python):  # a Callback too: its source begins with its decorator
            name = f"{reference.obj.__module__}.{reference.obj.__qualname__}"
            expected = textwrap.dedent(inspect.getsource(reference.obj)).rstrip("\n")
        elif isinstance(reference, JavaScript):
            name = f"{reference.name} ({reference.asset})"
            expected = js_function_as_written(guide_source.ASSETS / reference.asset, reference.name)
        else:
            assert isinstance(reference, File)
            name = reference.path
            expected = (guide_source.ROOT / reference.path).read_text().rstrip("\n")
        assert shown[name] == expected, name


def test_guid003_a_changed_function_changes_the_guide(tmp_path, monkeypatch):
    """Listings are read when the page renders, from the module as it is: not a copy made earlier."""
    module = tmp_path / "guide_probe.py"
    module.write_text('def handler(invoke):\n    return {"invocationId": invoke["invocationId"]}\n')
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(guide_source, "ROOT", tmp_path)
    probe = importlib.import_module("guide_probe")
    try:
        first = source_of(Python("guide_probe:handler", "")).text
        module.write_text('def handler(invoke):\n    return {"invocationId": invoke.get("invocationId"), "x": 1}\n')
        probe = importlib.reload(probe)
        second = source_of(Python("guide_probe:handler", "")).text
    finally:
        sys.modules.pop("guide_probe", None)
    assert first != second and '"x": 1' in second and second == module.read_text().rstrip("\n")


def test_guid004_the_handler_topic_shows_the_sum_handler_the_server_registers():
    page = topic_page(BY_SLUG["handler"], APPS)
    shown = listings(page)
    handler = callbacks.server.sum_invocation_handler
    listing = shown[f"{handler.__module__}.{handler.__qualname__}"]
    assert listing.startswith('@app.callback(\n    Output(ids.REGISTER_SUM, "result"),\n')
    assert '    Input(ids.REGISTER_SUM, "invoke"),\n' in listing
    assert "\ndef sum_invocation_handler(invoke):\n" in listing


def shown_decorator(reference):
    """The ``@app.callback(...)`` a callback's listing begins with, each ``ids.NAME`` read as its id."""
    text = source_of(reference).text
    decorator = text[: text.index("\ndef ")]
    return "\n".join(guide_source.with_ids_resolved(line) for line in decorator.splitlines())


CALLBACKS_SHOWN = sorted({r for t in TOPICS for r in t.code if isinstance(r, Callback)}, key=lambda r: r.name)
PYTHON_CALLBACKS_SHOWN = [  # callbacks shown as plain Python (no documentation's beside them), in a module's collector
    Callback(r.name, r.why)
    for t in TOPICS
    for r in t.code
    if type(r) is Python and isinstance(getattr(inspect.getmodule(r.obj), "app", None), CallbackCollector)
]


@pytest.mark.parametrize("reference", CALLBACKS_SHOWN + PYTHON_CALLBACKS_SHOWN, ids=lambda r: r.name)
def test_guid018_a_listings_decorator_is_what_the_running_app_registered(app, reference):
    """What the reader sees above the function is what runs: the app's callback map, written back as a decorator,
    is the listing's decorator with each id constant read as its id."""
    assert shown_decorator(reference) == registered_decorator(app, reference)


def test_guid005_a_listing_is_one_fenced_block_whatever_backticks_it_holds():
    """A fence longer than any run of backticks inside, so no listing ends early (JS template strings, docs)."""
    source = Source("probe", "probe.py", 1, 3, 'doc = """\n```python\nx = `y` + ````z````\n"""', "python")
    block = fenced(source)
    assert block.startswith("`````python\n") and unfenced(block) == source.text


def test_guid006_listings_are_highlighted_by_language_and_never_as_html():
    """dcc.Markdown highlights fenced code by its language and escapes it: no listing may allow raw HTML."""
    for topic in TOPICS:
        page = topic_page(topic, APPS)
        for component in walk(page):
            if isinstance(component, dcc.Markdown):
                assert not getattr(component, "dangerously_allow_html", False), topic.slug
        blocks = [c for c in walk(page) if isinstance(c, html.Div) and "data-source" in c.to_plotly_json()["props"]]
        for block in blocks:
            language = block.to_plotly_json()["props"]["data-language"]
            if isinstance(block.children, html.Pre):  # a callback's marked lines: plain text, line by line
                assert all(isinstance(c, str | html.Span) for c in block.children.children.children), topic.slug
            else:
                assert block.children.children.lstrip("`").startswith(language + "\n")


def test_guid007_js_source_cuts_out_one_whole_function(tmp_path, monkeypatch):
    (tmp_path / "probe.js").write_text(
        "var a = 1;\n"
        "/* Adds.\n * Twice. */\n"
        "function add(x) {\n"
        '    var s = "}{";\n'
        "    if (x) { return x + x; } // }\n"
        "    return 0;\n"
        "}\n"
        "function other() {}\n"
    )
    monkeypatch.setattr(guide_source, "ASSETS", tmp_path)
    monkeypatch.setattr(guide_source, "ROOT", tmp_path.parent)
    source = guide_source.js_source("probe.js", "add")
    assert source.text.startswith("/* Adds.") and source.text.endswith("    return 0;\n}")
    assert (source.first_line, source.last_line) == (2, 8)
    with pytest.raises(LookupError):
        guide_source.js_source("probe.js", "missing")


@pytest.mark.parametrize(
    ("path", "is_page"),
    [
        ("/", True),
        ("/guide", True),
        ("/guide/", True),
        ("/guide/targeting", True),
        ("/guide/targeting/", True),
        ("/guide/nope", False),
        ("/guides", False),
        ("/server/x", False),
        ("/pages/guide/not-found-404", False),  # where Dash Pages files its not-found page
    ],
)
@pytest.mark.usefixtures("app")  # building the shell fills Dash Pages' registry
def test_guid008_which_paths_are_pages(path, is_page):
    assert site.is_page(path) is is_page


@pytest.mark.usefixtures("app")
def test_guid009_dash_pages_has_every_page_with_its_title():
    """The Workspace, the Guide, each topic and the not-found page, in the order the navigation shows them."""
    pages = list(dash.page_registry.values())
    assert [page["path"] for page in pages[:-1]] == ["/", "/guide", *[topic.path for topic in TOPICS]]
    assert pages[-1]["module"] == site.NOT_FOUND_MODULE and pages[-1]["module"].endswith("not_found_404")
    assert [page["title"] for page in pages] == [
        "Workspace · io.Connect Dash Interop",
        "Guide · io.Connect Dash Interop",
        *[f"{topic.label} · Guide · io.Connect Dash Interop" for topic in TOPICS],
        "Page not found · io.Connect Dash Interop",
    ]
    kinds = [page["layout"]().to_plotly_json()["props"]["data-page"] for page in pages]
    assert kinds == ["workspace", "guide", *[f"topic:{topic.slug}" for topic in TOPICS], "not-found"]


def test_guid010_every_guide_text_is_markdown_whose_links_open_beside_the_platform():
    """A link followed inside the shell would unload the platform and every app on it, so each paragraph, step
    and note of a topic is Markdown that opens its links in a new tab. That no Markdown allows raw HTML: guid006.
    """
    linked = []
    for topic in TOPICS:
        shown = {c.children: c for c in walk(topic_page(topic, APPS)) if isinstance(c, dcc.Markdown)}
        written = [
            "\n\n".join(topic.explanation),
            *[step.do for step in topic.steps],
            *[f"Expected: {step.expect}" for step in topic.steps],
            *[reference.why for reference in topic.code],
        ]
        for text in written:
            assert getattr(shown[text], "link_target", None) == "_blank", (topic.slug, text)
        linked += [text for text in written if re.search(r"\]\(/", text)]
    assert linked == ["Open [/server/](/server/) in a new tab."]  # the check above covers a real link


def test_guid011_the_not_found_page_names_the_address_from_dash_pages_as_text(app):
    """The 404 page's code element gets the address Dash Pages' location holds, over HTTP as a JSON string:
    a string child, which React renders as text whatever it contains."""
    [code] = [c for c in walk(not_found()) if isinstance(c, html.Code)]
    assert code.id == ids.NOT_FOUND_PATH and code.children is None  # the callback alone fills it in
    client = app.test_client()
    [dependency] = [
        d for d in client.get("/_dash-dependencies").get_json() if d["output"] == f"{ids.NOT_FOUND_PATH}.children"
    ]
    assert dependency["inputs"] == [{"id": ids.NOT_FOUND_PATH, "property": "id"}]
    assert dependency["state"] == [{"id": PAGES_LOCATION, "property": "pathname"}]
    address = "/guide/<script>alert(1)</script><b>bold</b>"
    response = call_callback(
        client,
        "/",
        inputs=[(ids.NOT_FOUND_PATH, "id", ids.NOT_FOUND_PATH)],
        outputs=[(ids.NOT_FOUND_PATH, "children")],
        state=[(PAGES_LOCATION, "pathname", address)],
    )
    assert response.status_code == 200
    assert response.get_json()["response"] == {ids.NOT_FOUND_PATH: {"children": address}}


def test_guid012_topic_frames_are_their_own_instances():
    frames = topic_frames(BY_SLUG["targeting"], APPS)
    assert [f["name"] for f in frames] == ["Caller", "Sum Server 1", "Sum Server 2"]
    assert all(f["key"].startswith("guide-") for f in frames)
    assert [f["slot"] for f in frames] == [0, 1, 2]


def test_guid013_every_listing_has_a_copy_button_for_it():
    page = topic_page(BY_SLUG["invoke"], APPS)
    buttons = [c for c in walk(page) if isinstance(c, html.Button) and "copy-code" in c.className]
    blocks = [c for c in walk(page) if isinstance(c, html.Div) and "data-source" in c.to_plotly_json()["props"]]
    count = len(BY_SLUG["invoke"].code)
    assert [b.id for b in buttons] == [ids.copy_code(n) for n in range(count)]
    assert [b.id for b in blocks] == [ids.code_block(n) for n in range(count)]
    assert all(b.children == "Copy" and b.to_plotly_json()["props"]["aria-label"].startswith("Copy ") for b in buttons)


def test_guid014_invoking_and_results_show_the_documented_python_callbacks():
    """The Invoking and Results topics list the Caller's Python callbacks, and no page-side invoke code."""

    shown = {
        slug: [item.name for item in BY_SLUG[slug].code if isinstance(item, Callback)] for slug in ("invoke", "results")
    }
    assert shown["invoke"] == ["callbacks.caller:sum_numbers", "callbacks.caller:send_message"]
    assert shown["results"] == [
        "callbacks.caller:sum_numbers_result_handler",
        "callbacks.caller:send_message_result_handler",
    ]
    for slug in ("invoke", "results", "timeout"):
        assert not [item for item in BY_SLUG[slug].code if isinstance(item, JavaScript)], slug


def test_guid015_js_source_is_not_fooled_by_braces_in_comments_or_strings(tmp_path, monkeypatch):
    (tmp_path / "probe.js").write_text(
        "function tricky() {\n"
        "    /* } */ var a = 1;\n"
        "    /* a block comment\n"
        "       over two lines } */\n"
        "    var t = `}`; var q = '\\'}';\n"
        "    return a;\n"
        "}\n"
        "function after() {}\n"
    )
    monkeypatch.setattr(guide_source, "ASSETS", tmp_path)
    monkeypatch.setattr(guide_source, "ROOT", tmp_path.parent)
    source = guide_source.js_source("probe.js", "tricky")
    assert (source.first_line, source.last_line) == (1, 7) and source.text.endswith("    return a;\n}")


DOCUMENTED_TOPICS = ("invoke", "results", "handler")


@pytest.mark.parametrize("slug", DOCUMENTED_TOPICS)
def test_guid016_each_documented_callback_stands_beside_the_documentations_with_our_lines_marked(slug):
    """Short enough to read at a glance; the vendor's snippet beside it; only what we add is marked: a line of
    code the documentation does not have (our id constants read as the ids they name), and our ``# Added:``
    comments."""
    page = topic_page(BY_SLUG[slug], APPS)
    shown, added = listings(page), marked(page)
    vendor_blocks = [c for c in walk(page) if isinstance(c, html.Div) and "vendor-listing" in (c.className or "")]
    callbacks_shown = [r for r in BY_SLUG[slug].code if isinstance(r, Callback)]
    assert len(callbacks_shown) == 2
    assert [unfenced(b.children.children) for b in vendor_blocks] == [
        SNIPPETS[r.function] for r in callbacks_shown if r.function in SNIPPETS
    ]
    for reference in callbacks_shown:
        name = reference.name.replace(":", ".")
        lines = shown[name].splitlines()
        assert len(lines) <= 40, (name, len(lines))
        documented = {line.strip().rstrip(",") for line in SNIPPETS.get(reference.function, "").splitlines()}
        for line in lines:
            text = line.strip()
            is_code = text and not text.startswith(("#", '"""'))
            ours = guide_source.with_ids_resolved(text).rstrip(",").replace("'", '"') not in documented
            should = bool(is_code and ours) or text.startswith("# Added:")
            assert (line in added[name]) == should or text in ("", ")", "}"), (name, line)


def test_guid017_the_lines_we_add_are_exactly_the_handlers_addition():
    """The Sum handler beside the documentation's: its documented decorator lines and steps are not marked; the
    handled list's Output and its Patch, and the one ``# Added:`` line with its comment, are."""
    added = marked(topic_page(BY_SLUG["handler"], APPS))["callbacks.server.sum_invocation_handler"]
    assert added == [
        '    Output(ids.HANDLED_LIST, "children", allow_duplicate=True),',
        "    prevent_initial_call=True,",
        "    # Added: args that are not an object hold no numbers.",
        "    args = args if isinstance(args, dict) else {}",
        '        }, handled("Sum", invoke, f"sum = {format_number(total)}")',
        '        }, handled("Sum", invoke, "refused: not numbers")',
    ]


def test_guid019_ids_read_as_the_ids_they_name():
    resolve = guide_source.with_ids_resolved
    assert resolve('    Output(ids.REGISTER_SUM, "result"),') == '    Output("io-connect-register-sum", "result"),'
    assert resolve("State(ids.NUMBER_A, 'value'), ids.NUMBER_B") == 'State("number-a", \'value\'), "number-b"'
    # Only string constants of ids.py: a function, a number, a name it lacks, or another module's, stay as written.
    for line in ("ids.frame_slot(ALL)", "ids.LOG_KEPT", "ids.NO_SUCH_ID", "myids.REGISTER_SUM", "kids.MESSAGE"):
        assert resolve(line) == line


def test_guid020_added_lines_marks_code_and_added_comments_only():
    documented = 'def f(x):\n    # theirs\n    y = g("io-connect")\n    return y'
    ours = "\n".join(
        [
            "def f(x):",
            '    """Ours, in two',
            '    lines."""',
            "    # a comment of ours",
            "    y = g(ids.GLUE)",
            "    # Added: one more step.",
            "    y = h(y)",
            "    return y",
        ]
    )
    assert added_lines(documented, ours) == [False, False, False, False, False, True, True, False]


def test_guid021_a_callback_listing_says_what_each_id_constant_is():
    """A reader who copies a listing has no ids.py: the legend under it gives each constant's string, in order."""
    assert guide_source.ids_named(
        "Input(ids.SUM_BUTTON), State(ids.NUMBER_A), ids.SUM_BUTTON, ids.frame_slot(ALL)"
    ) == [
        ("SUM_BUTTON", "sum-numbers-btn"),
        ("NUMBER_A", "number-a"),
    ]
    assert guide_source.ids_named("ids.LOG_KEPT, ids.NO_SUCH_ID") == []
    [topic] = [t for t in TOPICS if any(getattr(r, "function", "") == "sum_invocation_handler" for r in t.code)]
    legends = [
        text_of(c) for c in walk(topic_page(topic, APPS)) if "ids-legend" in (getattr(c, "className", None) or "")
    ]
    assert any('ids.REGISTER_SUM is "io-connect-register-sum"' in legend for legend in legends), legends
