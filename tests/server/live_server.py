"""A real uvicorn server on a free loopback port in a background thread, for
tests that need real HTTP (event streams, the client's sync engine).

    live = start_live_server("sqlite:///" + str(tmp_path / "platform.db"))
    try:
        httpx.get(live.url + "/api/v1/health")
    finally:
        live.stop()
"""

from __future__ import annotations

import socket
import ssl
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from fastapi import FastAPI

from server.app import create_app
from server.tls import PeerAwareH11Protocol
from server.tls_audit import serve_tls


@dataclass
class LiveServer:
    url: str  # e.g. http://127.0.0.1:54321 (no trailing slash, no /api/v1)
    app: FastAPI
    _server: uvicorn.Server = field(repr=False)
    _thread: threading.Thread = field(repr=False)

    def stop(self, timeout: float = 5.0) -> None:
        """Stops accepting, gives open streams a second, then joins the thread (and fails
        if it is still running)."""
        self._server.should_exit = True
        self._thread.join(timeout)
        if self._thread.is_alive():
            self._server.force_exit = True
            self._thread.join(timeout)
        if self._thread.is_alive():
            raise AssertionError(f"the live server's thread {self._thread.name} did not stop")


def start_live_server(db_url: str, *, keep_alive_s: float = 1, tls: ssl.SSLContext | None = None,
                      **app_kwargs: Any) -> LiveServer:
    """Starts `create_app(db_url, **app_kwargs)` under uvicorn; returns once it answers.
    The protocol is the platform's own (server/tls.py: the peer reaches the app);
    `tls`: serve HTTPS with this context (server/tls.py server_context)."""
    app = create_app(db_url, **app_kwargs)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(
        app, log_level="warning", lifespan="on", timeout_graceful_shutdown=1,
        timeout_keep_alive=keep_alive_s, http=PeerAwareH11Protocol,
    )  # fmt: skip
    config.load()
    if tls is not None:  # as `watchroom-server --tls-cert` does (server/tls_options.py serve)
        serve_tls(config, tls, app.state.refusals)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True,
                              name=f"live-server-{port}")  # fmt: skip
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            raise RuntimeError("live server did not start")
        time.sleep(0.01)
    return LiveServer(f"{'https' if tls else 'http'}://127.0.0.1:{port}", app, server, thread)
