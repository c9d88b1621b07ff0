"""The station list's rows as a model: a cell is worded only when the view
paints it, so thousands of stations cost one reset, not a widget per cell
(tests/benchmarks/bench_station_editor.py). Record text is shown as data,
never markup (a QTableView draws it as plain text)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from services.monitoring.store import Station
from views.monitoring import words

STATION_ROLE = Qt.ItemDataRole.UserRole
LEVEL, SYNC = 6, 7
REFUSED = QColor("#c62828")


def _tr(text: str) -> str:
    return QCoreApplication.translate("StationAdminPanel", text)


def refusal_words(reason: str) -> str:
    """The platform's reason in the officer's words where it is a known rule (its own text in the tooltip)."""
    if "may not create or edit stations" in reason:
        return _tr("only the duty chief and administrators may create or edit stations")
    return reason


class StationTableModel(QAbstractTableModel):
    def __init__(self, tz: tzinfo, parent=None):
        super().__init__(parent)
        self.tz = tz
        self.rows: list[Station] = []
        self.pending: set[str] = set()
        self.refused: dict[str, str] = {}
        self.headers: Callable[[], list[str]] = lambda: [
            _tr("Name"), _tr("Kind"), _tr("Organisation"), _tr("Position"), _tr("Unit"), _tr("Current value"),
            _tr("Level"), _tr("Sync")]

    def show(self, rows: list[Station], pending: set[str], refused: dict[str, str]) -> None:
        self.beginResetModel()
        self.rows, self.pending, self.refused = rows, pending, refused
        self.endResetModel()

    def row_of(self, station_id: str | None) -> int:
        return next((r for r, s in enumerate(self.rows) if s.id == station_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 8

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        station, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(station, column)
        if role == STATION_ROLE:
            return station.id
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == LEVEL:
                return QColor(words.colour(station.level.value if station.level else None))
            if column == SYNC and station.id in self.refused:
                return REFUSED
        if role == Qt.ItemDataRole.ToolTipRole and column == SYNC and station.id in self.refused:
            return self.refused[station.id]
        return None

    def text(self, s: Station, column: int) -> str:
        if column == 0:
            return s.name
        if column == 1:
            return words.kind_name(s.kind.value)
        if column == 2:
            return s.org
        if column == 3:
            return f"{s.lat:.4f}, {s.lon:.4f}"
        if column == 4:
            return s.unit
        if column == 5:
            value = "" if s.latest_value is None else f"{s.latest_value:g}"
            if s.latest_t is not None:
                value += datetime.fromtimestamp(s.latest_t, self.tz).strftime("  (%m-%d %H:%M)")
            return value
        if column == LEVEL:
            return words.level_name(s.level.value if s.level else None)
        if s.id in self.refused:
            return _tr("Refused by the platform: %1").replace("%1", refusal_words(self.refused[s.id]))
        return _tr("Not yet sent") if s.id in self.pending else ""
