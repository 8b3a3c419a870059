"""gunicorn's settings for `innocities serve` and `innocities bench`: shed load instead of queueing.

- ``backlog``: at most this many connections wait for a worker; beyond it the kernel refuses new ones,
  so a burst is turned away at once instead of waiting minutes for an answer nobody reads.
- ``timeout``: a worker stuck longer than this on one request is restarted.
- ``innocities.core.shedding`` drops, before any work, a request whose client has already gone
  (and, behind nginx, one that waited longer than nginx waits for an answer).
"""

import os

workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
backlog = int(os.environ.get("WEB_BACKLOG", "64"))
timeout = int(os.environ.get("WEB_TIMEOUT", "30"))
graceful_timeout = 10
keepalive = 5
