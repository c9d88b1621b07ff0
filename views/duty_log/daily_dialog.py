"""值班日报 for the leader on duty: pick the day, read the figures (built on a
reader), add remarks, then save it as PDF, print it, or send it to the
platform as the day's record (again: it replaces the one sent before)."""

from __future__ import annotations

import os
from datetime import date, tzinfo

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
)

from services.duty_log.daily import DailyFigures, DailyReports
from views.audit import trail as audit_trail
from views.common.clearance_labels import Levels, marking
from views.common.gui_op import GuiOp
from views.duty_log.daily_document import build_daily_html, file_stem
from views.incident_log.dialogs import write_file_atomic
from views.incident_log.report_pdf import RenderError, pdf_bytes, print_report, report_fonts
from widgets.plain_text import message_box, plain_label


class DailyReportDialog(QDialog):
    sig_built = Signal(object)  # DailyFigures, once shown
    sig_saved = Signal(str)  # the PDF's path
    sig_sent = Signal(str)  # the record's id, queued for the platform
    sig_failed = Signal(str)  # what went wrong, as told to the officer

    def __init__(self, service: DailyReports, runner, *, tz: tzinfo, site_name: str, officer: str, parent=None):
        super().__init__(parent)
        self.setObjectName("daily_report_dialog")
        self.setWindowTitle(self.tr("Daily duty report"))
        self.resize(900, 820)
        self.service, self.runner, self.tz, self.site_name, self.officer = service, runner, tz, site_name, officer
        self.figures: DailyFigures | None = None
        self.html = ""
        self.last_dir = os.path.expanduser("~")
        today = service.clock.now().astimezone(tz).date()
        self.day = QDateEdit(QDate(today.year, today.month, today.day), objectName="daily_day", calendarPopup=True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.dateChanged.connect(lambda _d: self.build())
        self.previous = QPushButton(self.tr("Previous day"))
        self.previous.clicked.connect(lambda: self.day.setDate(self.day.date().addDays(-1)))
        self.sent_label = plain_label(objectName="daily_sent")
        top = QHBoxLayout()
        top.addWidget(plain_label(self.tr("Day")))
        top.addWidget(self.day)
        top.addWidget(self.previous)
        top.addStretch(1)
        top.addWidget(self.sent_label)
        self.preview = QTextBrowser(objectName="daily_preview")
        self.preview.setOpenLinks(False)
        self.notes = QPlainTextEdit(objectName="daily_notes")
        self.notes.setPlaceholderText(self.tr("Remarks of the leader on duty (printed and sent with the report)"))
        self.notes.setMaximumHeight(90)
        self.notes.textChanged.connect(self._render)
        self.save_button = QPushButton(self.tr("Save as PDF…"), objectName="daily_pdf")
        self.print_button = QPushButton(self.tr("Print…"), objectName="daily_print")
        self.send_button = QPushButton(self.tr("Send to the platform"), objectName="daily_send")
        close = QPushButton(self.tr("Close"))
        self.save_button.clicked.connect(self.save_pdf)
        self.print_button.clicked.connect(self.print_now)
        self.send_button.clicked.connect(self.send)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.save_button, self.print_button, self.send_button):
            buttons.addWidget(button)
            button.setEnabled(False)
        buttons.addStretch(1)
        buttons.addWidget(close)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.preview, 1)
        box.addWidget(plain_label(self.tr("Remarks")))
        box.addWidget(self.notes)
        box.addLayout(buttons)

    def selected_day(self) -> date:
        d = self.day.date()
        return date(d.year(), d.month(), d.day())

    def set_day(self, day: date) -> None:
        self.day.setDate(QDate(day.year, day.month, day.day))

    def build(self) -> None:
        for button in (self.save_button, self.print_button, self.send_button):
            button.setEnabled(False)
        self.preview.setPlainText(self.tr("Building the report…"))
        GuiOp(self, self.runner, self._read, self.service, self.selected_day()).as_read() \
            .success(self._built).failure(self._build_failed).run()

    @staticmethod
    def _read(service: DailyReports, day: date):
        return service.build(day), service.sent_at(day)

    def _built(self, result) -> None:
        figures, sent_at = result
        if figures.day != self.selected_day():
            return  # the officer moved on to another day meanwhile
        self.figures = figures
        self._render()
        self.sent_label.setText(self.tr("Sent at %1").replace("%1", sent_at.astimezone(self.tz).strftime(
            "%m-%d %H:%M")) if sent_at else self.tr("Not sent yet"))
        for button in (self.save_button, self.print_button, self.send_button):
            button.setEnabled(True)
        self.sig_built.emit(figures)

    def _build_failed(self, exc: BaseException) -> None:
        text = self.tr("The report could not be built: %1").replace("%1", str(exc))
        self.preview.setPlainText(text)
        self.sig_failed.emit(text)

    def _render(self) -> None:
        if self.figures is None:
            return
        body, heading = report_fonts()
        self.html = build_daily_html(self.figures, site_name=self.site_name, tz=self.tz,
                                     notes=self.notes.toPlainText(), officer=self.officer, body_font=body,
                                     heading_font=heading)
        self.preview.setHtml(self.html)

    def title(self) -> str:
        day = self.figures.day if self.figures else self.selected_day()
        return self.tr("Daily duty report %1").replace("%1", day.isoformat())

    def ask_save_path(self, suggested: str) -> str:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save the daily report as PDF"), suggested,
                                                    self.tr("PDF files (*.pdf)"))
        return path

    def save_pdf(self) -> None:
        if self.figures is None:
            return
        path = self.ask_save_path(os.path.join(self.last_dir, file_stem(self.figures) + ".pdf"))
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        self.last_dir = os.path.dirname(path)
        data, _pages = pdf_bytes(self.html, exercise=False, title=self.title(), marking=self.marking())
        GuiOp(self, self.runner, write_file_atomic, path, data).as_read() \
            .success(lambda _r: self._saved(path)) \
            .failure(lambda exc: self._tell(self.tr("The PDF could not be saved to %1: %2. Nothing was written; "
                                                    "choose another place.").replace("%1", path)
                                            .replace("%2", getattr(exc, "strerror", None) or str(exc)))).run()

    def _saved(self, path: str) -> None:
        audit_trail.exported(self, "daily_report_pdf", path, entity="daily_report",
                             entity_id=self.figures.day.isoformat() if self.figures else "")
        self.sig_saved.emit(path)

    def marking(self) -> str:
        """The highest 密级 of the day's incidents on every page (views/incident_log/report_pdf.py)."""
        return marking(Levels(*self.service.levels()), self.figures.level) if self.figures is not None else ""

    def print_now(self) -> None:
        if self.figures is None:
            return
        try:
            if print_report(self, self.html, exercise=False, title=self.title(), marking=self.marking()):
                audit_trail.printed(self, "daily_report", entity="daily_report",
                                    entity_id=self.figures.day.isoformat())
        except RenderError:
            self._tell(self.tr("The printer could not be used; nothing was printed."))

    def send(self) -> None:
        if self.figures is None:
            return
        GuiOp(self, self.runner, self.service.send, self.figures, self.title(), self.notes.toPlainText(),
              self.officer).titled(self.windowTitle()).success(self._sent).run()

    def _sent(self, record_id: str) -> None:
        now = self.service.clock.now().astimezone(self.tz)
        self.sent_label.setText(self.tr("Sent at %1 (waiting for the platform)").replace(
            "%1", now.strftime("%m-%d %H:%M")))
        self.sig_sent.emit(record_id)

    def _tell(self, text: str) -> None:
        self.sig_failed.emit(text)
        box = message_box(QMessageBox.Icon.Warning, self.windowTitle(), text, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
