"""The right-hand pane: one incident's facts, its next reporting deadline, its
timeline and the actions an officer takes on it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from services.clearance import DEFAULT_CLEARANCE, DEFAULT_NAMES
from services.incidents.attachments import picture_bytes
from services.incidents.deadlines import Deadline
from services.incidents.model import EntryKind, Incident, Status, TimelineEntry
from views.common import labels
from views.common.clearance_labels import Levels
from views.common.durations import remaining_text
from views.incident_log.list_model import casualty_tooltip, format_time
from widgets.badges import CountdownLabel, ExerciseMark, SeverityPill
from widgets.level_badge import LevelBadge
from widgets.plain_text import plain_label, tooltip
from widgets.timeline import TimelineItem, TimelineView

ENTRY_STYLES = {
    EntryKind.INITIAL_REPORT: "report",
    EntryKind.FOLLOW_UP_REPORT: "report",
    EntryKind.FINAL_REPORT: "final",
    EntryKind.CALL: "call",
    EntryKind.NOTE: "note",
    EntryKind.STATUS_CHANGE: "status",
    EntryKind.SYSTEM: "system",
    EntryKind.DISPATCH: "dispatch",
    EntryKind.CONFERENCE: "dispatch",
    EntryKind.MINUTES: "note",
    EntryKind.DECISION: "report",
    EntryKind.CHECKLIST: "report",
}


class DetailPane(QWidget):
    def __init__(self, tz: tzinfo, parent: QWidget | None = None):
        super().__init__(parent)
        self._tz = tz
        self._incident: Incident | None = None
        # The level names and this workstation's clearance (the view gives the service's).
        self.levels = Levels(DEFAULT_CLEARANCE, DEFAULT_NAMES)

        self._stack = QStackedWidget(self)
        self._placeholder = QLabel(self.tr("Select an incident to see its details."), self)
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._placeholder.setStyleSheet("color: #888888;")
        self._stack.addWidget(self._placeholder)
        self._stack.addWidget(self._build_content())
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._stack)

    # ---- public ---------------------------------------------------------------

    @property
    def incident(self) -> Incident | None:
        return self._incident

    @property
    def current_id(self) -> str | None:
        return self._incident.id if self._incident else None

    def set_actions(self, actions: Sequence[QAction]) -> None:
        """Buttons for the view's actions, so shortcuts and enabled state are shared."""
        for action in actions:
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self._buttons.addWidget(button)
        self._buttons.addStretch(1)

    def clear(self) -> None:
        self._incident = None
        self.timeline.clear_items()
        self._stack.setCurrentIndex(0)

    def show_incident(
        self, incident: Incident, entries: Sequence[TimelineEntry], deadline: Deadline | None
    ) -> None:
        same = self._incident is not None and self._incident.id == incident.id
        self._incident = incident
        i = incident
        self.code.setText(i.code)
        self.exercise_mark.setVisible(i.exercise)
        self.severity.set_severity(i.severity.value, labels.severity_name(i.severity))
        self.status.setText(labels.status_name(i.status))
        self.pending.setVisible(i.pending_sync)
        self.response.setText(self.tr("Level %1 response").replace("%1", i.response_level))
        self.response.setVisible(bool(i.response_level))
        badge = self.levels.badge(i.level)
        self.level_badge.show_level(*(badge or ("", 0)))
        self.title.setText(i.title)
        kind = labels.category_name(i.category)
        type_name = labels.type_label(i.type_code, i.type_name)
        self._set("type", f"{kind} / {type_name}" if type_name else kind)
        self._set("casualties", self._casualties(i))
        self.fields["casualties"].setToolTip(tooltip(casualty_tooltip(i.casualties)))
        self._set("place", " ".join(p for p in (i.division, i.place) if p))
        self._set(
            "coordinates",
            f"{i.lat:.5f}, {i.lon:.5f}" if i.lat is not None and i.lon is not None else "",
        )
        self._set("reporter", self._reporter(i))
        self._set("occurred", format_time(i.occurred_at, self._tz))
        self._set("reported", format_time(i.reported_at, self._tz))
        self.summary.setText(i.summary)
        self.summary.setVisible(bool(i.summary))
        self.update_deadline(deadline)
        self.timeline.set_items(self.timeline_items(entries), keep_position=same)
        self._stack.setCurrentIndex(1)

    def update_deadline(self, deadline: Deadline | None) -> None:
        if deadline is None:
            self.deadline.set_countdown("", self.tr("No report due"))
            return
        due = format_time(deadline.due_at, self._tz)
        if deadline.remaining.total_seconds() < 0:
            text = self.tr("%1 %2 — overdue by %3")
            left = remaining_text(-deadline.remaining.total_seconds())
        else:
            text = self.tr("%1 %2 — %3 left")
            left = remaining_text(deadline.remaining.total_seconds())
        text = text.replace("%1", labels.deadline_kind_name(deadline.kind)).replace("%2", due)
        self.deadline.set_countdown(deadline.state.value, text.replace("%3", left))

    def _level_mark(self, e: TimelineEntry) -> str:
        """An entry marked above its incident says so: "（秘密）" before its text."""
        if self._incident is None or e.level <= self._incident.level:
            return ""
        return self.tr("(%1) ").replace("%1", self.levels.name(e.level))

    def timeline_items(self, entries: Sequence[TimelineEntry]) -> list[TimelineItem]:
        return [
            TimelineItem(
                key=e.id,
                time=format_time(e.created_at, self._tz),
                kind=labels.entry_label(e),
                style=ENTRY_STYLES.get(e.kind, "note"),
                author=labels.attributed(e.author, e.author_account),
                body=self._level_mark(e) + self._entry_body(e),
                pending=e.pending_sync,
                picture=picture_bytes(e.data),
            )
            for e in entries
        ]

    # ---- building -------------------------------------------------------------

    def _build_content(self) -> QWidget:
        page = QWidget(self)
        # Code, title, summary and the fields quote the record: plain text, never markup.
        self.code = plain_label(parent=page)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bold = QFont(self.code.font())
        bold.setBold(True)
        self.code.setFont(bold)
        self.exercise_mark = ExerciseMark(labels.exercise_mark(), page)
        self.severity = SeverityPill(page)
        self.status = plain_label(parent=page)
        self.status.setFont(bold)
        self.pending = QLabel(self.tr("Pending sync"), page)
        self.pending.setStyleSheet("background: #fff3cd; color: #8a5a00; padding: 1px 6px;")
        self.pending.setToolTip(self.tr("Saved here; not yet confirmed by the platform"))
        # The plan response under way (services/plans): its own level, beside the severity.
        self.response = QLabel(page, objectName="response_badge")
        self.response.setStyleSheet("background: #b02a1e; color: white; padding: 1px 6px; border-radius: 3px;")
        self.response.setToolTip(self.tr("The response level decided from a plan; not the incident's severity"))
        self.response.hide()
        self.level_badge = LevelBadge(page)  # 密级: none for 公开
        self.level_badge.setToolTip(self.tr("Classification: who may see this incident"))
        header = QHBoxLayout()
        for w in (self.code, self.level_badge, self.exercise_mark, self.severity, self.response, self.status,
                  self.pending):
            header.addWidget(w)
        header.addStretch(1)

        self.title = plain_label(parent=page)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        big = QFont(bold)
        big.setPointSizeF(bold.pointSizeF() * 1.3)
        self.title.setFont(big)

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        self.fields: dict[str, QLabel] = {}
        rows = [
            ("type", self.tr("Type"), "casualties", self.tr("Casualties")),
            ("occurred", self.tr("Occurred"), "reported", self.tr("Reported")),
            ("place", self.tr("Place"), "coordinates", self.tr("Coordinates")),
            ("reporter", self.tr("Reporter"), None, None),
        ]
        for r, (k1, t1, k2, t2) in enumerate(rows):
            self._field(grid, r, 0, k1, t1)
            if k2 is not None:
                self._field(grid, r, 2, k2, t2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        self.summary = plain_label(parent=page)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.deadline = CountdownLabel(page)
        self.deadline.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.timeline = TimelineView(
            pending_text=self.tr("Pending sync"), empty_text=self.tr("No entries yet."), parent=page
        )
        self._buttons = QHBoxLayout()

        line = QFrame(page)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.title)
        layout.addLayout(grid)
        layout.addWidget(self.summary)
        layout.addWidget(self.deadline)
        layout.addWidget(line)
        layout.addWidget(self.timeline, 1)
        layout.addLayout(self._buttons)
        return page

    def _field(self, grid: QGridLayout, row: int, col: int, key: str, title: str) -> None:
        name = QLabel(title, self)
        name.setStyleSheet("color: #666666;")
        value = plain_label(parent=self)
        value.setWordWrap(True)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(name, row, col, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(value, row, col + 1)
        self.fields[key] = value

    def _set(self, key: str, text: str) -> None:
        self.fields[key].setText(text or "—")

    # ---- texts ----------------------------------------------------------------

    def _casualties(self, i: Incident) -> str:
        c = i.casualties
        return self._figures(c.deaths, c.injured, c.missing, c.trapped)

    def _figures(self, deaths: int, injured: int, missing: int, trapped: int) -> str:
        """Only the non-zero figures, so a glance finds the deaths."""
        parts = [
            (deaths, self.tr("%1 dead")),
            (injured, self.tr("%1 injured")),
            (missing, self.tr("%1 missing")),
            (trapped, self.tr("%1 trapped")),
        ]
        text = self.tr(", ").join(t.replace("%1", str(n)) for n, t in parts if n)
        return text or self.tr("None reported")

    def _reporter(self, i: Incident) -> str:
        who = " ".join(p for p in (i.reporter, i.reporter_phone) if p)
        source = labels.source_name(i.source)
        return self.tr("%1 (%2)").replace("%1", who).replace("%2", source) if who else source

    def _entry_body(self, e: TimelineEntry) -> str:
        data = e.data or {}
        if e.kind == EntryKind.STATUS_CHANGE and "to" in data:
            line = (
                self.tr("Status: %1 → %2")
                .replace("%1", _status(data.get("from")))
                .replace("%2", _status(data.get("to")))
            )
            return f"{line}\n{e.body}" if e.body else line
        if e.kind == EntryKind.SYSTEM:
            event = data.get("event")
            if event == "created":
                return self.tr("Incident logged.")
            if event == "updated":
                names = self.tr(", ").join(labels.field_name(f) for f in data.get("fields", []))
                return self.tr("Changed: %1").replace("%1", names)
            return e.body
        casualties = data.get("casualties") if e.kind.is_report else None
        if isinstance(casualties, dict):
            figures = self._figures(
                *(
                    int(casualties.get(k, 0) or 0)
                    for k in ("deaths", "injured", "missing", "trapped")
                )
            )
            line = self.tr("Casualties: %1").replace("%1", figures)
            return f"{e.body}\n{line}"
        return e.body


def _status(value: object) -> str:
    try:
        return labels.status_name(Status(str(value)))
    except ValueError:
        return str(value or "")
