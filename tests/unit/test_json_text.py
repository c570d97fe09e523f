"""interop.json_text (Format, Compact, Fix) and its words (pages.json_box), as plain functions."""

import json

import pytest
from dash import no_update
from dash.exceptions import PreventUpdate

import ids
from callbacks import inspector_streams
from callbacks.json_box import adhoc_json_tools, toolbar_outputs
from interop.json_text import compact_text, fix, format_text, position
from pages import json_box


def test_jstx001_format_indents_by_two_and_compact_writes_one_line():
    text = '{"a": [1, {"b": null}], "c": "é"}'
    assert format_text(text) == ('{\n  "a": [\n    1,\n    {\n      "b": null\n    }\n  ],\n  "c": "é"\n}', None)
    assert compact_text(format_text(text)[0]) == ('{"a":[1,{"b":null}],"c":"é"}', None)
    assert format_text("[]") == ("[]", None)
    # Empty text: nothing to do, and no problem.
    assert format_text("  ") == (None, None) and compact_text(None) == (None, None)


@pytest.mark.parametrize(
    ("typed", "fixed", "repairs"),
    [
        (
            "{'a': 1, b: True,}",
            '{"a": 1, "b": true}',
            ["single-quotes", "unquoted-keys", "python-words", "trailing-commas"],
        ),
        ("{'a': None, 'b': False}", '{"a": null, "b": false}', ["single-quotes", "python-words"]),
        ('{"list": [1, 2, 3,], "x": {y: [True,],},}', '{"list": [1, 2, 3], "x": {"y": [true]}}', None),
        # Nested, over several lines: the layout stays as typed.
        (
            "{\n  a: {\n    'b': [1,\n      2,\n    ],\n  },\n}",
            '{\n  "a": {\n    "b": [1,\n      2\n    ]\n  }\n}',
            None,
        ),
        # Quotes inside strings: a single-quoted string's " is escaped, its \' unescaped.
        ("{'say': 'he said \"hi\"', 'it': 'it\\'s'}", '{"say": "he said \\"hi\\"", "it": "it\'s"}', ["single-quotes"]),
        # Commas, colons, braces and True inside strings stay as they are.
        ("{'a': 'True, None, {x: 1,}', b: \"False,]\"}", '{"a": "True, None, {x: 1,}", "b": "False,]"}', None),
        ("{1: 'one'}", '{"1": "one"}', ["unquoted-keys", "single-quotes"]),
        ("[-1.5e3, $x: 2]", None, None),  # not repaired: see the next test
    ],
)
def test_jstx002_fix_repairs_what_people_type(typed, fixed, repairs):
    result, found, made = fix(typed)
    if fixed is None:
        assert result is None and found is not None
        return
    assert found is None
    assert result == fixed
    assert json.loads(result) is not None
    if repairs is not None:
        assert made == repairs


@pytest.mark.parametrize(
    "text",
    ['{"a": 1}', '{\n  "a": "True, \'x\'",\n  "b": [1, 2]\n}', "[]", '"just a string"', "  {}  "],
)
def test_jstx003_valid_json_is_not_changed_by_fix(text):
    assert fix(text) == (None, None, [])


@pytest.mark.parametrize(
    ("text", "code", "line", "column"),
    [
        ('{"a": 1 "b": 2}', "invalid", 1, 9),
        ("{'a': 1\n  'b': 2}", "invalid", 2, 3),  # the place in the text as typed, not in the repaired one
        ("{a: foo}", "invalid", 1, 5),
        ('{"a": "open}', "unclosed-string", 1, 7),
        ("{a: #}", "unexpected", 1, 5),
        ("{a: NaN}", "not-a-number", 1, 5),
        ('{"a": -Infinity}', "not-a-number", 1, 7),
        ('{\n"a": 1e400}', "number-too-large", 2, 6),
    ],
)
def test_jstx004_what_fix_cannot_repair_is_placed_and_nothing_changes(text, code, line, column):
    result, found, made = fix(text)
    assert result is None and made == []
    assert (found["code"], found["line"], found["column"]) == (code, line, column)


def test_jstx005_nan_infinity_and_huge_numbers_are_refused_by_format_and_compact():
    for text in ('{"a": NaN}', '{"a": Infinity}', '{"a": -Infinity}', '{"a": 1e999}'):
        for rewrite in (format_text, compact_text):
            written, found = rewrite(text)
            assert written is None and found["code"] in ("not-a-number", "number-too-large")
            assert (found["line"], found["column"]) == (1, 7)


def test_jstx006_a_text_over_the_limit_is_not_parsed_and_deep_nesting_is_refused():
    huge = '{"a": "' + "x" * ids.MAX_ARGS_CHARS + '"}'
    for result in (format_text(huge), compact_text(huge), fix(huge)[:2]):
        assert result[0] is None
        assert result[1] == {"code": "too-long", "chars": len(huge), "limit": ids.MAX_ARGS_CHARS}
    deep = "[" * 20_000 + "]" * 20_000
    assert format_text(deep) == (None, {"code": "too-deep"})
    assert fix("[" * 20_000 + "1,]" + "]" * 19_999)[1]["code"] == "too-deep"


def test_jstx007_positions_count_lines_and_columns_from_one():
    assert position("ab\ncd", 0) == (1, 1)
    assert position("ab\ncd", 4) == (2, 2)
    assert position("ab\ncd", 99) == (2, 3)


def test_jstx008_the_toolbar_words_each_outcome():
    assert json_box.apply("fix", "{'a': 1, b: True,}") == (
        '{"a": 1, "b": true}',
        "Fixed: single quotes, unquoted keys, True, False or None, trailing commas.",
        False,
    )
    assert json_box.apply("fix", '{"a": 1}') == (None, "Nothing to fix: this is valid JSON.", False)
    value, message, is_problem = json_box.apply("fix", '{"a": 1 "b": 2}')
    assert value is None and is_problem
    assert message == "At line 1, column 9: a comma was expected. Nothing was changed."
    value, message, is_problem = json_box.apply("format", "{'a': 1}")
    assert value is None and is_problem
    assert message == (
        "At line 1, column 2: a key in double quotes was expected. Nothing was changed. Fix may repair it."
    )
    assert json_box.apply("format", '{"a":1}') == ('{\n  "a": 1\n}', "Formatted.", False)
    assert json_box.apply("compact", '{\n  "a": 1\n}') == ('{"a":1}', "Written on one line.", False)
    assert json_box.apply("format", "") == (None, "Nothing to format.", False)
    assert "NaN and Infinity are not JSON numbers" in json_box.apply("compact", "[NaN]")[1]


def test_jstx009_the_toolbar_callbacks_write_the_box_or_only_the_message():
    fix_button = ids.json_action(ids.ADHOC_ARGS, "fix")
    assert toolbar_outputs(fix_button, True, "{a: 1,}") == (
        '{"a": 1}',
        "Fixed: unquoted keys, trailing commas.",
        json_box.OK_CLASS,
    )
    value, _message, status_class = toolbar_outputs(fix_button, True, "{a: }")
    assert value is no_update and status_class == json_box.PROBLEM_CLASS
    with pytest.raises(PreventUpdate):
        toolbar_outputs(fix_button, False, "{}")  # a button re-created, not clicked
    # Both forms' callbacks are plain functions: the streams form's box gets the same.
    assert inspector_streams.stream_json_tools.__doc__ and adhoc_json_tools.__doc__


def test_jstx010_the_toolbar_has_three_labelled_buttons_and_a_status():
    toolbar = json_box.json_toolbar(ids.STREAM_ARGS)
    buttons, status = toolbar.children
    assert [b.children for b in buttons.children] == ["Format", "Compact", "Fix"]
    assert [b.id for b in buttons.children] == [
        ids.json_action(ids.STREAM_ARGS, a) for a in ("format", "compact", "fix")
    ]
    assert status.id == ids.json_status(ids.STREAM_ARGS) and status.role == "status"
