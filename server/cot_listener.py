"""Cursor-on-Target 2.0 (XML events over TCP, as TAK devices and TAK servers
send them) into live positions. Each event is checked by defusedxml first (no
DTD, no entities, whatever it declares) and then read by takproto, the TAK
project's own codec, not by hand. A connection that sends garbage, an event
over the size limit, or XML with a DTD is cut with a log line; the listener
keeps serving the others. Fixes are coalesced to the latest per uid and
written in one transaction every FLUSH_S, never one write per event."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException
from takproto.functions import xml2message

from services.positions.contract import Fix, PositionProblem, check_fix

MAX_EVENT_BYTES = 16 * 1024  # a position event is a few hundred bytes; TAK's own limit is far lower than 1 MB
IDLE_S = 600.0  # a device silent this long is gone
FLUSH_S = 0.25
MAX_CONNECTIONS = 256
END = b"</event>"
log = logging.getLogger(__name__)

Write = Callable[[list[Fix]], Awaitable[None]]


class CotCut(Exception):
    """Why a connection is cut (logged, never sent back)."""


def _ms_time(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).isoformat()


def parse_event(data: bytes, now: datetime) -> Fix | None:
    """One event's bytes as a fix; None for an event that is not a position
    (pings, chat, tasking); CotCut for anything unsafe or unreadable."""
    try:
        root = SafeET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise CotCut(f"XML with {type(exc).__name__}") from None
    except Exception as exc:  # noqa: BLE001 - any parse failure is garbage
        raise CotCut(f"not XML ({type(exc).__name__})") from None
    if root.tag != "event":
        raise CotCut(f"not a CoT event (<{str(root.tag)[:20]}>)")
    try:
        event = xml2message(data).cotEvent
    except Exception as exc:  # noqa: BLE001 - takproto raises whatever its parsing meets
        raise CotCut(f"unreadable CoT event ({type(exc).__name__})") from None
    if not event.type.startswith("a-"):
        return None  # not an atom (a unit or thing with a position)
    if root.find("point") is None or not event.uid or not event.sendTime:
        raise CotCut("CoT event without uid, time or point")
    raw = {"time": _ms_time(event.sendTime), "lat": event.lat, "lon": event.lon,
           "stale": _ms_time(event.staleTime) if event.staleTime else None,
           "callsign": event.detail.contact.callsign, "cot_type": event.type}
    track = event.detail.track
    if root.find("detail/track") is not None:
        raw["speed"] = track.speed if track.speed >= 0 else None
        raw["course"] = track.course if 0 <= track.course <= 360 else None
    try:
        return check_fix(raw, now, source="cot", uid=event.uid)
    except PositionProblem as exc:
        log.info("CoT event from uid %.60r refused: %s", event.uid, exc)
        return None


class CotListener:
    """The TCP listener. `write` stores a batch of fixes (the platform's
    positions writer); `clock` is the platform's."""

    def __init__(self, write: Write, clock: Callable[[], datetime]):
        self._write = write
        self._clock = clock
        self._pending: dict[str, Fix] = {}
        self._flushed = asyncio.Event()
        self._server: asyncio.Server | None = None
        self._flusher: asyncio.Task | None = None
        self._connections: set[asyncio.Task] = set()
        self.cut = 0  # connections cut for bad input (seen in tests)
        self.accepted = 0  # position events taken

    async def start(self, host: str, port: int) -> int:
        self._server = await asyncio.start_server(self._serve, host, port, limit=MAX_EVENT_BYTES)
        self._flusher = asyncio.create_task(self._flush_forever())
        return self._server.sockets[0].getsockname()[1]

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
        for task in [*self._connections, *([self._flusher] if self._flusher else [])]:
            task.cancel()
            with contextlib.suppress(BaseException):
                await task
        with contextlib.suppress(Exception):
            await self._flush()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        peer = writer.get_extra_info("peername")
        task = asyncio.current_task()
        if len(self._connections) >= MAX_CONNECTIONS:
            log.warning("CoT connection from %s refused: %d connections open", peer, MAX_CONNECTIONS)
            writer.close()
            return
        if task is not None:
            self._connections.add(task)
        try:
            await self._read_events(reader)
        except CotCut as exc:
            self.cut += 1
            log.warning("CoT connection from %s cut: %s", peer, exc)
        except (TimeoutError, ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            if task is not None:
                self._connections.discard(task)
            writer.close()
            with contextlib.suppress(Exception):
                await writer.wait_closed()

    async def _read_events(self, reader: asyncio.StreamReader) -> None:
        buffer = b""
        while True:
            chunk = await asyncio.wait_for(reader.read(4096), IDLE_S)
            if not chunk:
                return
            buffer += chunk
            while True:
                start = buffer.lstrip()
                if start and not start.startswith(b"<"):
                    raise CotCut("garbage before an event")
                end = buffer.find(END)
                if end < 0:
                    if len(buffer) > MAX_EVENT_BYTES:
                        raise CotCut(f"event over {MAX_EVENT_BYTES} bytes")
                    break
                event, buffer = buffer[:end + len(END)].strip(), buffer[end + len(END):]
                if len(event) > MAX_EVENT_BYTES:
                    raise CotCut(f"event over {MAX_EVENT_BYTES} bytes")
                fix = parse_event(event, self._clock())
                if fix is not None:
                    self.accepted += 1
                    self._pending[fix.uid] = max(fix, self._pending.get(fix.uid, fix), key=lambda f: f.at)

    async def _flush_forever(self) -> None:
        while True:
            await asyncio.sleep(FLUSH_S)
            try:
                await self._flush()
            except Exception:  # noqa: BLE001 - a failed write must not stop the listener
                log.exception("storing CoT positions failed; the next events will be tried again")

    async def _flush(self) -> None:
        if not self._pending:
            return
        fixes, self._pending = list(self._pending.values()), {}
        await self._write(fixes)
