"""What the warnings panel does for the officer, each on the mirror writer
(GuiOp) with its refusal told in words: import, draft and edit, submit, issue
and return (with a reason), link to an incident, open an incident from a
warning (来电登记 with source 系统监测, the area's centre and the times filled
in), and export as CAP 1.2."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from datetime import datetime, tzinfo
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit

from services.warnings.model import EarlyWarning
from views.audit import trail as audit_trail
from views.common.clearance_labels import Levels
from views.common.gui_op import GuiOp, show_write_error
from views.common.messages import ask, warn
from views.warnings import labels
from views.warnings.draft_dialog import DraftDialog
from views.warnings.to_incident import open_intake

log = logging.getLogger(__name__)


class WarningActions(QObject):
    def __init__(self, panel, service, runner, *, tz: tzinfo, now: Callable[[], datetime], incidents=None,
                 check: Callable | None = None, export: Callable | None = None, sender: str = "",
                 sender_name: str = "", zone: str = "Asia/Shanghai", author: str = ""):
        super().__init__(panel)
        self.panel, self.service, self.runner, self.tz, self.now = panel, service, runner, tz, now
        self.incidents, self.check, self.export_fn = incidents, check, export
        self.sender, self.sender_name, self.zone, self.author = sender, sender_name, zone, author
        self.dialog = None  # the open draft, intake or import dialog (tests drive it)

    def attach(self, card, panel) -> None:
        card.sig_new_incident.connect(self.new_incident)
        card.sig_link_incident.connect(self.link)
        card.sig_export.connect(self.export)
        card.sig_edit.connect(self.edit)
        card.sig_submit.connect(lambda wid: self._write(self.service.submit, wid))
        card.sig_approve.connect(self.approve)
        card.sig_return.connect(self.return_draft)

    def _get(self, warning_id: str) -> EarlyWarning | None:
        return self.panel._by_id(warning_id)

    def _write(self, op, *args) -> None:
        GuiOp(self.panel, self.runner, op, *args).success(lambda *_: self.panel.refresh()) \
            .failure(self._refused).run()

    def _refused(self, exc: BaseException) -> None:
        """The service's refusals (WarningRefused codes) in words; anything else as every write says it."""
        text = {
            "not_draft": self.tr("The warning is no longer a draft (changed at another workstation?)."),
            "bad_move": self.tr("The warning has moved on meanwhile (at another workstation?); the list now "
                                "shows where it stands."),
            "not_approver": self.tr("Only a commander issues or returns warnings."),
            "no_reason": self.tr("A draft is returned with a reason."),
            "issued": self.tr("An issued warning cannot be changed; issue an update instead."),
        }.get(getattr(exc, "code", ""))
        self.panel.refresh()
        if text is None:
            show_write_error(self.panel, exc, self.tr("Warnings"))
        else:
            warn(self.panel, self.tr("Warnings"), text)

    # ---- chain -------------------------------------------------------------------

    def chain_lines(self, warning: EarlyWarning, warnings: list[EarlyWarning]) -> list[str]:
        """Which messages this one updates or cancels, and which replaced or ended it."""
        known = {(w.sender, w.identifier): w for w in warnings}
        lines = []
        verb = self.tr("Cancels %1") if warning.msg_type == "Cancel" else self.tr("Updates %1")
        for ref in warning.references:
            earlier = known.get((ref.sender, ref.identifier))
            lines.append(verb.replace("%1", earlier.headline or earlier.identifier) if earlier is not None
                         else self.tr("Refers to %1, a message not known here").replace("%1", ref.identifier))
        for later in warnings:
            if any((r.sender, r.identifier) == (warning.sender, warning.identifier) for r in later.references):
                text = self.tr("Cancelled by %1") if later.msg_type == "Cancel" else self.tr("Updated by %1")
                lines.append(text.replace("%1", (later.headline or later.identifier) + " · "
                                          + labels.when(later.sent, self.tz)))
        return lines

    # ---- import, draft ------------------------------------------------------------

    def open_import(self) -> None:
        from views.warnings.import_dialog import WarningImportDialog

        if self.check is None:
            warn(self.panel, self.tr("Import CAP"), self.tr("The CAP checker is not available in this build."))
            return
        self.dialog = WarningImportDialog(self.check, self.service.import_checked, self.runner, self.panel)
        self.dialog.open()

    def draft(self, incident_id: str = "") -> None:
        if incident_id and self.incidents is not None:
            GuiOp(self.panel, self.runner, self.incidents.get, incident_id).as_read() \
                .success(self._draft_from).failure(lambda _exc: self._draft_from(None)).run()
        else:
            self._draft_from(None)

    def _draft_from(self, incident, base: EarlyWarning | None = None) -> None:
        dialog = DraftDialog(self.service.save_draft, self.runner, tz=self.tz, now=self.now, sender=self.sender,
                             sender_name=self.sender_name, base=base, incident=incident,
                             levels=Levels(*self.service.levels()), parent=self.panel)
        dialog.sig_saved.connect(self._saved)
        self.dialog = dialog
        dialog.open()

    def _saved(self, warning_id: str) -> None:
        self.panel.selected_id = warning_id
        self.panel.refresh()

    def edit(self, warning_id: str) -> None:
        warning = self._get(warning_id)
        if warning is not None:
            self._draft_from(None, base=warning)

    # ---- approval ----------------------------------------------------------------------

    def approve(self, warning_id: str) -> None:
        warning = self._get(warning_id)
        if warning is not None and ask(self.panel, self.tr("Issue the warning"), self.tr(
                "Issue \"%1\" now? It is then published as the centre's warning.").replace("%1", warning.headline)):
            self._write(self.service.approve, warning_id)

    def return_draft(self, warning_id: str) -> None:
        reason, ok = QInputDialog.getText(self.panel, self.tr("Return the draft"),
                                          self.tr("Why is it returned? (the drafter reads this)"),
                                          QLineEdit.EchoMode.Normal, "")
        if ok and reason.strip():
            self._write(self.service.return_draft, warning_id, reason.strip())
        elif ok:
            warn(self.panel, self.tr("Return the draft"), self.tr("A draft is returned with a reason."))

    # ---- incidents ------------------------------------------------------------------------

    def link(self, warning_id: str) -> None:
        incident_id = self.panel.incident_id
        if not incident_id:
            warn(self.panel, self.tr("Link to an incident"),
                 self.tr("Select the incident in the incident log first, then link it here."))
            return
        self._write(self.service.link_incident, warning_id, incident_id)

    def new_incident(self, warning_id: str) -> None:
        warning = self._get(warning_id)
        if warning is None or self.incidents is None:
            return
        self.dialog = open_intake(self.incidents, self.runner, self.author, self.tz, warning, self.panel,
                                  on_created=lambda iid, wid=warning_id: self._write(
                                      self.service.link_incident, wid, iid))

    # ---- export ----------------------------------------------------------------------------

    def _exported(self, path, warning_id: str) -> None:
        audit_trail.exported(self.panel, "cap", str(path), entity="warning", entity_id=warning_id)
        self.panel.count_label.setText(self.tr("Exported to %1").replace("%1", str(path)))

    def export(self, warning_id: str) -> None:
        warning = self._get(warning_id)
        if warning is None or self.export_fn is None:
            return
        name = (warning.identifier or warning.id).replace("/", "_") + ".xml"
        path, _ = QFileDialog.getSaveFileName(self.panel, self.tr("Export CAP"), name, "CAP 1.2 (*.xml)")
        if path:
            GuiOp(self.panel, self.runner, write_cap, self.export_fn, warning, self.zone, Path(path)).as_read() \
                .success(lambda p, w=warning: self._exported(p, w.id)) \
                .failure(lambda exc: warn(self.panel, self.tr("Export CAP"), self.tr(
                    "The warning could not be exported: %1").replace("%1", str(exc)))).run()


def write_cap(export: Callable, warning: EarlyWarning, zone: str, path: Path) -> Path:
    """The CAP document, written whole (a .part renamed) and readable only by its owner."""
    data = export(warning, zone=zone)
    tmp = path.with_name(path.name + ".part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    tmp.replace(path)
    return path
