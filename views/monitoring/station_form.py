"""新建监测站 / 编辑监测站: name, kind, organisation, position, the kind's unit,
a threshold per level of the kind's scheme (蓝/黄/橙/红, or 警戒/保证 for river and
reservoir levels) and the alarm engine's rules (hysteresis margin, minimum
duration, rate of rise). Every value is checked by the contract before anything
is written; a refusal is listed in the form, each problem in one sentence, and
the mirror stays as it was. Numbers are typed as text so a wrong one can be
told rather than silently clamped."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from services.input_checks import Region
from services.monitoring.contract import (
    CODE_MAX,
    KINDS,
    NAME_MAX,
    ORG_MAX,
    PLACE_MAX,
    StationKind,
    levels_of,
)
from services.monitoring.station_editor import (
    StationDraft,
    StationEditor,
    StationRefused,
    draft_problems,
)
from services.monitoring.store import Station
from views.common.gui_op import GuiOp, write_error_text
from views.monitoring import words
from views.monitoring.station_words import problem_text
from widgets.plain_text import plain_label

RULE_FIELDS = ("margin", "min_duration_s", "rate_per_h")


def _number(text: str) -> float | str | None:
    """A typed number; "" for none; the text itself when it is not one (the contract refuses it)."""
    text = text.strip().replace("，", ".").replace(",", ".")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        return text


class StationForm(QDialog):
    sig_saved = Signal(str)  # the station's id, once in the mirror (and its op in the outbox)

    def __init__(self, editor: StationEditor, runner, *, station: Station | None = None,
                 region: Region | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("station_form")
        self.editor, self.runner, self.station, self.region = editor, runner, station, region
        self.setWindowTitle(self.tr("Edit station") if station else self.tr("New station"))
        self.name = QLineEdit(objectName="station_name", maxLength=NAME_MAX)
        self.code = QLineEdit(objectName="station_code", maxLength=CODE_MAX)
        self.code.setPlaceholderText(self.tr("e.g. the hydrology STCD, 8 characters"))
        self.kind = QComboBox(objectName="station_kind")
        for kind in StationKind:
            self.kind.addItem(words.kind_name(kind.value), kind.value)
        self.org = QLineEdit(objectName="station_org", maxLength=ORG_MAX)
        self.place = QLineEdit(objectName="station_place", maxLength=PLACE_MAX)
        self.lat = QLineEdit(objectName="station_lat")
        self.lat.setPlaceholderText(self.tr("degrees north, e.g. 29.56"))
        self.lon = QLineEdit(objectName="station_lon")
        self.lon.setPlaceholderText(self.tr("degrees east, e.g. 106.55"))
        self.unit = plain_label(objectName="station_unit")
        self.levels = QGroupBox(self.tr("Thresholds (empty: no alarm at that level)"), objectName="station_levels")
        self.level_form = QFormLayout(self.levels)
        self.level_edits: dict[str, QLineEdit] = {}
        self.rule_edits = {name: QLineEdit(objectName=f"station_{name}") for name in RULE_FIELDS}
        self.rule_edits["margin"].setPlaceholderText(self.tr("0: an alarm ends as soon as the value is below"))
        self.rule_edits["min_duration_s"].setPlaceholderText(self.tr("seconds above a threshold before an alarm"))
        self.rule_edits["rate_per_h"].setPlaceholderText(self.tr("per hour; 0: no rate alarm"))
        self.rate_level = QComboBox(objectName="station_rate_level")
        self.problems = plain_label(objectName="station_problems", wordWrap=True)
        self.problems.setStyleSheet("color: #c62828")
        self.problems.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._fill(station)

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Station code"), self.code)
        form.addRow(self.tr("Organisation"), self.org)
        form.addRow(self.tr("Place"), self.place)
        form.addRow(self.tr("Latitude"), self.lat)
        form.addRow(self.tr("Longitude"), self.lon)
        form.addRow(self.tr("Unit"), self.unit)
        rules = QGroupBox(self.tr("Alarm rules"))
        rule_form = QFormLayout(rules)
        rule_form.addRow(self.tr("Hysteresis margin"), self.rule_edits["margin"])
        rule_form.addRow(self.tr("Minimum duration (s)"), self.rule_edits["min_duration_s"])
        rule_form.addRow(self.tr("Rate of rise"), self.rule_edits["rate_per_h"])
        rule_form.addRow(self.tr("Level of a rate alarm"), self.rate_level)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.levels)
        box.addWidget(rules)
        box.addWidget(self.problems)
        box.addWidget(self.buttons)

    def _fill(self, station: Station | None) -> None:
        if station is not None:
            self.name.setText(station.name)
            self.code.setText(station.code)
            self.org.setText(station.org)
            self.place.setText(station.place)
            self.lat.setText(f"{station.lat:.6f}".rstrip("0").rstrip("."))
            self.lon.setText(f"{station.lon:.6f}".rstrip("0").rstrip("."))
            self.kind.setCurrentIndex(max(0, self.kind.findData(station.kind.value)))
        self._kind_changed()
        if station is not None:
            for level, edit in self.level_edits.items():
                if level in station.thresholds:
                    edit.setText(f"{station.thresholds[level]:g}")
            for name, edit in self.rule_edits.items():
                if name in station.rules:
                    edit.setText(f"{station.rules[name]:g}")
            self.rate_level.setCurrentIndex(max(0, self.rate_level.findData(station.rules.get("rate_level"))))

    def _kind_changed(self) -> None:
        """The unit and the threshold rows follow the kind (typed values of a level kept)."""
        kind = StationKind(self.kind.currentData())
        self.unit.setText(KINDS[kind].unit or self.tr("(none)"))
        typed = {level: edit.text() for level, edit in self.level_edits.items()}
        while self.level_form.rowCount():
            self.level_form.removeRow(0)
        self.level_edits = {}
        self.rate_level.clear()
        for level in levels_of(kind):
            edit = QLineEdit(typed.get(level.value, ""), objectName=f"threshold_{level.value}")
            edit.setPlaceholderText(KINDS[kind].unit)
            self.level_edits[level.value] = edit
            self.level_form.addRow(words.level_name(level.value), edit)
            self.rate_level.addItem(words.level_name(level.value), level.value)

    def draft(self) -> StationDraft:
        thresholds = {level: _number(edit.text()) for level, edit in self.level_edits.items()}
        rules: dict = {name: _number(edit.text()) for name, edit in self.rule_edits.items()}
        rules = {k: v for k, v in rules.items() if v is not None}
        if rules.get("rate_per_h"):
            rules["rate_level"] = self.rate_level.currentData()
        return StationDraft(id=self.station.id if self.station else "", name=self.name.text(),
                            kind=self.kind.currentData(), lat=_number(self.lat.text()), lon=_number(self.lon.text()),
                            org=self.org.text(), code=self.code.text(), place=self.place.text(),
                            thresholds={k: v for k, v in thresholds.items() if v is not None}, rules=rules)

    def save(self) -> None:
        draft = self.draft()
        problems = draft_problems(draft, self.region)
        if problems:
            self.show_problems([problem_text(p, draft.kind) for p in problems])
            return
        self.buttons.setEnabled(False)
        GuiOp(self, self.runner, self.editor.save, draft).success(self._saved).failure(self._failed).run()

    def show_problems(self, lines: list[str]) -> None:
        self.problems.setText("\n".join([self.tr("Not saved:"), *lines]))
        self.problems.show()

    def _saved(self, station: Station) -> None:
        self.sig_saved.emit(station.id)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, StationRefused):
            self.show_problems([problem_text(p, self.kind.currentData()) for p in exc.problems])
        else:
            self.show_problems([write_error_text(exc)])

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Enter in a field saves (Ctrl+Enter too); Escape cancels."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.save()
            return
        super().keyPressEvent(event)
