"""The incident card pushed onto the commander's display: what happened, where,
how bad, and the latest timeline entries, in type readable across the room."""

from __future__ import annotations

from datetime import tzinfo
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from services.incidents.model import Incident, TimelineEntry
from views.common import labels

LATEST_ENTRIES = 4


class IncidentCard(QFrame):
    def __init__(self, tz: tzinfo, scale: float = 1.0, parent=None):
        super().__init__(parent)
        self.setObjectName("incident_card")
        self.tz = tz
        self.incident_id = ""
        self.setStyleSheet(f"#incident_card {{ background: rgba(255, 255, 255, 235); border: 2px solid #b71c1c;"
                           f" border-radius: 6px; }} QLabel {{ font-size: {int(12 * scale)}pt; }}")
        self.body = QLabel(objectName="incident_card_text", wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        box = QVBoxLayout(self)
        box.setContentsMargins(int(12 * scale), int(8 * scale), int(12 * scale), int(8 * scale))
        box.addWidget(self.body)
        self.hide()

    def show_incident(self, incident: Incident, entries: list[TimelineEntry]) -> None:
        self.incident_id = incident.id
        when = incident.occurred_at.astimezone(self.tz).strftime("%m-%d %H:%M")
        c = incident.casualties
        # tr() outside the f-strings: lupdate does not look inside them.
        exercise_tag, occurred = escape(self.tr("EXERCISE")), escape(self.tr("Occurred"))
        exercise = f" <span style='color:#c00000'>[{exercise_tag}]</span>" if incident.exercise else ""
        lines = [
            f"<div style='font-size:150%; font-weight:bold'>{escape(incident.code)} {escape(incident.title)}{exercise}</div>",
            f"<div><b>{escape(labels.severity_name(incident.severity))}</b> · {escape(labels.status_name(incident.status))}"
            f" · {escape(labels.category_name(incident.category))}</div>",
            f"<div>{occurred} {when} · {escape(incident.place)}</div>",
            "<div>" + escape(self.tr("Dead %1 · injured %2 · missing %3 · trapped %4")
                             .replace("%1", str(c.deaths)).replace("%2", str(c.injured))
                             .replace("%3", str(c.missing)).replace("%4", str(c.trapped))) + "</div>",
        ]
        if incident.summary:
            lines.append(f"<div style='color:#333'>{escape(incident.summary[:300])}</div>")
        for entry in [e for e in entries if e.body.strip()][-LATEST_ENTRIES:]:
            at = entry.created_at.astimezone(self.tz).strftime("%H:%M")
            lines.append(f"<div style='color:#444'>{at} {escape(labels.entry_label(entry))}："
                         f"{escape(entry.body[:120])}</div>")
        self.body.setText("".join(lines))
        self.adjustSize()
        self.show()
        self.raise_()

    def clear(self) -> None:
        self.incident_id = ""
        self.hide()
