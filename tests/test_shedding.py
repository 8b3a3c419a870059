"""Under overload the site drops, before any work, requests nobody waits for any more."""

import socket
import time

from innocities.core.shedding import client_has_gone


def test_a_request_whose_client_closed_the_connection_is_recognised():
    server, client = socket.socketpair()
    try:
        assert not client_has_gone({"gunicorn.socket": server}), "still connected, nothing sent"
        client.sendall(b"GET / HTTP/1.1\r\n")
        assert not client_has_gone({"gunicorn.socket": server}), "a pipelined request is no departure"
        server.recv(100)
        client.close()
        assert client_has_gone({"gunicorn.socket": server})
    finally:
        server.close()
    assert not client_has_gone({}), "no socket (another server): served as usual"


def test_a_request_that_waited_longer_than_nginx_is_dropped_cheaply(db, client, django_assert_num_queries):
    stale = f"t={time.time() - 60:.3f}"
    with django_assert_num_queries(0):
        response = client.get("/", HTTP_X_REQUEST_START=stale)
    assert response.status_code == 503 and response["Retry-After"] == "5"
    assert client.get("/", HTTP_X_REQUEST_START=f"t={time.time():.3f}").status_code == 200
    assert client.get("/", HTTP_X_REQUEST_START="t=nonsense").status_code == 200
