"""Duty figures (`make bench ONLY=duty`):

- duty.handover_build_ms: the handover package of a shift built on a copy of the
  100,000-incident bench mirror holding 500 open incidents and 5,000 active
  dispatch orders (the read a 交班 starts with), p95 of 20 builds.
- duty.roster_month_paint_ms: the 值班 tab's month view of a room with three
  shifts of six posts each, every cell filled: the month read from the mirror,
  put in the model and painted on screen, p95 of 20.
- duty.rollcall_visible_p95_ms and duty.daily_report_pdf_s:
  tests/benchmarks/duty_rollcall.py."""

from __future__ import annotations

import random
import shutil
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from tests.benchmarks.duty_rollcall import run_rollcall
from tests.benchmarks.fixtures import bench_mirror_path, emit, p95, require

OPEN_INCIDENTS, ACTIVE_ORDERS, RUNS = 500, 5000, 20
MONTH = date(2026, 12, 1)
SHIFTS = (("早班", "08:00", "16:00"), ("中班", "16:00", "00:00"), ("夜班", "00:00", "08:00"))


def busy_mirror(mirror, now: datetime) -> None:
    """Exactly OPEN_INCIDENTS open incidents (the newest), and ACTIVE_ORDERS orders under way on them."""
    from offline_cache.schema import OrderRow
    from services.timefmt import to_db

    with mirror.bulk_write() as s:
        con = s.connection()
        con.exec_driver_sql("UPDATE incidents SET status = 'closed' WHERE status IN ('received', 'responding')")
        con.exec_driver_sql("UPDATE incidents SET status = 'responding' WHERE pk IN "
                            "(SELECT pk FROM incidents ORDER BY reported_at DESC LIMIT ?)", (OPEN_INCIDENTS,))
        opened = [r[0] for r in con.exec_driver_sql("SELECT id FROM incidents WHERE status = 'responding'")]
        rng = random.Random(9)
        for n in range(ACTIVE_ORDERS):
            issued = now - timedelta(minutes=rng.randint(1, 600))
            status = rng.choice(("issued", "acknowledged", "departed"))
            s.add(OrderRow(id=str(uuid.uuid4()), incident_id=rng.choice(opened), target_kind="team",
                           target_id=f"t{n % 97}", target_name=f"救援{n % 97}队", content="前往现场开展救援",
                           priority="urgent", status=status, ack_deadline=to_db(issued + timedelta(minutes=5)),
                           required_arrival=to_db(issued + timedelta(minutes=45)), issued_by="值班员",
                           issued_at=to_db(issued), acknowledged_at="" if status == "issued" else to_db(issued),
                           updated_at=to_db(issued), version=1, sync_state="synced"))
    with mirror.read() as s:
        con = s.connection()
        open_count = con.exec_driver_sql(
            "SELECT count(*) FROM incidents WHERE status IN ('received', 'responding')").scalar()
        active = con.exec_driver_sql(
            "SELECT count(*) FROM orders WHERE status IN ('issued', 'acknowledged', 'departed')").scalar()
    require(open_count == OPEN_INCIDENTS and active == ACTIVE_ORDERS,
            f"bench mirror: {open_count} open incidents, {active} active orders")


def bench_handover_build(tmp: Path) -> float:
    from offline_cache.database import open_mirror
    from services.clock import ManualClock
    from services.duty.contract import ItemKind
    from tests.duty.scene import local_duty

    copy = tmp / "handover.db"
    shutil.copyfile(bench_mirror_path(100_000, 10), copy)
    mirror = open_mirror(copy)
    try:
        clock = ManualClock(datetime.now(UTC))
        busy_mirror(mirror, clock.now())
        duty = local_duty(mirror, clock)
        duty.roster.add_default_patterns()
        shift = duty.handovers.shift_at(clock.now())
        require(shift is not None, "no shift under way")
        times, items = [], []
        for _ in range(RUNS):
            started = time.perf_counter()
            items = duty.handovers.build(shift)
            times.append((time.perf_counter() - started) * 1000)
        kinds = {kind: sum(1 for i in items if i.kind == kind) for kind in ItemKind}
        require(kinds[ItemKind.INCIDENT] + kinds[ItemKind.REPORT_DUE] >= OPEN_INCIDENTS // 2
                or kinds.get(ItemKind.MORE, 0) == 1,
                f"the package names too few open incidents: {kinds}")
        require(kinds[ItemKind.ORDER] > 0 or kinds.get(ItemKind.MORE, 0) == 1, f"no order in the package: {kinds}")
    finally:
        mirror.close()
    return p95(times)


def bench_month_paint(tmp: Path) -> float:
    from PySide6.QtWidgets import QApplication

    from offline_cache.database import open_mirror
    from services.clock import ManualClock
    from tests.duty.scene import fill, local_duty
    from views.common.event_relay import DomainEventRelay
    from views.common.task_runner import TaskRunner
    from views.duty.panel import DutyPanel

    app = QApplication.instance() or QApplication([])
    mirror = open_mirror(tmp / "roster.db")
    runner = TaskRunner()
    try:
        duty = local_duty(mirror, ManualClock(datetime(2026, 12, 10, 2, tzinfo=UTC)))
        for n, (name, start, end) in enumerate(SHIFTS):
            duty.roster.save_pattern(name, start, end, position=n)
        last = date(2026, 12, 31)
        filled = fill(duty, MONTH - timedelta(days=1), last)
        require(filled == 32 * 3 * 6, f"{filled} cells filled")
        panel = DutyPanel(duty, None, runner, DomainEventRelay(), tz=duty.room.zone, author="bench")
        panel.resize(1600, 900)
        panel.show()
        app.processEvents()
        times = []
        for _ in range(RUNS):
            started = time.perf_counter()
            month = duty.roster.month(*panel.bounds())
            panel.show_month(month)
            panel.table.viewport().repaint()
            times.append((time.perf_counter() - started) * 1000)
            require(panel.model.rowCount() == 18 and panel.model.columnCount() == 31,
                    f"month view of {panel.model.rowCount()} rows × {panel.model.columnCount()} days")
            require(not month.vacancies(), f"{len(month.vacancies())} vacant places")
        panel.close()
    finally:
        runner.shutdown()
        mirror.close()
    return p95(times)


def run() -> None:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        emit("duty.handover_build_ms", bench_handover_build(tmp), "ms", "< 300")
        emit("duty.roster_month_paint_ms", bench_month_paint(tmp), "ms", "< 200")
    run_rollcall()
