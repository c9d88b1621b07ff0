"""CoT out: the room's open incidents and resources as CoT 2.0 events a TAK
server takes (read back here with takproto and the platform's own CoT reader),
names kept as text, teams at their live position; `watchroom cot-export` to a
file and to a TAK server's TCP input (a listener written for the test)."""

from __future__ import annotations

import socket
import threading
from datetime import UTC, datetime, timedelta

import defusedxml.ElementTree as SafeET
from takproto.functions import xml2message

from app.cli import main as cli_main
from services.positions import cot_export
from services.positions.store import PositionStore
from services.resources.store import ResourceStore
from tests.helpers import draft, headless_config


def team(rid, name, lat, lon, kind="team"):
    return {"id": rid, "kind": kind, "name": name, "lat": lat, "lon": lon, "division": "", "address": "",
            "contact": "", "phone": "", "available": True, "details": {}}


def split(data: bytes) -> list[bytes]:
    return [line for line in data.split(b"\n") if line.strip()]


def test_items_become_cot_events_with_names_as_text(clock):
    hostile = '渝中一队 <script>alert("x")</script> & "co"'
    data = cot_export.events([
        cot_export.incident_item("i1", "CQ-2026-0001", "解放碑火灾", "III", 29.55, 106.57),
        cot_export.resource_item("r1", "team", hostile, 29.56, 106.58, live=True),
        cot_export.resource_item("r2", "shelter", "人民广场避难场所", 29.57, 106.59),
    ], clock.now())
    events = split(data)
    assert len(events) == 3
    parsed = [xml2message(e).cotEvent for e in events]
    assert [e.type for e in parsed] == ["b-m-p-s-m", "a-f-G-U-C", "a-f-G-I"]
    assert [e.uid for e in parsed] == ["watchroom.incident.i1", "watchroom.resource.r1", "watchroom.resource.r2"]
    assert parsed[1].detail.contact.callsign == hostile and parsed[1].how == "m-g" and parsed[2].how == "h-e"
    assert (parsed[0].lat, parsed[0].lon) == (29.55, 106.57)
    assert parsed[0].staleTime - parsed[0].sendTime == cot_export.EXPORT_STALE.total_seconds() * 1000
    assert b"<script>" not in data
    assert SafeET.fromstring(events[1]).find("detail/remarks").text == "team"


class TakReceiver:
    """A TAK server's CoT input, for the test: takes one connection, keeps what comes."""

    def __init__(self):
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.data = b""
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        conn, _ = self.server.accept()
        with conn:
            while chunk := conn.recv(65536):
                self.data += chunk
        self.server.close()


def test_the_cli_exports_the_mirror_to_a_file_and_to_a_tak_server(tmp_path, mirror, events, incident_service,
                                                                  clock):
    incident_service.create_incident(draft(clock, lat=29.556, lon=106.568), "a")
    ResourceStore(mirror, events, clock).save_many([team("team-a", "甲队", 29.60, 106.60),
                                                    team("shelter-1", "避难场所", 29.61, 106.61, "shelter")])
    # A fix the export (system clock) finds fresh: the team goes out where it is now.
    PositionStore(mirror, events).report("team-a", "甲队", 29.58, 106.58, datetime.now(UTC) - timedelta(seconds=5))
    mirror_path = mirror.path
    mirror.close()
    config = headless_config(tmp_path / "k.toml", mirror_path, "http://127.0.0.1:9")
    out = tmp_path / "room.cot"
    assert cli_main(["--config", str(config), "cot-export", "--file", str(out)]) == 0
    assert out.stat().st_mode & 0o777 == 0o600
    file_events = {xml2message(e).cotEvent.uid: xml2message(e).cotEvent for e in split(out.read_bytes())}
    assert set(file_events) == {"watchroom.resource.team-a", "watchroom.resource.shelter-1"} | {
        uid for uid in file_events if uid.startswith("watchroom.incident.")}
    assert len(file_events) == 3
    assert file_events["watchroom.resource.team-a"].lat == 29.58  # live, not its base (29.60)
    assert file_events["watchroom.resource.team-a"].how == "m-g"
    assert file_events["watchroom.resource.shelter-1"].lat == 29.61
    tak = TakReceiver()
    assert cli_main(["--config", str(config), "cot-export", "--tak", f"127.0.0.1:{tak.port}"]) == 0
    tak.thread.join(5)
    assert len(split(tak.data)) == 3
    assert cli_main(["--config", str(config), "cot-export", "--tak", "nowhere"]) == 2
