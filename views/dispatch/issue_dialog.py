"""下达调度指令: from an incident to a unit. The nearest available teams (or
resources) of the incident are offered first, with their distance; any name
can be typed for a person or a call group. Keyboard first: the content box
has the focus, Ctrl+Enter sends. The order is written on the mirror writer;
the dialog waits (the button off) and closes once it is stored, or says why not."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime, Qt, QTimeZone, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
)

from services.contacts.store import ContactStore
from services.dispatch.lifecycle import ACK_MINUTES, Priority, TargetKind
from services.dispatch.service import DispatchService, Order, OrderDraft
from services.errors import NotFound, StorageError, ValidationError
from services.resources.store import ResourcePoint
from views.common.gui_op import GuiOp, write_error_text
from views.common.labels import storage_message
from views.dispatch.names import priority_name, target_kind_name

NEAREST = 12  # suggestions per kind


class IssueOrderDialog(QDialog):
    sig_issued = Signal(object)  # the Order

    def __init__(self, dispatch: DispatchService, incident_id: str, incident_label: str, author: str,
                 suggestions: dict[str, list[tuple[ResourcePoint, float]]] | None = None, parent=None, *, tz=None,
                 contacts: ContactStore | None = None, runner=None):
        super().__init__(parent)
        self.setObjectName("issue_order_dialog")
        self.runner = runner
        self.busy = False
        self.setWindowTitle(self.tr("Issue a dispatch order"))
        self.dispatch, self.incident_id, self.author, self.tz = dispatch, incident_id, author, tz
        self.suggestions = suggestions or {}
        self.contacts = contacts  # people and call groups of the 通讯录, for those kinds
        self.kind_combo = QComboBox(objectName="order_target_kind")
        for kind in TargetKind:
            self.kind_combo.addItem(target_kind_name(kind), kind.value)
        self.kind_combo.currentIndexChanged.connect(self._fill_targets)
        self.target_combo = QComboBox(objectName="order_target", editable=True)
        self.target_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.target_combo.setMinimumWidth(360)
        self.content_edit = QPlainTextEdit(objectName="order_content")
        self.content_edit.setPlaceholderText(self.tr("What to do, where, with what (Ctrl+Enter sends)"))
        self.content_edit.setTabChangesFocus(True)
        self.priority_combo = QComboBox(objectName="order_priority")
        for priority in Priority:
            self.priority_combo.addItem(priority_name(priority), priority.value)
        self.priority_combo.setCurrentIndex(self.priority_combo.findData(Priority.HIGH.value))
        self.ack_spin = QSpinBox(objectName="order_ack_minutes", minimum=1, maximum=24 * 60)
        self.ack_spin.setSuffix(self.tr(" min"))
        self.priority_combo.currentIndexChanged.connect(self._default_ack)
        self._default_ack()
        self.arrival_check = QCheckBox(self.tr("Arrive by"), objectName="order_arrival_check")
        self.arrival_edit = QDateTimeEdit(objectName="order_arrival", calendarPopup=True)
        self.arrival_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        zone = QTimeZone(tz.key.encode()) if getattr(tz, "key", None) else QTimeZone.systemTimeZone()
        self.arrival_edit.setTimeZone(zone)  # the watch room's clock, whatever the machine's zone
        soon = int((datetime.now() + timedelta(minutes=30)).timestamp())
        self.arrival_edit.setDateTime(QDateTime.fromSecsSinceEpoch(soon, zone))
        self.arrival_edit.setEnabled(False)
        self.arrival_check.toggled.connect(self.arrival_edit.setEnabled)
        arrival = QHBoxLayout()
        arrival.addWidget(self.arrival_check)
        arrival.addWidget(self.arrival_edit, 1)
        self.message = QLabel(objectName="order_message", wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.message.setStyleSheet("color: #b71c1c")
        form = QFormLayout(self)
        form.addRow(self.tr("Incident"), QLabel(incident_label, textFormat=Qt.TextFormat.PlainText))
        form.addRow(self.tr("To"), self.kind_combo)
        form.addRow("", self.target_combo)
        form.addRow(self.tr("Order"), self.content_edit)
        form.addRow(self.tr("Priority"), self.priority_combo)
        form.addRow(self.tr("Acknowledge within"), self.ack_spin)
        form.addRow("", arrival)
        form.addRow(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.issue_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.issue_button.setText(self.tr("Issue"))
        buttons.accepted.connect(self.on_issue)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.on_issue)
        self._fill_targets()
        self.content_edit.setFocus()

    def _default_ack(self) -> None:
        self.ack_spin.setValue(ACK_MINUTES[Priority(self.priority_combo.currentData())])

    def _fill_targets(self) -> None:
        kind = TargetKind(self.kind_combo.currentData())
        self.target_combo.clear()
        for point, metres in self.suggestions.get(kind.value, []):
            text = self.tr("%1 — %2 km (live position)") if point.live_at else self.tr("%1 — %2 km")
            self.target_combo.addItem(text.replace("%1", point.name).replace("%2", f"{metres / 1000:.1f}"), point.id)
            self.target_combo.setItemData(self.target_combo.count() - 1, point.name, Qt.ItemDataRole.UserRole + 1)
        if kind in (TargetKind.PERSON, TargetKind.GROUP) and self.contacts is not None:
            wanted = "person" if kind == TargetKind.PERSON else "group"
            for contact in [c for c in self.contacts.all() if c.kind == wanted][:300]:
                extra = " ".join(x for x in (contact.role, contact.phone) if x)
                self.target_combo.addItem(f"{contact.name}  {extra}".strip(), contact.id)
                self.target_combo.setItemData(self.target_combo.count() - 1, contact.name,
                                              Qt.ItemDataRole.UserRole + 1)
        self.target_combo.setCurrentIndex(0 if self.target_combo.count() else -1)

    def draft(self) -> OrderDraft:
        text = self.target_combo.currentText().strip()
        index = self.target_combo.currentIndex()
        chosen = index >= 0 and self.target_combo.itemText(index) == text
        name = self.target_combo.itemData(index, Qt.ItemDataRole.UserRole + 1) if chosen else text
        arrival = None
        if self.arrival_check.isChecked():
            arrival = datetime.fromtimestamp(self.arrival_edit.dateTime().toSecsSinceEpoch()).astimezone()
        return OrderDraft(self.incident_id, TargetKind(self.kind_combo.currentData()), name or "",
                          self.content_edit.toPlainText(), target_id=self.target_combo.currentData() if chosen else "",
                          priority=Priority(self.priority_combo.currentData()), required_arrival=arrival,
                          ack_minutes=self.ack_spin.value())

    def on_issue(self) -> None:
        """Hands the order to the mirror writer; sig_issued and closing follow."""
        if self.busy:
            return
        self._set_busy(True)
        self.message.clear()
        GuiOp(self, self.runner, self.dispatch.issue, self.draft(), self.author) \
            .success(self._issued).failure(self._failed).run()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.issue_button.setEnabled(not busy)

    def _issued(self, order: Order) -> None:
        self._set_busy(False)
        self.sig_issued.emit(order)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ValidationError):
            self.message.setText("\n".join(self._problem(p.field, p.code) for p in exc.problems))
        elif isinstance(exc, StorageError):
            self.message.setText(storage_message(exc.problem.value))
        elif isinstance(exc, NotFound):
            self.message.setText(self.tr("The incident is no longer in the local database."))
        else:
            self.message.setText(write_error_text(exc))

    def reject(self) -> None:
        if not self.busy:  # the order is being written: the answer comes here
            super().reject()

    def _problem(self, field: str, code: str) -> str:
        if field == "content":
            return self.tr("Write what the unit is to do.") if code == "required" else \
                self.tr("The order is too long: at most 4,000 characters.")
        if field == "target":
            return self.tr("Choose or type whom the order goes to.") if code == "required" else \
                self.tr("The name is too long: at most 200 characters.")
        if field == "required_arrival":
            return self.tr("The arrival time lies in the past.")
        return self.tr("The acknowledgement time must be between 1 minute and 24 hours.")
