"""The call-intake form against the real incident service and a real mirror."""

from __future__ import annotations

import time
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog
from sqlalchemy import event

from services.incidents.model import Casualties, Category, Severity, Source
from services.incidents.repository import IncidentQuery
from services.incidents.validation import TITLE_MAX
from views.common.task_runner import TaskRunner
from views.incident_log.form_support import parse_coordinate_pair, parse_degrees
from views.incident_log.intake_dialog import IntakeDialog

pytestmark = pytest.mark.gui
TZ = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def runner():
    r = TaskRunner()
    yield r
    r.shutdown()


@pytest.fixture(autouse=True)
def english_locale():
    """Type names follow the UI locale; these tests type English names."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(before)


@pytest.fixture
def dialog(qtbot, incident_service, runner):
    dlg = IntakeDialog(incident_service, runner, "duty officer 1", TZ)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.activateWindow()
    qtbot.waitUntil(dlg.isActiveWindow)
    return dlg


def focused():
    return QApplication.focusWidget()


def type_text(qtbot, text: str) -> None:
    """ASCII as key presses; Chinese as an input-method commit, as an IME sends it."""
    if text.isascii():
        qtbot.keyClicks(focused(), text)
    else:
        ev = QInputMethodEvent()
        ev.setCommitString(text)
        QApplication.sendEvent(focused(), ev)


def tab(qtbot, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)


def submit_keys(qtbot) -> None:
    qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def count(service) -> int:
    return service.count(IncidentQuery())


def wait_idle(qtbot, runner) -> None:
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)


def test_log_a_call_with_the_keyboard_only(qtbot, dialog, incident_service, runner, clock):
    assert focused() is dialog.title_edit
    type_text(qtbot, "渝北区某化工厂储罐泄漏")
    tab(qtbot)
    type_text(qtbot, "Acc")  # category type-ahead: Accident
    tab(qtbot)
    type_text(qtbot, "Haz")  # type type-ahead within the category
    tab(qtbot)
    type_text(qtbot, "Rel")  # severity: Relatively major (III)
    tab(qtbot)
    assert focused() is dialog.occurred_edit
    tab(qtbot)  # occurred time keeps its default: now; one Tab leaves it
    assert focused() is dialog.place_edit
    type_text(qtbot, "渝北区空港工业园")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # Enter moves on like Tab
    assert focused() is dialog.division_edit
    type_text(qtbot, "Yubei")
    tab(qtbot)
    type_text(qtbot, "29.718")
    tab(qtbot)
    type_text(qtbot, "106.631")
    tab(qtbot)
    for value in ("1", "3", "0", "2"):
        type_text(qtbot, value)
        tab(qtbot)
    assert focused() is dialog.source_combo
    tab(qtbot)
    type_text(qtbot, "Wang")
    tab(qtbot)
    type_text(qtbot, "023-6789 1234")
    tab(qtbot)
    assert focused() is dialog.summary_edit
    type_text(qtbot, "Tank leaking")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # a newline, not the next field
    type_text(qtbot, "Workers evacuated")
    tab(qtbot)
    assert focused() is dialog.exercise_check
    qtbot.keyClick(focused(), Qt.Key.Key_Space)

    with qtbot.waitSignal(dialog.sig_incident_created, timeout=5000) as created:
        submit_keys(qtbot)

    incident = incident_service.get(created.args[0])
    assert incident.id == dialog.draft_id
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert incident.title == "渝北区某化工厂储罐泄漏"
    assert incident.category == Category.ACCIDENT
    assert incident.type_code == "hazardous_chemicals"
    assert incident.severity == Severity.III
    assert incident.occurred_at == clock.now().replace(microsecond=0)
    assert (incident.place, incident.division) == ("渝北区空港工业园", "Yubei")
    assert (incident.lat, incident.lon) == (29.718, 106.631)
    assert incident.casualties == Casualties(deaths=1, injured=3, missing=0, trapped=2)
    assert incident.source == Source.PHONE
    assert (incident.reporter, incident.reporter_phone) == ("Wang", "023-6789 1234")
    assert incident.summary == "Tank leaking\nWorkers evacuated"
    assert incident.exercise is True
    assert incident.created_by == "duty officer 1"
    assert count(incident_service) == 1


def test_defaults(dialog, clock):
    assert dialog.severity_combo.currentData() == Severity.UNGRADED
    assert dialog.source_combo.currentData() == Source.PHONE
    assert dialog.category_combo.currentIndex() == 0
    assert dialog.occurred_at() == clock.now().astimezone(TZ).replace(microsecond=0)
    assert not dialog.exercise_check.isChecked()


def test_type_list_follows_the_category(dialog, incident_service):
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData(Category.PUBLIC_HEALTH))
    codes = {dialog.type_combo.itemData(i) for i in range(dialog.type_combo.count())}
    expected = {t.code for t in incident_service.taxonomy.types_of(Category.PUBLIC_HEALTH)}
    assert codes == expected | {""}


def test_double_submit_creates_one_incident(qtbot, dialog, incident_service, runner):
    dialog.title_edit.setText("Double Enter")
    submit_keys(qtbot)
    assert not dialog.submit_button.isEnabled()  # disabled while the write is in flight
    submit_keys(qtbot)
    dialog.on_submit()
    wait_idle(qtbot, runner)
    assert count(incident_service) == 1
    assert incident_service.get(dialog.draft_id).title == "Double Enter"


def test_empty_title_is_refused_with_a_message(qtbot, dialog, incident_service, runner):
    submit_keys(qtbot)
    wait_idle(qtbot, runner)
    assert "Title must not be empty." in dialog.message_panel.messages
    assert dialog.message_panel.isVisible()
    assert focused() is dialog.title_edit
    assert dialog.submit_button.isEnabled()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert count(incident_service) == 0


def test_swapped_coordinates_are_explained(qtbot, dialog, incident_service, runner):
    dialog.title_edit.setText("Landslide")
    dialog.lat_edit.setText("106.577")
    dialog.lon_edit.setText("29.557")
    submit_keys(qtbot)
    wait_idle(qtbot, runner)
    assert dialog.message_panel.messages == [
        "Latitude and longitude look swapped: latitude comes first."
    ]
    assert focused() is dialog.lat_edit
    assert count(incident_service) == 0


def test_bad_coordinate_text_gives_a_message_not_a_crash(qtbot, dialog, incident_service, runner):
    dialog.lat_edit.setText("29.5x")
    dialog.lon_edit.setText("106.55")
    submit_keys(qtbot)
    wait_idle(qtbot, runner)
    messages = dialog.message_panel.messages
    assert any(m.startswith("Latitude is not a number") for m in messages)
    assert "Title must not be empty." in messages  # all problems at once
    assert count(incident_service) == 0


def test_coordinate_parsing():
    assert parse_degrees(" 29.5630 ") == 29.563
    assert parse_degrees("２９．５") == 29.5  # full-width input
    assert parse_degrees("29.5°N") == 29.5
    assert parse_degrees("北纬29.5") == 29.5
    assert parse_degrees("106.5W") == -106.5
    assert parse_degrees("") is None
    for bad in ("nan", "1_0", "29,5", "abc", "1e5"):
        with pytest.raises(ValueError):
            parse_degrees(bad)
    assert parse_coordinate_pair("29.56, 106.55") == ("29.56", "106.55")
    assert parse_coordinate_pair("29.56") is None


def test_a_pasted_pair_fills_both_fields(qtbot, dialog):
    dialog.lat_edit.setFocus()
    type_text(qtbot, "29.56, 106.55")
    tab(qtbot)
    assert (dialog.lat_edit.text(), dialog.lon_edit.text()) == ("29.56", "106.55")


def test_huge_paste_into_summary_is_refused_without_freezing(
    qtbot, dialog, incident_service, runner
):
    dialog.title_edit.setText("Big paste")
    QApplication.clipboard().setText("x" * 100_000)
    dialog.summary_edit.setFocus()
    started = time.monotonic()
    qtbot.keyClick(dialog.summary_edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    submit_keys(qtbot)
    wait_idle(qtbot, runner)
    assert time.monotonic() - started < 1  # Qt's default wrap mode took ~2 s here
    assert len(dialog.summary_edit.toPlainText()) == 100_000
    assert dialog.message_panel.messages == ["Summary is too long: at most 20000 characters."]
    assert focused() is dialog.summary_edit
    assert count(incident_service) == 0


def test_huge_paste_into_title_is_cut_at_the_limit(qtbot, dialog):
    QApplication.clipboard().setText("y" * 100_000)
    dialog.title_edit.setFocus()
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert len(dialog.title_edit.text()) == TITLE_MAX


def limit_mirror_to_its_current_size(mirror):
    """A full disk, for real: SQLite refuses to grow the file past max_page_count."""
    with mirror.engine.connect() as con:
        pages = con.exec_driver_sql("PRAGMA page_count").scalar()

    def cap(dbapi_con, _record):
        dbapi_con.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(mirror.engine, "connect", cap)
    mirror.engine.dispose()  # pooled connections pick up the cap when reopened
    return cap


def test_full_disk_keeps_the_form_and_a_retry_logs_once(
    qtbot, dialog, mirror, incident_service, runner
):
    cap = limit_mirror_to_its_current_size(mirror)
    summary = "火场情况说明。" * 800  # needs new pages: the row, the outbox and the search index
    dialog.title_edit.setText("仓库火灾")
    dialog.summary_edit.setPlainText(summary)
    submit_keys(qtbot)
    wait_idle(qtbot, runner)
    assert len(dialog.message_panel.messages) == 1
    assert dialog.message_panel.messages[0].startswith("The disk is full: nothing was saved.")
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.title_edit.text() == "仓库火灾"
    assert dialog.summary_edit.toPlainText() == summary
    assert dialog.submit_button.isEnabled()
    assert count(incident_service) == 0

    event.remove(mirror.engine, "connect", cap)
    mirror.engine.dispose()
    with qtbot.waitSignal(dialog.sig_incident_created, timeout=5000):
        submit_keys(qtbot)
    assert count(incident_service) == 1
    assert incident_service.get(dialog.draft_id).summary == summary


def test_casualties_suggest_a_higher_grade_for_accidents(qtbot, incident_service):
    from zoneinfo import ZoneInfo

    from services.incidents.model import Category, Severity
    from views.common.task_runner import TaskRunner

    dlg = IntakeDialog(incident_service, TaskRunner(), "值班员", ZoneInfo("Asia/Shanghai"))
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.category_combo.setCurrentIndex(dlg.category_combo.findData(Category.ACCIDENT))
    assert dlg.grading_hint.isHidden()
    dlg.spins["deaths"].setValue(3)
    assert not dlg.grading_hint.isHidden()
    assert "Relatively major (III)" in dlg.grading_hint.text()
    dlg.severity_combo.setCurrentIndex(dlg.severity_combo.findData(Severity.II))
    assert dlg.grading_hint.isHidden()
    dlg.category_combo.setCurrentIndex(dlg.category_combo.findData(Category.NATURAL))
    assert dlg.grading_hint.isHidden()
