"""首报 / 续报 / 终报 and 备注: one dialog with a mode.

Reports open with a template in the shape a superior expects (time, place, what
happened, casualties, measures, next steps) so nothing is forgotten on a busy
night; the casualty figures and grading travel with the report, so a printed
report shows the figures as they stood when it was sent. The entry id is made
when the dialog opens: a double submit or a retry appends the entry once.
"""

from __future__ import annotations

import uuid
from datetime import tzinfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from services.incidents.model import REPORT_KINDS, Casualties, EntryKind, Incident, Severity
from services.incidents.validation import BODY_MAX, CASUALTY_MAX, Problem
from views.common import clearance_labels, labels
from views.common.clearance_labels import LevelCombo, Levels
from views.incident_log.form_support import (
    CASUALTY_FIELDS,
    SEVERITY_ORDER,
    FormDialog,
    PlainTextEdit,
    incident_header,
    state_line,
)
from views.incident_log.report_document import casualty_text, format_time

DIALOG_KINDS = frozenset({*REPORT_KINDS, EntryKind.NOTE})


class ReportDialog(FormDialog):
    sig_entry_appended = Signal(str, str)  # incident id, entry id

    def __init__(
        self,
        service,
        runner,
        author: str,
        tz: tzinfo,
        incident: Incident,
        kind: EntryKind,
        parent: QWidget | None = None,
        *,
        sequence: int | None = None,
        lead_text: str = "",
    ):
        """`lead_text`: text put before the report's template (a checklist step's
        report action brings the plan's wording, views/plans/checklist_report.py)."""
        if kind not in DIALOG_KINDS:
            raise ValueError(f"not an officer's report or note: {kind}")
        super().__init__(parent)
        self.service = service
        self.runner = runner
        self.author = author
        self.tz = tz
        self.incident = incident
        self.kind = kind
        self.sequence = sequence
        self.entry_id = str(uuid.uuid4())
        self.entry = None
        self.setObjectName("report_dialog")
        self.setWindowTitle(self._title())
        self.template = self.make_template() if kind.is_report else ""
        if lead_text.strip():
            self.template = lead_text.strip() + ("\n" + self.template if self.template else "")
        self._build()

    def _title(self) -> str:
        name = labels.entry_kind_name(self.kind)
        if self.kind == EntryKind.FOLLOW_UP_REPORT and self.sequence:
            name = self.tr("%1 (No. %2)").replace("%1", name).replace("%2", str(self.sequence))
        return self.tr("%1 — %2").replace("%1", name).replace("%2", self.incident.code)

    def make_template(self) -> str:
        i = self.incident
        place = i.place + (f"（{i.division}）" if i.division else "")
        if self.kind == EntryKind.INITIAL_REPORT:
            text = self.tr(
                "Time of occurrence: %1\nPlace: %2\nWhat happened: \nCasualties: %3\n"
                "Measures taken: \nNext steps: "
            )
        elif self.kind == EntryKind.FOLLOW_UP_REPORT:
            text = self.tr(
                "Time of occurrence: %1\nPlace: %2\nNew developments: \nCasualties: %3\n"
                "Measures taken: \nNext steps: "
            )
        else:
            text = self.tr(
                "Time of occurrence: %1\nPlace: %2\nCourse of events and outcome: \n"
                "Casualties (final figures): %3\nMeasures taken: \nCause (preliminary): \n"
                "Aftermath and recovery: "
            )
        return (
            text.replace("%1", format_time(i.occurred_at, self.tz))
            .replace("%2", place)
            .replace("%3", casualty_text(i.casualties))
        )

    def _build(self) -> None:
        i = self.incident
        root = QVBoxLayout(self)
        root.addWidget(incident_header(i))
        header = state_line(
            self.tr("%1 · %2 · received %3")
            .replace("%1", labels.status_name(i.status))
            .replace("%2", labels.severity_name(i.severity))
            .replace("%3", format_time(i.reported_at, self.tz))
        )
        self.body_edit = PlainTextEdit(BODY_MAX, objectName="body_edit")
        self.body_edit.setPlainText(self.template)
        self.body_edit.setPlaceholderText(self.tr("Text of the note"))
        self.submit_button = QPushButton(
            self.tr("Add note") if self.kind == EntryKind.NOTE else self.tr("Send report"),
            objectName="submit_button",
        )
        self.cancel_button = QPushButton(self.tr("Cancel"), objectName="cancel_button")
        fields: dict[str, QWidget] = {"body": self.body_edit}
        order: list[QWidget] = [self.body_edit]

        root.addWidget(header)
        root.addWidget(self.body_edit, 1)
        root.addWidget(self.body_edit.counter)
        self.severity_combo: QComboBox | None = None
        self.spins: dict[str, QSpinBox] = {}
        if self.kind.is_report:
            box = QGroupBox(self.tr("Figures with this report"))
            form = QFormLayout(box)
            self.severity_combo = QComboBox(objectName="severity_combo")
            for severity in SEVERITY_ORDER:
                self.severity_combo.addItem(labels.severity_name(severity), severity)
            self.severity_combo.setCurrentIndex(SEVERITY_ORDER.index(i.severity))
            form.addRow(labels.field_name("severity"), self.severity_combo)
            people = QHBoxLayout()
            for name in CASUALTY_FIELDS:
                spin = QSpinBox(objectName=f"{name}_spin")
                spin.setRange(0, CASUALTY_MAX)
                spin.setValue(getattr(i.casualties, name))
                self.spins[name] = spin
                people.addWidget(QLabel(labels.field_name(name)))
                people.addWidget(spin, 1)
            form.addRow(self.tr("Casualties"), people)
            root.addWidget(box)
            fields.update({"severity": self.severity_combo, **self.spins})
            order += [self.severity_combo, *self.spins.values()]
        # Its incident's level unless the officer marks it otherwise; never above their clearance.
        self.level_combo = LevelCombo(Levels(*self.service.levels()), i.level)
        fields["level"] = self.level_combo
        order.append(self.level_combo)
        root.addWidget(self.message_panel)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(clearance_labels.field_label()))
        buttons.addWidget(self.level_combo)
        buttons.addStretch(1)
        buttons.addWidget(QLabel(self.tr("Ctrl+Enter sends")))
        buttons.addWidget(self.submit_button)
        buttons.addWidget(self.cancel_button)
        root.addLayout(buttons)
        self.bind_fields(fields)
        self.setup_submit(self.submit_button, self.cancel_button)
        order += [self.submit_button, self.cancel_button]
        for a, b in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(a, b)
        self.resize(720, 560 if self.kind.is_report else 360)
        self.body_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self._place_cursor()

    def _place_cursor(self) -> None:
        """Puts the cursor after the first label still waiting for its text."""
        offset = 0
        for line in self.template.split("\n"):
            if line.rstrip().endswith((":", "：")):
                cursor = self.body_edit.textCursor()
                cursor.setPosition(offset + len(line))
                self.body_edit.setTextCursor(cursor)
                return
            offset += len(line) + 1
        self.body_edit.moveCursor(QTextCursor.MoveOperation.End)

    def casualties(self) -> Casualties | None:
        if not self.spins:
            return None
        return Casualties(**{name: spin.value() for name, spin in self.spins.items()})

    def severity(self) -> Severity | None:
        """Only a change of grading is sent, so a report never undoes a re-grading
        made elsewhere in the meantime."""
        if self.severity_combo is None:
            return None
        chosen = Severity(self.severity_combo.currentData())
        return chosen if chosen != self.incident.severity else None

    def on_submit(self) -> None:
        if self.busy:
            return
        body = self.body_edit.toPlainText()
        if self.template and body.strip() == self.template.strip():
            self.show_problems([Problem("body", "template_unchanged")])
            return
        self.start_write(
            self.service.append_entry,
            self.incident.id,
            self.kind,
            body,
            self.author,
            entry_id=self.entry_id,
            casualties=self.casualties(),
            severity=self.severity(),
            level=self.level_combo.level(),
        )

    def on_written(self, entry) -> None:
        self.entry = entry
        self.sig_entry_appended.emit(self.incident.id, entry.id)
        self.accept()
