"""Records and history entries as the apps make them, shared by the tests of what merges and what shows them."""

T0 = 1_790_000_000_000  # ms since the epoch


S1 = {"application": "Sum Server 1", "instance": "s1"}


S2 = {"application": "Sum Server 2", "instance": "s2"}


def invoked(id_, t, args='{"a":1,"b":2}', servers=(S1, S2), latency=40, target="all", method="Sum", **extra):
    return {
        "kind": "invoked",
        "id": id_,
        "t": t,
        "method": method,
        "target": target,
        "args": args,
        "latency_ms": latency,
        "pending": False,
        "error": None,
        "servers": [{**s, "ok": True, "outcome": '{"sum":3}'} for s in servers],
        "app": "Caller",
        "instance": "c1",
        **extra,
    }


def handled(id_, t, server=S1, args='{"a":1,"b":2}', caller_instance="c1", method="Sum"):
    return {
        "kind": "handled",
        "id": id_,
        "t": t,
        "method": method,
        "caller": "Caller",
        "caller_instance": caller_instance,
        "args": args,
        "outcome": "sum = 3",
        "ok": True,
        "app": server["application"],
        "instance": server["instance"],
    }


FULL = {
    "invocationId": "i1",
    "error": None,
    "invocationResult": {
        "method": {"name": "Sum"},
        "called_with": {"a": 7, "b": 8},
        "returned": {"sum": 15},
        "executed_by": {"application": "Sum Server 2", "instance": "s2"},
        "all_return_values": [{"executed_by": {"application": "Sum Server 2"}, "returned": {"sum": 15}}],
        "all_errors": [],
        "message": "",
        "status": 0,
    },
}


ENTRY = {
    "id": "i1",
    "at": 1_790_000_000_000,
    "latency_ms": 35.4,
    "invoke": {
        "definition": {"name": "Sum"},
        "argumentObj": {"a": 7, "b": 8},
        "target": [{"instance": "s2"}],
        "options": {"methodResponseTimeoutMs": 5_000, "waitTimeoutMs": 100},
    },
    "result": FULL,
}
