"""视频墙: tiles in a layout (1, 4, 9, 16, 25, 36, 1+5, 1+7). Cameras are
dropped from the catalog onto a tile, tiles are swapped by dragging one onto
another, a double-click maximises a tile on the camera's main stream and a
second one goes back to the sub stream, 附近摄像头 fills the wall with the
cameras nearest a point, and a tour (轮巡) pages through a group's cameras.
Hidden tiles stop decoding."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import QDrag
from PySide6.QtWidgets import QGridLayout, QWidget

from services.cameras.store import Camera, CameraStore
from services.video.tour import Tour
from views.video.catalog_tree import CAMERA_MIME
from views.video.player import CameraPlayer
from widgets.video_tile import VideoTile

TILE_MIME = "application/x-watchroom-tile"
FRAME_TICK_MS = 20  # 50 Hz: above the streams' 25 fps, one composition for all tiles
# name -> (grid size, cells as (row, column, row span, column span))
LAYOUTS: dict[str, tuple[int, list[tuple[int, int, int, int]]]] = {
    **{str(n * n): (n, [(r, c, 1, 1) for r in range(n) for c in range(n)]) for n in range(1, 7)},
    "1+5": (3, [(0, 0, 2, 2), (0, 2, 1, 1), (1, 2, 1, 1), (2, 0, 1, 1), (2, 1, 1, 1), (2, 2, 1, 1)]),
    "1+7": (4, [(0, 0, 3, 3), (0, 3, 1, 1), (1, 3, 1, 1), (2, 3, 1, 1),
                (3, 0, 1, 1), (3, 1, 1, 1), (3, 2, 1, 1), (3, 3, 1, 1)]),
}


class WallTile(VideoTile):
    """A tile that accepts a camera dropped from the catalog or another tile."""

    sig_dropped_camera = Signal(int, str)  # tile index, camera id
    sig_dropped_tile = Signal(int, int)  # onto, from
    sig_menu = Signal(int, object)  # tile index, global position: the tile's context menu

    def __init__(self, index: int, parent=None, *, read_only: bool = False):
        super().__init__(parent)
        self.index = index
        self.read_only = read_only  # the commander's display: what is shown is pushed, not dragged
        self.setAcceptDrops(not read_only)

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasFormat(CAMERA_MIME) or event.mimeData().hasFormat(TILE_MIME):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        data = event.mimeData()
        if data.hasFormat(TILE_MIME):
            self.sig_dropped_tile.emit(self.index, int(bytes(data.data(TILE_MIME)).decode()))
        elif data.hasFormat(CAMERA_MIME):
            first = bytes(data.data(CAMERA_MIME)).decode().split("\n")[0]
            self.sig_dropped_camera.emit(self.index, first)
        event.acceptProposedAction()

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        if not self.read_only:
            self.sig_menu.emit(self.index, event.globalPos())

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if event.buttons() & Qt.MouseButton.LeftButton and not self.read_only:
            data = QMimeData()
            data.setData(TILE_MIME, str(self.index).encode())
            drag = QDrag(self)
            drag.setMimeData(data)
            drag.exec(Qt.DropAction.MoveAction)


class VideoWall(QWidget):
    sig_tour_changed = Signal()  # a tour started, turned a page or ended
    sig_tile_menu = Signal(int, object)  # tile index, global position

    def __init__(self, cameras: CameraStore, parent=None, *, exercise: bool = False, tz=None, decoder: str = "auto",
                 read_only: bool = False):
        super().__init__(parent)
        self.tz = tz
        self.read_only = read_only
        self.decoder = decoder
        self.setObjectName("video_wall")
        self.store = cameras
        self.exercise = exercise
        self.assigned: dict[int, Camera] = {}  # tile index -> camera
        self.players: dict[int, CameraPlayer] = {}
        self.tiles: list[WallTile] = []
        self.maximised: int | None = None
        self.grid = QGridLayout(self)
        self.grid.setSpacing(2)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.layout_name = ""
        self.tour: Tour | None = None
        self._tour_timer = QTimer(self)
        self._tour_timer.timeout.connect(self._next_tour_page)
        self._frame_timer = QTimer(self, interval=FRAME_TICK_MS)
        self._frame_timer.timeout.connect(self._take_frames)
        self._frame_timer.start()
        self.set_layout("4")

    def empty_tile_hint(self) -> str:
        if self.read_only:
            return self.tr("A duty workstation can put a camera here (Display ▸ Put the selected camera on a "
                           "display tile…).")
        return self.tr("Drag a camera here from Cameras, or double-click one there.")

    def _take_frames(self) -> None:
        for tile in self.tiles:
            if tile.isVisible():
                tile.take_frame()

    def set_layout(self, name: str) -> None:
        size, cells = LAYOUTS[name]
        self.layout_name = name
        while len(self.tiles) < len(cells):
            tile = WallTile(len(self.tiles), self, read_only=self.read_only)
            tile.tz = self.tz
            tile.hint = self.empty_tile_hint()
            tile.push_frames = False  # taken by the wall's timer, all at once
            tile.sig_dropped_camera.connect(self._put_by_hand)
            tile.sig_dropped_tile.connect(self.swap)
            tile.sig_menu.connect(self.sig_tile_menu)
            tile.sig_double_clicked.connect(lambda t=tile: self.toggle_maximised(t.index))
            self.tiles.append(tile)
        self._place([(self.tiles[index], cell) for index, cell in enumerate(cells)], size)
        for index in list(self.players):
            if index >= len(cells):  # off the wall now: stop decoding
                self.players.pop(index).stop()
                self.assigned.pop(index, None)
        if self.tour is not None:
            self.tour.fit(len(cells))
            self._show_tour_page()

    def _place(self, placements: list[tuple[WallTile, tuple[int, int, int, int]]], size: int) -> None:
        """Puts these tiles in the grid (size x size cells) and hides the others."""
        shown = {tile.index for tile, _ in placements}
        for tile in self.tiles:
            self.grid.removeWidget(tile)
            if tile.index not in shown:
                tile.hide()
        for tile, (row, col, rows, cols) in placements:
            self.grid.addWidget(tile, row, col, rows, cols)
            tile.show()
        for n in range(8):
            self.grid.setRowStretch(n, 1 if n < size else 0)
            self.grid.setColumnStretch(n, 1 if n < size else 0)
        self.grid.activate()  # tiles take their new size now: decoders are asked for it

    @property
    def visible_count(self) -> int:
        return len(LAYOUTS[self.layout_name][1])

    def put(self, index: int, camera_id: str, *, main_stream: bool = False) -> None:
        camera = next(iter(self.store.all([camera_id])), None)
        if camera is not None:
            self._play(index, camera, main_stream)

    def _put_by_hand(self, index: int, camera_id: str) -> None:
        self.stop_tour()  # the officer's choice wins over the tour
        self.put(index, camera_id)

    def clear(self, index: int) -> None:
        self._play(index, None)

    def _play(self, index: int, camera: Camera | None, main_stream: bool = False) -> None:
        old = self.players.pop(index, None)
        if old is not None:
            old.stop()
        tile = self.tiles[index]
        if camera is None:
            self.assigned.pop(index, None)
            tile.camera_name, tile.state = "", "idle"
            tile.update()
            return
        self.assigned[index] = camera
        self.players[index] = CameraPlayer(tile, camera, main_stream=main_stream, exercise=self.exercise,
                                           decoder=self.decoder)

    def swap(self, onto: int, source: int) -> None:
        if onto == source:
            return
        a, b = self.assigned.get(onto), self.assigned.get(source)
        self._play(onto, b)
        self._play(source, a)

    def toggle_maximised(self, index: int) -> None:
        """Maximised: that tile alone, on the main stream; again: back, on the sub stream."""
        camera = self.assigned.get(index)
        if self.maximised is None:
            self.maximised = index
            self._place([(self.tiles[index], (0, 0, 1, 1))], 1)
            if camera is not None:
                self._play(index, camera, main_stream=True)
        else:
            self.maximised = None
            self.set_layout(self.layout_name)
            if camera is not None:
                self._play(index, camera, main_stream=False)

    def fill_nearest(self, lat: float, lon: float) -> list[Camera]:
        """附近摄像头: the wall's tiles, in order, get the nearest online cameras."""
        self.stop_tour()
        nearest = [c for c, _ in self.store.nearest(lat, lon, limit=self.visible_count)]
        self._fill(nearest)
        return nearest

    def _fill(self, cameras: list[Camera]) -> None:
        for index in range(self.visible_count):
            camera = cameras[index] if index < len(cameras) else None
            current = self.assigned.get(index)
            if camera is None or current is None or current.id != camera.id:
                self._play(index, camera)

    # ---- 轮巡 ---------------------------------------------------------------------

    def start_tour(self, group: str, dwell_s: int) -> Tour | None:
        """Pages through the group's online cameras, a wall-full every dwell_s seconds."""
        cameras = self.store.in_group(group)
        if not cameras:
            return None
        if self.maximised is not None:
            self.toggle_maximised(self.maximised)
        self.tour = Tour(group, [c.id for c in cameras], self.visible_count, dwell_s)
        self._tour_timer.start(self.tour.dwell_s * 1000)
        self._show_tour_page()
        return self.tour

    def stop_tour(self) -> None:
        if self.tour is not None:
            self.tour = None
            self._tour_timer.stop()
            self.sig_tour_changed.emit()

    def _next_tour_page(self) -> None:
        if self.tour is not None:
            self.tour.advance()
            self._show_tour_page()

    def _show_tour_page(self) -> None:
        ids = self.tour.current()
        found = {c.id: c for c in self.store.all(ids)} if ids else {}
        self._fill([found[i] for i in ids if i in found])
        self.sig_tour_changed.emit()

    # ---- presets --------------------------------------------------------------------

    def arrangement(self) -> dict[int, str]:
        """Which camera is on which tile (for a named preset)."""
        return {index: camera.id for index, camera in self.assigned.items() if index < self.visible_count}

    def arrange(self, layout: str, cameras: dict[int, str]) -> int:
        """Restores a preset; returns how many of its cameras are still in the catalog."""
        self.stop_tour()
        if self.maximised is not None:
            self.toggle_maximised(self.maximised)
        self.set_layout(layout)
        found = {c.id: c for c in self.store.all(cameras.values())}
        for index in range(self.visible_count):
            camera = found.get(cameras.get(index, ""))
            self._play(index, camera)
        return sum(1 for index, cid in cameras.items() if cid in found and index < self.visible_count)

    def stop_all(self) -> None:
        self.stop_tour()
        for player in self.players.values():
            player.stop()
        self.players.clear()
