"""Pieces the incident forms share: the base dialog with its message panel,
the counted text box, coordinate parsing and error wording."""


from __future__ import annotations

import logging
import re
import unicodedata
from html import escape

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut, QTextOption
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from services.errors import StorageError
from services.incidents.model import Severity
from services.incidents.service import NotFound
from services.incidents.validation import (
    Problem,
    ValidationError,
)
from views.common import labels
from views.common.gui_op import GuiOp
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
    """The storage problem code when the mirror could not store the change."""
    return exc.problem.value if isinstance(exc, StorageError) else None


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


def state_line(text: str) -> QLabel:
    """The plain line under the header saying where the incident stands."""
    label = QLabel(text, objectName="incident_state")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


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
        # Qt's default (wrap at word boundary or anywhere) takes seconds to lay out a
        # pasted 100,000-character run without spaces; plain word wrap takes
        # milliseconds and still wraps Chinese text at any character.
        self.setWordWrapMode(QTextOption.WrapMode.WordWrap)
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
        """On the mirror writer (views/common/gui_op.py); the form waits, unlocked."""
        self.set_busy(True)
        self.message_panel.clear_messages()
        GuiOp(self, self.runner, fn, *args, **kwargs).success(self._on_done).failure(self._on_error).run()

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
