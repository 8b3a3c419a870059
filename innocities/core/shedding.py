"""Under overload, answer no one who has stopped waiting.

After a burst, the requests that queued for a worker are mostly from clients who gave up long ago;
serving them keeps the site busy for minutes with answers nobody reads. Before any work (first in the
middleware), a request is dropped when:

- its client has closed the connection (gunicorn's sync worker exposes the socket: a peek that reads
  end-of-file means the other side has gone; behind nginx, nginx closes its upstream connection when
  its client leaves), or
- it waited in the queues longer than ``REQUEST_QUEUE_LIMIT`` seconds, measured from nginx's
  ``X-Request-Start: t=<seconds>`` header (``proxy_set_header X-Request-Start "t=${msec}";``), set
  to nginx's ``proxy_read_timeout``: nginx gave up on it at that point.

A dropped request gets 503 with ``Retry-After`` (nobody reads it when the client has gone).
"""

import socket
import time

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import gettext as _


def client_has_gone(environ) -> bool:
    sock = environ.get("gunicorn.socket")
    if sock is None:
        return False
    try:
        return sock.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b""
    except BlockingIOError:  # nothing to read: still connected
        return False
    except OSError:  # reset by the peer
        return True
    except ValueError:  # a socket that takes no flags (TLS in the app server): cannot tell
        return False


def waited_too_long(meta, limit: float) -> bool:
    start = meta.get("HTTP_X_REQUEST_START", "")
    try:
        started = float(start.removeprefix("t="))
    except ValueError:
        return False
    waited = time.time() - started
    return limit < waited < 3600  # a wait of hours (or a negative one) is a clock to distrust, not a queue


class ShedAbandonedRequests:
    def __init__(self, get_response):
        self.get_response = get_response
        self.limit = float(getattr(settings, "REQUEST_QUEUE_LIMIT", 10))

    def __call__(self, request):
        if client_has_gone(request.environ) or waited_too_long(request.META, self.limit):
            busy = _("Busy: try again in a moment.")
            response = HttpResponse(f"{busy}\n", status=503, content_type="text/plain")
            response["Retry-After"] = "5"
            return response
        return self.get_response(request)
