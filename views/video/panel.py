"""The video wall panel: the layout chooser, named layouts (布局方案), 轮巡,
附近摄像头 for the selected incident, and the wall. Cameras arrive by drag
from the catalog or by activating one there (it goes to the next free tile).
A tile's menu saves a snapshot to PNG or attaches it to the selected
incident's timeline. Those writes (a snapshot, a named layout) go to the
mirror writer through views/common/gui_op.py."""

from __future__ import annotations

from concurrent.futures import Future
from datetime import datetime

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from services.cameras.store import CameraStore
from services.errors import StorageError
from services.incidents.attachments import picture_attachment
from services.incidents.model import EntryKind
from services.incidents.service import IncidentService
from services.incidents.validation import ValidationError
from services.video.presets import PresetError, WallPresets
from views.audit import trail as audit_trail
from views.common.gui_op import GuiOp, write_error_text
from views.common.labels import problem_message, storage_message
from views.common.messages import ask, warn
from views.video.layout_opener import LayoutOpener
from views.video.tour_dialog import TourDialog
from views.video.wall import LAYOUTS, VideoWall

SNAPSHOT_MAX_WIDTH = 960  # attached pictures: enough to read a plate, small enough for a thin link


class VideoWallPanel(QWidget):
    def __init__(self, cameras: CameraStore, parent=None, *, tz=None, decoder: str = "auto",
                 presets: WallPresets | None = None, incidents: IncidentService | None = None, author: str = "",
                 runner=None, relay=None):
        """`runner`: the application's task runner; without one (the panel on its own)
        its few writes run where they are asked for. `relay`: to open a saved layout
        whose cameras have not arrived yet (open_layout)."""
        super().__init__(parent)
        self.runner, self.relay = runner, relay
        self.opener = None
        self.setObjectName("video_wall_panel")
        self.tz = tz
        self.presets, self.incidents, self.author = presets, incidents, author
        self.wall = VideoWall(cameras, self, tz=tz, decoder=decoder)
        self.wall.sig_tour_changed.connect(self._show_tour)
        self.wall.sig_tile_menu.connect(self.tile_menu)
        self.position: tuple[float, float] | None = None  # of the selected incident
        self.incident_id = ""
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
        self.tour_button = QPushButton(self.tr("Tour…"), objectName="tour_button")
        self.tour_button.setToolTip(self.tr("Show a group's cameras a wall-full at a time (Ctrl+T)"))
        self.tour_button.clicked.connect(self.on_tour)
        QShortcut(QKeySequence("Ctrl+T"), self, self.on_tour)
        self.preset_combo = QComboBox(objectName="wall_presets")
        self.preset_combo.setMinimumContentsLength(10)
        self.preset_combo.activated.connect(lambda: self.restore_preset(self.preset_combo.currentData()))
        self.save_preset_button = QPushButton(self.tr("Save layout…"), objectName="save_preset")
        self.save_preset_button.clicked.connect(self.on_save_preset)
        self.delete_preset_button = QPushButton(self.tr("Delete layout"), objectName="delete_preset")
        self.delete_preset_button.clicked.connect(self.on_delete_preset)
        self.status = QLabel(objectName="wall_status", textFormat=Qt.TextFormat.PlainText)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Layout")))
        bar.addWidget(self.layout_combo)
        bar.addWidget(self.nearby)
        bar.addWidget(self.tour_button)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Saved layouts")))
        bar.addWidget(self.preset_combo)
        bar.addWidget(self.save_preset_button)
        bar.addWidget(self.delete_preset_button)
        bar.addStretch(1)
        bar.addWidget(self.status)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(bar)
        box.addWidget(self.wall, 1)
        for widget in (self.preset_combo, self.save_preset_button, self.delete_preset_button):
            widget.setEnabled(presets is not None)
        self._reload_presets()

    # ---- the selected incident ------------------------------------------------------

    def set_incident_position(self, lat: float | None, lon: float | None) -> None:
        self.position = (lat, lon) if lat is not None and lon is not None else None
        self.nearby.setEnabled(self.position is not None)

    def set_incident(self, incident_id: str) -> None:
        """The incident selected in the log: where snapshots are attached."""
        self.incident_id = incident_id or ""

    def fill_nearby(self) -> None:
        if self.position is None:
            return
        found = self.wall.fill_nearest(*self.position)
        self.status.setText(self.tr("%1 nearby cameras on the wall").replace("%1", str(len(found))))

    def show_camera(self, camera_id: str) -> None:
        free = next((i for i in range(self.wall.visible_count) if i not in self.wall.assigned), 0)
        self.wall.stop_tour()
        self.wall.put(free, camera_id)

    # ---- 轮巡 ---------------------------------------------------------------------

    def on_tour(self) -> None:
        if self.wall.tour is not None:
            self.wall.stop_tour()
            return
        dialog = TourDialog(self.wall.store.groups(), self)
        if dialog.exec() and self.wall.start_tour(dialog.group, dialog.dwell.value()) is None:
            self.status.setText(self.tr("No camera of this group is online."))

    def _show_tour(self) -> None:
        tour = self.wall.tour
        self.tour_button.setText(self.tr("Stop tour") if tour else self.tr("Tour…"))
        if tour is None:
            self.status.setText("")
            return
        self.status.setText(self.tr("Tour of %1: page %2 of %3, every %4 s")
                            .replace("%1", tour.group or self.tr("all cameras"))
                            .replace("%2", str(tour.page + 1)).replace("%3", str(tour.pages))
                            .replace("%4", str(tour.dwell_s)))

    # ---- named layouts ----------------------------------------------------------------

    def _reload_presets(self, current: str = "") -> None:
        self.preset_combo.clear()
        if self.presets is None:
            return
        for name in self.presets.names():
            self.preset_combo.addItem(name, name)
        if current:
            self.preset_combo.setCurrentIndex(self.preset_combo.findData(current))
        self.delete_preset_button.setEnabled(self.preset_combo.count() > 0)

    def on_save_preset(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save layout"), self.tr("Name of this layout:"),
                                        text=self.preset_combo.currentText())
        if ok:
            self.save_preset(name)

    def save_preset(self, name: str) -> bool:
        """False when it could not be saved (the reason shown); True once handed to the writer."""
        return _handed(GuiOp(self, self.runner, self.presets.save, name, self.wall.layout_name,
                             self.wall.arrangement(), datetime.now(self.tz))
                       .success(self._preset_saved).failure(self._write_failed).run())

    def _preset_saved(self, preset) -> None:
        self._reload_presets(preset.name)
        self.status.setText(self.tr("Layout “%1” saved").replace("%1", preset.name))

    def _write_failed(self, exc: BaseException) -> None:
        if isinstance(exc, PresetError):
            self._warn(self._preset_problem(exc.code))
        elif isinstance(exc, ValidationError):
            self._warn("\n".join(problem_message(p) for p in exc.problems))
        elif isinstance(exc, StorageError):
            self._warn(storage_message(exc.problem.value))
        else:
            self._warn(write_error_text(exc))

    def restore_preset(self, name: str | None) -> bool:
        if not name or self.presets is None:
            return False
        try:
            preset = self.presets.load(name)
        except PresetError as exc:
            self._warn(self._preset_problem(exc.code))
            return False
        if preset is None or preset.layout not in LAYOUTS:
            self._warn(self._preset_problem("unreadable"))
            return False
        self.layout_combo.blockSignals(True)
        self.layout_combo.setCurrentIndex(self.layout_combo.findData(preset.layout))
        self.layout_combo.blockSignals(False)
        shown = self.wall.arrange(preset.layout, preset.cameras)
        missing = len(preset.cameras) - shown
        text = self.tr("Layout “%1” restored").replace("%1", preset.name)
        if missing > 0:
            text += self.tr("; %1 of its cameras are no longer in the catalog").replace("%1", str(missing))
        self.status.setText(text)
        return True

    def open_layout(self, name: str) -> None:
        """The wall on a saved layout, its tiles filling as its cameras reach the catalog."""
        if self.presets is None:
            return
        if self.opener is None:
            self.opener = LayoutOpener(self.wall, self.presets, self.relay, self)
            self.opener.sig_opened.connect(self._layout_opened)
        self._reload_presets(name)
        self.status.setText(self.tr("Layout “%1”: waiting for its cameras from the platform…").replace("%1", name))
        self.opener.open(name)  # at once when its cameras are here (sig_opened)
        self._show_layout_name()

    def _layout_opened(self, name: str) -> None:
        self._show_layout_name()
        self.status.setText(self.tr("Layout “%1” restored").replace("%1", name))

    def _show_layout_name(self) -> None:
        self.layout_combo.blockSignals(True)
        self.layout_combo.setCurrentIndex(self.layout_combo.findData(self.wall.layout_name))
        self.layout_combo.blockSignals(False)

    def on_delete_preset(self) -> None:
        name = self.preset_combo.currentData()
        if not name or self.presets is None:
            return
        if ask(self, self.tr("Delete layout"), self.tr("Delete the saved layout “%1”?").replace("%1", name)):
            GuiOp(self, self.runner, self.presets.delete, name).success(lambda _none: self._reload_presets()) \
                .failure(self._write_failed).run()

    def _preset_problem(self, code: str) -> str:
        return {
            "name_required": self.tr("Give the layout a name."),
            "name_too_long": self.tr("The name is too long: at most 40 characters."),
            "unreadable": self.tr("This saved layout cannot be read; save it again."),
        }.get(code, code)

    # ---- a tile's menu: snapshots -------------------------------------------------------

    def tile_menu(self, index: int, where) -> None:
        tile, camera = self.wall.tiles[index], self.wall.assigned.get(index)
        menu = QMenu(self)
        save = menu.addAction(self.tr("Save snapshot as PNG…"))
        attach = menu.addAction(self.tr("Attach snapshot to the selected incident"))
        attach.setEnabled(bool(self.incident_id and self.incidents is not None and camera is not None))
        menu.addSeparator()
        maximise = menu.addAction(self.tr("Restore") if self.wall.maximised is not None else self.tr("Maximise"))
        remove = menu.addAction(self.tr("Remove camera"))
        for action in (save, maximise, remove):
            action.setEnabled(camera is not None)
        chosen = menu.exec(where)
        if chosen is save:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save snapshot"),
                                                  f"{camera.name}-{datetime.now(self.tz):%Y%m%d-%H%M%S}.png",
                                                  self.tr("PNG images (*.png)"))
            if path and not tile.snapshot().save(path, "PNG"):
                self._warn(self.tr("The snapshot could not be written to %1.").replace("%1", path))
            elif path:
                audit_trail.exported(self, "camera_snapshot", path, entity="camera", entity_id=camera.id)
        elif chosen is attach:
            self.attach_snapshot(index)
        elif chosen is maximise:
            self.wall.toggle_maximised(index)
        elif chosen is remove:
            self.wall.clear(index)

    def attach_snapshot(self, index: int) -> bool:
        """The tile as shown (overlays: camera, time, state) on the incident's timeline,
        written on the mirror writer. False when it cannot be (no camera, no incident)."""
        camera = self.wall.assigned.get(index)
        if camera is None or not self.incident_id or self.incidents is None:
            return False
        shot = datetime.now(self.tz)
        png = png_bytes(self.wall.tiles[index].snapshot())
        body = (self.tr("Video snapshot: %1 (%2), %3").replace("%1", camera.name).replace("%2", camera.id)
                .replace("%3", shot.strftime("%Y-%m-%d %H:%M:%S")))
        try:
            attachment = picture_attachment(png, f"{camera.id}-{shot:%Y%m%d-%H%M%S}.png")
        except ValidationError as exc:
            self._warn("\n".join(problem_message(p) for p in exc.problems))
            return False
        return _handed(GuiOp(self, self.runner, self.incidents.append_entry, self.incident_id, EntryKind.NOTE, body,
                             self.author, attachment=attachment)
                       .success(lambda _entry: self.status.setText(
                           self.tr("Snapshot attached to the incident's timeline")))
                       .failure(self._write_failed).run())

    def _warn(self, text: str) -> None:
        warn(self, self.tr("Video wall"), text, name="wall_warning")


def _handed(future: Future) -> bool:
    """True once a write is with the writer (or, done here, succeeded)."""
    return not future.done() or future.exception() is None


def png_bytes(image: QImage) -> bytes:
    if image.width() > SNAPSHOT_MAX_WIDTH:
        image = image.scaledToWidth(SNAPSHOT_MAX_WIDTH)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)
