"""The alarm list's model and the one read behind it: the alarms (open ones, or
the latest of all), the open alarms per colour and the alarms raised per hour,
read together off the GUI thread so the figures and the rows always agree."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from services.monitoring.store import Alarm, StationStore
from views.monitoring import words
from widgets.plain_text import tooltip

ALARM_ROLE = Qt.ItemDataRole.UserRole
LIST_LIMIT = 500
NEW_BG = QColor("#fff3e0")


@dataclass(frozen=True)
class AlarmOverview:
    alarms: list[Alarm]
    open_by_colour: dict[str, int]  # red / orange / yellow / blue (警戒 counts as orange, 保证 as red)
    per_hour: list[tuple[float, int]]  # (hour start, epoch seconds; alarms raised), oldest first


def read_overview(store: StationStore, open_only: bool, now: datetime) -> AlarmOverview:
    """One read for the panel (runs on a reader)."""
    counts = dict.fromkeys(words.COUNTED, 0)
    for level, n in store.counts_by_level().items():
        counts[words.colour_key(level)] = counts.get(words.colour_key(level), 0) + n
    return AlarmOverview(store.alarms(open_only=open_only, limit=LIST_LIMIT), counts, store.rate_per_hour(now=now))


def _columns() -> list[str]:
    return [QCoreApplication.translate("Monitoring", "Level"), QCoreApplication.translate("Monitoring", "Station"), QCoreApplication.translate("Monitoring", "Alarm"),
            QCoreApplication.translate("Monitoring", "State"), QCoreApplication.translate("Monitoring", "Raised at"), QCoreApplication.translate("Monitoring", "Value"),
            QCoreApplication.translate("Monitoring", "Threshold"), QCoreApplication.translate("Monitoring", "Peak"), QCoreApplication.translate("Monitoring", "Handled by")]


def local_time(text: str, tz: tzinfo, fmt: str = "%m-%d %H:%M:%S") -> str:
    if not text:
        return ""
    try:
        return datetime.fromisoformat(text).astimezone(tz).strftime(fmt)
    except ValueError:
        return text


class AlarmTableModel(QAbstractTableModel):
    def __init__(self, tz: tzinfo, parent=None):
        super().__init__(parent)
        self.tz = tz
        self.alarms: list[Alarm] = []
        self._headers = _columns()
        self._bold = QFont()
        self._bold.setBold(True)

    def set_alarms(self, alarms: list[Alarm]) -> None:
        self.beginResetModel()
        self.alarms = list(alarms)
        self.endResetModel()

    def row_of(self, alarm_id: str) -> int | None:
        for i, alarm in enumerate(self.alarms):
            if alarm.id == alarm_id:
                return i
        return None

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.alarms)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        alarm = self.alarms[index.row()]
        col = index.column()
        if role == ALARM_ROLE:
            return alarm
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(alarm, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(alarm.note) if alarm.note else None
        if role == Qt.ItemDataRole.ForegroundRole and col == 0:
            return QBrush(QColor(words.colour(alarm.level)))
        if role == Qt.ItemDataRole.BackgroundRole and alarm.state == "new":
            return QBrush(NEW_BG)
        if role == Qt.ItemDataRole.FontRole and (col == 0 or alarm.state == "new"):
            return self._bold
        return None

    def _text(self, alarm: Alarm, col: int) -> str:
        if col == 0:
            return words.level_name(alarm.level)
        if col == 1:
            return alarm.station_name
        if col == 2:
            text = words.rule_name(alarm.rule)
            if alarm.level != alarm.first_level:
                text = QCoreApplication.translate("Monitoring", "%1, escalated from %2").replace(
                    "%1", text).replace("%2", words.level_name(alarm.first_level))
            if alarm.cleared_at:
                text = QCoreApplication.translate("Monitoring", "%1 (back below)").replace("%1", text)
            return text
        if col == 3:
            return words.state_name(alarm.state)
        if col == 4:
            return local_time(alarm.raised_at, self.tz)
        if col in (5, 6, 7):
            value = f"{(alarm.value, alarm.threshold, alarm.peak_value)[col - 5]:.6g}"
            return value + "/h" if alarm.rule == "rate" else value  # a rate alarm's figures are rises per hour
        if col == 8:
            return alarm.closed_by or alarm.acknowledged_by
        return ""
