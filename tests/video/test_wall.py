"""The video wall: layouts, a camera per tile, swapping, maximising onto the
main stream and back, 附近摄像头, and tiles off the wall stopping."""

from __future__ import annotations

import pytest

from services.cameras.store import CameraStore
from services.video.demo_gateway import LiveTsServer
from tests.map.helpers import wait_until
from tests.video.test_decoder import CLIP_SECONDS, clip  # noqa: F401 - the session fixture
from views.video.wall import LAYOUTS, VideoWall


@pytest.fixture
def wall(qtbot, mirror, clip):  # noqa: F811
    server = LiveTsServer(clip, CLIP_SECONDS).start()
    store = CameraStore(mirror)
    store.save_many([{"id": f"c{n}", "name": f"摄像头{n}", "group_path": "重庆市/渝中区",
                      "lat": 29.55 + n * 0.01, "lon": 106.57, "main_url": server.url + "?main",
                      "sub_url": server.url, "online": True} for n in range(6)])
    w = VideoWall(store)
    qtbot.addWidget(w)
    w.resize(960, 540)
    w.show()
    yield w
    w.stop_all()
    server.kill()


@pytest.mark.parametrize("name,count", [("1", 1), ("4", 4), ("9", 9), ("16", 16), ("25", 25),
                                        ("36", 36), ("1+5", 6), ("1+7", 8)])
def test_every_layout_has_its_tiles(qtbot, mirror, name, count):
    w = VideoWall(CameraStore(mirror))
    qtbot.addWidget(w)
    w.resize(1200, 700)
    w.show()
    w.set_layout(name)
    visible = [t for t in w.tiles if t.isVisible()]
    assert len(visible) == count == len(LAYOUTS[name][1])
    if name == "1+5":
        big, small = visible[0].geometry(), visible[1].geometry()
        assert big.width() > 1.8 * small.width() and big.height() > 1.8 * small.height()


def test_cameras_play_swap_maximise_and_stop_off_the_wall(wall):
    wall.put(0, "c0")
    wall.put(1, "c1")
    assert wait_until(lambda: wall.tiles[0].state == "live" and wall.tiles[1].state == "live", 10)
    wall.swap(0, 1)
    assert (wall.assigned[0].id, wall.assigned[1].id) == ("c1", "c0")
    wall.toggle_maximised(0)
    assert wall.players[0].decoder.url.endswith("?main") and not wall.tiles[1].isVisible()
    assert wait_until(lambda: wall.tiles[0].state == "live", 10)
    wall.toggle_maximised(0)
    assert not wall.players[0].decoder.url.endswith("?main") and wall.tiles[1].isVisible()
    decoder = wall.players[1].decoder
    wall.set_layout("1")
    assert 1 not in wall.players
    assert wait_until(lambda: not any(t.is_alive() for t in decoder._threads), 5)


def test_nearby_cameras_fill_the_wall_nearest_first(wall):
    wall.set_layout("4")
    chosen = wall.fill_nearest(29.55, 106.57)
    assert [c.id for c in chosen] == ["c0", "c1", "c2", "c3"]
    assert [wall.assigned[i].id for i in range(4)] == ["c0", "c1", "c2", "c3"]
