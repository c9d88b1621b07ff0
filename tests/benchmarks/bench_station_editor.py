"""`make bench ONLY=station_editor`: 监测站管理 and the client's CoT export.

stations.admin_list_2000_ms (< 300, p95 of 20): 2,000 stations with a reading
each in a fresh mirror; from the panel's reload to the list shown (mirror read
on a reader, rows filled, refusals and pending read too).

stations.cot_export_100k_s (< 10): 导出 CoT 文件… on a copy of the bench mirror
of 100,000 incidents with 2,000 resources added: every open incident with a
place and every resource written as CoT events (write_cot, as the map's
action runs it on a reader), the file read back for its count."""

from __future__ import annotations

import random
import shutil
import tempfile
import time
import uuid
from pathlib import Path
from zoneinfo import ZoneInfo

from offline_cache.database import open_mirror
from services.clock import ManualClock
from services.events import EventBus
from services.incidents.deadlines import load_rules
from services.incidents.service import IncidentService
from services.incidents.taxonomy import load_taxonomy
from services.monitoring.contract import reading_id
from services.monitoring.station_editor import StationEditor
from services.monitoring.store import StationStore
from services.resources.store import ResourceStore
from tests.benchmarks.fixtures import NOW, bench_mirror_path, emit, p95, require

STATIONS = 2000
ROUNDS = 20


def _feed_stations(mirror) -> None:
    from services.sync.apply import apply_page
    from services.sync.wire import Change
    from tests.helpers import KINDS

    rng = random.Random(5)
    stations, readings = [], []
    for n in range(STATIONS):
        sid = str(uuid.UUID(int=rng.getrandbits(128)))
        stations.append({"id": sid, "kind": "river", "code": f"6{n:07d}", "name": f"测站{n}", "org": "水文",
                         "place": "", "unit": "m", "lat": 29.5 + rng.random(), "lon": 106.3 + rng.random(),
                         "thresholds": {"alert": 183.0, "guarantee": 186.0}, "rules": {}, "level": "",
                         "updated_at": NOW.isoformat()})
        readings.append({"id": reading_id(sid, round(NOW.timestamp() * 1000)), "station_id": sid,
                         "time": NOW.isoformat(), "value": 175.0})
    for entity, records in (("station", stations), ("reading", readings)):
        changes = [Change(seq=n + 1, entity=entity, entity_id=r["id"], version=1, data=r)
                   for n, r in enumerate(records)]
        apply_page(mirror, KINDS, "cluster", changes, changes[-1].seq, NOW, EventBus())


def bench_list(tmp: Path) -> float:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from views.common.event_relay import DomainEventRelay
    from views.common.task_runner import TaskRunner
    from views.monitoring.station_admin import StationAdminPanel

    app = QApplication.instance() or QApplication([])
    mirror = open_mirror(tmp / "stations.db")
    runner = TaskRunner()
    try:
        _feed_stations(mirror)
        panel = StationAdminPanel(StationStore(mirror), StationEditor(mirror, EventBus(), ManualClock(NOW)), runner,
                                  DomainEventRelay(), tz=ZoneInfo("Asia/Shanghai"))
        panel.resize(1200, 700)
        panel.show()
        shown: list[int] = []
        loop = QEventLoop()
        panel.sig_shown.connect(shown.append)
        panel.sig_shown.connect(loop.quit)
        times = []
        for _ in range(ROUNDS):
            shown.clear()
            QTimer.singleShot(30_000, loop.quit)
            started = time.perf_counter()
            panel.reload()
            loop.exec()  # waits as the window does: no busy loop taking the reader's GIL
            times.append((time.perf_counter() - started) * 1000)
            require(shown == [STATIONS], f"{shown} stations shown, not {STATIONS}")
            app.processEvents()  # the rows painted before the next round
        panel.close()
        return p95(times)
    finally:
        runner.shutdown()
        mirror.close()


def bench_cot(tmp: Path) -> float:
    from views.map.file_actions import write_cot

    copy = tmp / "cot.db"
    shutil.copyfile(bench_mirror_path(100_000, 0), copy)
    mirror = open_mirror(copy)
    try:
        clock = ManualClock(NOW)
        rng = random.Random(7)
        resources = ResourceStore(mirror, clock=clock)
        resources.save_many([{"id": f"r{n}", "kind": "team", "name": f"队伍{n}", "lat": 29.3 + rng.random(),
                              "lon": 106.2 + rng.random(), "division": "", "address": "", "contact": "", "phone": "",
                              "available": True, "details": {}} for n in range(2000)], share=False)
        incidents = IncidentService(mirror, load_taxonomy(), load_rules(), site_code="CQ", events=EventBus(),
                                    clock=clock)
        out = tmp / "room.cot"
        started = time.perf_counter()
        _path, n_incidents, n_resources = write_cot(incidents, resources, None, out, NOW)
        elapsed = time.perf_counter() - started
        lines = [line for line in out.read_bytes().split(b"\n") if line.strip()]
        require(n_resources == 2000 and len(lines) == n_incidents + n_resources,
                f"{len(lines)} events written for {n_incidents} incidents and {n_resources} resources")
        require(n_incidents > 0, "no open incident with a place in the bench mirror")
        print(f"[bench] CoT export: {n_incidents} incidents, {n_resources} resources, "
              f"{out.stat().st_size / 1e6:.1f} MB", flush=True)
        return elapsed
    finally:
        mirror.close()


def run() -> None:
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        listed = bench_list(tmp)
        emit("stations.admin_list_2000_ms", listed, "ms", "< 300")
        exported = bench_cot(tmp)
        emit("stations.cot_export_100k_s", exported, "s", "< 10")
        require(listed < 300, f"the list of {STATIONS} stations took {listed:.0f} ms (budget 300)")
        require(exported < 10, f"the CoT export took {exported:.1f} s (budget 10)")
