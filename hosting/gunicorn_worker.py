"""gunicorn's threaded worker, whose graceful stop drops no connection queued on its own socket.

With ``reuse_port`` every worker listens on a socket of its own, and the kernel hashes each new
connection to one socket of the group. gunicorn's threaded worker, told to stop (SIGTERM: a HUP's
reload, a scale-down), stops polling its socket but keeps it open while requests in flight finish and
kept-alive connections linger, up to 2 s. Connections the kernel queues on that socket meanwhile are
never accepted, and the kernel resets them when the worker closes it: a browser's click is lost.
This worker, as it stops, accepts what is queued and closes its socket at once, so the kernel hashes
new connections to the workers that remain (``depl005``).

Linux's ``net.ipv4.tcp_migrate_req = 1`` closes the microseconds left between the last accept and the
close: the kernel then moves a closed socket's queued connections to another of the group.
"""

import select
import socket

from gunicorn.workers import gthread


class ThreadWorker(gthread.ThreadWorker):
    def set_accept_enabled(self, enabled):
        super().set_accept_enabled(enabled)
        if not enabled and not self.alive and self.cfg.reuse_port and hasattr(socket, "SO_REUSEPORT"):
            self.hand_over_listeners()

    def hand_over_listeners(self):
        """Accept every connection queued on this worker's own sockets, then close them.

        The connections accepted here are served as any other during the graceful stop.
        """
        for listener in self.sockets:
            while select.select([listener], [], [], 0)[0]:
                self.accept(listener)
            listener.close()
