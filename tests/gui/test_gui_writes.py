"""One path for GUI work: a view's write goes to the single mirror writer and
the window never waits for it, even while something else (a sync catch-up)
holds the mirror; large reads run on a reader; a failed write tells the
officer why in Chinese and leaves the data as it was."""

from __future__ import annotations

import contextlib
import threading
import time

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QMessageBox, QWidget

from services.conference.service import ConferenceService, Participant
from services.contacts.store import ContactStore
from services.dispatch.lifecycle import OrderStatus, TargetKind
from services.dispatch.service import DispatchService, OrderDraft
from services.incidents.model import EntryKind
from services.notifications.service import NotificationService
from tests.helpers import draft
from tests.map.helpers import wait_until
from views.common.event_relay import DomainEventRelay
from views.common.gui_op import GuiOp
from views.common.task_runner import TaskRunner

pytestmark = pytest.mark.gui
HANDED_OVER_S = 0.5  # a write that waits for the mirror must not hold the GUI that long


@pytest.fixture
def runner():
    r = TaskRunner()
    yield r
    r.shutdown()


@pytest.fixture
def relay(events):
    r = DomainEventRelay()
    r.attach(events)
    yield r
    r.detach(events)


@contextlib.contextmanager
def mirror_held(mirror):
    """Another writer holds the mirror (as a catch-up page does) until the block ends."""
    con = mirror.raw_connection()
    con.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        con.execute("ROLLBACK")
        con.close()


def quick(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


@pytest.fixture
def chinese():
    from app.i18n_build import I18N_DIR, build

    build()
    translator = QTranslator()
    assert translator.load("watchroom_zh_CN", str(I18N_DIR))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_board_steps_and_dialogs_never_wait_for_the_mirror(qtbot, mirror, events, clock, incident_service, runner,
                                                           relay):
    from views.dispatch.board import DispatchBoard

    contacts = ContactStore(mirror, events, clock)
    contacts.save_many([{"id": "p1", "kind": "person", "name": "王建国", "mobile": "13900001111"}])
    dispatch = DispatchService(mirror, events, clock)
    board = DispatchBoard(dispatch, incident_service, runner, relay, author="陈晓",
                          notices=NotificationService(mirror, contacts, events, clock), contacts=contacts)
    qtbot.addWidget(board)
    board.show()
    incident = incident_service.create_incident(draft(clock), "陈晓")
    order = dispatch.issue(OrderDraft(incident.id, TargetKind.TEAM, "渝中消防一中队", "灭火"), "陈晓")
    board.set_incident(incident.id)
    issue = board.on_issue()
    qtbot.addWidget(issue)
    issue.target_combo.setEditText("渝中消防二中队")
    issue.content_edit.setPlainText("前往现场搜救")
    notify = board.on_notify()
    qtbot.addWidget(notify)
    notify.choose(["p1"])
    notify.text_edit.setPlainText("请到指挥中心集合")
    issued, sent = [], []
    issue.sig_issued.connect(issued.append)
    notify.sig_sent.connect(sent.append)

    with mirror_held(mirror):
        assert quick(lambda: board.record_step(order.id, OrderStatus.ACKNOWLEDGED)) < HANDED_OVER_S
        assert quick(issue.on_issue) < HANDED_OVER_S
        assert quick(notify.on_send) < HANDED_OVER_S
        assert not issue.issue_button.isEnabled() and issue.isVisible()  # waits for its answer, unlocked
        assert dispatch.get(order.id).status == OrderStatus.ISSUED and not issued and not sent
    assert wait_until(lambda: issued and sent, 10), (issue.message.text(), notify.message.text())
    assert wait_until(lambda: dispatch.get(order.id).status == OrderStatus.ACKNOWLEDGED, 5)
    assert not issue.isVisible() and not notify.isVisible()


def test_conference_writes_never_wait_for_the_mirror(qtbot, mirror, events, clock, incident_service, runner, relay):
    from views.conference.panel import ConferencePanel

    panel = ConferencePanel(ConferenceService(mirror, incident_service.append_entry, events, clock), incident_service,
                            ContactStore(mirror, events, clock), runner, relay, author="陈晓")
    qtbot.addWidget(panel)
    panel.show()
    incident = incident_service.create_incident(draft(clock), "陈晓")
    panel.set_incident(incident.id)
    with mirror_held(mirror):
        assert quick(lambda: panel.open_conference("会商", [Participant("wz", "site", "万州区应急局")])) \
            < HANDED_OVER_S
    assert wait_until(lambda: panel.current is not None and panel.minutes_button.isEnabled(), 10)
    panel.minutes.setPlainText("消防已控制火势")
    with mirror_held(mirror):
        assert quick(lambda: panel.record(EntryKind.MINUTES)) < HANDED_OVER_S
        assert panel.minutes.toPlainText() == "消防已控制火势"  # kept until it is stored
    assert wait_until(lambda: panel.minutes.toPlainText() == "", 10)
    with mirror_held(mirror):
        assert quick(panel.close_conference) < HANDED_OVER_S
    assert wait_until(lambda: not panel.minutes_button.isEnabled(), 10)
    kinds = [e.kind for e in incident_service.timeline(incident.id)][-3:]
    assert kinds == [EntryKind.CONFERENCE, EntryKind.MINUTES, EntryKind.CONFERENCE]


def test_a_refused_step_says_why_in_chinese_and_changes_nothing(qtbot, mirror, events, clock, incident_service,
                                                              runner, relay, chinese):
    from views.dispatch.board import DispatchBoard

    dispatch = DispatchService(mirror, events, clock)
    board = DispatchBoard(dispatch, incident_service, runner, relay, author="陈晓")
    qtbot.addWidget(board)
    board.show()
    incident = incident_service.create_incident(draft(clock), "陈晓")
    order = dispatch.issue(OrderDraft(incident.id, TargetKind.TEAM, "渝中消防一中队", "灭火"), "陈晓")
    dispatch.advance(order.id, OrderStatus.COMPLETED, "陈晓")
    before = dispatch.get(order.id)
    board.record_step(order.id, OrderStatus.ACKNOWLEDGED)  # moved on elsewhere meanwhile

    def box():
        return next((b for b in board.findChildren(QMessageBox) if b.objectName() == "write_error"
                     and b.isVisible()), None)

    assert wait_until(lambda: box() is not None, 5)
    assert box().text() == "该指令已越过这一步。"
    assert dispatch.get(order.id) == before
    box().close()

    board.record_step("no-such-order", OrderStatus.ACKNOWLEDGED)
    assert wait_until(lambda: box() is not None, 5)
    assert box().text() == "该记录已不在本地数据库中，未作任何修改。"


def test_large_reads_run_on_a_reader(qtbot, mirror, events, clock, incident_service, runner, relay, monkeypatch):
    import views.duty_overview.view as overview_view
    from views.duty_overview.view import DutyOverview

    incident_service.create_incident(draft(clock), "陈晓")
    threads = []
    original = overview_view.due_rows
    monkeypatch.setattr(overview_view, "due_rows",
                        lambda *a: threads.append(threading.current_thread().name) or original(*a))
    overview = DutyOverview(incident_service, tz=__import__("zoneinfo").ZoneInfo("Asia/Shanghai"), runner=runner,
                            relay=relay)
    qtbot.addWidget(overview)
    overview.refresh()
    assert wait_until(lambda: overview.overview is not None, 5)
    assert sum(overview.overview.counts.values()) == 1
    incident_service.create_incident(draft(clock), "陈晓")  # a change: counted again, by itself
    assert wait_until(lambda: sum(overview.overview.counts.values()) == 2, 5)
    assert threads and threading.main_thread().name not in threads


def test_the_status_bar_counts_on_a_reader(qtbot, tmp_path, monkeypatch):
    import app.main_window as main_window
    from app.composition import build_context
    from app.config import AppConfig

    cfg = AppConfig()
    cfg.mirror_path, cfg.log_file = tmp_path / "m.db", tmp_path / "w.log"
    ctx = build_context(cfg)
    threads = []
    original = main_window.pending_count
    monkeypatch.setattr(main_window, "pending_count",
                        lambda mirror: threads.append(threading.current_thread().name) or original(mirror))
    try:
        window = main_window.MainWindow(ctx)
        qtbot.addWidget(window)
        ctx.incidents.create_incident(draft(ctx.incidents.clock), "陈晓")
        assert wait_until(lambda: "1" in window.counts_label.text() and window.pending_label.text(), 5)
        assert threads and threading.main_thread().name not in threads
        window.video_panel.wall.stop_all()
        window.close()
    finally:
        ctx.close()


def test_gui_op_calls_back_on_the_gui_thread_and_only_while_its_owner_lives(qtbot, runner):
    seen = []
    owner = QWidget()
    GuiOp(owner, runner, lambda: threading.current_thread().name) \
        .success(lambda worker: seen.append((worker, threading.current_thread().name))).run()
    assert wait_until(lambda: seen, 5)
    assert seen[0][0].startswith("mirror-writer") and seen[0][1] == threading.main_thread().name

    gone = QWidget()
    late = []
    started = threading.Event()

    def slow() -> int:
        started.set()
        time.sleep(0.2)
        return 1

    GuiOp(gone, runner, slow).success(late.append).failure(late.append).run()
    assert started.wait(5)
    gone.deleteLater()
    QCoreApplication.sendPostedEvents(None, 52)  # DeferredDelete: the panel is closed meanwhile
    assert wait_until(lambda: not runner.busy, 5)
    assert late == []  # nothing delivered to a deleted panel (the write itself happened)
