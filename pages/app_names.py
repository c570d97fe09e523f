"""How every screen names an interop instance: one rule, and assets/app_names.js holds its JavaScript twin.

An instance is what glue reports for a server, a caller or ``executed_by``:
``{"application": …, "instance": …}`` (io.Connect Desktop also says
``applicationName``). tests/unit/test_app_names.py runs both versions on the
same samples.
"""

UNKNOWN_APP = "unknown app"
NAME_KEYS = ("application", "applicationName", "instance")


def app_name(instance):
    """The readable name of ``instance``: its application, else its instance id, else "unknown app"."""
    if not isinstance(instance, dict):
        return UNKNOWN_APP
    for key in NAME_KEYS:
        value = instance.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return UNKNOWN_APP


def distinct_app_names(instances):
    """``app_name`` of each instance, with the instance id added where two instances share a name."""
    names = [app_name(instance) for instance in instances]
    shared = {name for name in names if names.count(name) > 1}
    return [
        f"{name} ({instance.get('instance')})"
        if name in shared and isinstance(instance, dict) and instance.get("instance")
        else name
        for name, instance in zip(names, instances, strict=True)
    ]
