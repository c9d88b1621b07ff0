"""Checklist figures (called by tests/benchmarks/bench_plans.py):

- plans.step_visible_p95_ms: a step ticked at one workstation until another
  workstation's 处置流程 panel shows it, through a real platform process on
  loopback: the first engine pushes the move, the event stream wakes the second,
  the feed brings the step, the relay reloads the panel. Both engines run as
  in the application.
- plans.checklist_paint_ms: a 120-step checklist (phases, steps, sub-steps, a
  third of them overdue) put into the tree and painted."""

from __future__ import annotations

import asyncio
import tempfile
import threading
import time
import uuid
from datetime import timedelta
from pathlib import Path

from services.clock import SystemClock
from services.sync import outbox_store
from tests.benchmarks.fixtures import NOW, emit, p95, require
from tests.helpers import draft, join_all, wait_until
from tests.server.process_server import create_user, start_server_process
from tests.sync.livesync import make_client

PASSWORD = "bench-password"
INCIDENTS = 3
CHEM = "8d0f3c2a-5b7e-4f1d-9a6c-0e2b7d4c1a02"


def _run_engine(client) -> threading.Thread:
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_until_complete, args=(client.engine.run_forever(),), daemon=True)
    thread.start()
    return thread


def bench_step_visible(tmp: Path, url: str) -> float:
    from PySide6.QtWidgets import QApplication

    from services.incidents.model import Casualties, Category, Severity
    from services.plans.checklists import ChecklistService
    from services.plans.files import example_plans
    from services.plans.response import Action
    from services.plans.responses import ResponseService
    from services.plans.store import PlanStore
    from views.common.event_relay import DomainEventRelay
    from views.common.task_runner import TaskRunner
    from views.plans.checklist_view import ChecklistPanel

    QApplication.instance() or QApplication([])
    clock = SystemClock()
    a = make_client(tmp / "a.db", [url], clock, user="admin", password=PASSWORD)
    b = make_client(tmp / "b.db", [url], clock, password=PASSWORD)
    runner, relay = TaskRunner(), DomainEventRelay()
    relay.attach(b.dispatch.events)
    panel = ChecklistPanel(ChecklistService(b.mirror, b.dispatch.events, clock), runner, relay, clock=clock)
    shown: dict[tuple[str, str], float] = {}

    def seen(_incident_id: str) -> None:
        for step in panel.tree.steps:
            shown.setdefault((step.id, step.state), time.perf_counter())

    panel.sig_shown.connect(seen)

    def nudged(predicate):
        # A wake that lands while a's engine applies a feed page is dropped (engine.wake);
        # asking again while a write is queued keeps the figure about the path, not that race.
        def check():
            if a.engine.status.pending:
                a.engine.wake()
            return predicate()
        return check
    engines = [_run_engine(a), _run_engine(b)]
    times: list[float] = []
    try:
        PlanStore(a.mirror, clock=clock).save_many(example_plans())
        a.engine.wake()  # as the application's own writes do (app/sync_wiring.py)
        wait_until(nudged(lambda: PlanStore(b.mirror, clock=clock).get(CHEM) is not None), 30,
                   what=lambda: f"the plans at b (refused: {outbox_store.rejected(a.mirror)})")
        at_a = ChecklistService(a.mirror, clock=clock)
        for n in range(INCIDENTS):
            incident = a.incidents.create_incident(draft(clock, category=Category.ACCIDENT,
                                                         type_code="hazardous_chemicals", severity=Severity.IV,
                                                         casualties=Casualties(deaths=3)), "值班员")
            ResponseService(a.mirror, clock=clock).decide(incident.id, Action.START, level="III",
                                                          reason=f"基准{n}", author="值班员", plan_id=CHEM)
            a.engine.wake()
            panel.set_incident(incident.id)
            iid = incident.id
            wait_until(nudged(lambda i=iid: len(panel.tree.steps) >= 9 and not any(
                s.pending_sync for s in at_a.steps(i))), 30, what="the checklist at b")
            leaves = [s for s in at_a.steps(incident.id) if not s.children]
            for to in ("in_progress", "done"):
                for step in leaves:
                    started = time.perf_counter()
                    at_a.move(step.id, to, author="值班员")
                    a.engine.wake()
                    wait_until(nudged(lambda k=(step.id, to): k in shown), 20, interval_ms=1,
                               what=f"step {step.key} {to} at b")
                    times.append((shown[(step.id, to)] - started) * 1000)
    finally:
        a.engine.stop()
        b.engine.stop()
        join_all(engines, 15)
        runner.shutdown()
        relay.detach(b.dispatch.events)
        a.close()
        b.close()
    require(len(times) >= 40, f"{len(times)} moves measured")
    return p95(times)


def steps_of(count: int):
    from services.plans.checklist import PHASES, STATES
    from services.plans.checklists import Step

    steps, parent = [], ""
    for n in range(count):
        phase = PHASES[n * len(PHASES) // count]
        sub = n % 4 != 0 and parent.startswith(phase)
        key = f"s{n}"
        steps.append(Step(str(uuid.uuid4()), "i", "p", "2026.1", key, parent.split(":")[1] if sub else "", phase, n,
                          f"第{n}步：核实现场情况并报告指挥部", "综合协调组", NOW + timedelta(minutes=n - 40),
                          STATES[n % len(STATES)], "", "已电话确认" if n % 3 else "", "", "值班员", NOW, False))
        if not sub:
            parent = f"{phase}:{key}"
    return steps


def bench_paint() -> float:
    from PySide6.QtWidgets import QApplication

    from views.plans.checklist_view import ChecklistTree

    QApplication.instance() or QApplication([])
    tree = ChecklistTree()
    tree.resize(1000, 2400)
    tree.show()
    steps = steps_of(120)
    times = []
    for _ in range(20):
        started = time.perf_counter()
        tree.show_steps(steps, NOW)
        tree.grab()
        times.append((time.perf_counter() - started) * 1000)
    require(sum(1 for _ in tree._items()) == 120 + 4, "the tree does not hold 120 steps in 4 phases")
    tree.close()
    return p95(times)


def run_checklist() -> None:
    emit("plans.checklist_paint_ms", bench_paint(), "ms", "< 100")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        db = "sqlite:///" + str(tmp / "platform.db")
        create_user(db, "admin", PASSWORD, "admin")
        create_user(db, "duty", PASSWORD, "duty_officer")
        live = start_server_process(db)
        try:
            emit("plans.step_visible_p95_ms", bench_step_visible(tmp, live.url), "ms", "< 500")
        finally:
            live.stop()
