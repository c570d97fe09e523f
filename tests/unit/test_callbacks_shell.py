"""callbacks.shell: adding and removing apps in the workspace, as plain functions."""

import pytest
from dash import no_update
from dash.exceptions import PreventUpdate

from callbacks import shell
from pages.shell import MAX_FRAMES

ADDABLE = {"server": {"title": "Sum Server", "prefix": "/server/"}, "caller": {"title": "Caller", "prefix": "/caller/"}}


def frames():
    from pages.shell import frame_record

    return [
        frame_record("server", "Sum Server", "/server/", 1, slot=0),
        frame_record("server", "Sum Server", "/server/", 2, slot=1),
        frame_record("caller", "Caller", "/caller/", None, slot=2),
    ]


def test_cbsh001_add_server_takes_next_number_and_free_slot():
    out = shell.add_app(frames(), "server", ADDABLE)
    new_frames, children, classes, notice = out["frames"], out["slots"], out["classes"], out["notice"]
    added = new_frames[-1]
    assert (added["name"], added["slot"], added["src"]) == ("Sum Server 3", 3, "/server/?name=Sum%20Server%203")
    assert children[3] is not no_update and all(c is no_update for i, c in enumerate(children) if i != 3)
    assert classes[3] == shell.SLOT_CLASS and notice is None


def test_cbsh002_remove_frees_only_its_slot():
    out = shell.remove_frame("server-1", frames())
    new_frames, children, classes = out["frames"], out["slots"], out["classes"]
    assert [f["key"] for f in new_frames] == ["server-2", "caller"]
    assert children[0] is None and classes[0] == shell.EMPTY_SLOT_CLASS
    assert all(c is no_update for c in children[1:])


def test_cbsh003_full_shell_says_so():
    from pages.shell import frame_record

    full = [frame_record("server", "Sum Server", "/server/", n, slot=n - 1) for n in range(1, MAX_FRAMES + 1)]
    out = shell.add_app(full, "server", ADDABLE)
    assert out["frames"] is no_update and out["notice"] == shell.FULL
    assert out["slots"] == out["classes"] == [no_update] * MAX_FRAMES


def test_cbsh004_remove_unknown_frame_is_ignored():
    with pytest.raises(PreventUpdate):
        shell.remove_frame("nope", frames())


def test_cbsh005_added_caller_is_caller_2():
    new_frames = shell.add_app(frames(), "caller", ADDABLE)["frames"]
    assert (new_frames[-1]["name"], new_frames[-1]["key"]) == ("Caller 2", "caller-2")


def test_cbsh006_first_of_an_app_is_number_1():
    new_frames = shell.add_app([], "server", ADDABLE)["frames"]
    assert new_frames[-1]["name"] == "Sum Server 1"


def test_cbsh007_the_inspector_and_second_instances_load_last_wherever_they_are_embedded():
    import registry
    from guide.topics import BY_SLUG
    from pages.guide import topic_frames
    from pages.shell import addable_apps, default_frames, frame_card

    by_name = {record["name"]: record["loads_last"] for record in default_frames(registry.CLIENT_APPS)}
    # An app's second instance loads last too: the first Caller and Sum Server connect first.
    assert by_name == {"Sum Server 1": False, "Sum Server 2": True, "Caller": False, "Inspector": True}
    apps = addable_apps(registry.CLIENT_APPS)
    added = shell.add_app(default_frames(registry.CLIENT_APPS), "inspector", apps)["frames"]
    assert added[-1]["name"] == "Inspector 2" and added[-1]["loads_last"] is True
    in_the_guide = topic_frames(BY_SLUG["inspector"], apps)
    assert [r["loads_last"] for r in in_the_guide] == [r["app"] == "inspector" for r in in_the_guide]
    two_servers = [r for r in topic_frames(BY_SLUG["targeting"], apps) if r["app"] == "server"]
    assert [r["loads_last"] for r in two_servers] == [False, True]
    # One the user adds loads at once: it is the only one loading then.
    added_server = shell.add_app(default_frames(registry.CLIENT_APPS), "server", apps)["frames"]
    assert added_server[-1]["name"] == "Sum Server 3" and added_server[-1]["loads_last"] is False
    # Its iframe has no address yet: assets/shell.js gives it data-src once the others are connected.
    inspector = next(r for r in added if r["app"] == "inspector")
    frame = frame_card(inspector).children[1]
    assert getattr(frame, "src", None) is None
    assert getattr(frame, "data-src") == inspector["src"] == "/inspector/?name=Inspector"
    caller = frame_card(next(r for r in added if r["app"] == "caller")).children[1]
    assert caller.src == "/caller/?name=Caller" and not hasattr(caller, "data-src")


def test_cbsh008_the_add_and_remove_callback_is_wired_by_name():
    """Eight dependencies: Dash's named form, so the outputs are a dict keyed as ``manage_frames`` returns them."""
    registered = {}

    class Recorder:
        def callback(self, *args, **kwargs):
            return lambda function: registered.setdefault(function.__name__, (args, kwargs))

        def clientside_callback(self, *args, **kwargs):
            pass

    shell.register(Recorder())
    assert list(registered) == ["name_missing_page", "manage_frames"]
    args, kwargs = registered["manage_frames"]
    assert args == () and set(kwargs["output"]) == set(shell.add_app([], "server", ADDABLE))
    assert set(kwargs["inputs"]) | set(kwargs["state"]) == {"add_clicks", "remove_clicks", "frames", "addable"}
