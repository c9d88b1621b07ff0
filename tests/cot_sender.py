"""A Cursor-on-Target sender for the tests: CoT 2.0 XML events written the
way TAK devices write them (pytak's event builder), sent over plain TCP."""

from __future__ import annotations

import socket
import warnings
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # pytak warns about its optional aiohttp extra
    import pytak


def cot_time(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def event(uid: str, lat: float, lon: float, at: datetime, *, stale_s: float = 120,
          callsign: str = "", cot_type: str = "a-f-G-U-C", speed: float | None = None,
          course: float | None = None) -> bytes:
    """One position event, times set explicitly (pytak stamps the wall clock)."""
    root = pytak.cot_event(lat=lat, lon=lon, uid=uid, cot_type=cot_type, callsign=callsign or uid,
                           stale=stale_s, flow_tag=False)
    root.set("time", cot_time(at))
    root.set("start", cot_time(at))
    root.set("stale", cot_time(at + timedelta(seconds=stale_s)))
    detail = root.find("detail")
    if detail is None:
        detail = ET.SubElement(root, "detail")
    if detail.find("contact") is None:
        ET.SubElement(detail, "contact", callsign=callsign or uid)
    if speed is not None or course is not None:
        ET.SubElement(detail, "track", speed=str(speed or 0), course=str(course or 0))
    return ET.tostring(root)


class CotSender:
    """A TCP connection to a CoT listener."""

    def __init__(self, port: int, host: str = "127.0.0.1"):
        self.sock = socket.create_connection((host, port), timeout=5)

    def send(self, data: bytes) -> None:
        self.sock.sendall(data)

    def closed_by_peer(self, timeout: float = 5.0) -> bool:
        """True once the listener has closed this connection."""
        self.sock.settimeout(timeout)
        try:
            while True:
                chunk = self.sock.recv(4096)
                if not chunk:
                    return True
        except (ConnectionResetError, BrokenPipeError):
            return True
        except TimeoutError:
            return False

    def close(self) -> None:
        self.sock.close()
