"""gunicorn's settings for `innocities serve` and `innocities bench`: shed load instead of queueing.

- ``backlog``: at most this many connections wait for a worker (about five a worker: under half a second
  of work); beyond it the kernel refuses new ones, so a burst is turned away at once (nginx tries another
  app server) instead of queueing answers nobody will read. Measured with `innocities bench`: after a
  30-second burst of 200 connections the site answered again at once with 16, and after 0.1-22 s with 64.
- ``timeout``: a worker stuck longer than this on one request is restarted.
- ``innocities.core.shedding`` drops, before any work, a request whose client has already gone
  (and, behind nginx, one that waited longer than nginx waits for an answer).
"""

import os

from prometheus_client import multiprocess

workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
backlog = int(os.environ.get("WEB_BACKLOG", "16"))
timeout = int(os.environ.get("WEB_TIMEOUT", "30"))
graceful_timeout = 10
keepalive = 5


# Metrics from every worker process (prometheus_client's multiprocess mode, on when the service sets
# PROMETHEUS_MULTIPROC_DIR): the directory starts empty, and a worker that exits is accounted for.
def on_starting(server):
    directory = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if directory:
        os.makedirs(directory, exist_ok=True)
        for name in os.listdir(directory):
            os.remove(os.path.join(directory, name))


def child_exit(server, worker):
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.mark_process_dead(worker.pid)
