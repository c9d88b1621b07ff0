"""The roster as a table: a row per place (shift × post × place: 白班 · 值班员 2),
a column per day, the person in each cell. The month view shows names; the
week view, with wider cells, names and phones. Published days have a green
header, vacant cells of a shift read “—” (red once published), cells not yet
confirmed by the platform are in blue-grey. Record text is shown as text."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from services.duty.contract import Pattern
from services.duty.model import Cell
from services.duty.roster import RosterMonth
from views.duty.messages import post_name
from widgets.plain_text import tooltip

CELL_ROLE = Qt.ItemDataRole.UserRole  # the Cell, or None for a vacant one
PLACE_ROLE = Qt.ItemDataRole.UserRole + 1  # (day, pattern id, post, slot)
WEEKEND = QColor("#f1f1f1")
BAND = QColor("#f3f6fb")  # every other shift's rows, so a shift's places read as one block
PUBLISHED = QColor("#e3f2e1")
TODAY = QColor("#fff3c4")  # today's column, so the officer finds the shift under way at a glance
VACANT = QColor("#c00000")
PENDING = QColor("#3a5f8a")  # not yet confirmed by the platform (the tooltip says so)


class RosterModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.month: RosterMonth | None = None
        self.days: list[date] = []
        self.rows: list[tuple[Pattern, str, int]] = []  # (pattern, post, slot)
        self.week = False
        self.today: date | None = None  # in the room's zone; set by the panel
        self._bold = QFont()
        self._bold.setBold(True)
        self._small = QFont()
        self._small.setPointSizeF(max(7.5, self._small.pointSizeF() - 1))

    def show(self, month: RosterMonth, *, week: bool = False) -> None:
        self.beginResetModel()
        self.month, self.week = month, week
        self.days = [month.first + timedelta(days=n) for n in range((month.last - month.first).days + 1)]
        self.rows = [(p, post, slot) for p in month.patterns if p.active for post, count in p.posts
                     for slot in range(count)]
        self.endResetModel()

    def rowCount(self, parent=None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent=None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self.days)

    def place(self, index: QModelIndex) -> tuple[date, str, str, int] | None:
        if not index.isValid() or index.row() >= len(self.rows) or index.column() >= len(self.days):
            return None
        pattern, post, slot = self.rows[index.row()]
        return self.days[index.column()], pattern.id, post, slot

    def cell(self, index: QModelIndex) -> Cell | None:
        key = self.place(index)
        return self.month.cells.get(key) if key and self.month else None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        key = self.place(index)
        if key is None or self.month is None:
            return None
        cell = self.month.cells.get(key)
        filled = cell is not None and not cell.person.empty
        if role == Qt.ItemDataRole.DisplayRole:
            if not filled:
                return "—"
            if self.week and cell.person.phone:
                return f"{cell.person.name}\n{cell.person.phone}"
            return cell.person.name
        if role == Qt.ItemDataRole.ToolTipRole and filled:
            lines = [cell.person.name, cell.person.phone, cell.note]
            if cell.pending_sync:
                lines.append(self.tr("not yet confirmed by the platform"))
            return tooltip("\n".join(x for x in lines if x))
        if role == Qt.ItemDataRole.ForegroundRole:
            if not filled:
                return QBrush(VACANT if key[0] in self.month.published else QColor("#999"))
            return QBrush(PENDING) if cell.pending_sync else None
        if role == Qt.ItemDataRole.BackgroundRole:
            shaded = self._band(index.row())
            if key[0] == self.today:
                return QBrush(TODAY.darker(104) if shaded else TODAY)
            if key[0].weekday() >= 5:
                return QBrush(WEEKEND.darker(104) if shaded else WEEKEND)
            return QBrush(BAND) if shaded else None
        if role == Qt.ItemDataRole.FontRole and not self.week:
            return self._small
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == CELL_ROLE:
            return cell
        if role == PLACE_ROLE:
            return key
        return None

    def _band(self, row: int) -> bool:
        active = [p.id for p in self.month.patterns if p.active] if self.month else []
        pattern = self.rows[row][0]
        return pattern.id in active and active.index(pattern.id) % 2 == 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.days):
            day = self.days[section]
            if role == Qt.ItemDataRole.DisplayRole:
                weekday = (self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri"),
                           self.tr("Sat"), self.tr("Sun"))[day.weekday()]
                return f"{day.month}/{day.day}\n{weekday}" if self.week else f"{day.day}\n{weekday}"
            if role == Qt.ItemDataRole.FontRole and day == self.today:
                return self._bold
            if role == Qt.ItemDataRole.BackgroundRole and day == self.today:
                return QBrush(TODAY)
            if role == Qt.ItemDataRole.BackgroundRole and self.month and day in self.month.published:
                return QBrush(PUBLISHED)
            if role == Qt.ItemDataRole.ToolTipRole and self.month and day in self.month.published:
                return self.tr("Published")
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.rows):
            pattern, post, slot = self.rows[section]
            count = dict(pattern.posts).get(post, 1)
            if role == Qt.ItemDataRole.DisplayRole:
                place = post_name(post) + (f" {slot + 1}" if count > 1 else "")
                first = slot == 0 and post == pattern.posts[0][0]
                return f"{pattern.name} {pattern.start}–{pattern.end} · {place}" if first else \
                    f"{pattern.name} · {place}"
            if role == Qt.ItemDataRole.BackgroundRole and self._band(section):
                return QBrush(BAND)
            if role == Qt.ItemDataRole.ToolTipRole:
                return tooltip(f"{pattern.name} {pattern.start}–{pattern.end}")
        return None

