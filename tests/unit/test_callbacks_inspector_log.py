"""callbacks.inspector_log: the invocation log, called as plain functions."""

import pytest
from dash.exceptions import PreventUpdate

import ids
from callbacks import inspector_log


def test_cbin002_render_log_from_records():
    text, summary, figure, last_args = inspector_log.render_log([])
    assert (text, summary, figure["data"], last_args) == ("", "0 invocations · 0 handled records", [], {})


def test_cbin009_the_chart_is_added_once_the_log_is_on_screen():
    with pytest.raises(PreventUpdate):
        inspector_log.show_chart(False, None)
    figure = {"data": [{"type": "scatter", "x": [], "y": [], "name": "Sum @ Sum Server 1"}], "layout": {}}
    chart = inspector_log.show_chart(True, figure)
    assert chart.id == ids.LATENCY_GRAPH and chart.figure == figure
