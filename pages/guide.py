"""Layouts of the guide (/guide and /guide/<topic>) and the shell's 404 page.

Text is Markdown, rendered by ``dcc.Markdown`` (raw HTML in it stays text).
Code listings are read from the running code (``guide.source``) and shown
as fenced Markdown blocks, which ``dcc.Markdown`` highlights.
"""

import re

import dash_bootstrap_components as dbc
from dash import dcc, html

import ids
from guide.source import added_lines, ids_named, source_of
from guide.topics import GUIDE_PATH, TOPICS, Callback, neighbours
from guide.vendor import SNIPPETS
from pages.shell import WORKSPACE_PATH, frame_card, frame_record, loads_later

BACKTICK_RUNS = re.compile(r"`+")


def markdown(text, class_name=None):
    """Markdown as the guide shows it: links open beside the platform, so its apps stay up."""
    return dcc.Markdown(text, link_target="_blank", className=class_name)


def fenced(source):
    """``source`` as one fenced Markdown block, with a fence longer than any run of backticks in it."""
    return fenced_text(source.text, source.language)


def fenced_text(text, language):
    longest = max((len(run) for run in BACKTICK_RUNS.findall(text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{language}\n{text}\n{fence}"


def marked_code(source, documented):
    """``source`` as plain text lines, each line it adds to ``documented`` marked (the copy is the plain text)."""
    lines = source.text.splitlines()
    ends = ["\n"] * (len(lines) - 1) + [""]  # no newline after the last line: the copy is the source, exactly
    return html.Pre(
        html.Code(
            [
                html.Span(line + end, className="added-line") if added else line + end
                for line, end, added in zip(lines, ends, added_lines(documented, source.text), strict=True)
            ]
        ),
        className="marked-listing",
    )


def beside_the_documentation(reference, source, block):
    """The documentation's callback of the same name, then ours with the lines it adds marked.

    One above the other: the guide's text column is too narrow for two listings side by side.
    """
    documented = SNIPPETS.get(reference.function)
    ours = html.Small(
        ["This project's, as registered. ", html.Span("Marked", className="added-line"), ": the lines it adds."],
        className="text-muted d-block mb-1",
    )
    if documented is None:
        ours = html.Small("The documentation has no such callback: all of it is ours.", className="text-muted d-block")
        return html.Div([ours, block, ids_legend(source)], className="px-3")
    theirs = html.Small("The documentation's (io.Connect Dash, Interop):", className="text-muted d-block mb-1")
    vendor = html.Div(
        dcc.Markdown(fenced_text(documented, "python"), dedent=False),
        className="code-listing vendor-listing",
        **scrollable(f"The documentation's {reference.function}"),
    )
    return html.Div([theirs, vendor, ours, block, ids_legend(source)], className="px-3")


def ids_legend(source):
    """The ids a listing names by their ``ids.py`` constant, as the strings a copy of it would write."""
    named = ids_named(source.text)
    if not named:
        return None
    parts = ["The ids, for a copy of your own: "]
    for number, (name, value) in enumerate(named):
        parts += [", " if number else "", html.Code(f"ids.{name}"), " is ", html.Code(f'"{value}"')]
    return html.Small([*parts, "."], className="text-muted d-block mt-1 ids-legend")


def scrollable(name):
    """Attributes of a box that scrolls (assets/app.css): Tab reaches it, so the arrow keys scroll it, and a
    screen reader names it ``name``."""
    return {"tabIndex": "0", "role": "region", "aria-label": name}


def code_listing(reference, number):
    source = source_of(reference)
    block_id = ids.code_block(number)
    code = marked_code(source, SNIPPETS.get(reference.function, "")) if isinstance(reference, Callback) else None
    block = html.Div(
        code or dcc.Markdown(fenced(source), dedent=False),
        id=block_id,
        className="code-listing",
        **{"data-source": source.name, "data-language": source.language},
        **scrollable(source.name),
    )
    lines = f"lines {source.first_line}–{source.last_line}"
    if source.first_line == source.last_line:
        lines = f"line {source.first_line}"
    return dbc.Card(
        [
            dbc.CardHeader(
                [
                    html.Div(
                        [
                            html.Code(source.name, className="fw-semibold"),
                            html.Small(f"{source.path}, {lines}", className="text-muted d-block"),
                        ],
                        className="me-auto",
                    ),
                    # A real button (dcc.Clipboard is a div: no keyboard, no name for screen readers).
                    html.Button(
                        "Copy",
                        id=ids.copy_code(number),
                        type="button",
                        title=f"Copy {source.name}",
                        className="btn btn-sm btn-outline-secondary copy-code",
                        **{"aria-label": f"Copy {source.name}"},
                    ),
                ],
                className="d-flex align-items-start gap-2 py-1",
            ),
            markdown(reference.why, "small px-3 pt-2"),
            beside_the_documentation(reference, source, block) if isinstance(reference, Callback) else block,
        ],
        className="mb-3",
    )


def topic_frames(topic, apps):
    """Frame records of the apps a topic embeds; ``apps`` is ``addable_apps()`` of the registry.

    Keys start with "guide-", apart from the workspace's frames.
    """
    frames = []
    for app, count in topic.apps:
        numbers = range(1, count + 1) if count > 1 else [None]
        for number in numbers:
            title, prefix = apps[app]["title"], apps[app]["prefix"]
            loads_last = loads_later(apps[app].get("loads_last", False), number)
            frames.append(
                frame_record(app, title, prefix, number, slot=len(frames), key_prefix="guide-", loads_last=loads_last)
            )
    return frames


def topic_nav(current=None):
    """The list of topics, the current one marked (links navigate inside the shell: the platform stays up)."""
    return dbc.Nav(
        [dbc.NavLink("Overview", href=GUIDE_PATH, active="exact", className="py-1")]
        + [dbc.NavLink(t.label, href=t.path, active="exact", className="py-1") for t in TOPICS],
        vertical=True,
        pills=True,
        className="small guide-nav",
    )


def try_it(steps):
    return html.Ol(
        [
            html.Li(
                [
                    markdown(step.do),
                    markdown(f"Expected: {step.expect}", "text-success small"),
                ],
                className="mb-2",
            )
            for step in steps
        ],
        className="try-it",
    )


def prev_next(topic):
    before, after = neighbours(topic)
    return html.Div(
        [
            dcc.Link(f"← {before.title}", href=before.path) if before else html.Span(),
            dcc.Link(f"{after.title} →", href=after.path) if after else dcc.Link("Overview", href=GUIDE_PATH),
        ],
        className="d-flex justify-content-between border-top pt-2 mb-4",
    )


def topic_page(topic, apps, **_routing):
    """One topic's page, its apps beside the text (``**_routing``: pages.shell.ROUTING_INPUTS)."""
    frames = topic_frames(topic, apps)
    text = [
        html.H1(topic.title, className="h3"),
        markdown("\n\n".join(topic.explanation)),
        html.H2("Try it", className="h5 mt-3"),
        try_it(topic.steps),
        html.H2("The code", className="h5 mt-3"),
        html.P(
            "Read from the running code when this page was rendered: change it, and this page changes.",
            className="small text-muted",
        ),
        *[code_listing(reference, number) for number, reference in enumerate(topic.code)],
        prev_next(topic),
    ]
    apps = html.Div(
        [html.Div(frame_card(record, removable=False), className="mb-3") for record in frames],
        className="guide-apps",
        # On a wide screen the column stays in view and scrolls when its apps are taller than the window.
        **scrollable("Live apps"),
    )
    page = dbc.Row(
        [
            dbc.Col(topic_nav(topic), lg=2, className="d-none d-lg-block"),
            dbc.Col(text, lg=6, className="guide-text"),
            dbc.Col(apps, lg=4),
        ],
        className="g-4",
    )
    return html.Div(page, className="container-fluid", **{"data-page": f"topic:{topic.slug}"})


def guide_index(**_routing):
    cards = [
        dbc.ListGroupItem(
            [
                dcc.Link(topic.title, href=topic.path, className="fw-semibold"),
                html.Div(topic.summary, className="small text-muted"),
            ]
        )
        for topic in TOPICS
    ]
    page = dbc.Row(
        [
            dbc.Col(topic_nav(), lg=2, className="d-none d-lg-block"),
            dbc.Col(
                [
                    html.H1("Guide: io.Connect Interop from Dash", className="h3"),
                    html.P(
                        "One page per part of the io.Connect Dash Interop documentation. Each explains it in a few "
                        "paragraphs, embeds the apps it concerns, live, on this platform, says what to try and what "
                        "you should see, and shows the code of this project that does it."
                    ),
                    html.P(
                        [
                            "The apps on a guide page are their own instances: the ",
                            dcc.Link("Workspace", href=WORKSPACE_PATH),
                            " keeps yours as you left them.",
                        ],
                        className="small text-muted",
                    ),
                    dbc.ListGroup(cards, numbered=True, className="mb-4"),
                ],
                lg=8,
            ),
        ],
        className="g-4",
    )
    return html.Div(page, className="container-fluid", **{"data-page": "guide"})


def not_found(**_routing):
    """Dash Pages' not-found page; ``callbacks.shell.name_missing_page`` fills in the address."""
    return html.Div(
        [
            html.H1("Page not found", className="h3"),
            html.P(["There is no page at ", html.Code(id=ids.NOT_FOUND_PATH), "."]),
            html.P(
                [
                    "Go to the ",
                    dcc.Link("Workspace", href=WORKSPACE_PATH),
                    " or the ",
                    dcc.Link("Guide", href=GUIDE_PATH),
                    ".",
                ]
            ),
        ],
        className="container-fluid py-3",
        **{"data-page": "not-found"},
    )
