"""Reports, notes and status changes through their dialogs, on the real service."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from services.incidents.model import Casualties, EntryKind, Severity, Status
from tests.helpers import draft
from views.common.task_runner import TaskRunner
from views.incident_log.dialogs import IncidentDialogs
from views.incident_log.report_dialog import ReportDialog
from views.incident_log.status_dialog import StatusDialog

pytestmark = pytest.mark.gui
TZ = ZoneInfo("Asia/Shanghai")
AUTHOR = "duty officer 2"


@pytest.fixture
def runner():
    r = TaskRunner()
    yield r
    r.shutdown()


@pytest.fixture
def incident(incident_service, clock):
    return incident_service.create_incident(draft(clock), "intake officer")


def show(qtbot, dlg):
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.activateWindow()
    qtbot.waitUntil(dlg.isActiveWindow)
    return dlg


def report_dialog(qtbot, service, runner, incident, kind, **kw):
    return show(qtbot, ReportDialog(service, runner, AUTHOR, TZ, incident, kind, **kw))


def ctrl_enter(qtbot):
    qtbot.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )


def send(qtbot, dlg):
    with qtbot.waitSignal(dlg.sig_entry_appended, timeout=5000) as sent:
        ctrl_enter(qtbot)
    assert dlg.result() == QDialog.DialogCode.Accepted
    return sent.args[1]


def kinds(service, incident):
    return [e.kind for e in service.timeline(incident.id) if e.kind != EntryKind.SYSTEM]


def test_initial_follow_up_and_final_report(qtbot, incident_service, runner, incident, clock):
    dlg = report_dialog(qtbot, incident_service, runner, incident, EntryKind.INITIAL_REPORT)
    template = dlg.body_edit.toPlainText()
    assert "Place: 渝中区解放碑" in template
    assert "Casualties: 0 dead, 0 injured, 0 missing, 0 trapped" in template
    qtbot.keyClicks(
        dlg.body_edit, "Fire on the third floor"
    )  # the cursor waits after "What happened:"
    entry_id = send(qtbot, dlg)
    assert entry_id == dlg.entry_id
    initial = incident_service.timeline(incident.id)[-1]
    assert initial.kind == EntryKind.INITIAL_REPORT
    assert "What happened: Fire on the third floor\n" in initial.body
    assert initial.author == AUTHOR

    clock.advance(timedelta(minutes=30))
    fresh = incident_service.get(incident.id)
    dlg = report_dialog(
        qtbot, incident_service, runner, fresh, EntryKind.FOLLOW_UP_REPORT, sequence=1
    )
    assert "(No. 1)" in dlg.windowTitle()
    dlg.body_edit.setPlainText("Fire under control; four people injured.")
    dlg.spins["injured"].setValue(4)
    dlg.severity_combo.setCurrentIndex(dlg.severity_combo.findData(Severity.II))
    send(qtbot, dlg)
    after = incident_service.get(incident.id)
    assert after.casualties == Casualties(injured=4)
    assert after.severity == Severity.II
    assert after.last_report_kind == EntryKind.FOLLOW_UP_REPORT

    clock.advance(timedelta(hours=2))
    dlg = report_dialog(qtbot, incident_service, runner, after, EntryKind.FINAL_REPORT)
    assert "Cause (preliminary):" in dlg.body_edit.toPlainText()
    qtbot.keyClicks(dlg.body_edit, "Extinguished")
    send(qtbot, dlg)
    assert kinds(incident_service, incident) == [
        EntryKind.INITIAL_REPORT,
        EntryKind.FOLLOW_UP_REPORT,
        EntryKind.FINAL_REPORT,
    ]
    assert incident_service.get(incident.id).last_report_kind == EntryKind.FINAL_REPORT


def test_follow_up_before_initial_is_refused(qtbot, incident_service, runner, incident):
    dlg = report_dialog(qtbot, incident_service, runner, incident, EntryKind.FOLLOW_UP_REPORT)
    dlg.body_edit.setPlainText("Progress without a first report")
    ctrl_enter(qtbot)
    qtbot.waitUntil(lambda: dlg.message_panel.messages != [], timeout=5000)
    assert dlg.message_panel.messages == ["Send the initial report first."]
    assert dlg.isVisible() and dlg.result() != QDialog.DialogCode.Accepted
    assert dlg.body_edit.toPlainText() == "Progress without a first report"
    assert dlg.submit_button.isEnabled()
    assert kinds(incident_service, incident) == []


def test_unchanged_template_is_not_sent(qtbot, incident_service, runner, incident):
    dlg = report_dialog(qtbot, incident_service, runner, incident, EntryKind.INITIAL_REPORT)
    ctrl_enter(qtbot)
    assert dlg.message_panel.messages[0].startswith("The report is still the unchanged template")
    assert not runner.busy
    assert kinds(incident_service, incident) == []


def test_double_submit_appends_once(qtbot, incident_service, runner, incident):
    dlg = report_dialog(qtbot, incident_service, runner, incident, EntryKind.INITIAL_REPORT)
    dlg.body_edit.setPlainText("First report")
    dlg.on_submit()
    dlg.on_submit()
    ctrl_enter(qtbot)
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    assert kinds(incident_service, incident) == [EntryKind.INITIAL_REPORT]


def test_note_mode(qtbot, incident_service, runner, incident):
    dlg = report_dialog(qtbot, incident_service, runner, incident, EntryKind.NOTE)
    assert dlg.body_edit.toPlainText() == ""
    assert dlg.severity_combo is None and dlg.spins == {}
    qtbot.keyClicks(dlg.body_edit, "Called the fire brigade again")
    send(qtbot, dlg)
    note = incident_service.timeline(incident.id)[-1]
    assert (note.kind, note.body) == (EntryKind.NOTE, "Called the fire brigade again")


def test_status_dialog_offers_forward_moves_and_wants_a_reason_to_cancel(
    qtbot, incident_service, runner, incident
):
    dlg = show(qtbot, StatusDialog(incident_service, runner, AUTHOR, TZ, incident))
    assert list(dlg.radios) == [Status.RESPONDING, Status.CLOSED, Status.CANCELLED]
    dlg.radios[Status.CANCELLED].setChecked(True)
    ctrl_enter(qtbot)
    qtbot.waitUntil(lambda: dlg.message_panel.messages != [], timeout=5000)
    assert dlg.message_panel.messages == ["Reason must not be empty."]
    assert incident_service.get(incident.id).status == Status.RECEIVED

    dlg.reason_edit.setPlainText("False alarm: a barbecue")
    with qtbot.waitSignal(dlg.sig_status_changed, timeout=5000):
        ctrl_enter(qtbot)
    assert incident_service.get(incident.id).status == Status.CANCELLED

    closed = show(
        qtbot, StatusDialog(incident_service, runner, AUTHOR, TZ, incident_service.get(incident.id))
    )
    assert closed.radios == {}
    assert not closed.submit_button.isEnabled()


def test_status_dialog_responding_offers_no_way_back(qtbot, incident_service, runner, incident):
    responding = incident_service.change_status(incident.id, Status.RESPONDING, AUTHOR)
    dlg = show(qtbot, StatusDialog(incident_service, runner, AUTHOR, TZ, responding))
    assert list(dlg.radios) == [Status.CLOSED, Status.CANCELLED]
    assert dlg.hint_label.text() == "No final report has been sent for this incident yet."


def test_incident_dialogs_refuses_a_follow_up_before_it_opens(
    qtbot, incident_service, runner, incident
):
    dialogs = IncidentDialogs(incident_service, runner, author=AUTHOR, tz=TZ)
    with qtbot.waitSignal(dialogs.sig_failed, timeout=5000) as failed:
        dialogs.add_report(None, incident, EntryKind.FOLLOW_UP_REPORT)
    assert failed.args == ["Send the initial report first."]
    assert dialogs.open_dialogs == []

    incident_service.append_entry(incident.id, EntryKind.INITIAL_REPORT, "first", AUTHOR)
    dialogs.add_report(None, incident, EntryKind.FOLLOW_UP_REPORT)  # stale incident: re-read
    qtbot.waitUntil(lambda: dialogs.open_dialogs != [], timeout=5000)
    dlg = dialogs.open_dialogs[0]
    assert isinstance(dlg, ReportDialog) and dlg.sequence == 1
    dlg.reject()
