"""io.Connect Desktop definitions: generated from the registry, and a Flask CLI command to write them.

flask --app run desktop-definitions --base-url https://interop.example.com --out io-connect-desktop/
"""

import json
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

import registry
from definitions import app_definitions

CHECKED_IN = Path(__file__).resolve().parent / "io-connect-desktop"
CHECKED_IN_BASE_URL = "http://127.0.0.1:8050"


def file_name(definition):
    return definition["name"].lower().replace(" ", "-") + ".json"


def render(base_url):
    """``{file name: JSON text}`` for every app io.Connect Desktop can open (the shell is not one)."""
    return {
        file_name(definition): json.dumps(definition, indent=2) + "\n"
        for definition in app_definitions(registry.CLIENT_APPS, base_url)
    }


def write(base_url, out_dir):
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render(base_url).items():
        (out_dir / name).write_text(text)
        written.append(out_dir / name)
    return written


@click.command("desktop-definitions")
@with_appcontext
@click.option("--base-url", default=None, help="Where the apps are served; default PUBLIC_BASE_URL.")
@click.option("--out", "out_dir", default=str(CHECKED_IN), show_default=True, help="Folder to write into.")
def desktop_definitions_command(base_url, out_dir):
    """Write io.Connect Desktop app definitions for every app of the registry."""
    for path in write(base_url or current_app.config["PUBLIC_BASE_URL"], out_dir):
        click.echo(path)


def init_app(server):
    server.cli.add_command(desktop_definitions_command)
