"""The fault proxy, proven against a real HTTP server on loopback."""

from __future__ import annotations

import gc
import logging
import random
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from tests.faultproxy import FaultProxy
from tests.helpers import wait_until

BLOB = random.Random(20261122).randbytes(200_000)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive unless the client says close

    def _reply(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # /blob or /blob?n=123 (first n bytes)
        n = int(self.path.partition("?n=")[2] or len(BLOB))
        self._reply(BLOB[:n])

    def do_POST(self) -> None:  # /echo sends the body back, /sink only its length
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self._reply(body if self.path == "/echo" else str(len(body)).encode())

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def upstream():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()
    thread.join(5)
    assert not thread.is_alive(), "the upstream server's thread did not stop"


@pytest.fixture
def proxy(upstream):
    with FaultProxy(upstream) as p:
        yield p


# -- raw-socket helpers --------------------------------------------------------


def _request(path: str = "/blob", *, close: bool = True) -> bytes:
    conn = "Connection: close\r\n" if close else ""
    return f"GET {path} HTTP/1.1\r\nHost: x\r\n{conn}\r\n".encode()


def _connect(port: int, timeout: float = 5.0) -> socket.socket:
    return socket.create_connection(("127.0.0.1", port), timeout=timeout)


def _read_all(sock: socket.socket) -> tuple[str, bytes]:
    """Read until the peer is done: ("eof" | "reset" | "timeout", bytes received)."""
    got = bytearray()
    try:
        while chunk := sock.recv(65536):
            got += chunk
    except ConnectionResetError:
        return "reset", bytes(got)
    except TimeoutError:
        return "timeout", bytes(got)
    return "eof", bytes(got)


def _body(response: bytes) -> bytes:
    head, sep, body = response.partition(b"\r\n\r\n")
    assert sep and head.startswith(b"HTTP/1.1 200"), response[:200]
    return body


def _read_response(sock: socket.socket) -> bytes:
    """Read exactly one Content-Length response off a keep-alive socket."""
    buf = bytearray()
    while b"\r\n\r\n" not in buf:
        chunk = sock.recv(65536)
        assert chunk, "connection closed inside the headers"
        buf += chunk
    head, _, body = bytes(buf).partition(b"\r\n\r\n")
    headers = dict(line.split(b": ", 1) for line in head.split(b"\r\n")[1:])
    length = int(headers[b"Content-Length"])
    body = bytearray(body)
    while len(body) < length:
        chunk = sock.recv(65536)
        assert chunk, "connection closed inside the body"
        body += chunk
    return bytes(body)


def _get(proxy: FaultProxy, path: str = "/blob", timeout: float = 5.0) -> httpx.Response:
    with httpx.Client(timeout=timeout) as client:
        return client.get(proxy.url() + path)


# -- tests ---------------------------------------------------------------------


def test_rejects_non_loopback_upstream():
    for host in ("10.0.0.1", "0.0.0.0", "192.168.1.5", "example.com", "::"):
        with pytest.raises(ValueError, match="loopback"):
            FaultProxy(80, host)
    assert FaultProxy(80, "localhost").upstream_host == "127.0.0.1"
    assert FaultProxy(80, "::1").upstream_host == "::1"


def test_passthrough_is_byte_exact_and_counted(proxy):
    assert proxy.url() == f"http://127.0.0.1:{proxy.port}"
    r = _get(proxy)
    assert r.status_code == 200 and r.content == BLOB

    upload = random.Random(7).randbytes(300_000)
    with httpx.Client(timeout=5) as client:
        echoed = client.post(proxy.url("http") + "/echo", content=upload)
    assert echoed.content == upload

    with _connect(proxy.port) as sock:
        sock.sendall(_request())
        outcome, data = _read_all(sock)
    assert outcome == "eof" and _body(data) == BLOB

    s = proxy.stats()
    assert s.accepted == 3 and s.killed == 0
    assert 300_000 < s.bytes_up < 302_000
    assert 2 * len(BLOB) + len(upload) < s.bytes_down < 2 * len(BLOB) + len(upload) + 2_000


def test_cut_drops_existing_and_refuses_new(proxy):
    with _connect(proxy.port) as idle, _connect(proxy.port) as busy:
        idle.sendall(_request("/blob?n=1000", close=False))
        assert _read_response(idle) == BLOB[:1000]  # a live keep-alive connection
        proxy.bandwidth(80_000)  # keep the other one busy mid-download
        busy.sendall(_request())
        assert busy.recv(1000)

        proxy.cut()
        for sock in (idle, busy):
            sock.settimeout(2)
            outcome, _ = _read_all(sock)
            assert outcome in ("reset", "eof"), outcome  # not "timeout": it was dropped

    with pytest.raises(httpx.TransportError):
        _get(proxy, timeout=2)
    try:  # the TCP handshake completes, then the proxy resets it at once
        with _connect(proxy.port, timeout=2) as sock:
            outcome, data = _read_all(sock)
            assert outcome in ("reset", "eof") and data == b""
    except ConnectionResetError:
        pass  # the RST can beat connect() returning
    assert proxy.killed >= 4

    proxy.restore()
    assert _get(proxy).content == BLOB


def test_stall_times_out_then_restore_finishes(proxy):
    proxy.stall()
    with pytest.raises(httpx.ReadTimeout):
        _get(proxy, timeout=0.3)

    with _connect(proxy.port) as sock:
        sock.sendall(_request())
        sock.settimeout(0.4)
        with pytest.raises(TimeoutError):
            sock.recv(65536)
        before = proxy.stats()
        proxy.restore()
        sock.settimeout(5)
        outcome, data = _read_all(sock)
    assert before.bytes_up == 0 and before.bytes_down == 0  # nothing went through
    assert before.active == 2 and before.killed == 0  # ...yet the connections stayed open
    assert outcome == "eof" and _body(data) == BLOB


def test_stall_freezes_a_transfer_in_flight(proxy):
    proxy.bandwidth(1_600_000)  # 200 kB/s: the 200 kB body takes ~1 s
    with _connect(proxy.port) as sock:
        sock.sendall(_request())
        got = bytearray()
        while len(got) < 20_000:
            got += sock.recv(65536)
        proxy.stall()
        frozen = proxy.bytes_down
        sock.settimeout(0.3)
        outcome, rest = _read_all(sock)  # drain what was already in flight
        assert outcome == "timeout"
        assert proxy.bytes_down == frozen  # no byte forwarded while stalled
        assert len(got) + len(rest) < len(BLOB)
        proxy.restore()
        sock.settimeout(5)
        outcome, tail = _read_all(sock)
    assert outcome == "eof" and _body(bytes(got) + rest + tail) == BLOB


def test_latency_adds_the_delay_each_way(proxy):
    with _connect(proxy.port) as sock:  # opened before the fault: existing connections too
        t0 = time.perf_counter()
        sock.sendall(_request("/blob?n=100", close=False))
        assert _read_response(sock) == BLOB[:100]
        baseline = time.perf_counter() - t0

        proxy.latency(150)
        t0 = time.perf_counter()
        sock.sendall(_request("/blob?n=100", close=False))
        assert _read_response(sock) == BLOB[:100]
        delayed = time.perf_counter() - t0
    assert baseline < 0.2
    assert 0.3 <= delayed < 0.3 + 1.0  # RTT grows by 2 x 150 ms

    proxy.latency(50)  # a big body under latency still arrives in order, byte-exact
    assert _get(proxy).content == BLOB


def test_bandwidth_caps_each_direction(proxy):
    proxy.bandwidth(400_000)  # 50 kB/s
    t0 = time.perf_counter()
    r = _get(proxy, "/blob?n=50000")
    down = time.perf_counter() - t0
    assert r.content == BLOB[:50_000]
    assert 0.7 <= down <= 3.0, down

    t0 = time.perf_counter()
    with httpx.Client(timeout=5) as client:
        r = client.post(proxy.url() + "/sink", content=BLOB[:50_000])
    up = time.perf_counter() - t0
    assert r.content == b"50000"
    assert 0.7 <= up <= 3.0, up


def test_latency_and_bandwidth_combine(proxy):
    proxy.latency(100)
    proxy.bandwidth(400_000)
    t0 = time.perf_counter()
    r = _get(proxy, "/blob?n=50000")
    elapsed = time.perf_counter() - t0
    assert r.content == BLOB[:50_000]
    # ~1 s at 50 kB/s plus 2 x 100 ms; the bandwidth-only bound alone is 0.7 s.
    assert 1.0 <= elapsed <= 3.5, elapsed


def test_reset_after_cuts_the_response_with_rst(proxy):
    proxy.reset_after(10_000)
    with _connect(proxy.port) as sock:
        sock.sendall(_request())
        outcome, data = _read_all(sock)
    assert outcome == "reset"
    assert len(data) == 10_000  # everything up to the cut arrived, then the RST
    body = _body(data)
    assert body == BLOB[: len(body)] and len(body) < len(BLOB)
    assert proxy.killed == 1

    assert _get(proxy).content == BLOB  # one-shot: the next response is whole

    proxy.reset_after(50_000)
    with pytest.raises((httpx.ReadError, httpx.RemoteProtocolError)):
        _get(proxy)


def test_drop_after_gives_a_short_read(proxy):
    proxy.drop_after(10_000)
    with _connect(proxy.port) as sock:
        sock.sendall(_request())
        outcome, data = _read_all(sock)
    assert outcome == "eof"  # a clean FIN, not a reset
    assert len(data) == 10_000
    body = _body(data)
    assert body == BLOB[: len(body)]
    assert proxy.killed == 1

    assert _get(proxy).content == BLOB  # one-shot

    proxy.drop_after(50_000)
    with pytest.raises(httpx.RemoteProtocolError):  # "peer closed ... incomplete"
        _get(proxy)


def test_restore_ends_every_fault(proxy):
    proxy.latency(2000)
    proxy.bandwidth(8_000)
    proxy.reset_after(0)
    proxy.stall()
    proxy.restore()
    t0 = time.perf_counter()
    assert _get(proxy).content == BLOB
    assert time.perf_counter() - t0 < 1.0


def test_stop_is_clean(upstream, caplog):
    caplog.set_level(logging.DEBUG, logger="asyncio")
    proxy = FaultProxy(upstream).start()
    port = proxy.port
    sock = _connect(port)
    try:
        proxy.stall()
        sock.sendall(_request())  # a connection with queued, unforwarded data
        wait_until(lambda: proxy.stats().active >= 1, 2, what="the proxy to hold the connection", qt=False)
        assert proxy.stats().active == 1
        proxy.stop()
        assert not proxy.running
        sock.settimeout(2)
        assert _read_all(sock)[0] in ("reset", "eof")
    finally:
        sock.close()
        proxy.stop()
    with pytest.raises(ConnectionRefusedError):
        _connect(port, timeout=1).close()
    gc.collect()
    noisy = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert not noisy, [r.getMessage() for r in noisy]
    assert not [t for t in threading.enumerate() if t.name.startswith("FaultProxy")]
