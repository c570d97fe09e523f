"""Application definitions, from the app registry.

The same shape serves io.Connect Desktop (JSON files in its apps folder) and
the web platform's ``applications.local`` list, so both know the apps by the
same names as the shell mounts them.
"""


def app_definition(spec, base_url):
    """One ``type: "window"`` definition; ``base_url`` "" gives a same-origin relative URL."""
    return {
        "name": spec.title,
        "title": spec.title,
        "type": "window",
        "details": {
            "url": base_url.rstrip("/") + spec.prefix,
            "width": spec.width,
            "height": spec.height,
        },
    }


def app_definitions(apps, base_url=""):
    return [app_definition(spec, base_url) for spec in apps]
