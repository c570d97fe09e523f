"""Reading Dash apps through Flask's test client: layouts as JSON, and callbacks called as the renderer calls them."""

import ids


def layout_ids(node, found=None):
    found = set() if found is None else found
    if isinstance(node, dict):
        props = node.get("props", {})
        if isinstance(props.get("id"), str):
            found.add(props["id"])
        for value in props.values():
            layout_ids(value, found)
    elif isinstance(node, list):
        for item in node:
            layout_ids(item, found)
    return found


def iter_components(node):
    """Every component in a layout (as JSON), depth first."""
    if isinstance(node, dict):
        yield node
        for value in node.get("props", {}).values():
            yield from iter_components(value)
    elif isinstance(node, list):
        for item in node:
            yield from iter_components(item)


def find_component(node, component_id):
    if isinstance(node, dict):
        props = node.get("props", {})
        if props.get("id") == component_id:
            return node
        for value in props.values():
            hit = find_component(value, component_id)
            if hit:
                return hit
    elif isinstance(node, list):
        for item in node:
            hit = find_component(item, component_id)
            if hit:
                return hit
    return None


# The Caller's Sum result callback (callbacks.caller.sum_numbers_result_handler), as its request names them.
SUM_RESULT_OUTPUTS = [(ids.SUM_RESULT, "children"), (ids.SUM_HISTORY, "children")]


def call_callback(client, prefix, inputs, outputs, state=()):
    """POST one callback of the app at ``prefix``, found by its inputs in ``_dash-dependencies``.

    ``inputs`` and ``state`` are ``(id, property, value)``, ``outputs`` ``(id, property)``.
    """
    dependencies = client.get(f"{prefix}_dash-dependencies").get_json()
    wanted = [{"id": i, "property": p} for i, p, _ in inputs]
    callback = next(d for d in dependencies if d["inputs"] == wanted)
    output_list = [{"id": i, "property": p} for i, p in outputs]
    multi = callback["output"].startswith("..")  # how Dash names a callback with several outputs
    return client.post(
        f"{prefix}_dash-update-component",
        json={
            "output": callback["output"],
            "outputs": output_list if multi else output_list[0],
            "inputs": [{"id": i, "property": p, "value": v} for i, p, v in inputs],
            "changedPropIds": [f"{i}.{p}" for i, p, _ in inputs],
            "state": [{"id": i, "property": p, "value": v} for i, p, v in state],
        },
    )
