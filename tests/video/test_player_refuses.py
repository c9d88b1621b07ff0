"""A camera URL no tile may open (file:, pipe:, concat:, a scheme the centre did
not add) never reaches FFmpeg or libVLC, even from a record already in the
mirror: the tile says why (issue 19, class 7)."""

from __future__ import annotations

import pytest

from services.cameras.store import Camera
from tests.helpers import wait_until
from views.video import player
from widgets.video_tile import VideoTile


@pytest.mark.parametrize("url", ["file:///etc/passwd", "pipe:cat /etc/shadow", "concat:a.ts|b.ts",
                                 "rtmp://cdn.example/live"])
def test_a_tile_refuses_a_url_of_a_scheme_it_may_not_open(qtbot, monkeypatch, url):
    monkeypatch.setattr(player, "make_decoder", lambda *a, **k: pytest.fail("a decoder was made for " + url))
    tile = VideoTile()
    qtbot.addWidget(tile)
    tile.resize(320, 180)
    tile.show()
    player.CameraPlayer(tile, Camera("c1", "解放碑", "", None, None, url, "", False, "", True))
    wait_until(lambda: tile.state == "error", 5, what="the tile to say it refused the address")
    assert tile.reason == f"This address may not be opened: {url[:60]}"


def test_a_scheme_the_centre_added_is_opened(qtbot, monkeypatch):
    made = []
    monkeypatch.setattr(player, "make_decoder", lambda url, *a, **k: made.append(url) or player._Refused())
    monkeypatch.setattr(player, "_allowed_schemes", (*player.DEFAULT_SCHEMES, "rtmp"))
    tile = VideoTile()
    qtbot.addWidget(tile)
    player.CameraPlayer(tile, Camera("c1", "解放碑", "", None, None, "rtmp://cdn.example/live", "", False, "", True))
    assert made == ["rtmp://cdn.example/live"]
