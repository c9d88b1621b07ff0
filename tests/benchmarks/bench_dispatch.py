"""Dispatch figures: a field unit's acknowledgement, posted to a real platform
process on loopback, until the issuing workstation's board shows it; and the
board's refresh with 5,000 active orders."""

from __future__ import annotations

import asyncio
import random
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

from services.clock import ManualClock
from services.sync.wire import API_PREFIX
from tests.benchmarks.fixtures import emit, p95, require
from tests.helpers import draft, join_all, wait_until
from tests.server.process_server import create_user, start_server_process
from tests.sync.livesync import make_client

PASSWORD = "bench-password"
ACKS = 60


def board_for(client, runner, relay):
    from views.dispatch.board import DispatchBoard

    relay.attach(client.dispatch.events)
    board = DispatchBoard(client.dispatch, client.incidents, runner, relay, author="bench")
    board.resize(1400, 800)
    board.show()
    return board


def shows(board, order_id: str, status: str) -> bool:
    model = board.model
    return any(o.id == order_id and o.status.value == status for _, _, orders in model.groups for o in orders)


def bench_ack_visible(tmp: Path, live) -> float:
    from PySide6.QtWidgets import QApplication

    from services.dispatch.lifecycle import TargetKind
    from services.dispatch.service import OrderDraft
    from views.common.event_relay import DomainEventRelay
    from views.common.task_runner import TaskRunner

    QApplication.instance() or QApplication([])
    clock = ManualClock(datetime.now(UTC))
    a = make_client(tmp / "issuer.db", [live.url], clock, password=PASSWORD)
    incident = a.incidents.create_incident(draft(clock), "bench")
    # One more order than measured: the first acknowledgement proves the engine listens.
    # every order to the unit the field account speaks for (the platform refuses others' steps)
    orders = [a.dispatch.issue(OrderDraft(incident.id, TargetKind.TEAM, f"救援{n}队", "前往现场", target_id=UNIT),
                               "bench") for n in range(ACKS + 1)]
    require(a.sync(), f"the orders did not reach the platform: {a.engine.status.last_error}")
    runner, relay = TaskRunner(), DomainEventRelay()
    board = board_for(a, runner, relay)
    a.engine.session.renew()  # sync() closed the first one
    clock.advance(timedelta(seconds=1))  # the engine's first exchange is told by its time
    mark = clock.now()
    loop = asyncio.new_event_loop()
    engine = threading.Thread(target=loop.run_until_complete, args=(a.engine.run_forever(),), daemon=True)
    engine.start()
    times = []
    try:
        wait_until(lambda: a.engine.status.last_success == mark, 30, what="the engine's first exchange")
        wait_until(lambda: board.model.order_count() == ACKS + 1, 30, what="the board to list every order")
        with httpx.Client(base_url=live.url + API_PREFIX, timeout=10) as http:
            login = http.post("/auth/login", json={"username": "unit", "password": PASSWORD})
            require(login.status_code == 200, f"field unit log-in: {login.status_code} {login.text}")
            headers = {"Authorization": f"Bearer {login.json()['access_token']}"}

            def acknowledge(order) -> None:
                answer = http.post(f"/orders/{order.id}/status", json={"status": "acknowledged"}, headers=headers)
                require(answer.status_code == 200 and answer.json()["status"] == "applied",
                        f"acknowledgement of {order.id}: {answer.status_code} {answer.text}")

            # Shown well within the engine's idle wait (30 s): only the event stream cuts that short.
            acknowledge(orders[0])
            wait_until(lambda: shows(board, orders[0].id, "acknowledged"), 20,
                       what="a first acknowledgement to reach the board through the event stream")
            for order in orders[1:]:
                start = time.perf_counter()
                acknowledge(order)
                wait_until(lambda o=order: shows(board, o.id, "acknowledged"), 10, interval_ms=2,
                           what=f"the board to show order {order.id} acknowledged")
                times.append((time.perf_counter() - start) * 1000)
    finally:
        a.engine.stop()
        join_all([engine], 15)
        runner.shutdown()
        board.deleteLater()
        a.close()
    require(len(times) == ACKS, f"{len(times)} of {ACKS} acknowledgements measured")
    return p95(times)


def bench_board_refresh(tmp: Path) -> float:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from app.gc_tuning import settle_after_start
    from services.dispatch.lifecycle import OrderStatus, Priority, TargetKind
    from services.dispatch.service import OrderDraft
    from views.common.event_relay import DomainEventRelay
    from views.common.task_runner import TaskRunner

    QApplication.instance() or QApplication([])
    clock = ManualClock(datetime.now(UTC))
    client = make_client(tmp / "board.db", ["http://127.0.0.1:9"], clock)
    rng = random.Random(5)
    incidents = [client.incidents.create_incident(draft(clock, title=f"基准事件{n}"), "bench") for n in range(500)]
    for n in range(5000):
        order = client.dispatch.issue(OrderDraft(rng.choice(incidents).id, TargetKind.TEAM, f"救援{n % 97}队",
                                                 "前往现场开展救援", priority=rng.choice(list(Priority))), "bench")
        if n % 3 == 0:
            client.dispatch.advance(order.id, OrderStatus.ACKNOWLEDGED, "bench")
    runner, relay = TaskRunner(), DomainEventRelay()
    board = board_for(client, runner, relay)
    try:
        wait_until(lambda: board.model.order_count() == 5000, 30, what="the board to list 5,000 orders")
        settle_after_start()  # as the application does once started (app/gc_tuning.py)
        times = []
        for _ in range(20):
            # The GUI thread waits in Qt's event loop as in the application (polling from
            # Python would steal the reader thread's interpreter time and inflate the figure).
            loop = QEventLoop()
            reset: list[bool] = []

            def on_reset(done=reset) -> None:
                done.append(True)

            board.model.modelReset.connect(loop.quit)
            board.model.modelReset.connect(on_reset)
            start = time.perf_counter()
            board.reload()
            QTimer.singleShot(10_000, loop.quit)
            loop.exec()
            QApplication.processEvents()  # the view lays out and paints what is on screen
            times.append((time.perf_counter() - start) * 1000)
            board.model.modelReset.disconnect(loop.quit)
            board.model.modelReset.disconnect(on_reset)
            require(reset and board.model.order_count() == 5000, "the board did not reload within 10 s")
    finally:
        runner.shutdown()
        board.deleteLater()
        client.close()
    return p95(times)


UNIT = "team-bench-1"  # the team the field unit's account is bound to


def run() -> None:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        db = "sqlite:///" + str(tmp / "platform.db")
        create_user(db, "duty", PASSWORD, "duty_officer")
        create_user(db, "unit", PASSWORD, "field_unit", "--unit", UNIT)
        live = start_server_process(db)
        try:
            emit("dispatch.ack_visible_p95_ms", bench_ack_visible(tmp, live), "ms", "< 500")
        finally:
            live.stop()
        emit("dispatch.board_refresh_ms", bench_board_refresh(tmp), "ms", "< 200")
