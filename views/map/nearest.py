"""The ranked list of the nearest available resources of each kind around the
selected incident (R*Tree pre-filter, then great-circle distance)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem

from services.clearance import DEFAULT_CLEARANCE, DEFAULT_NAMES
from services.resources.store import ResourcePoint
from views.common.clearance_labels import Levels
from views.map.layers import kind_name
from widgets.level_badge import LEVEL_RANK_ROLE, LEVEL_ROLE, LevelBadgeDelegate

PER_KIND = 5


class NearestList(QTreeWidget):
    sig_resource_chosen = Signal(str, str)  # kind, resource id

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("nearest_list")
        self.setColumnCount(3)
        self.setHeaderLabels([self.tr("Resource"), self.tr("Distance"), self.tr("Contact")])
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.header().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.header().setStretchLastSection(False)
        self.setRootIsDecorated(True)
        # 密级 badge before a resource's name (none for 公开); the panel gives the names the platform uses
        self.levels = Levels(DEFAULT_CLEARANCE, DEFAULT_NAMES)
        self.setItemDelegateForColumn(0, LevelBadgeDelegate(self))
        self.itemActivated.connect(self._on_activated)

    def show_results(self, results: dict[str, list[tuple[ResourcePoint, float]]]) -> None:
        self.clear()
        for kind, found in results.items():
            top = QTreeWidgetItem([f"{kind_name(kind)} ({len(found)})"])
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for point, metres in found:
                contact = " ".join(x for x in (point.contact, point.phone) if x)
                distance = self.tr("%1 km (live)") if point.live_at else self.tr("%1 km")
                item = QTreeWidgetItem([point.name, distance.replace("%1", f"{metres / 1000:.1f}"), contact])
                if point.live_at:
                    item.setToolTip(1, self.tr("From the team's live position, not its base"))
                item.setData(0, Qt.ItemDataRole.UserRole, (kind, point.id))
                item.setData(0, LEVEL_ROLE, self.levels.badge_text(point.level))
                item.setData(0, LEVEL_RANK_ROLE, point.level)
                item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                top.addChild(item)
            self.addTopLevelItem(top)
            top.setExpanded(True)

    def _on_activated(self, item: QTreeWidgetItem) -> None:
        chosen = item.data(0, Qt.ItemDataRole.UserRole)
        if chosen:
            self.sig_resource_chosen.emit(*chosen)
