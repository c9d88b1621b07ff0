"""The incident log view over a real mirror and the real incident service."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QDate, QEvent, QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from services.incidents.model import Casualties, Category, EntryKind, Severity, Status
from tests.helpers import draft
from views.common import labels
from views.common.event_relay import DomainEventRelay
from views.common.task_runner import TaskRunner
from views.incident_log import list_model as cols
from views.incident_log.view import RELOAD_COALESCE_MS, DialogsUnavailable, IncidentLogView
from widgets.badges import COUNTDOWN_COLOURS, COUNTDOWN_ROLE, SEVERITY_ROLE, TAG_ROLE

pytestmark = pytest.mark.gui

SHANGHAI = ZoneInfo("Asia/Shanghai")


class FakeDialogs:
    """Records what the view asked for; the real dialogs live in dialogs.py."""

    def __init__(self):
        self.calls: list[tuple] = []

    def new_incident(self, parent):
        self.calls.append(("new_incident",))

    def add_report(self, parent, incident, kind):
        self.calls.append(("add_report", incident.id, kind))

    def add_note(self, parent, incident):
        self.calls.append(("add_note", incident.id))

    def change_status(self, parent, incident):
        self.calls.append(("change_status", incident.id))

    def export_pdf(self, parent, incident):
        self.calls.append(("export_pdf", incident.id))


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


@pytest.fixture
def dialogs():
    return FakeDialogs()


@pytest.fixture
def make_view(qtbot, incident_service, runner, relay, dialogs):
    views: list[IncidentLogView] = []

    def make() -> IncidentLogView:
        view = IncidentLogView(
            incident_service, runner, relay, author="值班员 陈晓", tz=SHANGHAI, dialogs=dialogs
        )
        views.append(view)
        view.resize(1400, 800)
        view.show()
        qtbot.waitUntil(lambda: view._count is not None)
        return view

    yield make
    for view in views:  # gone before the next test, so it cannot steal activation
        if shiboken6.isValid(view):
            view.close()
            view.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def column(view: IncidentLogView, col: int, role=Qt.ItemDataRole.DisplayRole) -> list:
    return [view.model.data(view.model.index(r, col), role) for r in range(view.model.rowCount())]


def open_and_wait(qtbot, view: IncidentLogView, incident_id: str) -> None:
    view.select_incident(incident_id)
    qtbot.waitUntil(lambda: view.detail.current_id == incident_id)


def test_list_loads_more_as_it_scrolls(qtbot, make_view, incident_service, clock):
    for _ in range(230):
        incident_service.create_incident(draft(clock), "值班员")
    view = make_view()
    assert view.model.rowCount() == 200
    assert view.model.canFetchMore()
    view.table.scrollToBottom()
    qtbot.waitUntil(lambda: view.model.rowCount() == 230)
    assert not view.model.canFetchMore()
    qtbot.waitUntil(lambda: "230" in view.status_line.text())


def test_sort_by_severity(make_view, incident_service, clock):
    for severity in (Severity.IV, Severity.UNGRADED, Severity.I, Severity.III, Severity.II):
        incident_service.create_incident(draft(clock, severity=severity), "值班员")
    view = make_view()
    assert column(view, cols.COL_SEVERITY, SEVERITY_ROLE)[0] == "II"  # newest first
    view.table.sortByColumn(cols.COL_SEVERITY, Qt.SortOrder.AscendingOrder)
    assert column(view, cols.COL_SEVERITY, SEVERITY_ROLE) == ["I", "II", "III", "IV", "ungraded"]
    view.table.sortByColumn(cols.COL_SEVERITY, Qt.SortOrder.DescendingOrder)
    assert column(view, cols.COL_SEVERITY, SEVERITY_ROLE)[0] == "ungraded"


def test_filter_by_status(qtbot, make_view, incident_service, clock):
    ids = [
        incident_service.create_incident(draft(clock, title=f"事件{n}"), "值班员").id
        for n in range(4)
    ]
    incident_service.change_status(ids[1], Status.RESPONDING, "值班员")
    view = make_view()
    assert view.model.rowCount() == 4
    combo = view.filter_bar.status
    combo.setCurrentIndex(combo.findText(labels.status_name(Status.RESPONDING)))
    assert [view.model.key_of(r) for r in range(view.model.rowCount())] == [ids[1]]
    qtbot.waitUntil(
        lambda: view.status_line.text().startswith(view.tr("%1 incidents").replace("%1", "1"))
    )


def test_filter_by_severity_category_and_reported_date(make_view, incident_service, clock):
    fire = incident_service.create_incident(draft(clock, severity=Severity.II), "值班员")
    clock.advance(timedelta(days=1))
    flood = incident_service.create_incident(
        draft(clock, category=Category.NATURAL, type_code="flood", severity=Severity.IV), "值班员"
    )
    view = make_view()
    bar = view.filter_bar

    def listed() -> list[str]:
        return [view.model.key_of(r) for r in range(view.model.rowCount())]

    bar.severity.setCurrentIndex(1)  # I–III
    assert listed() == [fire.id]
    bar.severity.setCurrentIndex(0)
    bar.category.setCurrentIndex(bar.category.findText(labels.category_name(Category.NATURAL)))
    assert listed() == [flood.id]
    bar.category.setCurrentIndex(0)
    bar.date_from.setDate(QDate(2026, 11, 22))  # the first day, in Beijing time
    bar.date_to.setDate(QDate(2026, 11, 22))
    bar.severity.setCurrentIndex(2)  # any other change re-reads the list ...
    bar.severity.setCurrentIndex(0)
    assert len(listed()) == 2  # ... but the dates apply only once ticked
    bar.date_enabled.setChecked(True)
    assert listed() == [fire.id]
    assert bar.has_filters()


@pytest.mark.parametrize(
    "query, expected",
    [
        ("观音桥", ["江北区观音桥货车侧翻"]),  # 3+ characters: FTS trigram index
        ("火", ["渝中区解放碑商场火灾"]),  # 1 character: LIKE
        ("滑坡 南岸", ["南岸区弹子石山体滑坡"]),  # two short terms, both must match
    ],
)
def test_search_in_chinese_narrows_the_list(
    qtbot, make_view, incident_service, clock, query, expected
):
    for title, category, type_code in (
        ("渝中区解放碑商场火灾", Category.ACCIDENT, "fire"),
        ("江北区观音桥货车侧翻", Category.ACCIDENT, "road_traffic"),
        ("南岸区弹子石山体滑坡", Category.NATURAL, "landslide"),
    ):
        incident_service.create_incident(
            draft(clock, title=title, place="", category=category, type_code=type_code), "值班员"
        )
    view = make_view()
    assert view.model.rowCount() == 3
    view.filter_bar.search.setText(query)
    assert view.model.rowCount() == 3  # debounced: nothing happens while typing
    qtbot.waitUntil(lambda: view.model.rowCount() == len(expected), timeout=2000)
    assert column(view, cols.COL_TITLE) == expected
    qtbot.waitUntil(lambda: query in view.status_line.text())


def test_deadline_badge_turns_amber_then_red(qtbot, make_view, incident_service, clock):
    # Grade III: initial report due 120 min after the event, amber 30 min before.
    incident = incident_service.create_incident(draft(clock, severity=Severity.III), "值班员")
    view = make_view()
    index = view.model.index(view.model.row_for(incident.id), cols.COL_DEADLINE)
    assert view.model.data(index, COUNTDOWN_ROLE) == ("ok", "01:55:00")
    assert_badge_colour(view, index, "ok")

    clock.advance(timedelta(minutes=90))
    with qtbot.waitSignal(view.model.dataChanged) as blocker:
        view.tick()
    assert blocker.args[0].column() == cols.COL_DEADLINE == blocker.args[1].column()
    assert view.model.data(index, COUNTDOWN_ROLE) == ("near", "00:25:00")
    assert_badge_colour(view, index, "near")

    clock.advance(timedelta(minutes=30))
    view.tick()
    assert view.model.data(index, COUNTDOWN_ROLE) == ("overdue", "-00:05:00")
    assert_badge_colour(view, index, "overdue")


def assert_badge_colour(view: IncidentLogView, index, state: str) -> None:
    """The delegate really painted the pill: sample it from a grab of the viewport."""
    view.table.scrollTo(index)
    rect = view.table.visualRect(index)
    image = view.table.viewport().grab().toImage()
    assert image.rect().contains(rect.center()), "deadline cell not visible"
    want = QColor(COUNTDOWN_COLOURS[state][0])
    y = rect.center().y()
    hits = 0
    for x in range(max(0, rect.left()), min(image.width(), rect.right())):
        c = image.pixelColor(QPoint(x, y))
        if (
            abs(c.red() - want.red()) + abs(c.green() - want.green()) + abs(c.blue() - want.blue())
            < 12
        ):
            hits += 1
    assert hits >= 5, f"no {state} pill painted in the deadline cell"


def test_exercise_mark_in_list_and_detail(qtbot, make_view, incident_service, clock):
    drill = incident_service.create_incident(
        draft(clock, title="防汛演练", exercise=True), "值班员"
    )
    real = incident_service.create_incident(draft(clock), "值班员")
    view = make_view()
    mark = labels.exercise_mark()
    assert (
        view.model.data(view.model.index(view.model.row_for(drill.id), cols.COL_CODE), TAG_ROLE)
        == mark
    )
    assert (
        view.model.data(view.model.index(view.model.row_for(real.id), cols.COL_CODE), TAG_ROLE)
        == ""
    )
    open_and_wait(qtbot, view, drill.id)
    assert view.detail.exercise_mark.isVisible()
    assert view.detail.exercise_mark.text() == mark
    open_and_wait(qtbot, view, real.id)
    assert not view.detail.exercise_mark.isVisible()


def test_hide_exercises(make_view, incident_service, clock):
    incident_service.create_incident(draft(clock, exercise=True), "值班员")
    real = incident_service.create_incident(draft(clock), "值班员")
    view = make_view()
    view.filter_bar.exercise.setCurrentIndex(1)  # hide exercises
    assert [view.model.key_of(r) for r in range(view.model.rowCount())] == [real.id]


def test_a_write_refreshes_the_row_in_place(qtbot, make_view, incident_service, runner, clock):
    incident = incident_service.create_incident(draft(clock), "值班员")
    incident_service.create_incident(draft(clock), "值班员")
    view = make_view()
    row = view.model.row_for(incident.id)
    assert view.model.data(view.model.index(row, cols.COL_CASUALTIES)) == ""
    resets = []
    view.model.modelReset.connect(lambda: resets.append(1))

    runner.write(
        incident_service.append_entry,
        incident.id,
        EntryKind.INITIAL_REPORT,
        "商场三楼起火，消防已到场",
        "值班员 陈晓",
        casualties=Casualties(injured=3),
    )
    qtbot.waitUntil(lambda: view.model.item(row).casualties.injured == 3)
    assert view.model.data(view.model.index(row, cols.COL_CASUALTIES)) != ""
    assert view.model.data(view.model.index(row, cols.COL_DEADLINE), COUNTDOWN_ROLE).text
    assert resets == []  # updated in place, not reloaded


def test_a_write_refreshes_the_open_incident(qtbot, make_view, incident_service, runner, clock):
    incident = incident_service.create_incident(draft(clock), "值班员")
    view = make_view()
    open_and_wait(qtbot, view, incident.id)
    entries_before = len(view.detail.timeline.items())
    assert view.action_follow_up.text() == view.tr("Initial report…")

    runner.write(
        incident_service.append_entry,
        incident.id,
        EntryKind.INITIAL_REPORT,
        "商场三楼起火，消防已到场",
        "值班员 陈晓",
    )
    qtbot.waitUntil(lambda: len(view.detail.timeline.items()) == entries_before + 1)
    assert view.detail.timeline.items()[-1].style == "report"
    assert "商场三楼起火" in view.detail.timeline.toPlainText()
    assert view.action_follow_up.text() == view.tr("Follow-up report…")
    assert view.action_final.isEnabled()


def test_a_new_incident_appears(qtbot, make_view, incident_service, runner, clock):
    incident_service.create_incident(draft(clock), "值班员")
    view = make_view()
    created = runner.write(
        incident_service.create_incident, draft(clock, title="新接报事件"), "值班员"
    )
    new_id = created.result(timeout=5).id
    qtbot.waitUntil(lambda: view.model.row_for(new_id) == 0)
    qtbot.waitUntil(
        lambda: view.status_line.text().startswith(view.tr("%1 incidents").replace("%1", "2"))
    )


def test_live_changes_respect_the_filter(qtbot, make_view, incident_service, runner, clock):
    first = incident_service.create_incident(draft(clock), "值班员")
    incident_service.change_status(first.id, Status.RESPONDING, "值班员")
    view = make_view()
    combo = view.filter_bar.status
    combo.setCurrentIndex(combo.findText(labels.status_name(Status.RESPONDING)))
    resets = []
    view.model.modelReset.connect(lambda: resets.append(1))

    new = runner.write(incident_service.create_incident, draft(clock), "值班员").result(5)
    # The view has handled the change (its event was queued before the write's answer), and a
    # reload it had decided on would have come RELOAD_COALESCE_MS after that.
    qtbot.waitUntil(lambda: not runner.busy)
    qtbot.wait(2 * RELOAD_COALESCE_MS)
    assert resets == [] and view.model.row_for(new.id) is None  # 接报, not 处置中: no reload

    runner.write(incident_service.change_status, new.id, Status.RESPONDING, "值班员")
    qtbot.waitUntil(lambda: view.model.row_for(new.id) is not None)
    assert view.model.rowCount() == 2


def test_keyboard_search_enter_and_actions(qtbot, make_view, incident_service, clock, dialogs):
    first = incident_service.create_incident(draft(clock, title="渝北区空港新城燃气泄漏"), "值班员")
    incident_service.create_incident(draft(clock, title="巴南区鱼洞内涝"), "值班员")
    view = make_view()
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.filter_bar.search.hasFocus()
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_F3)
    assert view.filter_bar.search.hasFocus()
    view.filter_bar.search.insert("燃气")  # QTest cannot type non-ASCII keys
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    qtbot.keyClick(view.filter_bar.search, Qt.Key.Key_Escape)
    assert view.filter_bar.search.text() == "" and view.model.rowCount() == 2

    view.table.setCurrentIndex(view.model.index(view.model.row_for(first.id), 0))
    qtbot.wait(150)
    assert view.detail.current_id is None  # moving through the list does not open
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.detail.current_id == first.id)

    view.action_follow_up.trigger()
    view.action_note.trigger()
    view.action_new.trigger()
    assert not view.action_final.isEnabled()  # no initial report yet
    assert dialogs.calls == [
        ("add_report", first.id, EntryKind.INITIAL_REPORT),
        ("add_note", first.id),
        ("new_incident",),
    ]
    assert view.action_follow_up.shortcut().toString() == "Ctrl+R"


def test_a_click_opens_the_row(qtbot, make_view, incident_service, clock):
    incident_service.create_incident(draft(clock), "值班员")
    second = incident_service.create_incident(draft(clock, title="第二起"), "值班员")
    view = make_view()
    rect = view.table.visualRect(view.model.index(view.model.row_for(second.id), cols.COL_TITLE))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: view.detail.current_id == second.id)
    assert view.detail.title.text() == "第二起"


def test_selection_signal(qtbot, make_view, incident_service, clock):
    incident = incident_service.create_incident(draft(clock), "值班员")
    view = make_view()
    with qtbot.waitSignal(view.sig_incident_selected) as blocker:
        view.select_incident(incident.id)
    assert blocker.args == [incident.id]


def test_answers_after_the_panel_closed_are_ignored(
    qtbot, make_view, incident_service, runner, clock
):
    incident = incident_service.create_incident(draft(clock), "值班员")
    view = make_view()
    view.select_incident(incident.id)  # a detail read and ...
    view.reload()  # ... a count read are under way
    shiboken6.delete(view)
    assert runner.busy  # their answers are still to come
    runner.write(incident_service.append_entry, incident.id, EntryKind.NOTE, "备注", "值班员")
    with qtbot.captureExceptions() as raised:
        qtbot.waitUntil(lambda: not runner.busy)  # every answer has been handed back (or dropped)
    assert raised == []


def test_missing_dialogs_module_is_a_clear_error(
    monkeypatch, qtbot, incident_service, runner, relay
):
    monkeypatch.setitem(__import__("sys").modules, "views.incident_log.dialogs", None)
    view = IncidentLogView(incident_service, runner, relay, author="值班员", tz=SHANGHAI)
    qtbot.addWidget(view)
    with pytest.raises(DialogsUnavailable):
        view.dialogs()
