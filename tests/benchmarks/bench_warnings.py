"""`make bench ONLY=warnings`: the warning records' figures.

warnings.import_1000_s (< 3): a CAP Atom feed of 1,000 alerts (built here, each
with a polygon and a division code) checked by check_document (intake, schema,
rules) and stored by WarningService.import_checked in a fresh mirror.

warnings.area_query_ms (< 50, p95): everything inside a warning polygon of 200
vertices over the centre of Chongqing (WarningStore.inside: open incidents,
resources, shelters, cameras) on the bench mirror of 100,000 incidents with
50,000 resources and 2,000 cameras added to a copy of it."""

from __future__ import annotations

import math
import random
import shutil
import tempfile
import time
import uuid
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from xml.sax.saxutils import escape

from offline_cache.database import open_mirror
from services.cameras.store import CameraStore
from services.clock import ManualClock
from services.resources.store import ResourceStore
from services.warnings.cap_check import check_document
from services.warnings.model import Area, EarlyWarning
from services.warnings.service import WarningService
from services.warnings.store import WarningStore
from tests.benchmarks.bench_map import resources
from tests.benchmarks.fixtures import NOW, bench_mirror_path, emit, p95, require

ALERTS = 1000
ROUNDS = 60
CENTRE = (29.56, 106.55)


def alert_xml(n: int) -> str:
    sent = (NOW + timedelta(seconds=n)).astimezone().strftime("%Y-%m-%dT%H:%M:%S+08:00")
    lat, lon = 29.3 + (n % 40) * 0.02, 106.2 + (n // 40) * 0.03
    ring = " ".join(f"{lat + dy:.4f},{lon + dx:.4f}" for dy, dx in ((0, 0), (0, 0.02), (0.02, 0.02), (0.02, 0), (0, 0)))
    colour = ("红色", "橙色", "黄色", "蓝色")[n % 4]
    return f"""<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>50000041600000_2026112208{n // 60 % 60:02d}{n % 60:02d}_{n % 10}</identifier>
  <sender>bench@cma.gov.cn</sender><sent>{sent}</sent><status>Actual</status><msgType>Alert</msgType>
  <scope>Public</scope>
  <info><language>zh-CN</language><category>Met</category><event>暴雨</event><urgency>Expected</urgency>
    <severity>Severe</severity><certainty>Likely</certainty>
    <expires>2026-11-23T08:00:00+08:00</expires><senderName>重庆市气象台</senderName>
    <headline>{escape(f"第{n}号暴雨{colour}预警")}</headline><description>预计未来6小时降雨量将达50毫米以上。</description>
    <parameter><valueName>预警级别</valueName><value>{colour}</value></parameter>
    <area><areaDesc>区域{n}</areaDesc><polygon>{ring}</polygon>
      <geocode><valueName>GB/T 2260</valueName><value>500103</value></geocode></area>
  </info>
</alert>"""


def feed_xml(count: int) -> bytes:
    entries = "".join(f"""<entry><id>urn:bench:{n}</id><title>预警{n}</title><updated>2026-11-22T16:00:00+08:00</updated>
<content type="application/cap+xml">{alert_xml(n)}</content></entry>""" for n in range(count))
    return (f'<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>bench</title>'
            f"<id>urn:bench</id><updated>2026-11-22T16:00:00+08:00</updated>{entries}</feed>").encode()


def bench_import(tmp: Path) -> float:
    data = feed_xml(ALERTS)
    mirror = open_mirror(tmp / "import.db")
    try:
        service = WarningService(mirror, clock=ManualClock(NOW))
        store = WarningStore(mirror)
        started = time.perf_counter()
        result = check_document(data, source_name="bench.xml", known=lambda ref: store.by_reference(ref) is not None,
                                now=NOW)
        outcome = service.import_checked(result, "bench.xml")
        took = time.perf_counter() - started
        require(result.valid and not result.errors, f"the bench feed was refused: {result.errors[:3]}")
        require(outcome.added == ALERTS, f"{outcome.added} of {ALERTS} alerts stored")
        return took
    finally:
        mirror.close()


def polygon(vertices: int, radius_deg: float = 0.07) -> tuple[tuple[float, float], ...]:
    lat0, lon0 = CENTRE
    ring = [(round(lat0 + radius_deg * math.sin(2 * math.pi * k / (vertices - 1)) * (1 + 0.15 * math.sin(7 * k)), 6),
             round(lon0 + radius_deg * 1.15 * math.cos(2 * math.pi * k / (vertices - 1)), 6))
            for k in range(vertices - 1)]
    return (*ring, ring[0])


def bench_area(tmp: Path) -> tuple[float, int]:
    copy = tmp / "area.db"
    shutil.copyfile(bench_mirror_path(100_000, 0), copy)
    mirror = open_mirror(copy)
    try:
        clock = ManualClock(NOW)
        rows = resources(50_000)
        store = ResourceStore(mirror, clock=clock)
        for start in range(0, len(rows), 10_000):
            store.save_many(rows[start:start + 10_000], share=False)
        rng = random.Random(3)
        cameras = [{"id": str(uuid.UUID(int=rng.getrandbits(128))), "name": f"摄像机{n}", "group_path": "主城",
                    "lat": rng.uniform(29.3, 29.9), "lon": rng.uniform(106.2, 106.9), "main_url": "", "sub_url": "",
                    "ptz": False, "platform": "", "online": True} for n in range(2000)]
        CameraStore(mirror, clock=clock).save_many(cameras, share=False)
        ring = polygon(200)
        require(len(ring) == 200, "the polygon has 200 vertices")
        w = EarlyWarning(id="", identifier="bench-area", sender="bench@cma.gov.cn", sent=NOW, colour="red",
                         areas=(Area("主城", polygons=(ring,)),), expires=NOW + timedelta(hours=6))
        service = WarningService(mirror, clock=clock)
        outcome = service.import_checked(_Checked([w]), "bench")
        warnings = WarningStore(mirror)
        times, found = [], 0
        for _ in range(ROUNDS):
            started = time.perf_counter()
            inside = warnings.inside(outcome.ids[0])
            times.append((time.perf_counter() - started) * 1000)
            found = len(inside.incidents) + len(inside.resources) + len(inside.shelters) + len(inside.cameras)
        require(found > 0 and inside.incidents and inside.resources and inside.cameras,
                "the polygon over the centre holds incidents, resources and cameras")
        return p95(times[5:]), found
    finally:
        mirror.close()


class _Checked:
    valid = True

    def __init__(self, warnings: list[EarlyWarning]):
        self.warnings = [replace(w) for w in warnings]


def run() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-warnings-") as tmp:
        emit("warnings.import_1000_s", bench_import(Path(tmp)), "s", "< 3")
        ms, found = bench_area(Path(tmp))
        emit("warnings.area_query_ms", ms, "ms", "< 50")
        emit("warnings.area_query_found", found, "records", None)
