"""interop.streams, pages.inspector_streams and callbacks.inspector_streams, called as plain functions."""

import pytest
from dash import html, no_update
from dash.exceptions import PreventUpdate

import ids
from callbacks import inspector_streams as callbacks
from interop import streams
from pages import inspector_streams as page
from tests.unit.test_servers import SNAPSHOT, method

STREAMING = [
    *SNAPSHOT,
    {
        "application": "Ticker",
        "instance": "t1",
        "windowId": None,
        "methods": [method("Prices", accepts="String symbol", supportsStreaming=True), method("Sum")],
    },
]
OPEN = {
    "id": "s1",
    "request": {"stream": "Prices", "args": '{"symbol":"<b>X</b>"}', "target": "all"},
    "state": "open",
    "received": 2,
}
STATE = {"subscriptions": [OPEN], "colours": {"t1": 0, "t2": 7}}


def texts(component):
    """Every string in a component tree, in order."""
    if isinstance(component, str):
        return [component]
    if isinstance(component, list | tuple):
        return [t for child in component for t in texts(child)]
    children = getattr(component, "children", None)
    return texts(children) if children is not None else []


def test_strs001_only_methods_that_support_streaming_are_offered():
    assert streams.stream_names(STREAMING) == ["Multiply", "Prices"]
    assert callbacks.stream_options(STREAMING, None) == [
        {"label": "Multiply", "value": "Multiply"},
        {"label": "Prices", "value": "Prices"},
    ]
    # A picked stream that no server offers any more stays, so the select shows what would be sent.
    assert callbacks.stream_options([], "Prices") == [{"label": "Prices (no server offers it now)", "value": "Prices"}]
    values = callbacks.form_values(ids.STREAM_METHOD, "Prices", None, STREAMING)
    assert values["args"] == '{\n  "symbol": ""\n}'
    assert all(values[key] is no_update for key in ("stream", "target", "instances", "wait_timeout"))
    with pytest.raises(PreventUpdate):
        callbacks.form_values(ids.STREAM_METHOD, None, None, STREAMING)


@pytest.mark.parametrize(
    ("stream", "args", "mode", "instances", "wait", "message"),
    [
        (None, "{}", "best", [], 0, "Pick a stream."),
        ("", "{}", "best", [], 0, "Pick a stream."),
        ("Prices", '{"a": 1,', "best", [], 0, "Invalid JSON at line 1, column 9"),
        ("Prices", "[1]", "best", [], 0, "The arguments must be a JSON object"),
        ("Prices", '{"a": NaN}', "best", [], 0, "Invalid JSON"),
        ("Prices", "{}", "skipMine", [], 0, "subscribe has no skipMine"),
        ("Prices", "{}", "instances", [], 0, "Pick at least one server instance"),
        ("Prices", "{}", "best", [], -1, "waitTimeoutMs must be a whole number"),
        ("Prices", "{}", "best", [], None, "waitTimeoutMs must be a whole number"),
    ],
)
def test_strs002_a_bad_request_is_refused_and_says_nothing_was_sent(stream, args, mode, instances, wait, message):
    request, problem = streams.build_request("r1", stream, args, mode, instances, wait)
    assert request is None and message in problem and problem.endswith("Nothing was sent.")


def test_strs003_a_good_request_has_what_subscribe_needs():
    request, problem = streams.build_request("r1", "Prices", '{"symbol": "X"}', "instances", ["t1"], 500)
    assert problem is None
    assert request == {
        "id": "r1",
        "stream": "Prices",
        "args": {"symbol": "X"},
        "target": [{"instance": "t1"}],
        "waitTimeoutMs": 500,
    }
    assert streams.build_request("r2", "Prices", "", "all", [], 0)[0]["args"] == {}  # empty means {}
    full = {"subscriptions": [{**OPEN, "id": str(n)} for n in range(ids.STREAM_SUBSCRIPTIONS_KEPT)]}
    assert "close one first" in streams.build_request("r3", "Prices", "{}", "all", [], 0, full)[1]


def test_strs004_states_in_words():
    servers = [{"application": "Ticker", "instance": "t1"}, {"application": "Ticker", "instance": "t2"}]
    assert page.state_text({"state": "subscribing"}) == "subscribing…"
    assert page.state_text({"state": "open", "servers": servers}) == "open to 2 servers: Ticker (t1), Ticker (t2)"
    assert page.state_text({"state": "open", "servers": servers[:1]}) == "open to 1 server: Ticker (t1)"
    assert page.state_text({"state": "failed", "reason": "No servers."}) == "failed: No servers."
    assert page.state_text({"state": "failed"}) == "failed: no reason given"
    assert page.state_text({"state": "closed-by-server"}) == "closed by the server"
    assert page.state_text({"state": "publisher-gone"}) == "closed: the publisher is gone"
    assert page.state_text({"state": "closed-by-you"}) == "closed by you"
    assert page.state_text({}) == "unknown state"


def test_strs005_an_oversized_item_is_cut_with_a_note():
    limit = ids.STREAM_ITEM_CHARS
    assert page.cut_text('{"a":1}', 7) == ('{"a":1}', "")
    # As the page sends it: already cut, with its whole length.
    assert page.cut_text("x" * limit, 12_345) == ("x" * limit, "… cut: 12,345 characters in all")
    # Longer than the limit anyway (a tampered request): cut here too.
    assert page.cut_text("y" * (limit + 5)) == ("y" * limit, f"… cut: {limit + 5:,} characters in all")
    assert page.cut_text(None) == ("", "")


def test_strs006_a_server_keeps_its_colour_round_a_small_palette():
    colours = {"t1": 0, "t2": 7, "bad": "x"}
    assert page.colour_class(colours, "t1") == "stream-server-0"
    assert page.colour_class(colours, "t2") == f"stream-server-{7 % page.PALETTE_SIZE}"
    assert page.colour_class(colours, "bad") == page.colour_class(colours, "nope") == "stream-server-unknown"


def test_strs007_items_are_filtered_by_server_and_bounded():
    data = {"s1": [{"instance": "t1", "text": "1"}, {"instance": "t2", "text": "2"}, "junk"]}
    assert [i["text"] for i in streams.items_of(data, "s1")] == ["1", "2"]
    assert [i["text"] for i in streams.items_of(data, "s1", "t2")] == ["2"]
    assert streams.items_of(None, "s1") == [] and streams.items_of(data, "other") == []
    many = {"s1": [{"instance": "t1", "text": str(n)} for n in range(ids.STREAM_ITEMS_KEPT + 50)]}
    assert len(streams.items_of(many, "s1")) == ids.STREAM_ITEMS_KEPT
    assert page.server_options(data["s1"][:2], "gone") == [
        {"label": "All servers", "value": streams.ALL_SERVERS},
        {"label": "(gone)", "value": "gone"},
        {"label": "t1", "value": "t1"},
        {"label": "t2", "value": "t2"},
    ]


def test_strs008_an_item_with_html_stays_text():
    """Its words go to the page as data attributes, which the page writes as text (drawItem); nothing renders
    markup."""
    markup = '<img src=x onerror="alert(1)"><b>bold</b>'
    view = page.item_view(
        {"t": 0, "application": "<i>App</i>", "instance": "t1", "text": markup, "chars": len(markup)},
        STATE["colours"],
    )
    assert getattr(view, "data-text") == markup and getattr(view, "data-server") == "<i>App</i> (t1)"
    assert "stream-server-0" in view.className.split()
    assert type(view) is html.Div and view.children is None


def test_strs009_commands_for_subscribe_and_the_buttons():
    command, problem = callbacks.command_for(
        ids.STREAM_BUTTON, True, "Prices", "{}", "instances", ["t1", "gone"], 0, STREAMING, STATE, "c1"
    )
    assert problem == ""
    assert command == {
        "seq": "c1",
        "action": "subscribe",
        "id": "c1",
        "request": {"id": "c1", "stream": "Prices", "args": {}, "target": [{"instance": "t1"}], "waitTimeoutMs": 0},
    }
    command, problem = callbacks.command_for(
        ids.STREAM_BUTTON, True, "Prices", "[]", "best", [], 0, STREAMING, STATE, "c2"
    )
    assert command is no_update and "Nothing was sent." in problem
    for kind in callbacks.BUTTON_KINDS:
        command, problem = callbacks.command_for(
            ids.stream_part(kind, "s1"), True, None, None, None, None, None, STREAMING, STATE, "c3"
        )
        assert command == {"seq": "c3", "action": kind, "id": "s1"} and problem is no_update
    for trigger, clicked in ((ids.stream_part("close", "s1"), False), (ids.stream_part("close", "gone"), True)):
        with pytest.raises(PreventUpdate):  # re-created buttons, and subscriptions the page has forgotten
            callbacks.command_for(trigger, clicked, None, None, None, None, None, STREAMING, STATE, "c4")


def test_strs010_cards_are_recreated_only_when_the_subscriptions_change():
    with pytest.raises(PreventUpdate):
        callbacks.cards(STATE, ["s1"], {})
    [card] = callbacks.cards(STATE, [], {})
    assert card.id == ids.stream_part("card", "s1")
    assert {"target all", '{"symbol":"<b>X</b>"}'} <= set(texts(card))  # the arguments as the page sent them: text
    kept = callbacks.cards({"subscriptions": [{**OPEN, "id": "s2"}, OPEN]}, ["s1"], {"s1": "t2"})
    assert [c.id["subscription"] for c in kept] == ["s2", "s1"]
    [select] = [c for c in kept[1].children[2].children if getattr(c, "id", None) == ids.stream_part("filter", "s1")]
    assert select.value == "t2"  # the server filter picked before is kept


def test_strs011_parts_render_each_card_from_the_snapshots():
    data = {"s1": [{"t": 0, "instance": "t2", "application": "B", "text": "2"}, {"t": 0, "instance": "t1"}]}
    state, options, summary, items = callbacks.parts("s1", STATE, data, "")
    assert state == "open to 0 servers"
    assert [o["label"] for o in options] == ["All servers", "B (t2)", "t1"]  # by label; t1: no app name, its instance
    assert summary == "2 items received · showing 2"
    assert [view.className for view in items] == ["stream-item stream-server-1", "stream-item stream-server-0"]
    assert callbacks.parts("unknown", STATE, data, None) == (
        "unknown state",
        options[:1],
        "0 items received · showing 0",
        [],
    )
    _, _, summary, items = callbacks.parts("s1", STATE, data, "t1")
    assert summary == "2 items received · showing 1 of one server" and len(items) == 1
    # render_parts is the callback: the card's subscription comes from its filter's id (MATCH)
    assert callbacks.render_parts(STATE, data, "t1", ids.stream_part("filter", "s1"))[2] == summary
    lots = {**OPEN, "received": 1234}
    assert page.summary_text(lots, 100) == "1,234 items received · showing 100 (the latest 100 are kept)"
    assert page.summary_text(lots, 100, streams.ALL_SERVERS) == page.summary_text(lots, 100)


def test_strs012_the_card_and_its_validation_parts():
    card = page.streams_card()
    assert card.id == ids.STREAMS_CARD
    example = page.example_card()
    assert isinstance(example, html.Div) and example.id == ids.stream_part("card", "example")
    target_values = [o["value"] for o in page.TARGET_OPTIONS]
    assert target_values == ["best", "all", "instances"]  # subscribe refuses skipMine


def test_strs020_use_call_arguments_puts_a_cards_request_back_in_the_form():
    reuse = {"seq": "s1-1", "stream": "Prices", "args": '{\n  "symbol": "X"\n}', "target": "all", "waitTimeoutMs": 50}
    # Another stream picked: the stream too, and Dash drops the run its own change of the stream triggers.
    assert callbacks.form_values(ids.STREAM_REUSE, "Other", reuse, STREAMING) == {
        "stream": "Prices",
        "args": '{\n  "symbol": "X"\n}',
        "target": "all",
        "instances": [],
        "wait_timeout": 50,
    }
    # The same stream picked: the stream stays; specific instances come back as the instances picked.
    reuse |= {"target": [{"instance": "t1"}, {"instance": "t2"}], "waitTimeoutMs": None}
    values = callbacks.form_values(ids.STREAM_REUSE, "Prices", reuse, STREAMING)
    assert values["stream"] is no_update and values["wait_timeout"] is no_update
    assert (values["target"], values["instances"]) == ("instances", ["t1", "t2"])
    for bad in (None, {}, {"stream": ""}, {"stream": "P", "args": "x" * (ids.MAX_ARGS_CHARS + 1)}):
        with pytest.raises(PreventUpdate):
            callbacks.form_values(ids.STREAM_REUSE, "Prices", bad, STREAMING)


def test_strs021_each_item_is_a_line_that_opens_and_can_be_copied_and_the_card_shows_called_with():
    item = {"n": 7, "t": 0, "application": "Ticker", "instance": "t1", "text": '{"html":"<b>x</b>"}', "chars": 19}
    view = page.item_view(item, {"t1": 0}, "s1")
    assert view.id == ids.stream_item("s1", 7)
    assert getattr(view, "data-text") == '{"html":"<b>x</b>"}' and getattr(view, "data-number") == "7"
    assert getattr(view, "data-server") == "Ticker (t1)" and getattr(view, "data-note") == ""
    # An item without a number (an older page) has no id: it is still shown.
    assert getattr(page.item_view({**item, "n": None}, {}, "s1"), "id", None) is None
    # One cut short says so.
    cut = page.item_view({**item, "text": "x" * (ids.STREAM_ITEM_CHARS + 5)}, {}, "s1")
    assert getattr(cut, "data-note") == f"… cut: {ids.STREAM_ITEM_CHARS + 5:,} characters in all"
    card = page.subscription_card(OPEN)
    words = texts(card)
    assert "Called with" in words and '{"symbol":"<b>X</b>"}' in words
    assert {"Use call arguments", "Expand all", "Collapse all"} <= set(words)
