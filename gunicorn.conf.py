"""gunicorn settings for production: ``gunicorn run:server`` reads this file.

Every setting comes from the environment, with defaults suited to 2 cores.
"""

import os

from hosting.logging_config import ACCESS_LOG_FORMAT, dict_config

bind = f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8050')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# gunicorn's gthread worker, whose graceful stop does not drop connections queued on its own socket.
worker_class = "hosting.gunicorn_worker.ThreadWorker"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# A listening socket per worker (SO_REUSEPORT): the kernel spreads new connections
# over the workers. With one shared socket, keep-alive connections opened together
# (a proxy's pool, a load test) often all went to one worker and left a core idle.
reuse_port = os.environ.get("GUNICORN_REUSE_PORT", "1") == "1"
# SIGTERM: stop accepting, let requests in flight finish for up to this long, then exit.
graceful_timeout = int(os.environ.get("GRACEFUL_TIMEOUT", "20"))
timeout = 60
# Trust no X-Forwarded-* header here: the app decides whom to trust (IOCONNECT_PROXY_HOPS, hosting/proxy.py).
# gunicorn's default trusts X-Forwarded-Proto, and SCRIPT_NAME and PATH_INFO headers, from any process on
# 127.0.0.1 even when no proxy is configured.
forwarded_allow_ips = ""

loglevel = os.environ.get("LOG_LEVEL", "info")
logconfig_dict = dict_config(loglevel)
accesslog = "-" if os.environ.get("ACCESS_LOG", "1") == "1" else None
access_log_format = ACCESS_LOG_FORMAT
