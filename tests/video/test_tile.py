"""A tile playing a live stream from loopback: pictures painted, 信号中断 shown
when the stream dies, a snapshot with its overlays."""

from __future__ import annotations

from services.cameras.store import Camera
from services.video.demo_gateway import LiveTsServer
from tests.helpers import CLIP_SECONDS, wait_until
from views.video.player import CameraPlayer
from widgets.video_tile import VideoTile


def test_a_tile_plays_loses_and_snapshots(qtbot, clip, tmp_path):
    server = LiveTsServer(clip, CLIP_SECONDS).start()
    tile = VideoTile()
    qtbot.addWidget(tile)
    tile.resize(640, 360)
    tile.show()
    camera = Camera("c1", "解放碑东口", "重庆市/渝中区", 29.557, 106.577, server.url, server.url, False, "", True)
    player = CameraPlayer(tile, camera, exercise=True)
    try:
        assert wait_until(lambda: tile.state == "live" and tile.frames_painted > 10, 10)
        shot = tmp_path / "tile.png"
        assert tile.snapshot().save(str(shot)) and shot.stat().st_size > 5_000
        server.kill()
        assert wait_until(lambda: tile.state == "lost", 5)
        tile.hide()  # tiles that are not visible stop decoding
        assert wait_until(lambda: not any(t.is_alive() for t in player.decoder._threads), 5)
    finally:
        player.stop()
        server.kill()
