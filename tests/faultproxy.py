"""A fault-injecting TCP proxy for tests (loopback only).

``tc netem`` is not available here, so network faults between the client and the
platform server come from this proxy instead::

    with FaultProxy(upstream_port) as proxy:
        client = httpx.Client(base_url=proxy.url())
        proxy.latency(100)           # +100 ms one way, RTT +200 ms
        proxy.bandwidth(64_000)      # 64 kbit/s per direction
        proxy.stall()                # nothing moves, connections stay open
        proxy.reset_after(10_000)    # next response: RST after 10 000 bytes
        proxy.drop_after(10_000)     # next response: FIN after 10 000 bytes
        proxy.cut()                  # RST every connection, refuse new ones
        proxy.restore()              # end every fault

The proxy runs its own asyncio loop in a daemon thread, so plain synchronous
tests and Qt tests (qasync) can both drive it.  Every fault setter may be called
from any thread at any time; it has taken effect, on existing and new
connections alike, by the time it returns.

Model
-----
Each accepted connection gets an upstream connection and two directions,
``up`` (client -> upstream) and ``down`` (upstream -> client).  Each direction is
a reader task that stamps every chunk with its arrival time and puts it in a
bounded queue, and a sender task that forwards it once the faults allow:

* latency: the chunk (or the FIN) is sent at ``arrival + latency``; order is
  preserved and reading continues while chunks wait, so throughput is kept.
* bandwidth: one token bucket per direction, shared by all connections (it
  models the link), with a burst of ~20 ms worth of bytes.
* stall: senders hold everything, FINs included; readers fill the bounded
  queues and then stop reading, so TCP backpressure reaches both peers.
* reset_after / drop_after: one-shot; the first connection that forwards
  downstream bytes after arming claims it.  Once ``n`` bytes have gone to the
  client (and, for a reset, have left the kernel's send queue, waited for at
  most 1 s) the client side is aborted with SO_LINGER 0 (RST) or shut down
  with a FIN; the upstream side is closed.

Resources are bounded: at most ``max_connections`` at once (further ones are
closed at once and counted as killed) and ``queue_chunks * chunk_size`` bytes
queued per direction per connection.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import fcntl
import ipaddress
import socket
import struct
import termios
import threading
import time
from dataclasses import dataclass
from typing import Any

__all__ = ["FaultProxy", "ProxyStats"]

_LOOPBACK_NAMES = {"localhost": "127.0.0.1"}
_MAX_FLUSH_WAIT = 1.0  # seconds to let the kernel deliver bytes before an RST


def _loopback_host(host: str) -> str:
    host = _LOOPBACK_NAMES.get(host.lower(), host)
    try:
        addr = ipaddress.ip_address(host)
    except ValueError:
        raise ValueError(f"FaultProxy only forwards to loopback, got {host!r}") from None
    if not addr.is_loopback:
        raise ValueError(f"FaultProxy only forwards to loopback, got {host!r}")
    return str(addr)


@dataclass(frozen=True)
class ProxyStats:
    bytes_up: int  # client -> upstream, bytes forwarded
    bytes_down: int  # upstream -> client, bytes forwarded
    accepted: int  # connections accepted on the listening socket
    killed: int  # connections the proxy closed because of a fault (or the limit)
    active: int  # connections open now


@dataclass
class _Trip:
    remaining: int
    rst: bool
    conn: _Conn | None = None


class _Bucket:
    def __init__(self) -> None:
        self.tokens = 0.0
        self.last = 0.0

    @staticmethod
    def burst(rate: float) -> float:
        return max(256.0, rate * 0.02)

    def reset(self, rate: float, now: float) -> None:
        self.tokens = self.burst(rate)
        self.last = now

    def refill(self, rate: float, now: float) -> None:
        self.tokens = min(self.burst(rate), self.tokens + (now - self.last) * rate)
        self.last = now


class _Conn:
    def __init__(
        self, proxy: FaultProxy, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        self.proxy = proxy
        self.c_reader = reader
        self.c_writer = writer
        self.u_writer: asyncio.StreamWriter | None = None
        self.tasks: list[asyncio.Task[None]] = []
        self.closed = False

    # -- teardown -------------------------------------------------------------
    def kill(self, *, rst: bool, fault: bool = True) -> None:
        """Close both sides now; ``rst`` resets the client, otherwise a FIN."""
        if self.closed:
            return
        self.closed = True
        if fault:
            self.proxy._bump(killed=1)
        if rst:
            _abort_with_rst(self.c_writer)
        else:
            with contextlib.suppress(OSError, RuntimeError):
                if self.c_writer.can_write_eof():
                    self.c_writer.write_eof()
            self.c_writer.close()
        if self.u_writer is not None:
            self.u_writer.transport.abort()
        current = asyncio.current_task()
        for task in self.tasks:
            if task is not current:
                task.cancel()

    # -- main -----------------------------------------------------------------
    async def run(self) -> None:
        proxy = self.proxy
        try:
            u_reader, u_writer = await asyncio.open_connection(
                proxy.upstream_host, proxy.upstream_port
            )
        except OSError:
            self.kill(rst=True, fault=False)
            return
        if self.closed:  # cut while connecting
            u_writer.transport.abort()
            return
        self.u_writer = u_writer
        up: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue(proxy.queue_chunks)
        down: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue(proxy.queue_chunks)
        self.tasks = [
            asyncio.create_task(self._read(self.c_reader, up)),
            asyncio.create_task(self._send(up, u_writer, "up")),
            asyncio.create_task(self._read(u_reader, down)),
            asyncio.create_task(self._send(down, self.c_writer, "down")),
        ]
        done, pending = await asyncio.wait(self.tasks, return_when=asyncio.FIRST_EXCEPTION)
        failed = any(not t.cancelled() and t.exception() is not None for t in done)
        if failed or pending:
            # A peer reset or broke a pipe: pass the abort on to the other peer.
            self.closed = True
            self.c_writer.transport.abort()
            u_writer.transport.abort()
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
        elif not self.closed:
            self.closed = True
            self.c_writer.close()
            u_writer.close()

    async def _read(self, reader: asyncio.StreamReader, queue: asyncio.Queue) -> None:
        loop = asyncio.get_running_loop()
        while True:
            data = await reader.read(self.proxy.chunk_size)
            await queue.put((loop.time(), data))
            if not data:  # EOF travels through the queue like data (latency, stall)
                return

    async def _send(self, queue: asyncio.Queue, writer: asyncio.StreamWriter, way: str) -> None:
        proxy = self.proxy
        while True:
            arrived, data = await queue.get()
            await proxy._wait_latency(arrived)
            if not data:
                await proxy._wait_unstalled()
                if writer.can_write_eof():
                    writer.write_eof()
                return
            while data:
                n = await proxy._gate(way, len(data))
                piece, data = data[:n], data[n:]
                trip = proxy._claim_trip(self) if way == "down" else None
                fire = trip is not None and len(piece) >= trip.remaining
                if trip is not None:
                    if fire:
                        piece = piece[: trip.remaining]
                    trip.remaining -= len(piece)
                if piece:
                    writer.write(piece)
                    proxy._bump(**{f"bytes_{way}": len(piece)})
                if fire:
                    assert trip is not None
                    proxy._trip = None
                    await self._flush(writer, rst=trip.rst)
                    self.kill(rst=trip.rst)
                    return
                await writer.drain()

    async def _flush(self, writer: asyncio.StreamWriter, *, rst: bool) -> None:
        """Get every written byte to the kernel (and, before an RST, to the peer)."""
        writer.transport.set_write_buffer_limits(high=0)
        await writer.drain()
        if not rst:
            return
        sock = writer.get_extra_info("socket")
        deadline = time.monotonic() + _MAX_FLUSH_WAIT
        while time.monotonic() < deadline:
            try:
                buf = fcntl.ioctl(sock.fileno(), termios.TIOCOUTQ, struct.pack("i", 0))
            except OSError:
                return
            if struct.unpack("i", buf)[0] == 0:
                return
            await asyncio.sleep(0.002)  # bounded: unacked bytes on loopback clear in µs


def _abort_with_rst(writer: asyncio.StreamWriter) -> None:
    sock = writer.get_extra_info("socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()


class FaultProxy:
    """Forward 127.0.0.1:<port> to a loopback upstream, with switchable faults."""

    def __init__(
        self,
        upstream_port: int,
        upstream_host: str = "127.0.0.1",
        *,
        listen_port: int = 0,
        chunk_size: int = 64 * 1024,
        queue_chunks: int = 16,
        max_connections: int = 256,
    ) -> None:
        self.upstream_host = _loopback_host(upstream_host)
        self.upstream_port = int(upstream_port)
        self.chunk_size = chunk_size
        self.queue_chunks = queue_chunks
        self.max_connections = max_connections
        self._listen_port = listen_port
        self._port: int | None = None

        self._lock = threading.Lock()  # guards the counters and the loop handle
        self._counts = dict(bytes_up=0, bytes_down=0, accepted=0, killed=0)

        # Fault state: only touched in the loop thread (or before start()).
        self._cut = False
        self._stalled = False
        self._latency_s = 0.0
        self._rate: float | None = None  # bytes per second
        self._buckets = {"up": _Bucket(), "down": _Bucket()}
        self._trip: _Trip | None = None
        self._changed: asyncio.Event | None = None

        self._conns: set[_Conn] = set()
        self._tasks: set[asyncio.Task[Any]] = set()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._stop_event: asyncio.Event | None = None

    # -- lifecycle ------------------------------------------------------------
    def start(self) -> FaultProxy:
        if self._thread is not None:
            raise RuntimeError("FaultProxy already started")
        ready: concurrent.futures.Future[None] = concurrent.futures.Future()
        self._thread = threading.Thread(
            target=self._thread_main,
            args=(ready,),
            name=f"FaultProxy->{self.upstream_port}",
            daemon=True,
        )
        self._thread.start()
        try:
            ready.result(timeout=10)
        except BaseException:
            self._thread.join(timeout=5)
            self._thread = None
            raise
        return self

    def stop(self) -> None:
        thread = self._thread
        if thread is None:
            return
        with self._lock:
            loop, stop_event = self._loop, self._stop_event
        if loop is not None and stop_event is not None:
            with contextlib.suppress(RuntimeError):  # loop already closed
                loop.call_soon_threadsafe(stop_event.set)
        thread.join(timeout=10)
        if thread.is_alive():
            raise RuntimeError("FaultProxy thread did not stop")
        self._thread = None

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("FaultProxy not started")
        return self._port

    def url(self, scheme: str = "http") -> str:
        return f"{scheme}://127.0.0.1:{self.port}"

    # -- faults (any thread) ----------------------------------------------------
    def cut(self) -> None:
        """Reset every open connection and refuse (close at once) new ones."""
        self._call(self._do_cut)

    def stall(self) -> None:
        """Accept, but forward nothing either way (FINs included) until restore()."""
        self._call(self._set, "_stalled", True)

    def latency(self, ms: float) -> None:
        """Delay every chunk by ``ms`` one way (each direction); 0 switches it off."""
        if ms < 0:
            raise ValueError("latency must be >= 0")
        self._call(self._set, "_latency_s", ms / 1000.0)

    def bandwidth(self, bits_per_second: float | None) -> None:
        """Cap each direction to ``bits_per_second``; None or 0 switches it off."""
        if bits_per_second is not None and bits_per_second < 0:
            raise ValueError("bandwidth must be >= 0")
        self._call(self._set_rate, bits_per_second / 8.0 if bits_per_second else None)

    def reset_after(self, n_bytes: int) -> None:
        """Next response: RST the client after ``n_bytes`` forwarded downstream."""
        self._call(self._set, "_trip", _Trip(int(n_bytes), rst=True))

    def drop_after(self, n_bytes: int) -> None:
        """Next response: FIN the client after ``n_bytes`` forwarded downstream."""
        self._call(self._set, "_trip", _Trip(int(n_bytes), rst=False))

    def restore(self) -> None:
        """End every fault (cut, stall, latency, bandwidth, armed reset/drop)."""
        self._call(self._do_restore)

    # -- counters (any thread) --------------------------------------------------
    def stats(self) -> ProxyStats:
        with self._lock:
            return ProxyStats(**self._counts, active=len(self._conns))

    @property
    def bytes_up(self) -> int:
        return self.stats().bytes_up

    @property
    def bytes_down(self) -> int:
        return self.stats().bytes_down

    @property
    def accepted(self) -> int:
        return self.stats().accepted

    @property
    def killed(self) -> int:
        return self.stats().killed

    # -- loop-thread internals --------------------------------------------------
    def _call(self, fn, *args):
        with self._lock:
            loop = self._loop
        if loop is None or threading.current_thread() is self._thread:
            return fn(*args)
        fut: concurrent.futures.Future[Any] = concurrent.futures.Future()

        def run() -> None:
            try:
                fut.set_result(fn(*args))
            except BaseException as exc:  # handed to the calling thread
                fut.set_exception(exc)

        loop.call_soon_threadsafe(run)
        return fut.result(timeout=10)

    def _notify(self) -> None:
        if self._changed is not None:
            self._changed.set()
            self._changed = asyncio.Event()

    def _set(self, name: str, value: object) -> None:
        setattr(self, name, value)
        self._notify()

    def _set_rate(self, rate: float | None) -> None:
        self._rate = rate
        if rate:
            now = time.monotonic()
            for bucket in self._buckets.values():
                bucket.reset(rate, now)
        self._notify()

    def _do_cut(self) -> None:
        self._cut = True
        for conn in list(self._conns):
            conn.kill(rst=True)
        self._notify()

    def _do_restore(self) -> None:
        self._cut = False
        self._stalled = False
        self._latency_s = 0.0
        self._rate = None
        self._trip = None
        self._notify()

    def _bump(self, **counts: int) -> None:
        with self._lock:
            for key, n in counts.items():
                self._counts[key] += n

    def _claim_trip(self, conn: _Conn) -> _Trip | None:
        trip = self._trip
        if trip is None or (trip.conn is not None and trip.conn is not conn):
            return None
        trip.conn = conn
        return trip

    async def _sleep_or_change(self, seconds: float) -> None:
        assert self._changed is not None
        event = self._changed
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(seconds):
                await event.wait()

    async def _wait_unstalled(self) -> None:
        while self._stalled:
            assert self._changed is not None
            await self._changed.wait()

    async def _wait_latency(self, arrived: float) -> None:
        loop = asyncio.get_running_loop()
        while True:
            left = arrived + self._latency_s - loop.time()
            if left <= 0:
                return
            await self._sleep_or_change(left)

    async def _gate(self, way: str, want: int) -> int:
        """Wait until ``way`` may send; return how many of ``want`` bytes it may send."""
        while True:
            await self._wait_unstalled()
            rate = self._rate
            if not rate:
                return want
            bucket = self._buckets[way]
            bucket.refill(rate, time.monotonic())
            size = int(min(want, bucket.burst(rate)))
            if bucket.tokens >= size:
                bucket.tokens -= size
                return size
            await self._sleep_or_change((size - bucket.tokens) / rate)

    def _thread_main(self, ready: concurrent.futures.Future[None]) -> None:
        try:
            asyncio.run(self._main(ready))
        except BaseException as exc:
            if not ready.done():
                ready.set_exception(exc)
            else:
                raise
        finally:
            with self._lock:
                self._loop = None
                self._stop_event = None

    async def _main(self, ready: concurrent.futures.Future[None]) -> None:
        self._changed = asyncio.Event()
        stop_event = asyncio.Event()
        server = await asyncio.start_server(self._on_client, "127.0.0.1", self._listen_port)
        self._port = server.sockets[0].getsockname()[1]
        with self._lock:
            self._loop = asyncio.get_running_loop()
            self._stop_event = stop_event
        ready.set_result(None)
        try:
            await stop_event.wait()
        finally:
            with self._lock:
                self._loop = None
            server.close()
            for conn in list(self._conns):
                conn.kill(rst=True, fault=False)
            await server.wait_closed()
            await asyncio.gather(*self._tasks, return_exceptions=True)
            self._changed = None

    async def _on_client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._bump(accepted=1)
        conn = _Conn(self, reader, writer)
        if self._cut or len(self._conns) >= self.max_connections:
            conn.kill(rst=True)
            return
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        with self._lock:
            self._conns.add(conn)
        try:
            await conn.run()
        finally:
            with self._lock:
                self._conns.discard(conn)
            self._tasks.discard(task)
            if self._trip is not None and self._trip.conn is conn:
                self._trip.conn = None  # the response ended short of n: next one
