"""How every screen names an interop instance: one rule, and assets/app_names.js holds its JavaScript twin.

An instance is what glue reports for a server, a caller or ``executed_by``:
``{"application": …, "instance": …}`` (io.Connect Desktop also says
``applicationName``). tests/unit/test_app_names.py runs both versions on the
same samples.

A Dash app that loads none of our scripts and is given no application name
joins the bus as ``document.title + " (uid)"``, and while its callbacks run
Dash's title is its ``update_title``, "Updating..." by default: such an app is
named "Updating... (2HCZslYF8)" for as long as it is connected. That passing
title names nothing, so the rule shows it as "unnamed Dash app (2HCZslYF8)".
"""

import re

UNKNOWN_APP = "unknown app"
UNNAMED_DASH_APP = "unnamed Dash app"
NAME_KEYS = ("application", "applicationName", "instance")
# Dash's default update_title, optionally followed by glue's " (uid)".
PASSING_TITLE = re.compile(r"Updating\.\.\.(?: \(([^()]*)\))?")


def readable(name):
    """``name``, unless it is Dash's passing title: then "unnamed Dash app", with the uid glue added."""
    passing = PASSING_TITLE.fullmatch(name)
    if passing is None:
        return name
    uid = passing.group(1)
    return f"{UNNAMED_DASH_APP} ({uid})" if uid else UNNAMED_DASH_APP


def app_name(instance):
    """The readable name of ``instance``: its application, else its instance id, else "unknown app"; Dash's
    passing title "Updating... (uid)" reads "unnamed Dash app (uid)"."""
    if not isinstance(instance, dict):
        return UNKNOWN_APP
    for key in NAME_KEYS:
        value = instance.get(key)
        if isinstance(value, str) and value.strip():
            return readable(value.strip())
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
