"""Record text crafted as markup, one place at a time: the tooltip helper, the
generic list model's tooltip role, the commander's incident card, the
display's report in the workstation's status bar, the timeline, the printed
report, the incident log's message box and the import dialog's message."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from services.incidents.model import EntryKind
from services.wall.wire import WallReport, WallShowing
from tests.gui.record_text import (
    EVIL_NAME,
    EVIL_PLACE,
    EVIL_TITLE,
    became_markup,
    label_shows,
    shown,
    tooltip_shows,
)
from tests.helpers import draft
from widgets.plain_text import escape, tooltip

TRICKY = [EVIL_NAME, EVIL_TITLE, EVIL_PLACE, "<b>x</b>\n  two  lines", "a &lt; b", "  <i>lead", "<!DOCTYPE html>x",
          "plain 文本", "", "CQ-2026-0001\n<b>second line</b>", "<p style='white-space:pre-wrap'>nested</p>"]


def test_the_tooltip_helper_shows_exactly_what_it_is_given(qapp):
    for text in TRICKY:
        assert tooltip_shows(tooltip(text)) == text
        assert not became_markup(tooltip(text))
    for text in TRICKY:  # escape() for rich text built around record text (spaces run together there)
        assert " ".join(shown(f"<p>{escape(text)}</p>", Qt.TextFormat.RichText).split()) == " ".join(text.split())


def test_the_list_models_tooltip_role_is_text(qapp):
    from views.common.lazy_table_model import Column, LazyTableModel

    rows = [{"id": "1", "title": EVIL_TITLE}, {"id": "2", "title": EVIL_NAME}]
    model = LazyTableModel([Column("Title", lambda r: r["title"], None,
                                   {Qt.ItemDataRole.ToolTipRole: lambda r: r["title"]})],
                           lambda offset, limit: rows[offset:offset + limit], key=lambda r: r["id"])
    model.reload()
    tips = [model.index(n, 0).data(Qt.ItemDataRole.ToolTipRole) for n in range(2)]
    assert [tooltip_shows(t) for t in tips] == [EVIL_TITLE, EVIL_NAME]
    assert [model.index(n, 0).data() for n in range(2)] == [EVIL_TITLE, EVIL_NAME]  # display: untouched


def test_the_commanders_card_shows_titles_and_entries_as_text(qtbot, incident_service, clock):
    from zoneinfo import ZoneInfo

    from views.commander.card import IncidentCard

    incident = incident_service.create_incident(draft(clock, title=EVIL_TITLE, place=EVIL_PLACE,
                                                      summary=EVIL_NAME), EVIL_NAME)
    incident_service.append_entry(incident.id, EntryKind.NOTE, EVIL_PLACE, EVIL_NAME)
    card = IncidentCard(ZoneInfo("Asia/Shanghai"))
    qtbot.addWidget(card)
    card.show_incident(incident_service.get(incident.id), incident_service.timeline(incident.id))
    text = label_shows(card.body)
    assert EVIL_TITLE in text and EVIL_PLACE in text and EVIL_NAME in text
    assert not became_markup(card.body.text(), card.body.textFormat())


def test_the_displays_report_quotes_titles_as_text(qtbot):
    from app.wall.push_menu import WallPushMenu

    window = QMainWindow()
    qtbot.addWidget(window)
    menu = WallPushMenu(window)
    menu.on_report(WallReport(showing=WallShowing(map_incident_title=EVIL_TITLE, card_incident_title=EVIL_NAME)))
    assert EVIL_TITLE in label_shows(menu.label) and EVIL_NAME in label_shows(menu.label)
    assert not became_markup(menu.label.text(), menu.label.textFormat())


def test_the_timeline_and_the_printed_report_hold_no_markup_from_records(qtbot, incident_service, clock):
    from zoneinfo import ZoneInfo

    from views.incident_log.report_document import build_html, select_report
    from views.incident_log.report_pdf import make_document
    from widgets.timeline import TimelineItem, TimelineView

    view = TimelineView()
    qtbot.addWidget(view)
    view.set_items([TimelineItem("k1", "08:00", EVIL_NAME, "note", EVIL_TITLE, EVIL_PLACE)])
    text = view.toPlainText()
    assert EVIL_NAME in text and EVIL_TITLE in text and EVIL_PLACE in text
    assert "<img" not in view.toHtml()  # no image asked for
    incident = incident_service.create_incident(draft(clock, title=EVIL_TITLE, place=EVIL_PLACE), EVIL_NAME)
    incident_service.append_entry(incident.id, EntryKind.INITIAL_REPORT, EVIL_PLACE, EVIL_NAME)
    report = select_report(incident_service.get(incident.id), incident_service.timeline(incident.id))
    doc = make_document(build_html(report, site_name=EVIL_NAME, tz=ZoneInfo("Asia/Shanghai")))
    printed = doc.toPlainText()
    assert EVIL_TITLE in printed and EVIL_NAME in printed and EVIL_PLACE.strip() in printed


def test_message_boxes_and_the_import_message_quote_records_as_text(qtbot, incident_service, mirror):
    from zoneinfo import ZoneInfo

    from services.cameras.store import CameraStore
    from views.common.task_runner import TaskRunner
    from views.incident_log.dialogs import IncidentDialogs
    from views.video.import_dialog import ImportCamerasDialog

    parent = QWidget()
    qtbot.addWidget(parent)
    runner = TaskRunner()
    try:
        dialogs = IncidentDialogs(incident_service, runner, author="a", tz=ZoneInfo("Asia/Shanghai"))
        dialogs.notify(parent, EVIL_TITLE, error=True)
        box = next(b for b in parent.findChildren(QMessageBox))
        assert box.textFormat() == Qt.TextFormat.PlainText and box.text() == EVIL_TITLE
        box.close()
        dialog = ImportCamerasDialog(CameraStore(mirror), runner, parent)
        dialog._failed(RuntimeError(EVIL_TITLE))  # what a failed save says, quoting the file
        assert EVIL_TITLE in label_shows(dialog.message)
        assert not became_markup(dialog.message.text(), dialog.message.textFormat())
    finally:
        runner.shutdown()
