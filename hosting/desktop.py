"""io.Connect Desktop definitions of the apps a server mounts, and a Flask CLI command to write them.

flask --app run desktop-definitions --base-url https://interop.example.com --out io-connect-desktop/
"""

import json
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from hosting.definitions import app_definitions

CHECKED_IN = Path(__file__).resolve().parent.parent / "io-connect-desktop"
CHECKED_IN_BASE_URL = "http://127.0.0.1:8050"


def file_name(definition):
    return definition["name"].lower().replace(" ", "-") + ".json"


def render(apps, base_url):
    """``{file name: JSON text}`` for every app of ``apps`` io.Connect Desktop can open (the shell is not one)."""
    clients = [spec for spec in apps if not spec.is_platform]
    return {
        file_name(definition): json.dumps(definition, indent=2) + "\n"
        for definition in app_definitions(clients, base_url)
    }


def write(apps, base_url, out_dir):
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render(apps, base_url).items():
        (out_dir / name).write_text(text)
        written.append(out_dir / name)
    return written


@click.command("desktop-definitions")
@with_appcontext
@click.option("--base-url", default=None, help="Where the apps are served; default PUBLIC_BASE_URL.")
@click.option("--out", "out_dir", default=str(CHECKED_IN), show_default=True, help="Folder to write into.")
def desktop_definitions_command(base_url, out_dir):
    """Write io.Connect Desktop app definitions for every app this server mounts."""
    apps = current_app.extensions["app_specs"]
    for path in write(apps, base_url or current_app.config["PUBLIC_BASE_URL"], out_dir):
        click.echo(path)


def init_app(server):
    server.cli.add_command(desktop_definitions_command)
