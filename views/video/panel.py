"""The video wall panel: the layout chooser, 附近摄像头 for the selected
incident, and the wall. Cameras arrive by drag from the catalog or by
activating one there (it goes to the next free tile)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from services.cameras.store import CameraStore
from views.video.wall import LAYOUTS, VideoWall


class VideoWallPanel(QWidget):
    def __init__(self, cameras: CameraStore, parent=None, *, tz=None):
        super().__init__(parent)
        self.setObjectName("video_wall_panel")
        self.wall = VideoWall(cameras, self, tz=tz)
        self.position: tuple[float, float] | None = None  # of the selected incident
        self.layout_combo = QComboBox(objectName="wall_layout")
        for name in LAYOUTS:
            self.layout_combo.addItem(self.tr("%1 tiles").replace("%1", name), name)
        self.layout_combo.setCurrentIndex(self.layout_combo.findData("4"))
        self.layout_combo.currentIndexChanged.connect(
            lambda: self.wall.set_layout(self.layout_combo.currentData()))
        self.nearby = QPushButton(self.tr("Nearby cameras"), objectName="nearby_button")
        self.nearby.setToolTip(self.tr("Fill the wall with the cameras nearest the selected incident"))
        self.nearby.clicked.connect(self.fill_nearby)
        self.nearby.setEnabled(False)
        self.status = QLabel(objectName="wall_status")
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Layout")))
        bar.addWidget(self.layout_combo)
        bar.addWidget(self.nearby)
        bar.addStretch(1)
        bar.addWidget(self.status)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(bar)
        box.addWidget(self.wall, 1)

    def set_incident_position(self, lat: float | None, lon: float | None) -> None:
        self.position = (lat, lon) if lat is not None and lon is not None else None
        self.nearby.setEnabled(self.position is not None)

    def fill_nearby(self) -> None:
        if self.position is None:
            return
        found = self.wall.fill_nearest(*self.position)
        self.status.setText(self.tr("%1 nearby cameras on the wall").replace("%1", str(len(found))))

    def show_camera(self, camera_id: str) -> None:
        free = next((i for i in range(self.wall.visible_count) if i not in self.wall.assigned), 0)
        self.wall.put(free, camera_id)
