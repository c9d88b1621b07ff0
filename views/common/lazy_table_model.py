"""The one table model every list in the app uses.

Lists of incidents, resources or orders can run to tens of thousands of rows, so
rows are pulled page by page as the view scrolls (canFetchMore/fetchMore) from a
loader the owner supplies. Columns are plain descriptors; the model knows
nothing about what a row is.

A live change (here or from the platform) is applied by `refresh()`: what is
loaded is read again on a reader thread, however far the officer has scrolled,
and only the difference is applied (rows inserted, removed, changed), so the
selection stays on its row; `sig_merging`/`sig_merged` let the view keep the
rows on screen where they are. A page of 200 is read on the GUI thread
(fetchMore, a new filter: a few ms); a reload of many pages never is."""

from __future__ import annotations

import logging
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QTableView

from views.common.gui_op import GuiOp
from widgets.plain_text import tooltip

log = logging.getLogger(__name__)

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex

PAGE_SIZE = 200
RELOAD_MAX_PAGES = 5  # a synchronous reload keeps at most this many pages of what was loaded
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
    sig_merging = Signal()  # a refresh is about to change rows (the view notes what is on screen)
    sig_merged = Signal()  # ... and has changed them


    def __init__(
        self,
        columns: Sequence[Column[T]],
        loader: Callable[[int, int], list[T]],
        key: Callable[[T], Hashable],
        *,
        on_sort: Callable[[str, bool], None] | None = None,
        page_size: int = PAGE_SIZE,
        runner: Any = None,
        background_loader: Callable[[], Callable[[int, int], list[T]]] | None = None,
        parent: QObject | None = None,
    ):
        """`background_loader()` is asked on the GUI thread for a loader to run on a
        reader (`runner`): one that holds no widget (a service method and the
        current query), for the reason given in views/common/gui_op.py."""
        super().__init__(parent)
        self._columns = list(columns)
        self._loader = loader
        self._key = key
        self._on_sort = on_sort
        self._page_size = page_size
        self._runner = runner
        self._background_loader = background_loader
        self._rows: list[T] = []
        self._index: dict[Hashable, int] = {}
        self._at_end = False
        self._version = 0  # changes with every change of the rows: a stale refresh is read again
        self._refreshing = False
        self._refresh_again = False

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
        value = fn(row) if fn is not None else None
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(value, str):
            return tooltip(value)  # record text: Qt would render it as rich text if it looks like HTML
        return value

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
        self._version += 1
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
        self._version += 1
        page = self._load(0, wanted)
        failed = self._at_end
        self.beginResetModel()
        self._rows, self._index, self._at_end = [], {}, failed
        self._take(page, wanted)
        self.endResetModel()
        self.sig_reloaded.emit()

    @property
    def refreshing(self) -> bool:
        return self._refreshing

    def refresh(self) -> None:
        """Reads every loaded row again (and a page more) off the GUI thread and
        applies the difference; a refresh asked for meanwhile runs once after it."""
        if self._refreshing:
            self._refresh_again = True
            return
        asked = len(self._rows) + self._page_size
        last = self._key(self._rows[-1]) if self._rows else None
        version = self._version
        if self._runner is None or self._background_loader is None:
            self._refreshed(self._load(0, asked), version, asked, last)
            return
        self._refreshing = True
        GuiOp(self, self._runner, self._background_loader(), 0, asked).as_read().success(
            lambda rows: self._refreshed(rows, version, asked, last)).failure(self._refresh_failed).run()

    def _refresh_failed(self, exc: BaseException) -> None:
        self._refreshing = False
        log.error("refreshing the list failed", exc_info=exc)
        self.sig_load_failed.emit(exc)

    def _refreshed(self, rows: list[T], version: int, asked: int, last: Hashable | None) -> None:
        self._refreshing = False
        if version != self._version:  # a page was fetched or the filter changed meanwhile
            self.refresh()
            return
        if len(rows) < asked:
            target, at_end = rows, True
        else:  # as far as the row that was loaded last (rows new above it push it down)
            keys = [self._key(r) for r in rows]
            cut = keys.index(last) + 1 if last in keys else len(self._rows)
            target, at_end = rows[:max(cut, min(self._page_size, len(rows)))], False
        self._merge(target, at_end)
        if self._refresh_again:
            self._refresh_again = False
            self.refresh()

    def _merge(self, target: list[T], at_end: bool) -> None:
        """Turns the loaded rows into `target` by inserting, removing and changing
        rows (never a reset): persistent indexes, hence the selection, follow."""
        old_keys = [self._key(r) for r in self._rows]
        new_keys = [self._key(r) for r in target]
        ops = SequenceMatcher(None, old_keys, new_keys, autojunk=False).get_opcodes()
        structural = any(tag != "equal" for tag, *_ in ops)
        self._version += 1
        if structural:
            self.sig_merging.emit()
        for tag, i1, i2, j1, j2 in reversed(ops):  # from the end: earlier positions stay valid
            if tag in ("delete", "replace"):
                self.beginRemoveRows(QModelIndex(), i1, i2 - 1)
                del self._rows[i1:i2]
                self.endRemoveRows()
            if tag in ("insert", "replace"):
                self.beginInsertRows(QModelIndex(), i1, i1 + (j2 - j1) - 1)
                self._rows[i1:i1] = target[j1:j2]
                self.endInsertRows()
        changed = [i for i, (a, b) in enumerate(zip(self._rows, target, strict=True)) if a is not b and a != b]
        self._rows = list(target)
        self._reindex()
        self._at_end = at_end
        if changed:
            last_column = len(self._columns) - 1
            self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], last_column))
        if structural:
            self.sig_merged.emit()

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
        self._version += 1
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


class KeepOnScreen(QObject):
    """Keeps the row at the top of a table where it is on screen when a refresh
    inserts or removes rows above it (the officer's place in a long list)."""

    def __init__(self, table: QTableView, model: LazyTableModel):
        super().__init__(table)
        self.table, self.model = table, model
        self._anchor: tuple[Hashable, int, int] | None = None
        model.sig_merging.connect(self.note)
        model.sig_merged.connect(self.restore)

    def note(self) -> None:
        top = self.table.rowAt(0)
        self._anchor = None
        if top >= 0:
            self._anchor = (self.model.key_of(top), self.table.rowViewportPosition(top),
                            self.table.horizontalScrollBar().value())

    def restore(self) -> None:
        anchor, self._anchor = self._anchor, None
        row = self.model.row_for(anchor[0]) if anchor is not None else None
        if row is None:
            return
        _key, y, x = anchor
        self.table.doItemsLayout()  # the scroll range knows the new rows now
        bar = self.table.verticalScrollBar()
        if self.table.verticalScrollMode() == QTableView.ScrollMode.ScrollPerItem:
            bar.setValue(row)  # the value is the row at the top
        else:
            bar.setValue(bar.value() + self.table.rowViewportPosition(row) - y)
        self.table.horizontalScrollBar().setValue(x)
