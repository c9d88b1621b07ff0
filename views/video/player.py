"""Puts a camera on a tile: a decoder (libVLC or PyAV, see widgets.video_decoding.backend) for its sub stream (the main stream when
maximised) feeding the tile; decoding stops while the tile is hidden."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject

from services.cameras.store import Camera
from services.stream_urls import DEFAULT_SCHEMES, url_problem
from widgets.video_decoding.backend import make_decoder
from widgets.video_tile import VideoTile

ASPECT = 16 / 9  # camera pictures; decoders scale to a size, so the size must keep the shape
# The stream URLs tiles open: the config's [video] url_schemes (app/composition.py sets it once).
_allowed_schemes: tuple[str, ...] = DEFAULT_SCHEMES


def allow_schemes(schemes: tuple[str, ...]) -> None:
    global _allowed_schemes
    _allowed_schemes = tuple(schemes)


class _Refused:
    """Stands in for a decoder for a URL no tile may open (a camera record from before
    the checks, say): the tile says why, and nothing reaches FFmpeg or libVLC."""

    running = False

    def start(self) -> None: ...

    def stop(self) -> None: ...

    def resize(self, _width: int, _height: int) -> None: ...


def picture_size(width: int, height: int) -> tuple[int, int]:
    """The largest 16:9 picture inside the tile (at least 320x180): a tall tile gets
    a letterboxed picture, not a stretched one."""
    width, height = max(width, 320), max(height, 180)
    if width / height > ASPECT:
        width = round(height * ASPECT)
    else:
        height = round(width / ASPECT)
    return width, height


class CameraPlayer(QObject):
    def __init__(self, tile: VideoTile, camera: Camera, *, main_stream: bool = False, exercise: bool = False,
                 decoder: str = "auto"):
        super().__init__(tile)
        self.tile, self.camera = tile, camera
        tile.camera_name = camera.name
        tile.exercise = exercise
        url = (camera.main_url if main_stream else camera.sub_url) or camera.main_url or camera.sub_url
        problem = url_problem(url, _allowed_schemes)
        if problem:
            self.decoder = _Refused()
            tile.set_state("error", self.tr("This address may not be opened: %1").replace("%1", url[:60]))
        else:
            self.decoder = make_decoder(url, tile.show_frame, tile.set_state,
                                        size=picture_size(tile.width(), tile.height()), preference=decoder)
        tile.installEventFilter(self)
        if tile.isVisible():
            self.decoder.start()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.tile:
            if event.type() == QEvent.Type.Hide:
                self.decoder.stop()
            elif event.type() == QEvent.Type.Show and not self.decoder.running:
                self.decoder.start()
            elif event.type() == QEvent.Type.Resize:
                self.decoder.resize(*picture_size(self.tile.width(), self.tile.height()))
        return False

    def stop(self) -> None:
        self.decoder.stop()
