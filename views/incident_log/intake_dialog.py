"""来电登记: the call-intake form.

A practised officer logs a call in under 30 seconds with the keyboard alone, so
the tab order follows the conversation, defaults cover the common case and
Ctrl+Enter submits from anywhere. The draft id is made when the form opens:
pressing Enter twice, or retrying after a full disk, can never log two incidents.
"""

from __future__ import annotations

import logging
import re
import unicodedata
import uuid
from datetime import datetime, tzinfo
from html import escape

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, Qt, QTime, QTimeZone, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from services.incidents.model import Casualties, Category, IncidentDraft, Severity, Source
from services.incidents.service import NotFound
from services.incidents.validation import (
    BODY_MAX,
    CASUALTY_MAX,
    DIVISION_MAX,
    NAME_MAX,
    PLACE_MAX,
    TITLE_MAX,
    Problem,
    ValidationError,
    normalise_draft,
    validate_draft,
)
from views.common import labels
from views.incident_log.report_document import exercise_prefix

log = logging.getLogger(__name__)

PHONE_MAX = 40
COORD_MAX = 40
SEVERITY_ORDER = (Severity.UNGRADED, Severity.I, Severity.II, Severity.III, Severity.IV)


CASUALTY_FIELDS = ("deaths", "injured", "missing", "trapped")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_HEMISPHERES = {"N": 1, "E": 1, "S": -1, "W": -1, "北纬": 1, "东经": 1, "南纬": -1, "西经": -1}
_PAIR_SPLIT = re.compile(r"[,;\s、]+")


def parse_degrees(text: str) -> float | None:
    """Decimal degrees as officers type or paste them ("29.56", "29.56°N", full-width
    digits, "北纬29.56"); None when empty, ValueError when it is not a number."""
    t = unicodedata.normalize("NFKC", text).strip().upper()
    if not t:
        return None
    sign = 1
    for mark, value in _HEMISPHERES.items():
        if t.startswith(mark) or t.endswith(mark):
            sign, t = value, t.removeprefix(mark).removesuffix(mark).strip()
            break
    t = t.removesuffix("°").strip()
    if not _NUMBER.match(t):
        raise ValueError(text)
    return sign * float(t)


def parse_coordinate_pair(text: str) -> tuple[str, str] | None:
    """Splits "29.56, 106.55" (as copied from a map) into its two numbers."""
    parts = [p for p in _PAIR_SPLIT.split(unicodedata.normalize("NFKC", text).strip()) if p]
    if len(parts) != 2:
        return None
    try:
        parse_degrees(parts[0]), parse_degrees(parts[1])
    except ValueError:
        return None
    return parts[0], parts[1]


def storage_problem(exc: BaseException) -> str | None:
    """offline_cache.errors.StorageError, recognised by its shape: views may not
    import offline_cache (DESIGN.md layer table)."""
    problem, detail = getattr(exc, "problem", None), getattr(exc, "detail", None)
    if isinstance(problem, str) and isinstance(detail, str):
        return str(problem)
    return None


def problem_text(problem: Problem) -> str:
    """labels.problem_message, plus the few problems only the forms can see."""
    if problem.code == "template_unchanged":
        return QCoreApplication.translate(
            "IncidentForms",
            "The report is still the unchanged template: fill in what happened before sending.",
        )
    if problem.code == "not_a_number" and problem.field in ("lat", "lon"):
        if problem.field == "lat":
            return QCoreApplication.translate(
                "IncidentForms",
                "Latitude is not a number in decimal degrees (for example 29.5630).",
            )
        return QCoreApplication.translate(
            "IncidentForms", "Longitude is not a number in decimal degrees (for example 106.5516)."
        )
    return labels.problem_message(problem)


def error_messages(exc: BaseException) -> tuple[list[Problem], str]:
    """Splits a failed write into field problems and a general message."""
    if isinstance(exc, ValidationError):
        return exc.problems, ""
    problem = storage_problem(exc)
    if problem is not None:
        return [], labels.storage_message(problem)
    if isinstance(exc, NotFound):
        return [], QCoreApplication.translate(
            "IncidentForms", "The incident is no longer in the local database; nothing was saved."
        )
    log.error("write failed", exc_info=exc)
    return [], QCoreApplication.translate(
        "IncidentForms", "The change could not be saved: %1"
    ).replace("%1", str(exc) or type(exc).__name__)


class ProblemPanel(QLabel):
    """Lists what stops the form from being saved; each line links to its field."""

    sig_field_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("message_panel")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.setStyleSheet(
            "#message_panel { background: #fdecea; color: #8a1c1c; border: 1px solid #e0a5a5;"
            " border-radius: 3px; padding: 6px; }"
        )
        self.linkActivated.connect(lambda link: self.sig_field_activated.emit(link))
        self.messages: list[str] = []
        self.hide()

    def show_messages(self, items: list[tuple[str, str]]) -> None:
        """items: (message, field name or "")."""
        self.messages = [m for m, _ in items]
        lines = []
        for message, field in items:
            text = escape(message)
            lines.append(
                f'<li><a href="{escape(field)}" style="color:#8a1c1c; text-decoration:none">{text}</a></li>'
                if field
                else f"<li>{text}</li>"
            )
        self.setText("<ul style='margin:0'>" + "".join(lines) + "</ul>")
        self.setAccessibleDescription("\n".join(self.messages))
        self.setVisible(bool(items))

    def clear_messages(self) -> None:
        self.messages = []
        self.setText("")
        self.hide()


def incident_header(incident) -> QLabel:
    """Code and title in bold, with the exercise mark, atop the report and status dialogs."""
    text = f"{incident.code}  {incident.title}"
    if incident.exercise:
        text = f"{exercise_prefix()} {text}"
    label = QLabel(text, objectName="incident_header")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.15)
    label.setFont(font)
    if incident.exercise:
        label.setStyleSheet("color: #b00000;")
    return label


class PlainTextEdit(QPlainTextEdit):
    """Multi-line text where Tab leaves the field and a counter shows the limit."""

    def __init__(self, limit: int, parent: QWidget | None = None, *, objectName: str = ""):  # noqa: N803
        super().__init__(parent)
        self.setObjectName(objectName)
        self.limit = limit
        self.setTabChangesFocus(True)
        self.counter = QLabel(objectName=f"{objectName}_counter")
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.textChanged.connect(self.on_text_changed)
        self.on_text_changed()

    def on_text_changed(self) -> None:
        n = self.document().characterCount() - 1
        self.counter.setText(f"{n} / {self.limit}")
        self.counter.setStyleSheet(
            "color: #b71c1c; font-weight: bold;" if n > self.limit else "color: gray;"
        )


class FormDialog(QDialog):
    """What every incident dialog shares: Enter moves to the next field, Ctrl+Enter
    submits from anywhere, one write in flight at a time, problems listed beside the
    form with focus on the first bad field, and nothing typed is lost on failure."""

    runner: object

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.busy = False
        self.fields: dict[str, QWidget] = {}
        self.submit_button: QPushButton | None = None
        self.message_panel = ProblemPanel(self)
        self.message_panel.sig_field_activated.connect(self.focus_field)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(self.on_submit)

    def bind_fields(self, fields: dict[str, QWidget]) -> None:
        self.fields = fields

    def setup_submit(self, submit: QPushButton, cancel: QPushButton) -> None:
        # No default button: Enter in a field must not submit a half-typed form.
        self.submit_button = submit
        for button in (submit, cancel):
            button.setAutoDefault(False)
            button.setDefault(False)
        submit.clicked.connect(self.on_submit)
        cancel.clicked.connect(self.reject)

    def on_submit(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def on_written(self, value) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    # ---- writing -----------------------------------------------------------

    def start_write(self, fn, *args, **kwargs) -> None:
        self.set_busy(True)
        self.message_panel.clear_messages()
        try:
            self.runner.write(fn, *args, on_done=self._on_done, on_error=self._on_error, **kwargs)
        except RuntimeError as exc:  # executor shut down while closing
            self._on_error(exc)

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        if self.submit_button is not None:
            self.submit_button.setEnabled(not busy)
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)

    def _on_done(self, value) -> None:
        self.set_busy(False)
        self.on_written(value)

    def _on_error(self, exc: BaseException) -> None:
        self.set_busy(False)
        problems, general = error_messages(exc)
        self.show_problems(problems, general)

    # ---- messages ----------------------------------------------------------

    def show_problems(self, problems: list[Problem], general: str = "") -> None:
        items = [(general, "")] if general else []
        items += [(problem_text(p), p.field if p.field in self.fields else "") for p in problems]
        self.message_panel.show_messages(items)
        for p in problems:
            if p.field in self.fields:
                self.focus_field(p.field)
                break

    def focus_field(self, field: str) -> None:
        widget = self.fields.get(field)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(widget, QLineEdit):
                widget.selectAll()

    # ---- keys --------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            focus = self.focusWidget()
            if isinstance(focus, QPushButton):
                if focus.isEnabled():
                    focus.click()
            elif not isinstance(focus, QPlainTextEdit):
                self.focusNextChild()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape and self.busy:
            event.accept()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        if not self.busy:  # the callback of a write in flight still needs this dialog
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy:
            event.ignore()
        else:
            super().closeEvent(event)


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
        self._lay_out()
        self.bind_fields(
            {
                "title": self.title_edit,
                "category": self.category_combo,
                "type": self.type_combo,
                "severity": self.severity_combo,
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
            self.summary_edit, self.exercise_check, self.submit_button, self.cancel_button,
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
        when = QHBoxLayout()
        when.addWidget(self.occurred_edit, 1)
        when.addWidget(QLabel(self._tz_label()))
        form.addRow(labels.field_name("occurred_at"), when)
        form.addRow(labels.field_name("place"), self.place_edit)
        form.addRow(labels.field_name("division"), self.division_edit)
        coords = QHBoxLayout()
        coords.addWidget(self.lat_edit)
        coords.addWidget(QLabel(self.tr("Lon")))
        coords.addWidget(self.lon_edit)
        form.addRow(self.tr("Latitude"), coords)
        people = QHBoxLayout()
        for name, spin in self.spins.items():
            people.addWidget(QLabel(labels.field_name(name)))
            people.addWidget(spin, 1)
        form.addRow(self.tr("Casualties"), people)

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
                self.type_combo.count() - 1, itype.group, Qt.ItemDataRole.ToolTipRole
            )

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
