"""监测站管理: the stations as the mirror holds them (name, kind, organisation,
position, unit, current value and level, and whether the platform still has to
take or refused a change), filtered by text and kind, with 新建 (Ctrl+N) and
编辑 (Enter) for the roles the platform lets edit stations (contract's
STATION_EDITORS); other roles read the list. A change another workstation made
arrives as RecordsChanged("station") and the list follows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from services.input_checks import Region
from services.monitoring.contract import StationKind
from services.monitoring.station_editor import StationEditor
from services.monitoring.store import Station, StationStore
from views.common.gui_op import GuiOp
from views.monitoring import words
from views.monitoring.station_form import StationForm
from views.monitoring.station_import import ImportStationsDialog
from views.monitoring.station_model import STATION_ROLE, StationTableModel
from widgets.plain_text import plain_label

COALESCE_MS = 200


def read_stations(store: StationStore, editor: StationEditor) -> tuple[list[Station], set[str], dict[str, str]]:
    """The stations, those not yet sent and the platform's refusals (a reader)."""
    return store.stations(), editor.pending(), editor.refusals()


class StationAdminPanel(QWidget):
    sig_station_wanted = Signal(str)  # the chosen station (the chart shows it)
    sig_shown = Signal(int)  # rows shown, after each read

    def __init__(self, store: StationStore, editor: StationEditor, runner, relay, *, tz: tzinfo,
                 may_edit: Callable[[], bool] = lambda: True, region: Region | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("station_admin")
        self.store, self.editor, self.runner, self.tz, self.region = store, editor, runner, tz, region
        self.may_edit = may_edit  # the account's role (the platform checks again)
        self.stations: list[Station] = []
        self.refused: dict[str, str] = {}
        self.pending: set[str] = set()
        self.forms: list[StationForm] = []
        self.reading = self._again = False
        self.search = QLineEdit(objectName="station_search", clearButtonEnabled=True)
        self.search.setPlaceholderText(self.tr("Filter: name, code, organisation, place"))
        self.search.textChanged.connect(self._show)
        self.kind_filter = QComboBox(objectName="station_kind_filter")
        self.kind_filter.addItem(self.tr("All kinds"), "")
        for kind in StationKind:
            self.kind_filter.addItem(words.kind_name(kind.value), kind.value)
        self.kind_filter.currentIndexChanged.connect(self._show)
        self.new_button = QPushButton(self.tr("New station (Ctrl+N)"), objectName="station_new")
        self.new_button.clicked.connect(self.new_station)
        self.edit_button = QPushButton(self.tr("Edit (Enter)"), objectName="station_edit")
        self.edit_button.clicked.connect(self.edit_current)
        self.import_button = QPushButton(self.tr("Import…"), objectName="station_import")
        self.import_button.setToolTip(self.tr("Stations from a CSV (UTF-8 or GBK) or Excel file: all or nothing"))
        self.import_button.clicked.connect(self.open_import)
        self.model = StationTableModel(tz, self)
        self.table = QTableView(objectName="station_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setResizeContentsPrecision(200)  # widths from the first rows, not all
        self._sized = False
        self.table.activated.connect(lambda _index: self.edit_current())
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.empty = plain_label(objectName="station_empty", wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #555; padding: 24px")
        self.status = plain_label(objectName="station_admin_status", wordWrap=True)
        self.status.setStyleSheet("color: #555")
        for key, slot in (("Ctrl+N", self.new_station), ("Return", self.edit_current), ("Enter", self.edit_current)):
            QShortcut(QKeySequence(key), self, slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.setFocusProxy(self.table)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.kind_filter)
        top.addWidget(self.new_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.import_button)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.table, 1)
        box.addWidget(self.empty, 1)
        box.addWidget(self.status)
        self._soon = QTimer(self, singleShot=True, interval=COALESCE_MS)
        self._soon.timeout.connect(self.reload)
        for entity in ("station", "reading"):
            relay.records(entity).sig_changed.connect(lambda _ids: self._soon.start())
        self._update_buttons()

    def reload(self) -> None:
        """One read at a time; a change meanwhile reads once more after it."""
        if self.reading:
            self._again = True
            return
        self.reading = True
        GuiOp(self, self.runner, read_stations, self.store, self.editor).as_read().success(self._arrived) \
            .failure(self._read_failed).run()

    def _read_failed(self, exc: BaseException) -> None:
        self.reading = False
        self.status.setText(self.tr("Stations could not be read: %1").replace("%1", str(exc)))

    def _arrived(self, read: tuple[list[Station], set[str], dict[str, str]]) -> None:
        self.reading = False
        self.stations, self.pending, self.refused = read
        self._show()
        if self._again:
            self._again = False
            self.reload()

    def visible(self) -> list[Station]:
        text, kind = self.search.text().strip().casefold(), self.kind_filter.currentData()
        return [s for s in self.stations if (not kind or s.kind.value == kind)
                and (not text or text in " ".join((s.name, s.code, s.org, s.place)).casefold())]

    def _show(self) -> None:
        current = self.current_id()
        rows = self.visible()
        self.model.show(rows, self.pending, self.refused)
        if rows:
            self.table.selectRow(max(0, self.model.row_of(current)))
        if rows and not self._sized:  # once: columns that jump at every reading are hard to read
            self.table.resizeColumnsToContents()
            self._sized = True
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self.empty.setText(self._empty_text())
        self._update_buttons()
        self.sig_shown.emit(len(rows))

    def cell(self, row: int, column: int, role: int = Qt.ItemDataRole.DisplayRole):
        """What the list shows at (row, column) (for tests and the keyboard-only reader)."""
        return self.model.data(self.model.index(row, column), role)

    def _empty_text(self) -> str:
        if self.stations:
            return self.tr("No station matches the filter. Clear the filter to see all %1 stations.") \
                .replace("%1", str(len(self.stations)))
        if self.may_edit():
            return self.tr("No monitoring stations yet. Press Ctrl+N to add one (name, kind, position and "
                           "thresholds); stations also arrive from the platform's hydrology adapter and API.")
        return self.tr("No monitoring stations yet. The duty chief or an administrator adds them here; "
                       "stations also arrive from the platform's hydrology adapter and API.")

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.data(index, STATION_ROLE) if index.isValid() else None

    def _current_changed(self, *_args) -> None:
        self._update_buttons()
        sid = self.current_id()
        if sid:
            self.sig_station_wanted.emit(sid)

    def _update_buttons(self) -> None:
        editor = self.may_edit()
        self.new_button.setEnabled(editor)
        self.import_button.setEnabled(editor)
        self.edit_button.setEnabled(editor and self.current_id() is not None)
        if not editor:
            self.status.setText(self.tr("Read only: only the duty chief and administrators edit stations."))

    def new_station(self) -> StationForm | None:
        return self._open(None)

    def edit_current(self) -> StationForm | None:
        sid = self.current_id()
        station = next((s for s in self.stations if s.id == sid), None)
        return self._open(station) if station is not None else None

    def _open(self, station: Station | None) -> StationForm | None:
        if not self.may_edit():
            return None
        form = StationForm(self.editor, self.runner, station=station, region=self.region, parent=self)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.sig_saved.connect(self._saved)
        form.destroyed.connect(lambda _=None, f=form: self.forms.remove(f) if f in self.forms else None)
        self.forms.append(form)
        form.open()
        return form

    def open_import(self) -> ImportStationsDialog | None:
        if not self.may_edit():
            return None
        dialog = ImportStationsDialog(self.editor, self.runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_imported.connect(lambda *_counts: self.reload())
        dialog.show()
        return dialog

    def _saved(self, station_id: str) -> None:
        self.status.setText(self.tr("Saved; the platform receives it at the next exchange."))
        self.reload()
