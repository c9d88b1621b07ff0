"""The incident log's dialogs behind one object the log view calls.

The view hands over an Incident it may have read a while ago; before a report
or status change is offered we read it again, so the template, the follow-up
number and the forward transitions match what the mirror holds now.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from contextlib import suppress
from datetime import tzinfo

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from services.incidents.model import EntryKind, Incident, TimelineEntry
from services.incidents.service import report_order_problem as service_report_order
from services.incidents.validation import Problem
from views.audit import trail as audit_trail
from views.common import labels
from views.common.clearance_labels import Levels, marking
from views.common.gui_op import GuiOp
from views.incident_log.form_support import error_messages, problem_text
from views.incident_log.intake_dialog import IntakeDialog
from views.incident_log.report_dialog import ReportDialog
from views.incident_log.report_document import build_html, file_stem, report_level, select_report
from views.incident_log.report_pdf import RenderError, pdf_bytes, report_fonts
from views.incident_log.report_pdf import print_report as print_html
from views.incident_log.status_dialog import StatusDialog


def report_order_problem(incident: Incident, kind: EntryKind) -> Problem | None:
    """Why `kind` cannot be sent now (the service's own rule, asked before typing)."""
    return service_report_order(incident.last_report_kind, kind)


def load_incident(service, incident_id: str, annex=None) -> tuple[Incident, list[TimelineEntry], list]:
    """Runs on a reader thread: a fresh incident, its timeline and (with `annex`,
    incident id -> its checklist steps) what the final report's annex prints."""
    return service.get(incident_id), service.timeline(incident_id), annex(incident_id) if annex else []


def write_file_atomic(path: str, data: bytes) -> None:
    """Writes next to the target and renames, so a failure (full disk, pulled USB
    stick) never leaves a truncated file in place of a good one."""
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".watchroom-", suffix=".part", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise


class IncidentDialogs(QObject):
    sig_incident_created = Signal(str)  # incident id
    sig_entry_appended = Signal(str, str)  # incident id, entry id
    sig_status_changed = Signal(str, str)  # incident id, status value
    sig_pdf_exported = Signal(str)  # path
    sig_failed = Signal(str)  # the message shown to the officer

    def __init__(
        self, service, runner, *, author: str, tz: tzinfo, site_name: str = "", parent=None, annex=None
    ):
        super().__init__(parent)
        self.annex = annex  # incident id -> checklist steps (services/plans/checklists.py), or None
        self.service = service
        self.runner = runner
        self.author = author
        self.tz = tz
        self.site_name = site_name
        self.last_dir = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        self.last_message = ""
        self.open_dialogs: list[QDialog] = []

    # ---- dialogs -----------------------------------------------------------

    def new_incident(self, parent: QWidget | None, at: tuple[float, float] | None = None) -> None:
        """`at`: a position picked on the map, filled in for the officer."""
        dialog = IntakeDialog(self.service, self.runner, self.author, self.tz, parent)
        if at is not None:
            dialog.set_position(*at)
        dialog.sig_incident_created.connect(self.sig_incident_created)
        self._open(dialog)

    def add_report(self, parent: QWidget | None, incident: Incident, kind: EntryKind) -> None:
        self.report_for(parent, incident.id, kind)

    def report_for(
        self, parent: QWidget | None, incident_id: str, kind: EntryKind, *, lead_text: str = "",
        on_saved: Callable[[str], None] | None = None,
    ) -> None:
        """A report of `kind` on the incident as the mirror holds it now; `lead_text`
        before its template, `on_saved(entry id)` once the officer has sent it (a
        cancelled dialog calls nothing)."""

        def show(loaded: tuple[Incident, list[TimelineEntry], list]) -> None:
            fresh, timeline, _annex = loaded
            problem = report_order_problem(fresh, kind)
            if problem is not None:
                self.notify(parent, problem_text(problem), error=True)
                return
            sequence = sum(e.kind == EntryKind.FOLLOW_UP_REPORT for e in timeline) + 1
            dialog = ReportDialog(
                self.service, self.runner, self.author, self.tz, fresh, kind, parent,
                sequence=sequence if kind == EntryKind.FOLLOW_UP_REPORT else None, lead_text=lead_text,
            )  # fmt: skip
            dialog.sig_entry_appended.connect(self.sig_entry_appended)
            if on_saved is not None:
                dialog.sig_entry_appended.connect(lambda _incident, entry: on_saved(entry))
            self._open(dialog)

        self._load(parent, incident_id, show)

    def add_note(self, parent: QWidget | None, incident: Incident) -> None:
        dialog = ReportDialog(
            self.service, self.runner, self.author, self.tz, incident, EntryKind.NOTE, parent
        )
        dialog.sig_entry_appended.connect(self.sig_entry_appended)
        self._open(dialog)

    def change_status(self, parent: QWidget | None, incident: Incident) -> None:
        def show(loaded: tuple[Incident, list[TimelineEntry], list]) -> None:
            dialog = StatusDialog(
                self.service, self.runner, self.author, self.tz, loaded[0], parent
            )
            dialog.sig_status_changed.connect(self.sig_status_changed)
            self._open(dialog)

        self._load(parent, incident.id, show)

    def _open(self, dialog: QDialog) -> None:
        """Window-modal and non-blocking; kept alive until it closes."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.open_dialogs.append(dialog)
        dialog.finished.connect(lambda _r, d=dialog: self.open_dialogs.remove(d))
        dialog.open()

    # ---- printing ----------------------------------------------------------

    def export_pdf(
        self, parent: QWidget | None, incident: Incident, kind: EntryKind | None = None
    ) -> None:
        """Saves the incident's latest report (or the given kind) as a PDF."""

        def export(loaded: tuple[Incident, list[TimelineEntry], list]) -> None:
            report = select_report(loaded[0], loaded[1], kind)
            suggested = os.path.join(
                self.last_dir or os.path.expanduser("~"), file_stem(report) + ".pdf"
            )
            path = self.ask_save_path(parent, suggested)
            if not path:
                return
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            self.last_dir = os.path.dirname(path)
            data, _pages = pdf_bytes(
                self._html(report, loaded[2]), exercise=report.incident.exercise, title=report.incident.title,
                marking=self._marking(report),
            )
            GuiOp(parent, self.runner, write_file_atomic, path, data).as_read().success(
                lambda _result: self._exported(parent, path, report.incident.id)
            ).failure(lambda exc: self._export_failed(parent, path, exc)).run()

        self._load(parent, incident.id, export)

    def print_report(
        self, parent: QWidget | None, incident: Incident, kind: EntryKind | None = None
    ) -> None:
        def show(loaded: tuple[Incident, list[TimelineEntry], list]) -> None:
            report = select_report(loaded[0], loaded[1], kind)
            try:
                if print_html(
                    parent,
                    self._html(report, loaded[2]),
                    exercise=report.incident.exercise,
                    title=report.incident.title,
                    marking=self._marking(report),
                ):
                    audit_trail.printed(parent, "report", entity="incident", entity_id=report.incident.id)
            except RenderError:
                self.notify(
                    parent,
                    self.tr("The printer could not be used; nothing was printed."),
                    error=True,
                )

        self._load(parent, incident.id, show)

    def ask_save_path(self, parent: QWidget | None, suggested: str) -> str:
        path, _filter = QFileDialog.getSaveFileName(
            parent, self.tr("Save report as PDF"), suggested, self.tr("PDF files (*.pdf)")
        )
        return path

    def _html(self, report, annex=()) -> str:
        body_font, heading_font = report_fonts()
        return build_html(
            report, site_name=self.site_name, tz=self.tz, duty_officer=self.author,
            body_font=body_font, heading_font=heading_font, annex=annex, level_names=self._levels().names,
        )  # fmt: skip

    def _levels(self) -> Levels:
        return Levels(*self.service.levels())

    def _marking(self, report) -> str:
        """The report's highest 密级 on every page (views/incident_log/report_pdf.py)."""
        return marking(self._levels(), report_level(report))

    def _exported(self, parent: QWidget | None, path: str, incident_id: str = "") -> None:
        audit_trail.exported(parent, "report_pdf", path, entity="incident", entity_id=incident_id)
        self.notify(parent, self.tr("The report was saved to %1.").replace("%1", path), error=False)
        self.sig_pdf_exported.emit(path)

    def _export_failed(self, parent: QWidget | None, path: str, exc: BaseException) -> None:
        text = (
            self.tr(
                "The PDF could not be saved to %1: %2. Nothing was written; choose another place."
            )
            .replace("%1", path)
            .replace("%2", self.os_error_reason(exc))
        )
        self.notify(parent, text, error=True)

    def os_error_reason(self, exc: BaseException) -> str:
        code = getattr(exc, "errno", None)
        if code == errno.ENOSPC:
            return self.tr("the disk is full")
        if code in (errno.EACCES, errno.EPERM):
            return self.tr("no permission to write there")
        if code == errno.EROFS:
            return self.tr("the disk is read-only")
        if code in (errno.ENOENT, errno.ENOTDIR):
            return self.tr("the folder does not exist")
        return getattr(exc, "strerror", None) or str(exc)

    # ---- helpers -----------------------------------------------------------

    def _load(self, parent: QWidget | None, incident_id: str, then) -> None:
        def failed(exc: BaseException) -> None:
            problems, general = error_messages(exc)
            text = general or "\n".join(labels.problem_message(p) for p in problems)
            self.notify(parent, text, error=True)

        GuiOp(parent, self.runner, load_incident, self.service, incident_id, self.annex).as_read().success(
            then
        ).failure(failed).run()

    def notify(self, parent: QWidget | None, text: str, *, error: bool) -> None:
        """A non-blocking message box, so a busy watch room is never stuck on it."""
        self.last_message = text
        if error:
            self.sig_failed.emit(text)
        box = QMessageBox(
            QMessageBox.Icon.Warning if error else QMessageBox.Icon.Information,
            self.tr("Incident report") if not error else self.tr("Not done"),
            text,
            QMessageBox.StandardButton.Ok,
            parent,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # it may quote a title or a reason
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
