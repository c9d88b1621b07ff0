"""The incident table's look: delegates, column widths and the on-screen order."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from views.common.lazy_table_model import LazyTableModel
from views.incident_log import list_model as cols
from widgets.badges import DeadlineBadgeDelegate, SeverityBadgeDelegate, TaggedTextDelegate
from widgets.level_badge import LevelBadgeDelegate

COLUMN_WIDTHS = {
    cols.COL_CODE: 150,
    cols.COL_SEVERITY: 64,
    cols.COL_TITLE: 240,
    cols.COL_TYPE: 100,
    cols.COL_STATUS: 70,
    cols.COL_PLACE: 150,
    cols.COL_OCCURRED: 130,
    cols.COL_REPORTED: 130,
    cols.COL_CASUALTIES: 100,
    cols.COL_DEADLINE: 96,
    cols.COL_RESPONSE: 72,
}
# What an officer must see without scrolling sideways comes first on screen.
VISUAL_ORDER = [
    cols.COL_CODE,
    cols.COL_SEVERITY,
    cols.COL_RESPONSE,
    cols.COL_TITLE,
    cols.COL_STATUS,
    cols.COL_DEADLINE,
    cols.COL_CASUALTIES,
    cols.COL_TYPE,
    cols.COL_PLACE,
    cols.COL_OCCURRED,
    cols.COL_REPORTED,
]


def build_incident_table(model: LazyTableModel, parent: QWidget) -> QTableView:
    table = QTableView(parent)
    table.setObjectName("incidentTable")
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
    table.setItemDelegateForColumn(cols.COL_CODE, TaggedTextDelegate(parent=table))
    table.setItemDelegateForColumn(cols.COL_SEVERITY, SeverityBadgeDelegate(parent=table))
    table.setItemDelegateForColumn(cols.COL_TITLE, LevelBadgeDelegate(table))
    table.setItemDelegateForColumn(cols.COL_DEADLINE, DeadlineBadgeDelegate(parent=table))
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    for column, width in COLUMN_WIDTHS.items():
        table.setColumnWidth(column, width)
    for visual, logical in enumerate(VISUAL_ORDER):
        header.moveSection(header.visualIndex(logical), visual)
    header.setSectionsMovable(True)
    header.setStretchLastSection(True)
    return table
