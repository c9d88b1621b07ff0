"""The warning card (预警详情): a badge in the level's colour, the warning's text
and times in the room's zone, its CAP values, whether and by whom it was
signed, its chain of updates and cancels, and what lies inside its area
(incidents, resources, shelters, cameras: each opens where it lives). The
buttons say what the officer can do next; the panel does it."""

from __future__ import annotations

from datetime import datetime, tzinfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services.warnings.model import EarlyWarning
from views.warnings import labels, roles
from views.warnings.card_text import warning_details
from widgets.plain_text import make_plain

INSIDE_SHOWN = 200  # per group: the rest is counted


class WarningCard(QWidget):
    sig_new_incident = Signal(str)  # warning id: 由此新建事件
    sig_link_incident = Signal(str)
    sig_export = Signal(str)
    sig_edit = Signal(str)
    sig_submit = Signal(str)
    sig_approve = Signal(str)
    sig_return = Signal(str)
    sig_incident_wanted = Signal(str)
    sig_resource_wanted = Signal(str)
    sig_camera_wanted = Signal(str)

    def __init__(self, tz: tzinfo, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("warning_card")
        self.tz = tz
        self.warning: EarlyWarning | None = None
        self.badge = QLabel(objectName="warning_badge", alignment=Qt.AlignmentFlag.AlignCenter)
        self.body = QLabel(objectName="warning_body", wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        make_plain(self.badge)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(self.body)
        self.inside = QTreeWidget(objectName="warning_inside")
        self.inside.setHeaderLabels([self.tr("Inside the area")])
        self.inside.itemActivated.connect(self._on_inside)
        self.buttons: dict[str, QPushButton] = {}
        row1, row2 = QHBoxLayout(), QHBoxLayout()
        for key, text, signal, row in (
            ("new_incident", self.tr("New incident from this (Ctrl+I)"), self.sig_new_incident, row1),
            ("link", self.tr("Link to an incident…"), self.sig_link_incident, row1),
            ("export", self.tr("Export CAP…"), self.sig_export, row1),
            ("edit", self.tr("Edit draft…"), self.sig_edit, row2),
            ("submit", self.tr("Submit for approval"), self.sig_submit, row2),
            ("approve", self.tr("Issue"), self.sig_approve, row2),
            ("return", self.tr("Return with a reason…"), self.sig_return, row2),
        ):
            button = QPushButton(text, objectName=f"warning_{key}_button")
            button.clicked.connect(lambda _=False, s=signal: self.warning and s.emit(self.warning.id))
            self.buttons[key] = button
            row.addWidget(button)
        row1.addStretch(1)
        row2.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.badge)
        box.addWidget(scroll, 3)
        box.addWidget(self.inside, 2)
        box.addLayout(row1)
        box.addLayout(row2)
        self.clear()

    def clear(self) -> None:
        self.warning = None
        self.badge.setText(self.tr("No warning selected"))
        self.badge.setStyleSheet("background: #eceff1; color: #455a64; padding: 6px; font-size: 13pt")
        self.body.setText(self.tr("Choose a warning in the list, or click its area on the map, to see its card "
                                  "here."))
        self.inside.clear()
        self.inside.hide()
        for button in self.buttons.values():
            button.hide()

    def show_warning(self, warning: EarlyWarning, *, now: datetime, role: str | None,
                     chain: list[str] = ()) -> None:
        self.warning = warning
        line, fill = labels.COLOUR_HEX.get(warning.colour, labels.COLOUR_HEX[""])
        self.badge.setText(labels.level_name(warning.colour) + " · " + (warning.event or "—"))
        self.badge.setStyleSheet(f"background: {fill}; color: {labels.TEXT_ON.get(warning.colour, '#fff')};"
                                 f" border: 2px solid {line}; padding: 6px; font-size: 14pt; font-weight: bold")
        self.body.setText(warning_details(warning, now, self.tz, list(chain)))
        self.inside.clear()
        self.inside.show()
        self.inside.addTopLevelItem(QTreeWidgetItem([self.tr("Reading what lies inside the area…")]))
        drafting = roles.may_draft(role)
        state = warning.issue_state
        self.buttons["new_incident"].setVisible(drafting and state not in ("draft", "pending"))
        self.buttons["link"].setVisible(drafting)
        self.buttons["export"].setVisible(True)
        self.buttons["edit"].setVisible(drafting and state == "draft")
        self.buttons["submit"].setVisible(drafting and state == "draft")
        self.buttons["approve"].setVisible(roles.may_approve(role) and state == "pending")
        self.buttons["return"].setVisible(roles.may_approve(role) and state == "pending")

    def show_inside(self, warning_id: str, inside) -> None:
        """WarningStore.inside(): (id, name, lat, lon) per group."""
        if self.warning is None or self.warning.id != warning_id:
            return
        self.inside.clear()
        groups = (("incident", self.tr("Incidents (%1)"), inside.incidents),
                  ("resource", self.tr("Resources (%1)"), inside.resources),
                  ("shelter", self.tr("Shelters (%1)"), inside.shelters),
                  ("camera", self.tr("Cameras (%1)"), inside.cameras))
        for kind, caption, rows in groups:
            top = QTreeWidgetItem([caption.replace("%1", str(len(rows)))])
            for rid, name, _lat, _lon in rows[:INSIDE_SHOWN]:
                child = QTreeWidgetItem([name])
                child.setData(0, Qt.ItemDataRole.UserRole, (kind, rid))
                top.addChild(child)
            if len(rows) > INSIDE_SHOWN:
                top.addChild(QTreeWidgetItem([self.tr("… and %1 more").replace("%1", str(len(rows) - INSIDE_SHOWN))]))
            self.inside.addTopLevelItem(top)
            top.setExpanded(bool(rows) and len(rows) <= 20)
        if not any(rows for _k, _c, rows in groups):
            self.inside.clear()
            self.inside.addTopLevelItem(QTreeWidgetItem([self.tr("Nothing known lies inside the area.")]))

    def inside_failed(self) -> None:
        self.inside.clear()
        self.inside.addTopLevelItem(QTreeWidgetItem([self.tr("What lies inside could not be read.")]))

    def _on_inside(self, item: QTreeWidgetItem) -> None:
        data = item.data(0, Qt.ItemDataRole.UserRole)
        if not data:
            return
        kind, rid = data
        {"incident": self.sig_incident_wanted, "resource": self.sig_resource_wanted,
         "shelter": self.sig_resource_wanted, "camera": self.sig_camera_wanted}[kind].emit(rid)
