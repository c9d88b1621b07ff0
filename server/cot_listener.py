"""Cursor-on-Target 2.0 (XML events over TCP, as TAK devices and TAK servers
send them) into live positions. Each event is checked by defusedxml first (no
DTD, no entities, whatever it declares) and then read by takproto, the TAK
project's own codec, not by hand. A connection that sends garbage, an event
over the size limit, or XML with a DTD is cut with a log line; the listener
keeps serving the others. Fixes are coalesced to the latest per sender and
uid and written in one transaction every FLUSH_S, never one write per event.

Plain TCP has no authentication, so it binds loopback unless the operator says
`insecure` (CotBindRefused otherwise). Over TLS (`tls`: the platform's own
context, a client certificate required) every failed handshake reaches
`on_refused` as the HTTPS ones do (server/tls_audit.py), and `identify` says
who a verified certificate is (server/cot_identity.py): the actor of its
fixes; a certificate that is no one's is cut and recorded too, and an open
connection whose workstation or account is deactivated is cut within
RECHECK_S (a revocation, as over HTTPS, takes effect at the next connection)."""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import ssl
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import UTC, datetime

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException
from takproto.functions import xml2message

from server.actor import Actor
from server.tls import subject_of
from server.tls_audit import AuditedSSLProtocol, OnRefused
from services.positions.contract import Fix, PositionProblem, check_fix

MAX_EVENT_BYTES = 16 * 1024  # a position event is a few hundred bytes; TAK's own limit is far lower than 1 MB
IDLE_S = 600.0  # a device silent this long is gone
FLUSH_S = 0.25
MAX_CONNECTIONS = 256
CLOSE_S = 2.0
RECHECK_S = 30.0  # a TLS sender's workstation or account deactivated meanwhile is cut within this
END = b"</event>"
log = logging.getLogger(__name__)

COT_ACTOR = Actor(account="", role="cot", workstation="cot-listener")  # plain TCP: no one in particular
Write = Callable[[list[Fix], Actor], Awaitable[object]]
Identify = Callable[[str], Actor | None]  # a verified certificate's subject -> who it is (blocking: a lookup)


class CotCut(Exception):
    """Why a connection is cut (logged, never sent back)."""


class CotBindRefused(ValueError):
    """A plain (unauthenticated) listener asked for a non-loopback address without `insecure`."""


def is_loopback(host: str) -> bool:
    """A literal loopback address or "localhost"; any name or other address may be reachable from outside."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_bind(host: str, tls: bool, insecure: bool) -> None:
    """CotBindRefused for plain CoT on an address other hosts reach, unless `insecure`."""
    if not tls and not insecure and not is_loopback(host):
        raise CotBindRefused(
            f"refusing plain CoT on {host}: anyone who reaches it could place units on the map. "
            "Use --cot-tls (client certificates from --client-ca), bind 127.0.0.1, or say --cot-insecure")


def as_sender(fix: Fix, actor: Actor) -> Fix:
    """A field unit's certificate speaks for its unit only: the fix is that unit's,
    whatever uid the device sent (as POST /positions takes the unit from the token)."""
    if actor.role == "field_unit" and actor.unit_id:
        return replace(fix, source="unit", uid=actor.unit_id, resource_id=actor.unit_id)
    return fix


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
    """The TCP listener. `write` stores a batch of fixes with their actor (the
    platform's positions writer); `clock` is the platform's; `tls`, `identify` and
    `on_refused`: the TLS listener (module docstring)."""

    def __init__(self, write: Write, clock: Callable[[], datetime], *, tls: ssl.SSLContext | None = None,
                 identify: Identify | None = None, on_refused: OnRefused | None = None,
                 recheck_s: float = RECHECK_S):  # fmt: skip
        if tls is not None and (identify is None or tls.verify_mode != ssl.CERT_REQUIRED):
            raise ValueError("CoT over TLS needs client certificates required and a way to identify them")
        self._write = write
        self._clock = clock
        self._tls, self._identify, self.recheck_s = tls, identify, recheck_s
        self._on_refused = on_refused or (lambda address, reason: None)
        self._pending: dict[tuple[Actor, str], Fix] = {}
        self._flushed = asyncio.Event()
        self._server: asyncio.Server | None = None
        self._flusher: asyncio.Task | None = None
        self._connections: set[asyncio.Task] = set()
        self.cut = 0  # connections cut for bad input (seen in tests)
        self.accepted = 0  # position events taken

    async def start(self, host: str, port: int, *, insecure: bool = False) -> int:
        check_bind(host, self._tls is not None, insecure)
        if self._tls is None:
            self._server = await asyncio.start_server(self._serve, host, port, limit=MAX_EVENT_BYTES)
        else:
            loop, context = asyncio.get_running_loop(), self._tls

            def protocol() -> AuditedSSLProtocol:  # asyncio's TLS, a failed handshake reported (tls_audit)
                reader = asyncio.StreamReader(limit=MAX_EVENT_BYTES, loop=loop)
                return AuditedSSLProtocol(loop, asyncio.StreamReaderProtocol(reader, self._serve, loop=loop),
                                          context, self._on_refused)

            self._server = await loop.create_server(protocol, host, port)
        self._flusher = asyncio.create_task(self._flush_forever())
        return self._server.sockets[0].getsockname()[1]

    async def _who(self, subject: str) -> Actor | None:
        """The certificate's owner now (a lookup off the event loop); None for no one,
        or when it cannot be looked up (the database away: the device reconnects)."""
        if not subject or self._identify is None:
            return None
        try:
            return await asyncio.get_running_loop().run_in_executor(None, self._identify, subject)
        except Exception:  # noqa: BLE001 - whatever the lookup meets, the sender is not taken
            log.warning("CoT sender %s could not be identified", subject, exc_info=True)
            return None

    async def _sender(self, writer: asyncio.StreamWriter, address: str) -> tuple[Actor | None, str]:
        """Who the connection is and its certificate's subject: COT_ACTOR over plain
        TCP; over TLS, the certificate's owner, or None (recorded) for no one."""
        if self._tls is None:
            return COT_ACTOR, ""
        ssl_object = writer.get_extra_info("ssl_object")
        subject = subject_of(ssl_object.getpeercert(binary_form=True) if ssl_object is not None else None)
        actor = await self._who(subject)
        if actor is None:
            reason = f"CoT: the certificate {subject or '(none)'} is not a registered workstation's or field unit's"
            log.warning("CoT connection from %s refused: %s", address, reason)
            await asyncio.get_running_loop().run_in_executor(None, self._on_refused, address, reason)
        return actor, subject

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
            actor, subject = await self._sender(writer, str(peer[0]) if isinstance(peer, tuple) and peer else "")
            if actor is None:
                self.cut += 1
                return
            await self._read_events(reader, actor, subject)
        except CotCut as exc:
            self.cut += 1
            log.warning("CoT connection from %s cut: %s", peer, exc)
        except (TimeoutError, ConnectionError, asyncio.IncompleteReadError, ssl.SSLError):
            pass
        finally:
            if task is not None:
                self._connections.discard(task)
            writer.close()
            try:  # a TLS peer that never reads would hold the close_notify exchange for half a minute
                await asyncio.wait_for(writer.wait_closed(), CLOSE_S)
            except Exception:  # noqa: BLE001 - timed out or broken: drop it
                writer.transport.abort()

    async def _read_events(self, reader: asyncio.StreamReader, actor: Actor, subject: str) -> None:
        buffer = b""
        loop = asyncio.get_running_loop()
        checked = loop.time()
        while True:
            chunk = await asyncio.wait_for(reader.read(4096), IDLE_S)
            if not chunk:
                return
            if subject and loop.time() - checked >= self.recheck_s:  # deactivated since it connected?
                checked = loop.time()
                if await self._who(subject) != actor:
                    raise CotCut(f"the certificate {subject} no longer names {actor.account or actor.workstation}")
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
                    fix = as_sender(fix, actor)
                    key = (actor, fix.uid)
                    self._pending[key] = max(fix, self._pending.get(key, fix), key=lambda f: f.at)

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
        pending, self._pending = self._pending, {}
        by_actor: dict[Actor, list[Fix]] = {}
        for (actor, _uid), fix in pending.items():
            by_actor.setdefault(actor, []).append(fix)
        for actor, fixes in by_actor.items():  # each sender's fixes stamped with who sent them
            await self._write(fixes, actor)
