"""来电登记: the call-intake form.

A practised officer logs a call in under 30 seconds with the keyboard alone, so
the tab order follows the conversation, defaults cover the common case and
Ctrl+Enter submits from anywhere. The draft id is made when the form opens:
pressing Enter twice, or retrying after a full disk, can never log two incidents.
"""

from __future__ import annotations

import logging
import uuid
from datetime import datetime, tzinfo

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime, QTimeZone, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from services.clearance import DEFAULT_LEVEL
from services.incidents.grading import suggest_severity
from services.incidents.model import Casualties, Category, IncidentDraft, Severity, Source
from services.incidents.validation import (
    BODY_MAX,
    CASUALTY_MAX,
    DIVISION_MAX,
    NAME_MAX,
    PLACE_MAX,
    TITLE_MAX,
    Problem,
    normalise_draft,
    validate_draft,
)
from views.common import clearance_labels, labels
from views.common.clearance_labels import LevelCombo, Levels
from views.incident_log.form_support import (
    CASUALTY_FIELDS,
    COORD_MAX,
    PHONE_MAX,
    SEVERITY_ORDER,
    FormDialog,
    PlainTextEdit,
    parse_coordinate_pair,
    parse_degrees,
)
from widgets.plain_text import tooltip

log = logging.getLogger(__name__)



class OccurredEdit(QDateTimeEdit):
    """One tab stop for the whole date and time (arrow keys move between its parts),
    so the default "now" costs a single Tab."""

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 - Qt's name
        return QWidget.focusNextPrevChild(self, next)


class IntakeDialog(FormDialog):
    sig_incident_created = Signal(str)  # incident id

    def __init__(self, service, runner, author: str, tz: tzinfo, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.runner = runner
        self.author = author
        self.tz = tz
        self.draft_id = str(uuid.uuid4())
        self.created_id: str | None = None
        self.setWindowTitle(self.tr("Call intake"))
        self.setObjectName("intake_dialog")
        self._build()
        self.reset_time()

    def set_position(self, lat: float, lon: float) -> None:
        self.lat_edit.setText(f"{lat:.6f}")
        self.lon_edit.setText(f"{lon:.6f}")

    def prefill(self, draft: IncidentDraft) -> None:
        """Opens on a draft another feature made (an alarm's station, place and
        readings): its id too, so the same draft logged twice is one incident."""
        self.draft_id = draft.id
        self.title_edit.setText(draft.title)
        for combo, value in ((self.category_combo, draft.category), (self.type_combo, draft.type_code),
                             (self.severity_combo, draft.severity), (self.source_combo, draft.source)):
            found = [i for i in range(combo.count()) if str(combo.itemData(i)) == str(value)]
            if found:
                combo.setCurrentIndex(found[0])  # the category first: it fills the types
        local = draft.occurred_at.astimezone(self.tz)
        self.occurred_edit.setDateTime(QDateTime(QDate(local.year, local.month, local.day),
                                                 QTime(local.hour, local.minute), QTimeZone.utc()))
        self.place_edit.setText(draft.place)
        self.division_edit.setText(draft.division)
        if draft.lat is not None and draft.lon is not None:
            self.set_position(draft.lat, draft.lon)
        self.reporter_edit.setText(draft.reporter)
        self.summary_edit.setPlainText(draft.summary)

    # ---- building ----------------------------------------------------------

    def _build(self) -> None:
        self.title_edit = self._line("title_edit", TITLE_MAX, self.tr("What happened, where"))
        self.category_combo = QComboBox(objectName="category_combo")
        for info in self.service.taxonomy.categories:
            self.category_combo.addItem(labels.category_name(info.code), info.code)
        self.type_combo = QComboBox(objectName="type_combo")
        self.category_combo.currentIndexChanged.connect(self.on_category_changed)
        self.severity_combo = QComboBox(objectName="severity_combo")
        for severity in SEVERITY_ORDER:
            self.severity_combo.addItem(labels.severity_name(severity), severity)
        self.levels = Levels(*self.service.levels())
        self.level_combo = LevelCombo(self.levels, DEFAULT_LEVEL["incident"])
        self.occurred_edit = OccurredEdit(objectName="occurred_edit")
        self.occurred_edit.setTimeZone(QTimeZone.utc())  # holds wall-clock time of self.tz
        self.occurred_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.occurred_edit.setCalendarPopup(False)
        self.occurred_edit.setToolTip(
            self.tr("Left and right arrow keys move between date and time.")
        )
        self.place_edit = self._line("place_edit", PLACE_MAX, self.tr("Address or landmark"))
        self.division_edit = self._line(
            "division_edit", DIVISION_MAX, self.tr("County / district, township")
        )
        self.lat_edit = self._line("lat_edit", COORD_MAX, self.tr("e.g. 29.5630"))
        self.lon_edit = self._line("lon_edit", COORD_MAX, self.tr("e.g. 106.5516"))
        self.lat_edit.editingFinished.connect(self.on_lat_finished)
        self.spins: dict[str, QSpinBox] = {}
        for name in CASUALTY_FIELDS:
            spin = QSpinBox(objectName=f"{name}_spin")
            spin.setRange(0, CASUALTY_MAX)
            spin.setAccelerated(True)
            self.spins[name] = spin
        self.grading_hint = QLabel(objectName="grading_hint")
        self.grading_hint.setStyleSheet("color: #b00000;")
        self.grading_hint.setWordWrap(True)
        self.grading_hint.hide()
        self.source_combo = QComboBox(objectName="source_combo")
        for source in Source:
            self.source_combo.addItem(labels.source_name(source), source)
        self.reporter_edit = self._line("reporter_edit", NAME_MAX, "")
        self.phone_edit = self._line("phone_edit", PHONE_MAX, "")
        self.summary_edit = PlainTextEdit(BODY_MAX, objectName="summary_edit")
        self.summary_edit.setPlaceholderText(
            self.tr(
                "What the caller said: what happened, how many people are affected, what is being done."
            )
        )
        self.exercise_check = QCheckBox(
            self.tr("Exercise (drill, not a real incident)"), objectName="exercise_check"
        )
        self.exercise_check.toggled.connect(self.on_exercise_toggled)
        self.submit_button = QPushButton(self.tr("Log incident"), objectName="submit_button")
        self.cancel_button = QPushButton(self.tr("Cancel"), objectName="cancel_button")
        self.on_category_changed()
        for widget in (self.category_combo, self.severity_combo):
            widget.currentIndexChanged.connect(self.on_grading_inputs_changed)
        for spin in self.spins.values():
            spin.valueChanged.connect(self.on_grading_inputs_changed)
        self._lay_out()
        self.bind_fields(
            {
                "title": self.title_edit,
                "category": self.category_combo,
                "type": self.type_combo,
                "severity": self.severity_combo,
                "level": self.level_combo,
                "occurred_at": self.occurred_edit,
                "place": self.place_edit,
                "division": self.division_edit,
                "coordinates": self.lat_edit,
                "lat": self.lat_edit,
                "lon": self.lon_edit,
                **self.spins,
                "source": self.source_combo,
                "reporter": self.reporter_edit,
                "reporter_phone": self.phone_edit,
                "summary": self.summary_edit,
            }
        )
        self.setup_submit(self.submit_button, self.cancel_button)
        order = [
            self.title_edit, self.category_combo, self.type_combo, self.severity_combo,
            self.occurred_edit, self.place_edit, self.division_edit, self.lat_edit, self.lon_edit,
            *self.spins.values(), self.source_combo, self.reporter_edit, self.phone_edit,
            # 密级 last: its default (内部) is the common case, so the call's own fields come first.
            self.summary_edit, self.exercise_check, self.level_combo, self.submit_button, self.cancel_button,
        ]  # fmt: skip
        for a, b in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(a, b)
        self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _line(self, name: str, limit: int, placeholder: str) -> QLineEdit:
        edit = QLineEdit(objectName=name)
        edit.setMaxLength(limit)
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(False)
        return edit

    def _lay_out(self) -> None:
        incident = QGroupBox(self.tr("Incident"))
        form = QFormLayout(incident)
        form.addRow(labels.field_name("title"), self.title_edit)
        form.addRow(labels.field_name("category"), self.category_combo)
        form.addRow(labels.field_name("type"), self.type_combo)
        form.addRow(labels.field_name("severity"), self.severity_combo)
        form.addRow(clearance_labels.field_label(), self.level_combo)
        when = QHBoxLayout()
        when.addWidget(self.occurred_edit, 1)
        when.addWidget(QLabel(self._tz_label()))
        form.addRow(labels.field_name("occurred_at"), when)
        form.addRow(labels.field_name("place"), self.place_edit)
        form.addRow(labels.field_name("division"), self.division_edit)
        coords = QHBoxLayout()
        coords.addWidget(self.lat_edit)
        coords.addWidget(QLabel(self.tr("Longitude")))
        coords.addWidget(self.lon_edit)
        form.addRow(self.tr("Latitude"), coords)
        people = QHBoxLayout()
        for name, spin in self.spins.items():
            people.addWidget(QLabel(labels.field_name(name)))
            people.addWidget(spin, 1)
        form.addRow(self.tr("Casualties"), people)
        form.addRow("", self.grading_hint)

        caller = QGroupBox(self.tr("Caller"))
        cform = QFormLayout(caller)
        cform.addRow(self.tr("Source"), self.source_combo)
        cform.addRow(labels.field_name("reporter"), self.reporter_edit)
        cform.addRow(labels.field_name("reporter_phone"), self.phone_edit)
        cform.addRow(QLabel(self.tr("Call content")))
        cform.addRow(self.summary_edit)
        cform.addRow(self.summary_edit.counter)

        grid = QGridLayout()
        grid.addWidget(incident, 0, 0)
        grid.addWidget(caller, 0, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)

        buttons = QHBoxLayout()
        buttons.addWidget(self.exercise_check)
        buttons.addStretch(1)
        buttons.addWidget(QLabel(self.tr("Ctrl+Enter logs the incident")))
        buttons.addWidget(self.submit_button)
        buttons.addWidget(self.cancel_button)

        root = QVBoxLayout(self)
        root.addLayout(grid, 1)
        root.addWidget(self.message_panel)
        root.addLayout(buttons)
        self.resize(940, 470)

    def _tz_label(self) -> str:
        offset = self.service.clock.now().astimezone(self.tz).strftime("%z")
        return "UTC" + (offset[:3] + ":" + offset[3:] if offset else "")

    # ---- slots -------------------------------------------------------------

    def on_category_changed(self, _index: int = 0) -> None:
        """Offers only the types of the chosen category; "not yet known" first."""
        category = self.category_combo.currentData()
        self.type_combo.clear()
        self.type_combo.addItem(self.tr("(not yet known)"), "")
        if category is None:
            return
        for itype in self.service.taxonomy.types_of(Category(category)):
            self.type_combo.addItem(type_label(itype), itype.code)
            self.type_combo.setItemData(
                self.type_combo.count() - 1, tooltip(itype.group), Qt.ItemDataRole.ToolTipRole
            )

    def on_grading_inputs_changed(self, *_args) -> None:
        """Accidents are graded by casualties (国务院令第493号): say so when the
        figures call for a higher grade than the one chosen. The officer decides."""
        category = self.category_combo.currentData()
        chosen = self.severity_combo.currentData()
        if category is None or chosen is None:
            return
        counts = Casualties(**{name: spin.value() for name, spin in self.spins.items()})
        suggested = suggest_severity(Category(category), counts)
        chosen = Severity(chosen)
        if suggested is not None and suggested.rank < chosen.rank:
            self.grading_hint.setText(
                self.tr("By these casualty figures this accident is at least %1 (State Council Decree 493).")
                .replace("%1", labels.severity_name(suggested))
            )
            self.grading_hint.show()
        else:
            self.grading_hint.hide()

    def on_exercise_toggled(self, checked: bool) -> None:
        """An exercise logged as real (or the reverse) misleads everyone: make it loud."""
        self.exercise_check.setStyleSheet("color: #b00000; font-weight: bold;" if checked else "")

    def on_lat_finished(self) -> None:
        """A pasted "29.56, 106.55" pair in the latitude field fills both fields."""
        pair = parse_coordinate_pair(self.lat_edit.text())
        if pair is not None and not self.lon_edit.text().strip():
            self.lat_edit.setText(pair[0])
            self.lon_edit.setText(pair[1])

    def reset_time(self) -> None:
        now = self.service.clock.now().astimezone(self.tz)
        self.occurred_edit.setDateTime(
            QDateTime(
                QDate(now.year, now.month, now.day),
                QTime(now.hour, now.minute, now.second),
                QTimeZone.utc(),
            )
        )

    # ---- submitting --------------------------------------------------------

    def occurred_at(self) -> datetime:
        qdt = self.occurred_edit.dateTime()
        d, t = qdt.date(), qdt.time()
        return datetime(
            d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second(), tzinfo=self.tz
        )

    def collect(self) -> tuple[IncidentDraft, list[Problem]]:
        """The draft plus problems the service cannot see (unparseable coordinates)."""
        self.on_lat_finished()
        problems: list[Problem] = []
        coords: dict[str, float | None] = {}
        for name, edit in (("lat", self.lat_edit), ("lon", self.lon_edit)):
            try:
                coords[name] = parse_degrees(edit.text())
            except ValueError:
                coords[name] = None
                problems.append(Problem(name, "not_a_number"))
        draft = IncidentDraft(
            id=self.draft_id,
            title=self.title_edit.text(),
            category=Category(self.category_combo.currentData()),
            type_code=self.type_combo.currentData() or "",
            severity=Severity(self.severity_combo.currentData()),
            occurred_at=self.occurred_at(),
            place=self.place_edit.text(),
            lat=coords["lat"],
            lon=coords["lon"],
            division=self.division_edit.text(),
            casualties=Casualties(**{n: s.value() for n, s in self.spins.items()}),
            source=Source(self.source_combo.currentData()),
            reporter=self.reporter_edit.text(),
            reporter_phone=self.phone_edit.text(),
            exercise=self.exercise_check.isChecked(),
            summary=self.summary_edit.toPlainText(),
            level=self.level_combo.level(),
        )
        return draft, problems

    def on_submit(self) -> None:
        if self.busy:
            return
        draft, problems = self.collect()
        if problems:
            # Show everything at once: the service's own checks on what did parse.
            svc = self.service
            problems += validate_draft(
                normalise_draft(draft), svc.taxonomy, svc.clock.now(), svc.region
            )
            self.show_problems(problems)
            return
        self.start_write(self.service.create_incident, draft, self.author)

    def on_written(self, incident) -> None:
        self.created_id = incident.id
        self.sig_incident_created.emit(incident.id)
        self.accept()


def type_label(itype) -> str:
    """The taxonomy file carries both names; show the one of the UI language."""
    return itype.name if QLocale().language() == QLocale.Language.Chinese else itype.name_en
