"""The 相似案例 dock: follows the log's selection, reasons and outcome in words, the
终报 as plain text, the search for 1-2 characters, keyboard, empty states."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt

from services.cases.finder import CaseFinder
from services.incidents.model import EntryKind, Status
from tests.helpers import draft, wait_until

pytestmark = pytest.mark.gui
TZ = ZoneInfo("Asia/Shanghai")


def closed(service, clock, final="终报：处置完毕。", **fields):
    inc = service.create_incident(draft(clock, **fields), "值班员")
    service.change_status(inc.id, Status.RESPONDING, "值班员")
    if hasattr(clock, "advance"):  # the main window's services run on the system clock
        clock.advance(timedelta(hours=2, minutes=5))
    service.append_entry(inc.id, EntryKind.INITIAL_REPORT, "首报。", "值班员")
    service.append_entry(inc.id, EntryKind.FINAL_REPORT, final, "值班员")
    service.change_status(inc.id, Status.CLOSED, "值班员")
    return inc


@pytest.fixture
def panel(qtbot, mirror, events):
    from views.cases.view import CasesView
    from views.common.event_relay import DomainEventRelay
    from views.common.task_runner import TaskRunner

    runner, relay = TaskRunner(), DomainEventRelay()
    relay.attach(events)
    view = CasesView(CaseFinder(mirror), runner, tz=TZ, relay=relay)
    qtbot.addWidget(view)
    view.resize(420, 640)
    view.show()
    yield view
    relay.detach(events)
    runner.shutdown()


def texts(view):
    return [view.list.item(i).text() for i in range(view.list.count())]


def test_empty_state_says_what_to_do(panel):
    assert "Select an incident" in panel.heading.text() and panel.list.count() == 0


def test_similar_cases_with_reasons_outcome_and_final_report(panel, incident_service, clock):
    case = closed(incident_service, clock, title="渝中区解放碑商场起火", final="<b>终报</b>：明火已扑灭。")
    me = incident_service.create_incident(draft(clock, title="渝中区解放碑商场火灾", lat=29.58), "值班员")
    panel.show_incident(me.id)
    assert wait_until(lambda: panel.list.count() == 1, 10)
    first = texts(panel)[0]
    assert case.code in first and "same type" in first and "same severity" in first
    assert "2.6 km away" in first and "similar title" in first and "took 2 h 10 min" in first
    assert panel.report.toPlainText() == "<b>终报</b>：明火已扑灭。"  # text, never markup
    assert case.code in panel.report_heading.text()


def test_no_case_yet_and_an_unknown_incident(panel, incident_service, clock):
    me = incident_service.create_incident(draft(clock), "值班员")
    panel.show_incident(me.id)
    assert wait_until(lambda: "No closed incident is like" in panel.heading.text(), 10)
    panel.show_incident("gone")
    assert wait_until(lambda: "no longer" in panel.heading.text(), 10)


def test_closing_an_incident_adds_it(panel, incident_service, clock):
    me = incident_service.create_incident(draft(clock), "值班员")
    panel.show_incident(me.id)
    assert wait_until(lambda: "No closed incident" in panel.heading.text(), 10)
    case = closed(incident_service, clock)
    assert wait_until(lambda: panel.cases and panel.cases[0].incident_id == case.id, 10)


def test_short_search_keyboard_and_opening_a_case(panel, qtbot, incident_service, clock):
    fire = closed(incident_service, clock, title="江北区观音桥仓库起火")
    closed(incident_service, clock, title="巴南区货车侧翻", type_code="road_traffic")
    incident_service.create_incident(draft(clock, title="江北区餐馆起火"), "值班员")  # open: not a case
    qtbot.keyClick(panel, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert wait_until(lambda: panel.search.hasFocus(), 5)
    panel.search.insert("起火")  # as the input method commits it
    assert wait_until(lambda: [c.incident_id for c in panel.cases] == [fire.id], 10)
    assert "1 closed incidents hold" in panel.heading.text()
    qtbot.keyClick(panel.search, Qt.Key.Key_Down)
    assert panel.list.hasFocus()
    with qtbot.waitSignal(panel.sig_incident_activated) as opened:
        qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert opened.args == [fire.id]
    panel.search.setFocus()
    qtbot.keyClick(panel.search, Qt.Key.Key_Escape)
    assert panel.search.text() == "" and "Select an incident" in panel.heading.text()
    panel.search.setText("不存在")
    assert wait_until(lambda: "No closed incident holds" in panel.heading.text(), 10)


def test_the_dock_follows_the_log_selection(qtbot, tmp_path):
    from app.composition import build_context
    from app.config import AppConfig
    from app.main_window import MainWindow

    cfg = AppConfig()
    cfg.mirror_path, cfg.log_file = tmp_path / "m.db", tmp_path / "w.log"
    ctx = build_context(cfg)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    try:
        clock = ctx.incidents.clock
        case = closed(ctx.incidents, clock)
        me = ctx.incidents.create_incident(draft(clock), "陈晓")
        assert ("incidents", "incident_selected", "cases") in window.connections
        assert ("cases", "incident_wanted", "incidents") in window.connections
        assert wait_until(lambda: window.incident_log.model.row_for(me.id) is not None, 10)
        window.incident_log.select_incident(me.id)
        cases = window.panels["cases"]
        assert wait_until(lambda: [c.incident_id for c in cases.cases] == [case.id], 10)
    finally:
        window.video_panel.wall.stop_all()
        window.conference_panel.stop_video()
        window.close()
        ctx.close()
