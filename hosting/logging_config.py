"""One log format for everything on stdout: the app, gunicorn's own messages and its request log."""

import logging.config

LOG_FORMAT = "%(asctime)s %(levelname)s [%(process)d] %(name)s: %(message)s"
# gunicorn's request line, passed through LOG_FORMAT: who, what, status, bytes, duration, worker.
# %(h)s is REMOTE_ADDR of the request's environ after the app ran: behind proxies (IOCONNECT_PROXY_HOPS)
# the client's address, as ProxyFix rewrote it, not the proxy's; never a header the client could set.
ACCESS_LOG_FORMAT = '%(h)s "%(r)s" %(s)s %(B)s %(M)sms'


def dict_config(level="INFO"):
    level = str(level).upper()
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"plain": {"format": LOG_FORMAT}},
        "handlers": {"stdout": {"class": "logging.StreamHandler", "formatter": "plain", "stream": "ext://sys.stdout"}},
        "root": {"handlers": ["stdout"], "level": level},
        "loggers": {
            "gunicorn.error": {"handlers": ["stdout"], "level": level, "propagate": False},
            "gunicorn.access": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        },
    }


def configure(level="INFO"):
    logging.config.dictConfig(dict_config(level))
