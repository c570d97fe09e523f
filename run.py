"""Entry point: ``gunicorn run:server`` in production, ``python run.py`` for development."""

import os

from app import create_server
from hosting import logging_config

server = create_server()

if __name__ == "__main__":
    logging_config.configure(os.environ.get("LOG_LEVEL", "INFO"))
    host = os.environ.get("HOST", "127.0.0.1")
    port = int(os.environ.get("PORT", "8050"))
    print(f"io.Connect Dash Interop reference app: http://{host}:{port}", flush=True)
    print(f"New here? The guided tour: http://{host}:{port}/guide", flush=True)
    server.run(host=host, port=port, debug=server.config["DEBUG"])
