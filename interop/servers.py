"""What the servers store says: the servers, the methods they offer, and what the ad-hoc form may pick.

The input is the snapshot ``assets/inspector.js`` takes of ``glue.interop.servers()``:
``[{application, instance, windowId, methods: [{name, accepts, returns, description,
displayName, objectTypes, supportsStreaming, flags}]}]``. The grid that shows it (views, rows, columns) is
pages/inspector_servers.py's.
"""

SYSTEM_PREFIX = "T42."  # the platform's own methods, hidden unless asked for


def _text(value):
    return value if isinstance(value, str) else ""


def is_system(name):
    return _text(name).startswith(SYSTEM_PREFIX)


def servers_of(snapshot):
    """The server instances of a snapshot (anything else in it is ignored)."""
    return [s for s in snapshot or [] if isinstance(s, dict)]


def methods_of(server):
    """The methods of a server instance that have a name."""
    return [m for m in server.get("methods") or [] if isinstance(m, dict) and _text(m.get("name"))]


def shown_methods(server, show_system=False):
    """``methods_of`` the server, without the platform's T42.* ones unless ``show_system``."""
    return [m for m in methods_of(server) if show_system or not is_system(m.get("name"))]


def counts(snapshot, show_system=False):
    """``(server instances, methods, method names)`` of a snapshot."""
    servers = servers_of(snapshot)
    methods = [m for server in servers for m in shown_methods(server, show_system)]
    return len(servers), len(methods), len({m["name"] for m in methods})


def method_names(snapshot, show_system=False):
    """Every method name some server offers, sorted, for the ad-hoc picker."""
    names = {m["name"] for server in servers_of(snapshot) for m in shown_methods(server, show_system)}
    return sorted(names, key=str.lower)


def find_method(snapshot, name):
    """The definition of ``name`` as the first server offering it registered it (or None)."""
    for server in servers_of(snapshot):
        for method in methods_of(server):
            if method.get("name") == name:
                return method
    return None


def instances_offering(snapshot, name):
    """``[{"application", "instance"}]`` of the instances that offer ``name``, for picking specific targets."""
    return [
        {"application": _text(server.get("application")), "instance": _text(server.get("instance"))}
        for server in servers_of(snapshot)
        if any(m.get("name") == name for m in methods_of(server))
    ]


def instance_names(snapshot):
    """``{instance id: application name}`` for every known instance."""
    return {_text(s.get("instance")): _text(s.get("application")) for s in servers_of(snapshot)}
