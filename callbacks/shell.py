"""Callbacks of the platform shell: its pages, the embedded apps and their status."""

from dash import ALL, MATCH, ClientsideFunction, Input, Output, State, ctx, no_update
from dash.exceptions import PreventUpdate

import ids
from callbacks.collector import CallbackCollector
from pages.shell import EMPTY_SLOT_CLASS, MAX_FRAMES, SLOT_CLASS, frame_card, frame_record

FULL = f"The shell holds at most {MAX_FRAMES} apps. Remove one to add another."
# Dash Pages' own location component (dash.page_container).
PAGES_LOCATION = "_pages_location"

app = CallbackCollector()


@app.callback(
    Output(ids.NOT_FOUND_PATH, "children"),
    Input(ids.NOT_FOUND_PATH, "id"),
    State(PAGES_LOCATION, "pathname"),
)
def name_missing_page(_mounted, pathname):
    """The 404 page names the address that has no page (as text)."""
    return pathname


app.clientside_callback(
    ClientsideFunction(namespace="ioconnectShell", function_name="copyListing"),
    Output(ids.copy_code(MATCH), "children"),
    Input(ids.copy_code(MATCH), "n_clicks"),
    State(ids.copy_code(MATCH), "id"),
    prevent_initial_call=True,
)


def changed(frames, slot=None, children=None, class_name=None, notice=None):
    """``manage_frames``' outputs: the frames, and every slot's children and class of which only ``slot``
    changes (the others keep their iframes)."""
    slots, classes = [no_update] * MAX_FRAMES, [no_update] * MAX_FRAMES
    if slot is not None:
        slots[slot], classes[slot] = children, class_name
    return {"frames": frames, "slots": slots, "classes": classes, "notice": notice}


def add_app(frames, app_name, addable):
    """Adds one more instance of ``app_name``, numbered one above the highest in use, in the first free slot."""
    template = (addable or {}).get(app_name)
    if template is None:
        raise PreventUpdate
    used = {f["slot"] for f in frames}
    free = [slot for slot in range(MAX_FRAMES) if slot not in used]
    if not free:
        return changed(no_update, notice=FULL)
    # An unnumbered instance ("Caller") counts as number 1, so the next is "Caller 2".
    number = max((f.get("number") or 1 for f in frames if f["app"] == app_name), default=0) + 1
    record = frame_record(
        app_name,
        template["title"],
        template["prefix"],
        number,
        slot=free[0],
        loads_last=bool(template.get("loads_last")),
    )
    return changed([*frames, record], record["slot"], frame_card(record), SLOT_CLASS)


def remove_frame(key, frames):
    """Removes the instance ``key``; its app leaves the interop bus as its iframe goes."""
    record = next((f for f in frames if f["key"] == key), None)
    if record is None:
        raise PreventUpdate
    return changed([f for f in frames if f["key"] != key], record["slot"], None, EMPTY_SLOT_CLASS)


@app.callback(
    output=dict(
        frames=Output(ids.FRAMES_STORE, "data"),
        slots=Output(ids.frame_slot(ALL), "children"),
        classes=Output(ids.frame_slot(ALL), "className"),
        notice=Output(ids.SHELL_NOTICE, "children"),
    ),
    inputs=dict(add_clicks=Input(ids.add_app(ALL), "n_clicks"), remove_clicks=Input(ids.remove_frame(ALL), "n_clicks")),
    state=dict(frames=State(ids.FRAMES_STORE, "data"), addable=State(ids.ADDABLE_STORE, "data")),
    prevent_initial_call=True,
)
def manage_frames(add_clicks, remove_clicks, frames, addable):
    """One callback for adding and removing, as both write the same slots."""
    trigger = ctx.triggered_id
    if not isinstance(trigger, dict):
        raise PreventUpdate
    if trigger["type"] == "add-app" and any(add_clicks):
        return add_app(frames, trigger["app"], addable)
    if trigger["type"] == "remove-frame" and any(remove_clicks):
        return remove_frame(trigger["frame"], frames)
    # Removing a card removes its button, which re-triggers this callback.
    raise PreventUpdate


# Connection status comes from the platform's own glue, in the page.
app.clientside_callback(
    ClientsideFunction(namespace="ioconnectShell", function_name="watchConnections"),
    Input(ids.GLUE, "glueReady"),
)

# MATCH, not ALL: one small callback per badge, which also runs for badges
# added later. (An ALL output over badges that slots add and remove left
# Dash 4's callback queue stuck after the first removal.)
app.clientside_callback(
    ClientsideFunction(namespace="ioconnectShell", function_name="frameStatus"),
    Output(ids.frame_status(MATCH), "children"),
    Output(ids.frame_status(MATCH), "color"),
    Output(ids.frame_spinner(MATCH), "className"),
    Input(ids.CONNECTED_STORE, "data"),
    Input(ids.frame_status(MATCH), "id"),
    State(ids.app_frame(MATCH), "title"),
)


def register(dash_app):
    """Give this module's callbacks to the shell's ``Dash``."""
    app.register(dash_app)
