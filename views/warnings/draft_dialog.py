"""起草预警: the draft of a warning issued here, from scratch or from an incident
(its type, title, place and position filled in). Keyboard-first like the
intake form: Enter moves on, Ctrl+Enter saves. The area is a circle around a
place (centre and radius) or a list of GB/T 2260 division codes. Times are
typed in the room's zone and stored in UTC. Saving writes a draft (草稿); it is
submitted for approval from the card."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta, tzinfo

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimeZone, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from services.clearance import DEFAULT_CLEARANCE, DEFAULT_LEVEL, DEFAULT_NAMES
from services.warnings.contract import CERTAINTIES, COLOURS, SEVERITIES, TEXT_LIMITS, URGENCIES
from services.warnings.model import Area, Circle, EarlyWarning, Translation
from views.common import clearance_labels
from views.common.clearance_labels import LevelCombo, Levels
from views.incident_log.form_support import FormDialog, PlainTextEdit, parse_degrees
from views.warnings import labels
from views.warnings.draft_checks import check_draft

DEFAULT_HOURS = 24
DEFAULT_RADIUS_KM = 10.0


def _qdt(value: datetime, tz: tzinfo) -> QDateTime:
    local = value.astimezone(tz)
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute), QTimeZone.utc())


class DraftDialog(FormDialog):
    sig_saved = Signal(str)  # the warning's id

    def __init__(self, save: Callable[[EarlyWarning], EarlyWarning], runner, *, tz: tzinfo,
                 now: Callable[[], datetime], sender: str, sender_name: str = "",
                 base: EarlyWarning | None = None, incident=None, levels: Levels | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.save, self.runner, self.tz, self.now = save, runner, tz, now
        # 密级: 公开 up to this workstation's clearance (services/clearance.py); a warning starts 公开
        self.levels = levels or Levels(DEFAULT_CLEARANCE, DEFAULT_NAMES)
        self.sender, self.sender_name = sender, sender_name
        self.base = base
        self.incident_id = base.incident_id if base is not None else (incident.id if incident is not None else "")
        self.saved: EarlyWarning | None = None
        self.setObjectName("warning_draft_dialog")
        self.setWindowTitle(self.tr("Draft a warning") if base is None else self.tr("Edit the warning draft"))
        self._build()
        if base is not None:
            self._fill(base)
        elif incident is not None:
            self._from_incident(incident)

    # ---- building ----------------------------------------------------------------

    def _line(self, name: str, limit: int, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(objectName=name, maxLength=limit)
        edit.setPlaceholderText(placeholder)
        return edit

    def _combo(self, name: str, values, namer) -> QComboBox:
        combo = QComboBox(objectName=name)
        for value in values:
            combo.addItem(namer(value), value)
        return combo

    def _build(self) -> None:
        self.event_edit = self._line("event_edit", TEXT_LIMITS["event"], self.tr("e.g. 暴雨, 山洪, 地质灾害"))
        self.colour_combo = self._combo("colour_combo", COLOURS, labels.level_name)
        self.colour_combo.setCurrentIndex(COLOURS.index("yellow"))
        self.urgency_combo = self._combo("urgency_combo", URGENCIES, labels.urgency_name)
        self.severity_combo = self._combo("cap_severity_combo", SEVERITIES, labels.severity_name)
        self.certainty_combo = self._combo("certainty_combo", CERTAINTIES, labels.certainty_name)
        self.urgency_combo.setCurrentIndex(URGENCIES.index("Expected"))
        self.severity_combo.setCurrentIndex(SEVERITIES.index("Moderate"))
        self.certainty_combo.setCurrentIndex(CERTAINTIES.index("Likely"))
        self.level_combo = LevelCombo(self.levels, self.base.level if self.base is not None else DEFAULT_LEVEL["warning"])
        self.headline_edit = self._line("headline_edit", TEXT_LIMITS["headline"],
                                        self.tr("e.g. 渝中区气象台发布暴雨黄色预警"))
        self.description_edit = PlainTextEdit(TEXT_LIMITS["description"], objectName="description_edit")
        self.instruction_edit = PlainTextEdit(TEXT_LIMITS["instruction"], objectName="instruction_edit")
        for edit in (self.description_edit, self.instruction_edit):
            edit.setMaximumHeight(90)
        self.english_box = QGroupBox(self.tr("English texts (a second <info> in the CAP file)"),
                                     objectName="english_box", checkable=True, checked=False)
        self.en_event_edit = self._line("en_event_edit", TEXT_LIMITS["event"], "Rainstorm")
        self.en_headline_edit = self._line("en_headline_edit", TEXT_LIMITS["headline"])
        self.en_description_edit = PlainTextEdit(TEXT_LIMITS["description"], objectName="en_description_edit")
        self.en_instruction_edit = PlainTextEdit(TEXT_LIMITS["instruction"], objectName="en_instruction_edit")
        for edit in (self.en_description_edit, self.en_instruction_edit):
            edit.setMaximumHeight(60)
        self.circle_radio = QRadioButton(self.tr("Circle around a place"), objectName="circle_radio", checked=True)
        self.codes_radio = QRadioButton(self.tr("Division codes (GB/T 2260)"), objectName="codes_radio")
        self.area_edit = self._line("area_description_edit", 300, self.tr("The area in words, e.g. 渝中区"))
        self.lat_edit = self._line("warning_lat_edit", 40, "29.5630")
        self.lon_edit = self._line("warning_lon_edit", 40, "106.5516")
        self.radius_spin = QDoubleSpinBox(objectName="radius_spin", decimals=1, minimum=0.1, maximum=500.0,
                                          value=DEFAULT_RADIUS_KM, suffix=" km")
        self.codes_edit = self._line("geocodes_edit", 4000, self.tr("e.g. 500103 500105, separated by spaces"))
        self.circle_radio.toggled.connect(self._area_mode)
        self.onset_edit = QDateTimeEdit(objectName="onset_edit", displayFormat="yyyy-MM-dd HH:mm")
        self.expires_edit = QDateTimeEdit(objectName="expires_edit", displayFormat="yyyy-MM-dd HH:mm")
        for edit in (self.onset_edit, self.expires_edit):
            edit.setTimeZone(QTimeZone.utc())  # holds the wall-clock time of self.tz
        now = self.now()
        self.onset_edit.setDateTime(_qdt(now, self.tz))
        self.expires_edit.setDateTime(_qdt(now + timedelta(hours=DEFAULT_HOURS), self.tz))
        self.submit_button = QPushButton(self.tr("Save draft"), objectName="save_draft_button")
        self.cancel_button = QPushButton(self.tr("Cancel"), objectName="cancel_button")
        self.bind_fields({"event": self.event_edit, "colour": self.colour_combo, "headline": self.headline_edit,
                          "description": self.description_edit, "instruction": self.instruction_edit,
                          "area": self.area_edit, "area_description": self.area_edit, "lat": self.lat_edit,
                          "radius": self.radius_spin, "geocodes": self.codes_edit, "expires": self.expires_edit,
                          "en_headline": self.en_headline_edit})
        self.setup_submit(self.submit_button, self.cancel_button)
        self._lay_out()
        self._area_mode()
        self.event_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _lay_out(self) -> None:
        what = QGroupBox(self.tr("Warning"))
        form = QFormLayout(what)
        form.addRow(self.tr("Event"), self.event_edit)
        form.addRow(self.tr("Level"), self.colour_combo)
        cap = QHBoxLayout()
        for text, combo in ((self.tr("Urgency"), self.urgency_combo), (self.tr("Severity"), self.severity_combo),
                            (self.tr("Certainty"), self.certainty_combo)):
            cap.addWidget(QLabel(text))
            cap.addWidget(combo, 1)
        form.addRow(self.tr("CAP"), cap)
        form.addRow(self.tr("Headline"), self.headline_edit)
        form.addRow(clearance_labels.field_label(), self.level_combo)
        form.addRow(self.tr("Description"), self.description_edit)
        form.addRow("", self.description_edit.counter)
        form.addRow(self.tr("Instruction"), self.instruction_edit)
        english = QFormLayout(self.english_box)
        english.addRow(self.tr("Event"), self.en_event_edit)
        english.addRow(self.tr("Headline"), self.en_headline_edit)
        english.addRow(self.tr("Description"), self.en_description_edit)
        english.addRow(self.tr("Instruction"), self.en_instruction_edit)
        area = QGroupBox(self.tr("Area and time"))
        aform = QFormLayout(area)
        modes = QHBoxLayout()
        modes.addWidget(self.circle_radio)
        modes.addWidget(self.codes_radio)
        modes.addStretch(1)
        aform.addRow(modes)
        aform.addRow(self.tr("Area"), self.area_edit)
        centre = QHBoxLayout()
        centre.addWidget(self.lat_edit)
        centre.addWidget(QLabel(self.tr("Longitude")))
        centre.addWidget(self.lon_edit)
        centre.addWidget(QLabel(self.tr("Radius")))
        centre.addWidget(self.radius_spin)
        aform.addRow(self.tr("Latitude"), centre)
        aform.addRow(self.tr("Codes"), self.codes_edit)
        zone = self.now().astimezone(self.tz).strftime("%z")
        times = QHBoxLayout()
        times.addWidget(self.onset_edit, 1)
        times.addWidget(QLabel(self.tr("until")))
        times.addWidget(self.expires_edit, 1)
        times.addWidget(QLabel("UTC" + zone[:3] + ":" + zone[3:]))
        aform.addRow(self.tr("In force"), times)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Ctrl+Enter saves the draft; it is submitted for approval from its card.")))
        buttons.addStretch(1)
        buttons.addWidget(self.submit_button)
        buttons.addWidget(self.cancel_button)
        left = QVBoxLayout()
        left.addWidget(what)
        right = QVBoxLayout()
        right.addWidget(area)
        right.addWidget(self.english_box)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        root = QVBoxLayout(self)
        root.addLayout(columns, 1)
        root.addWidget(self.message_panel)
        root.addLayout(buttons)
        self.resize(1060, 560)

    def _area_mode(self) -> None:
        circle = self.circle_radio.isChecked()
        for widget in (self.lat_edit, self.lon_edit, self.radius_spin):
            widget.setEnabled(circle)
        self.codes_edit.setEnabled(not circle)

    # ---- filling -------------------------------------------------------------------

    def _from_incident(self, incident) -> None:
        self.event_edit.setText(incident.type_name or "")
        self.headline_edit.setText(incident.title)
        self.description_edit.setPlainText(incident.summary)
        self.area_edit.setText(incident.place or incident.division)
        if incident.lat is not None and incident.lon is not None:
            self.lat_edit.setText(f"{incident.lat:.6f}")
            self.lon_edit.setText(f"{incident.lon:.6f}")

    def _fill(self, w: EarlyWarning) -> None:
        self.event_edit.setText(w.event)
        for combo, value in ((self.colour_combo, w.colour), (self.urgency_combo, w.urgency),
                             (self.severity_combo, w.severity), (self.certainty_combo, w.certainty)):
            if combo.findData(value) >= 0:
                combo.setCurrentIndex(combo.findData(value))
        self.headline_edit.setText(w.headline)
        self.description_edit.setPlainText(w.description)
        self.instruction_edit.setPlainText(w.instruction)
        if w.english is not None:
            self.english_box.setChecked(True)
            self.en_event_edit.setText(w.english.event)
            self.en_headline_edit.setText(w.english.headline)
            self.en_description_edit.setPlainText(w.english.description)
            self.en_instruction_edit.setPlainText(w.english.instruction)
        if w.areas:
            area = w.areas[0]
            self.area_edit.setText(area.description)
            if area.circles:
                c = area.circles[0]
                self.lat_edit.setText(f"{c.lat:.6f}")
                self.lon_edit.setText(f"{c.lon:.6f}")
                self.radius_spin.setValue(c.radius_km)
            elif area.geocodes:
                self.codes_radio.setChecked(True)
                self.codes_edit.setText(" ".join(area.geocodes))
        if w.onset:
            self.onset_edit.setDateTime(_qdt(w.onset, self.tz))
        if w.expires:
            self.expires_edit.setDateTime(_qdt(w.expires, self.tz))

    # ---- saving ----------------------------------------------------------------------

    def _time(self, edit: QDateTimeEdit) -> datetime:
        d, t = edit.dateTime().date(), edit.dateTime().time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=self.tz).astimezone(UTC)

    def collect(self) -> tuple[EarlyWarning | None, list[tuple[str, str]]]:
        problems: list[tuple[str, str]] = []
        description = self.area_edit.text().strip()
        if self.circle_radio.isChecked():
            try:
                lat, lon = parse_degrees(self.lat_edit.text()), parse_degrees(self.lon_edit.text())
            except ValueError:
                lat = lon = None
            if lat is None or lon is None:
                problems.append((self.tr("The centre needs a latitude and a longitude in decimal degrees."), "lat"))
                area = Area(description)
            else:
                area = Area(description, circles=(Circle(lat, lon, self.radius_spin.value()),))
        else:
            codes = tuple(c for c in self.codes_edit.text().replace(",", " ").replace("、", " ").split() if c)
            if not codes:
                problems.append((self.tr("Give at least one division code."), "geocodes"))
            area = Area(description, geocodes=codes)
        english = None
        if self.english_box.isChecked():
            english = Translation("en-US", self.en_event_edit.text().strip(), self.en_headline_edit.text().strip(),
                                  self.en_description_edit.toPlainText().strip(),
                                  self.en_instruction_edit.toPlainText().strip())
        now = self.now()
        onset, expires = self._time(self.onset_edit), self._time(self.expires_edit)
        values = dict(
            event=self.event_edit.text().strip(), colour=self.colour_combo.currentData(),
            urgency=self.urgency_combo.currentData(), severity=self.severity_combo.currentData(),
            certainty=self.certainty_combo.currentData(), headline=self.headline_edit.text().strip(),
            description=self.description_edit.toPlainText().strip(),
            instruction=self.instruction_edit.toPlainText().strip(), english=english, areas=(area,),
            onset=onset, effective=onset, expires=expires, incident_id=self.incident_id,
            level=self.level_combo.level())
        if self.base is not None:
            warning = replace(self.base, **values)
        else:
            warning = EarlyWarning(id=str(uuid.uuid4()), identifier="", sender=self.sender, sent=now,
                                   origin="local", sender_name=self.sender_name, issue_state="draft",
                                   source_name="", **values)
        problems += [p for p in check_draft(warning) if not (p[1] == "area" and problems)]
        return (None if problems else warning), problems

    def on_submit(self) -> None:
        if self.busy:
            return
        warning, problems = self.collect()
        if problems:
            self.message_panel.show_messages(problems)
            self.focus_field(problems[0][1])
            return
        self.start_write(self.save, warning)

    def _on_error(self, exc: BaseException) -> None:
        """The service's refusals in the officer's words; the rest as every form says them."""
        code = getattr(exc, "code", "")
        text = {"not_draft": self.tr("This warning was submitted meanwhile: only a draft can be edited."),
                "above_clearance": clearance_labels.problem_message("above_clearance"),
                "level": clearance_labels.problem_message("invalid")}.get(code)
        if text is None and isinstance(exc, ValueError) and " code must be" in str(exc):
            text = self.tr("Warnings issued here need the centre's region and agency codes: set region_code "
                           "(6 digits, GB/T 2260) and agency_code in the [warnings] table of the config.")
        if text is None and exc.__class__.__name__ == "RecordProblem":
            text = self.tr("The warning cannot be stored: %1").replace("%1", str(exc))
        if text is None:
            super()._on_error(exc)
            return
        self.set_busy(False)
        self.message_panel.show_messages([(text, "")])

    def on_written(self, warning: EarlyWarning) -> None:
        self.saved = warning
        self.sig_saved.emit(warning.id)
        self.accept()
