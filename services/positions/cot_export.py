"""The room's picture as Cursor-on-Target for a TAK server: open incidents and
resources as CoT 2.0 events (pytak builds them; names are XML-escaped text),
written to a file or sent over TCP. Read-only to them: the connection is only
written to, nothing a TAK server sends back is read or applied, and the uids
say they are the watch room's (a TAK server echoing them back to our CoT
listener would only ever make `cot` positions, never change an incident)."""

from __future__ import annotations

import socket
import ssl
import warnings
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from offline_cache.file_modes import open_private

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # pytak warns about its optional aiohttp extra, unused here
    import pytak

EXPORT_STALE = timedelta(minutes=10)  # a TAK client greys the room's markers if the export stops
UID_PREFIX = "watchroom."
# CoT types (MIL-STD-2525 as CoT writes it): a spot marker for an incident, a
# friendly ground unit for a team, a friendly installation for other resources,
# a neutral installation for hazards and protected targets.
INCIDENT_TYPE = "b-m-p-s-m"
RESOURCE_TYPES = {"team": "a-f-G-U-C", "hazard": "a-n-G-I", "protected_target": "a-n-G-I"}
OTHER_RESOURCE_TYPE = "a-f-G-I"


@dataclass(frozen=True)
class CotItem:
    uid: str
    lat: float
    lon: float
    cot_type: str
    callsign: str
    remarks: str = ""
    live: bool = False  # a reported position (how="m-g"), not a place typed in (how="h-e")


def incident_item(incident_id: str, code: str, title: str, severity: str, lat: float, lon: float) -> CotItem:
    return CotItem(f"{UID_PREFIX}incident.{incident_id}", lat, lon, INCIDENT_TYPE, f"{code} {title}"[:120],
                   f"{code} {severity}".strip())


def resource_item(resource_id: str, kind: str, name: str, lat: float, lon: float, *, live: bool = False) -> CotItem:
    return CotItem(f"{UID_PREFIX}resource.{resource_id}", lat, lon, RESOURCE_TYPES.get(kind, OTHER_RESOURCE_TYPE),
                   name[:120], kind, live)


def _time(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def event_xml(item: CotItem, now: datetime) -> bytes:
    root = pytak.cot_event(lat=item.lat, lon=item.lon, uid=item.uid, cot_type=item.cot_type,
                           how="m-g" if item.live else "h-e", callsign=item.callsign, flow_tag=False)
    for name, value in (("time", now), ("start", now), ("stale", now + EXPORT_STALE)):
        root.set(name, _time(value))
    detail = root.find("detail")
    if detail is None:
        detail = ET.SubElement(root, "detail")
    if detail.find("contact") is None:
        ET.SubElement(detail, "contact", callsign=item.callsign)
    if item.remarks:
        ET.SubElement(detail, "remarks").text = item.remarks
    return ET.tostring(root, encoding="utf-8", xml_declaration=False)


def events(items: Iterable[CotItem], now: datetime) -> bytes:
    """The items as a stream of events, one per line."""
    return b"\n".join(event_xml(item, now) for item in items) + b"\n"


@dataclass(frozen=True)
class RoomPicture:
    """What an export holds: the CoT items and how many are incidents and resources."""

    items: list[CotItem]
    incidents: int
    resources: int


def room_picture(located_open: Iterable[tuple], points: Iterable, live: dict) -> RoomPicture:
    """Open incidents with a place (IncidentService.located_open rows) and
    resources (ResourceStore.points) where they are: at their live position when
    `live` ({resource id: (lat, lon, at)}) has one, else at their base."""
    items = [incident_item(*row) for row in located_open]
    incidents = len(items)
    for point in points:
        lat, lon, _at = live.get(point.id, (point.lat, point.lon, ""))
        items.append(resource_item(point.id, point.kind, point.name, lat, lon, live=point.id in live))
    return RoomPicture(items, incidents, len(items) - incidents)


def write_file(path: Path, picture: RoomPicture, now: datetime) -> None:
    """The events into `path`, readable by its owner only, never half-written under that name."""
    part = path.with_name(path.name + ".part")
    with open_private(part, "wb") as out:
        out.write(events(picture.items, now))
    part.replace(path)


def send(host: str, port: int, data: bytes, timeout_s: float = 10.0, *, tls: ssl.SSLContext | None = None) -> int:
    """Sends the events to a TAK server's CoT input; returns the bytes sent.
    Write only: plain, the socket is shut for reading before anything is sent;
    over TLS (`tls`: the workstation's client context, its certificate and the
    centre's CA, services/sync/tls.py) the handshake must read, so nothing the
    server sends after it is ever read instead."""
    with socket.create_connection((host, port), timeout=timeout_s) as sock:
        if tls is None:
            sock.shutdown(socket.SHUT_RD)
            sock.sendall(data)
            return len(data)
        with tls.wrap_socket(sock, server_hostname=host) as secure:
            secure.sendall(data)
    return len(data)
