"""Pieces the Inspector's cards share: their titles, their named radio groups and their grids' search boxes."""

import dash_bootstrap_components as dbc
from dash import html


def card_title(text):
    """A card's title: an h2 under the app's h1, as large and bold as a card header's text (assets/app.css)."""
    return html.H2(text, className="inspector-card-title")


def radio_group(label_id, label, radios):
    """``radios`` (a ``dbc.RadioItems``) as a radio group named by its visible ``label``: a ``<label for>`` names
    one control, not a group, so the group points at the text that names it."""
    return html.Div(
        [html.Span(label, id=label_id, className="small me-2"), radios],
        role="radiogroup",
        **{"aria-labelledby": label_id},
    )


def instances_group(checklist, name):
    """The checkboxes of the instances a call targets, as a group with a ``name``: each box is named by its
    instance alone, and a screen reader says what the group is for on entering it."""
    return html.Div(checklist, role="group", **{"aria-label": name})


def search_box(component_id, words):
    """A grid's quick-filter box: ``words`` shown in it while empty, and its name (a placeholder is no name)."""
    return [
        dbc.Label(words, html_for=component_id, className="visually-hidden"),
        dbc.Input(id=component_id, type="search", placeholder=words, size="sm", autoComplete="off"),
    ]
