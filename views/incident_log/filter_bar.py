"""Search box and filters above the incident list.

Typing is debounced (~150 ms) so a query runs once per pause, not per key; the
choice boxes apply at once. The bar only describes the filter; the view owns
the query and its sort order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, time, timedelta, tzinfo

from PySide6.QtCore import QDate, QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from services.incidents.model import Category, Severity, Status
from services.incidents.repository import IncidentQuery
from views.common import labels

DEBOUNCE_MS = 150
DEFAULT_RANGE_DAYS = 7
# Item data stays a string: None or bools round-tripped through QVariant lose references
# in PySide6 6.12 on Python 3.11.
EXERCISE_CHOICES: dict[str, bool | None] = {"all": None, "hide": False, "only": True}


class FilterBar(QWidget):
    sig_changed = Signal()  # the filter changed (text after the debounce)
    sig_submitted = Signal()  # Enter in the search box: go to the list

    def __init__(self, tz: tzinfo, now: Callable[[], datetime], parent: QWidget | None = None):
        super().__init__(parent)
        self._tz = tz
        self._now = now
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.sig_changed)

        self.search = QLineEdit(self)
        self.search.setObjectName("incidentSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search code, title, place, reports… (Ctrl+F)"))
        self.search.setMinimumWidth(200)
        self.search.textChanged.connect(self.on_text_changed)
        self.search.installEventFilter(self)

        self.status = self._combo(
            [
                (self.tr("All statuses"), frozenset()),
                (self.tr("Open"), frozenset({Status.RECEIVED, Status.RESPONDING})),
                *[(labels.status_name(s), frozenset({s})) for s in Status],
            ],
            self.tr("Status"),
        )
        self.severity = self._combo(
            [
                (self.tr("All severities"), frozenset()),
                (
                    self.tr("I–III (relatively major and above)"),
                    frozenset({Severity.I, Severity.II, Severity.III}),
                ),
                *[(labels.severity_name(s), frozenset({s})) for s in Severity],
            ],
            self.tr("Severity"),
        )
        self.category = self._combo(
            [
                (self.tr("All categories"), frozenset()),
                *[(labels.category_name(c), frozenset({c})) for c in Category],
            ],
            self.tr("Category"),
        )
        self.exercise = self._combo(
            [
                (self.tr("Incl. exercises"), "all"),
                (self.tr("Hide exercises"), "hide"),
                (self.tr("Exercises only"), "only"),
            ],
            self.tr("Exercises"),
        )

        self.date_enabled = QCheckBox(self.tr("Reported"), self)
        self.date_enabled.setToolTip(self.tr("Only incidents reported between these dates"))
        today = self._today()
        self.date_from = self._date_edit(today - timedelta(days=DEFAULT_RANGE_DAYS))
        self.date_to = self._date_edit(today)
        self.date_enabled.toggled.connect(self.on_date_toggled)
        self.on_date_toggled(False)

        # One row on a wide screen; the dates go to a second row on a narrow one
        # (a shelter laptop), so the bar never forces the window wider than 1366.
        self.top_row = QHBoxLayout()
        self.top_row.setContentsMargins(0, 0, 0, 0)
        self.top_row.addWidget(self.search, 3)
        for w in (self.status, self.severity, self.category, self.exercise):
            self.top_row.addWidget(w)
        self.dates = QWidget(self)
        dates_row = QHBoxLayout(self.dates)
        dates_row.setContentsMargins(8, 0, 0, 0)
        dates_row.addWidget(self.date_enabled)
        dates_row.addWidget(self.date_from)
        dates_row.addWidget(QLabel("–", self))
        dates_row.addWidget(self.date_to)
        self.top_row.addWidget(self.dates)
        self.second_row = QHBoxLayout()
        self.second_row.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(self.top_row)
        layout.addLayout(self.second_row)
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetNoConstraint)  # our minimumSizeHint decides
        self._wide_enough = self.top_row.minimumSize().width()

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(self._wide_enough - self.dates.minimumSizeHint().width(), super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        narrow = event.size().width() < self._wide_enough
        if narrow and self.dates.parent() is self and self.top_row.indexOf(self.dates) >= 0:
            self.top_row.removeWidget(self.dates)
            self.second_row.addWidget(self.dates)
            self.second_row.addStretch(1)
        elif not narrow and self.second_row.indexOf(self.dates) >= 0:
            while self.second_row.count():
                self.second_row.takeAt(0)
            self.top_row.addWidget(self.dates)

    # ---- what the view asks ---------------------------------------------------

    def apply_to(self, query: IncidentQuery) -> IncidentQuery:
        """`query` with this bar's filter (its sort order is kept)."""
        start, end = self.date_range()
        return replace(
            query,
            text=self.search_text(),
            statuses=self.status.currentData(),
            severities=self.severity.currentData(),
            categories=self.category.currentData(),
            exercise=EXERCISE_CHOICES[self.exercise.currentData()],
            reported_from=start,
            reported_to=end,
        )

    def search_text(self) -> str:
        return " ".join(self.search.text().split())

    def is_search(self) -> bool:
        return bool(self.search_text())

    def has_filters(self) -> bool:
        combos = (self.status, self.severity, self.category, self.exercise)
        return any(c.currentIndex() > 0 for c in combos) or self.date_enabled.isChecked()

    def date_range(self) -> tuple[datetime | None, datetime | None]:
        """Whole days in the display time zone: [from 00:00, day after `to` 00:00)."""
        if not self.date_enabled.isChecked():
            return None, None
        first, last = sorted((self.date_from.date().toPython(), self.date_to.date().toPython()))
        start = datetime.combine(first, time(0), self._tz)
        end = datetime.combine(last + timedelta(days=1), time(0), self._tz)
        return start, end

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def clear_search(self) -> None:
        """Clears the text and applies at once (no debounce: it was deliberate)."""
        if not self.search.text():
            return
        self.search.clear()
        self.flush()

    def flush(self) -> None:
        """Applies a pending debounced change now."""
        if self._debounce.isActive():
            self._debounce.stop()
            self.sig_changed.emit()

    # ---- slots ----------------------------------------------------------------

    def on_text_changed(self, _text: str) -> None:
        self._debounce.start()

    def on_date_toggled(self, checked: bool) -> None:
        self.date_from.setEnabled(checked)
        self.date_to.setEnabled(checked)
        self.sig_changed.emit()

    def on_date_changed(self, _value: QDate) -> None:
        if self.date_enabled.isChecked():
            self.sig_changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
        ):
            key = event.key()
            if key == Qt.Key.Key_Escape and self.search.text():
                self.clear_search()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down):
                self.flush()
                self.sig_submitted.emit()
                return True
        return super().eventFilter(watched, event)

    # ---- helpers --------------------------------------------------------------

    def _combo(self, items: list[tuple[str, object]], tooltip: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setToolTip(tooltip)
        # Narrow in the bar, wide enough in the popup: the list panel shares the screen.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(7)
        for text, value in items:
            combo.addItem(text, value)
        combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
        combo.currentIndexChanged.connect(self.sig_changed)
        return combo

    def _date_edit(self, value: date) -> QDateEdit:
        edit = QDateEdit(QDate(value.year, value.month, value.day), self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.dateChanged.connect(self.on_date_changed)
        return edit

    def _today(self) -> date:
        return self._now().astimezone(self._tz).date()
