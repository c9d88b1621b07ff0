"""摄像头目录: the camera catalog as a tree of groups (by group path) with
online counts on every branch, searchable by name or group. Cameras can be
dragged out of it (their id as text/plain and application/x-watchroom-camera)
onto the video wall once that exists; double-click asks to show one."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from services.cameras.store import Camera, CameraStore
from views.common.clearance_labels import Levels
from views.common.event_relay import DomainEventRelay
from views.common.task_runner import TaskRunner
from widgets.empty_hint import EmptyHint
from widgets.level_badge import LEVEL_RANK_ROLE, LEVEL_ROLE, LevelBadgeDelegate
from widgets.plain_text import tooltip

CAMERA_MIME = "application/x-watchroom-camera"
ID_ROLE = Qt.ItemDataRole.UserRole


class _Tree(QTreeWidget):
    def mimeData(self, items) -> QMimeData:  # noqa: N802 - Qt's name
        ids = [i.data(0, ID_ROLE) for i in items if i.data(0, ID_ROLE)]
        data = QMimeData()
        data.setText("\n".join(ids))
        data.setData(CAMERA_MIME, "\n".join(ids).encode())
        return data


class CameraCatalogTree(QWidget):
    sig_camera_activated = Signal(str)  # camera id

    def __init__(self, store: CameraStore, runner: TaskRunner, relay: DomainEventRelay, parent=None):
        super().__init__(parent)
        self.setObjectName("camera_catalog")
        self.store, self.runner = store, runner
        self.search = QLineEdit(objectName="camera_search", clearButtonEnabled=True)
        self.search.setPlaceholderText(self.tr("Find a camera by name or group"))
        self.search.textChanged.connect(lambda: self._filter_timer.start())
        self.tree = _Tree(objectName="camera_tree")
        self.tree.setHeaderHidden(True)
        self.tree.setItemDelegateForColumn(0, LevelBadgeDelegate(self.tree))
        self.tree.setDragEnabled(True)
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.ExtendedSelection)
        self.tree.itemActivated.connect(self._on_activated)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.search)
        box.addWidget(self.tree)
        self.hint = EmptyHint(self.tree)
        self._filter_timer = QTimer(self, singleShot=True, interval=200)
        self._filter_timer.timeout.connect(self.reload)
        relay.records("camera").sig_changed.connect(lambda *_: self._filter_timer.start())
        self.reload()

    def reload(self) -> None:
        term = self.search.text().strip()
        load = (lambda: self.store.search(term, 2000)) if term else self.store.all
        self.runner.read(lambda: (load(), self.store.groups(), self.store.levels()), on_done=self._show, owner=self)

    def _show(self, loaded: tuple[list[Camera], dict[str, tuple[int, int]], tuple[int, dict[int, str]]]) -> None:
        cameras, counts, (clearance, names) = loaded
        levels = Levels(clearance, names)
        self.tree.clear()
        branches: dict[str, QTreeWidgetItem] = {}

        def branch(path: str) -> QTreeWidgetItem | None:
            if not path:
                return None
            if path not in branches:
                parent_path, _, name = path.rpartition("/")
                total, online = counts.get(path, (0, 0))
                item = QTreeWidgetItem([self.tr("%1 (%2/%3 online)").replace("%1", name)
                                        .replace("%2", str(online)).replace("%3", str(total))])
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                parent = branch(parent_path)
                (parent.addChild(item) if parent is not None else self.tree.addTopLevelItem(item))
                branches[path] = item
            return branches[path]

        for camera in cameras:
            label = camera.name if camera.online else self.tr("%1 (offline)").replace("%1", camera.name)
            item = QTreeWidgetItem([label])
            item.setData(0, ID_ROLE, camera.id)
            item.setData(0, LEVEL_ROLE, levels.badge_text(camera.level))  # 密级 badge, none for 公开
            item.setData(0, LEVEL_RANK_ROLE, camera.level)
            item.setToolTip(0, tooltip(f"{camera.group_path}\n{camera.protocol.upper()}"))
            if not camera.online:
                item.setForeground(0, Qt.GlobalColor.gray)
            parent = branch("/".join(p for p in camera.group_path.split("/") if p))
            (parent.addChild(item) if parent is not None else self.tree.addTopLevelItem(item))
        term = self.search.text().strip()
        self.hint.set_text(self.tr("No camera matches “%1”.").replace("%1", term) if term else self.tr(
            "No cameras yet: import the catalog with File ▸ Import camera catalog…, or log in to the "
            "platform to receive it."))
        if term:
            self.tree.expandAll()
        else:
            for n in range(self.tree.topLevelItemCount()):
                self.tree.topLevelItem(n).setExpanded(True)

    def selected_camera(self) -> str:
        """The camera under the cursor in the tree, or "" (a group, or nothing)."""
        item = self.tree.currentItem()
        return (item.data(0, ID_ROLE) or "") if item is not None else ""

    def _on_activated(self, item: QTreeWidgetItem) -> None:
        camera_id = item.data(0, ID_ROLE)
        if camera_id:
            self.sig_camera_activated.emit(camera_id)
