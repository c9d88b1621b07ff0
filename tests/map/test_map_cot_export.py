"""导出 CoT 文件… from the map panel (views/map/file_actions.py): the room's open
incidents and resources written on a reader into a CoT file read back here
with takproto (teams at their live position), the result told in numbers, and
the export queued for the platform's audit like the other exports."""

from __future__ import annotations

import json
import os
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select
from takproto.functions import xml2message

from offline_cache.schema import OutboxRow
from services.audit.local_events import LocalAudit
from services.positions.store import PositionStore
from services.resources.store import ResourceStore
from tests.helpers import draft, wait_until
from views.audit import trail as audit_trail
from views.common.event_relay import DomainEventRelay
from views.common.task_runner import TaskRunner
from views.map.panel import MapPanel

SHOTS = Path(os.environ.get("WATCHROOM_SHOTS", "/tmp/station-editor-shots"))


def team(rid, name, lat, lon, kind="team"):
    return {"id": rid, "kind": kind, "name": name, "lat": lat, "lon": lon, "division": "", "address": "",
            "contact": "", "phone": "", "available": True, "details": {}}


@pytest.fixture
def chinese(qapp):
    """The watch room's language, so the screenshots show what the officer reads."""
    from app.i18n import install_language
    from app.i18n_build import build

    build()  # this slice's catalogue (resources/i18n/station_editor_zh_CN.ts) with the rest
    translators = install_language(qapp, "zh_CN")
    yield
    for tr in translators:
        qapp.removeTranslator(tr)


@pytest.fixture
def panel(qtbot, mirror, events, incident_service, clock, chinese):
    store = ResourceStore(mirror, events, clock)
    store.save_many([team("team-a", "甲队 <b>", 29.60, 106.60), team("shelter-1", "人民广场避难场所", 29.61, 106.61,
                                                                    "shelter")])
    incident_service.create_incident(draft(clock, lat=29.556, lon=106.568), "a")
    positions = PositionStore(mirror, events, clock)
    positions.report("team-a", "甲队", 29.58, 106.58, clock.now() - timedelta(seconds=5))
    relay, runner = DomainEventRelay(), TaskRunner()
    relay.attach(events)
    audit_trail.install(runner, LocalAudit(mirror, clock))
    p = MapPanel(incident_service, store, runner, relay, positions=positions)
    qtbot.addWidget(p)
    p.resize(1400, 800)
    p.show()
    yield p
    audit_trail.install(None, None)
    runner.shutdown()
    relay.detach(events)


def audit_ops(mirror) -> list[dict]:
    with mirror.read() as s:
        return [json.loads(r.payload) for r in s.scalars(select(OutboxRow).where(OutboxRow.entity == "audit_event"))]


def test_the_export_writes_a_cot_file_tells_the_numbers_and_is_audited(panel, mirror, tmp_path, qtbot):
    out = tmp_path / "room.cot"
    panel.export_cot_to(out)
    assert wait_until(lambda: getattr(panel, "cot_result", None) is not None, timeout=10)
    assert panel.cot_button.isEnabled() and not panel.cot_progress.isVisible()
    assert out.stat().st_mode & 0o777 == 0o600 and not out.with_name("room.cot.part").exists()
    events = {e.uid: e for e in (xml2message(line).cotEvent for line in out.read_bytes().split(b"\n") if line)}
    assert len(events) == 3
    assert events["watchroom.resource.team-a"].lat == 29.58 and events["watchroom.resource.team-a"].how == "m-g"
    assert events["watchroom.resource.team-a"].detail.contact.callsign == "甲队 <b>"  # text, not markup
    assert sum(uid.startswith("watchroom.incident.") for uid in events) == 1
    text = panel.cot_result.text()
    assert "1" in text and "2" in text and str(out) in text
    assert wait_until(lambda: any(p.get("what") == "cot" for p in audit_ops(mirror)), timeout=10)
    recorded = next(p for p in audit_ops(mirror) if p.get("what") == "cot")
    assert recorded["action"] == "export" and recorded["target"] == out.name and recorded["count"] == 3
    SHOTS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    panel.cot_result.grab().save(str(SHOTS / "cot_export_result.png"))
    panel.grab().save(str(SHOTS / "map_with_cot_button.png"))


def test_a_file_that_cannot_be_written_is_told_and_nothing_is_audited(panel, mirror, tmp_path):
    panel.export_cot_to(tmp_path / "no-such-dir" / "room.cot")
    assert wait_until(lambda: panel.cot_button.isEnabled(), timeout=10)
    assert "CoT" in panel.status.text() and not audit_ops(mirror)
    box = panel.findChild(QMessageBox, "cot_export_problem")
    assert box is not None and box.isVisible()
