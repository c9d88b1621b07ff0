"""Change an incident's status: 接报 → 处置中 → 已结束, or 已撤销 with a reason.

Only forward transitions are offered (the lifecycle never moves back, also
across sites); 已撤销 needs a reason because a cancelled incident disappears
from the open list and a later shift must be able to see why.
"""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from services.incidents.model import ALLOWED_TRANSITIONS, EntryKind, Incident, Status
from services.incidents.validation import BODY_MAX
from views.common import labels
from views.incident_log.form_support import FormDialog, PlainTextEdit, incident_header, state_line
from views.incident_log.report_document import format_time

LIFECYCLE = (Status.RECEIVED, Status.RESPONDING, Status.CLOSED, Status.CANCELLED)


def forward_targets(current: Status) -> list[Status]:
    """The statuses an officer may move to, in lifecycle order."""
    return [s for s in LIFECYCLE if s in ALLOWED_TRANSITIONS[current]]


class StatusDialog(FormDialog):
    sig_status_changed = Signal(str, str)  # incident id, new status value

    def __init__(
        self,
        service,
        runner,
        author: str,
        tz: tzinfo,
        incident: Incident,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.service = service
        self.runner = runner
        self.author = author
        self.tz = tz
        self.incident = incident
        self.targets = forward_targets(incident.status)
        self.setObjectName("status_dialog")
        self.setWindowTitle(self.tr("Change status — %1").replace("%1", incident.code))
        self._build()

    def _build(self) -> None:
        i = self.incident
        root = QVBoxLayout(self)
        root.addWidget(incident_header(i))
        header = state_line(
            self.tr("Current status: %1 (received %2)")
            .replace("%1", labels.status_name(i.status))
            .replace("%2", format_time(i.reported_at, self.tz))
        )
        root.addWidget(header)
        self.group = QButtonGroup(self)
        self.radios: dict[Status, QRadioButton] = {}
        for status in self.targets:
            radio = QRadioButton(labels.status_name(status), objectName=f"status_{status.value}")
            self.group.addButton(radio)
            self.radios[status] = radio
            root.addWidget(radio)
        self.group.buttonToggled.connect(self.on_target_changed)
        self.reason_label = QLabel(objectName="reason_label")
        self.reason_edit = PlainTextEdit(BODY_MAX, objectName="reason_edit")
        self.reason_edit.setPlaceholderText(self.tr("Why the status changes"))
        self.hint_label = QLabel(objectName="hint_label")
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet("color: #8a5a00;")
        root.addWidget(self.reason_label)
        root.addWidget(self.reason_edit, 1)
        root.addWidget(self.hint_label)
        root.addWidget(self.message_panel)
        self.submit_button = QPushButton(self.tr("Change status"), objectName="submit_button")
        self.cancel_button = QPushButton(self.tr("Cancel"), objectName="cancel_button")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.submit_button)
        buttons.addWidget(self.cancel_button)
        root.addLayout(buttons)
        fields: dict[str, QWidget] = {"reason": self.reason_edit}
        if self.targets:
            fields["status"] = self.radios[self.targets[0]]
        self.bind_fields(fields)
        self.setup_submit(self.submit_button, self.cancel_button)
        self.resize(520, 380)
        if self.targets:
            self.radios[self.targets[0]].setChecked(True)
            self.radios[self.targets[0]].setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.submit_button.setEnabled(False)
            self.reason_edit.setEnabled(False)
            self.hint_label.setText(
                self.tr("This incident is %1; its status can no longer change.").replace(
                    "%1", labels.status_name(i.status)
                )
            )
        self.on_target_changed()

    def target(self) -> Status | None:
        for status, radio in self.radios.items():
            if radio.isChecked():
                return status
        return None

    def on_target_changed(self, *_args) -> None:
        target = self.target()
        if target == Status.CANCELLED:
            self.reason_label.setText(self.tr("Reason (required when cancelling):"))
        else:
            self.reason_label.setText(self.tr("Reason (optional):"))
        if not self.targets:
            return
        if target == Status.CLOSED and self.incident.last_report_kind != EntryKind.FINAL_REPORT:
            self.hint_label.setText(self.tr("No final report has been sent for this incident yet."))
        else:
            self.hint_label.setText("")

    def on_submit(self) -> None:
        target = self.target()
        if self.busy or target is None:
            return
        self.start_write(
            self.service.change_status,
            self.incident.id,
            target,
            self.author,
            self.reason_edit.toPlainText(),
        )

    def on_written(self, incident) -> None:
        self.incident = incident
        self.sig_status_changed.emit(incident.id, incident.status.value)
        self.accept()
