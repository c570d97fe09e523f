"""The breakdown's attribution of a trace to frames (bench/breakdown.py), on a trace made up here."""

from bench.breakdown import attribute_trace


def event(name, ts, dur, frame=None, tid=1):
    args = {"data": {"frame": frame}} if frame else {}
    return {"name": name, "ph": "X", "pid": 7, "tid": tid, "ts": ts, "dur": dur, "args": args}


def test_bnch002_main_thread_time_goes_to_the_frame_each_top_level_event_ran_for():
    urls = [{"frame": "A", "url": "http://h/caller/"}, {"frame": "B", "url": "http://h/server/?name=S"}]
    frames = {
        "name": "TracingStartedInBrowser",
        "ph": "I",
        "pid": 1,
        "tid": 1,
        "ts": 0,
        "args": {"data": {"frames": urls}},
    }
    events = [
        frames,
        event("RunTask", 0, 10_000),
        event("FunctionCall", 0, 6_000, "A"),
        event("EventDispatch", 1_000, 2_000, "A"),  # nested in the call above: not counted twice
        event("RunTask", 20_000, 5_000),
        event("TimerFire", 20_000, 3_000, "B"),
        event("RunTask", 0, 50_000, tid=2),  # another thread, less busy: not the main thread
    ]
    assert attribute_trace(events, count=2) == {
        "/caller/": 3.0,
        "/server/": 1.5,
        "(no frame)": 3.0,
        "all tasks": 7.5,
        "by event": {"/caller/": {"FunctionCall": 3.0}, "/server/": {"TimerFire": 1.5}},
    }
