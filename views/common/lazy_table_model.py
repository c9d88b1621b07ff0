"""The one table model every list in the app uses.

Lists of incidents, resources or orders can run to tens of thousands of rows, so
rows are pulled page by page as the view scrolls (canFetchMore/fetchMore) from a
loader the owner supplies. Columns are plain descriptors; the model knows
nothing about what a row is."""

from __future__ import annotations

import logging
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

log = logging.getLogger(__name__)

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex

PAGE_SIZE = 200
RELOAD_MAX_PAGES = 5  # a reload keeps at most this many pages of what was loaded
KEY_ROLE = Qt.ItemDataRole.UserRole  # every row answers with its key; custom roles start above


@dataclass(frozen=True)
class Column(Generic[T]):
    """One column: header text, the displayed value and any extra roles."""

    header: str
    display: Callable[[T], Any]
    sort_key: str | None = None  # handed to the sort callback; None = not sortable
    roles: Mapping[int, Callable[[T], Any]] = field(default_factory=dict)
    alignment: Qt.AlignmentFlag | None = None
    header_tooltip: str = ""


class LazyTableModel(QAbstractTableModel, Generic[T]):
    """Rows come from `loader(offset, limit)`; a page shorter than asked ends the list."""

    sig_reloaded = Signal()
    sig_load_failed = Signal(object)  # the exception the loader raised

    def __init__(
        self,
        columns: Sequence[Column[T]],
        loader: Callable[[int, int], list[T]],
        key: Callable[[T], Hashable],
        *,
        on_sort: Callable[[str, bool], None] | None = None,
        page_size: int = PAGE_SIZE,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._columns = list(columns)
        self._loader = loader
        self._key = key
        self._on_sort = on_sort
        self._page_size = page_size
        self._rows: list[T] = []
        self._index: dict[Hashable, int] = {}
        self._at_end = False

    # ---- Qt model interface ---------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(row)
        if role == KEY_ROLE:
            return self._key(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.alignment is not None:
            return column.alignment
        fn = column.roles.get(role)
        return fn(row) if fn is not None else None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].header
        if role == Qt.ItemDataRole.ToolTipRole and self._columns[section].header_tooltip:
            return self._columns[section].header_tooltip
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._at_end

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._at_end:
            return
        page = self._load(len(self._rows), self._page_size)
        self._append(page)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting happens in the data source: ask the owner to re-sort, then reload."""
        if not 0 <= column < len(self._columns):
            return
        sort_key = self._columns[column].sort_key
        if sort_key is None or self._on_sort is None:
            return
        self._on_sort(sort_key, order == Qt.SortOrder.DescendingOrder)
        self.reload(keep_loaded=False)

    # ---- owner interface ------------------------------------------------------

    def columns(self) -> list[Column[T]]:
        return list(self._columns)

    def is_sortable(self, column: int) -> bool:
        return 0 <= column < len(self._columns) and self._columns[column].sort_key is not None

    @property
    def at_end(self) -> bool:
        return self._at_end

    def reload(self, *, keep_loaded: bool = True) -> None:
        """Starts again from the first row, e.g. after the filter changed.

        With keep_loaded, as many rows as were loaded (up to a few pages) come
        back, so a reload after a live change does not lose the scroll position."""
        wanted = self._page_size
        if keep_loaded and len(self._rows) > wanted:
            wanted = min(len(self._rows), self._page_size * RELOAD_MAX_PAGES)
        self._at_end = False
        page = self._load(0, wanted)
        failed = self._at_end
        self.beginResetModel()
        self._rows, self._index, self._at_end = [], {}, failed
        self._take(page, wanted)
        self.endResetModel()
        self.sig_reloaded.emit()

    def refresh_row(self, key: Hashable, new_row: T) -> bool:
        """Replaces one row in place; False when that row is not loaded."""
        i = self._index.get(key)
        if i is None:
            return False
        self._rows[i] = new_row
        self.dataChanged.emit(self.index(i, 0), self.index(i, len(self._columns) - 1))
        return True

    def remove_row(self, key: Hashable) -> bool:
        i = self._index.get(key)
        if i is None:
            return False
        self.beginRemoveRows(QModelIndex(), i, i)
        del self._rows[i]
        self._reindex()
        self.endRemoveRows()
        return True

    def touch_column(self, column: int, first: int = 0, last: int | None = None) -> None:
        """Asks views to repaint one column (values computed from the time, say)."""
        if not self._rows:
            return
        last = len(self._rows) - 1 if last is None else min(last, len(self._rows) - 1)
        first = max(0, first)
        if first <= last:
            self.dataChanged.emit(self.index(first, column), self.index(last, column))

    def row_for(self, key: Hashable) -> int | None:
        return self._index.get(key)

    def item(self, row: int) -> T:
        return self._rows[row]

    def key_of(self, row: int) -> Hashable:
        return self._key(self._rows[row])

    # ---- internals ------------------------------------------------------------

    def _load(self, offset: int, limit: int) -> list[T]:
        try:
            return list(self._loader(offset, limit))
        except Exception as exc:  # noqa: BLE001 - a failing source must not kill the view
            log.exception("loading rows %d..%d failed", offset, offset + limit)
            self.sig_load_failed.emit(exc)
            self._at_end = True
            return []

    def _append(self, page: list[T]) -> None:
        fresh = [r for r in page if self._key(r) not in self._index]
        # Rows inserted at the top since the last page shift offsets; skip repeats.
        if fresh:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            for r in fresh:
                self._index[self._key(r)] = len(self._rows)
                self._rows.append(r)
            self.endInsertRows()
        if len(page) < self._page_size:
            self._at_end = True

    def _take(self, page: list[T], asked: int) -> None:
        for r in page:
            k = self._key(r)
            if k not in self._index:
                self._index[k] = len(self._rows)
                self._rows.append(r)
        self._at_end = self._at_end or len(page) < asked

    def _reindex(self) -> None:
        self._index = {self._key(r): i for i, r in enumerate(self._rows)}
