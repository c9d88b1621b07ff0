"""The video wall: layouts, a camera per tile, swapping, maximising onto the
main stream and back, 附近摄像头, and tiles off the wall stopping."""

from __future__ import annotations

import pytest

from services.cameras.store import CameraStore
from services.video.demo_gateway import LiveTsServer
from tests.helpers import CLIP_SECONDS, wait_until
from views.video.wall import LAYOUTS, VideoWall


@pytest.fixture
def wall(qtbot, mirror, clip):
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
    assert wall.tiles[0].size() == wall.size()  # the whole wall, and the decoder asked for that size
    assert wall.players[0].decoder.size == wall.size().toTuple()
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


def test_a_tour_pages_through_a_group_and_yields_to_the_officer(wall):
    wall.set_layout("4")
    tour = wall.start_tour("重庆市", 5)
    assert tour is not None and tour.pages == 2 and wall._tour_timer.interval() == 5000
    assert [wall.assigned[i].id for i in range(4)] == ["c0", "c1", "c2", "c3"]
    wall._next_tour_page()  # what the timer does every dwell
    assert [wall.assigned[i].id for i in range(2)] == ["c4", "c5"] and 2 not in wall.assigned
    assert wall.tiles[2].state == "idle"
    wall._next_tour_page()  # round again
    assert wall.assigned[0].id == "c0"
    wall.set_layout("9")  # a bigger wall: one page holds the whole group
    assert wall.tour.pages == 1 and len(wall.assigned) == 6
    wall._put_by_hand(7, "c2")  # a camera dropped by hand ends the tour
    assert wall.tour is None and not wall._tour_timer.isActive()
    assert wall.start_tour("北京市", 10) is None  # no camera there


def test_a_named_layout_is_saved_and_restored(wall, mirror):
    from services.video.presets import WallPresets
    from views.video.panel import VideoWallPanel

    panel = VideoWallPanel(wall.store, presets=WallPresets(mirror))
    try:
        panel.wall.set_layout("1+5")
        panel.wall.put(0, "c3")
        panel.wall.put(5, "c1")
        assert panel.save_preset("  渝中 值守 ")
        assert panel.preset_combo.currentData() == "渝中 值守"
        panel.wall.set_layout("4")
        panel.wall.clear(0)
        assert panel.restore_preset("渝中 值守")
        assert panel.wall.layout_name == "1+5" and panel.layout_combo.currentData() == "1+5"
        assert panel.wall.assigned[0].id == "c3" and panel.wall.assigned[5].id == "c1"
        assert 1 not in panel.wall.assigned
        panel.presets.save("旧方案", "4", {0: "c0", 1: "已拆除"}, __import__("datetime").datetime.now())
        assert panel.restore_preset("旧方案")
        assert panel.wall.assigned[0].id == "c0" and 1 not in panel.wall.assigned
        assert panel.status.text() == (panel.tr("Layout “%1” restored").replace("%1", "旧方案") + panel.tr(
            "; %1 of its cameras are no longer in the catalog").replace("%1", "1"))  # one is gone from the catalog
    finally:
        panel.wall.stop_all()


def test_a_damaged_preset_says_so_and_keeps_the_wall(wall, mirror, monkeypatch):
    from services.video.presets import PREFIX, PresetError, WallPresets
    from views.video.panel import VideoWallPanel

    mirror.set_meta([(PREFIX + "坏的", "{not json")])
    presets = WallPresets(mirror)
    with pytest.raises(PresetError):
        presets.load("坏的")
    with pytest.raises(PresetError):
        presets.save("   ", "4", {}, __import__("datetime").datetime.now())
    panel = VideoWallPanel(wall.store, presets=presets)
    warnings = []
    monkeypatch.setattr(panel, "_warn", warnings.append)
    panel.wall.put(0, "c0")
    assert not panel.restore_preset("坏的")
    assert warnings and panel.wall.assigned[0].id == "c0"
    panel.wall.stop_all()


def test_a_snapshot_lands_on_the_incident_timeline(qtbot, wall, incident_service, clock):
    from services.incidents.attachments import picture_bytes
    from tests.helpers import draft
    from views.video.panel import VideoWallPanel
    from widgets.timeline import TimelineItem, TimelineView

    incident = incident_service.create_incident(draft(clock), "张三")
    panel = VideoWallPanel(wall.store, incidents=incident_service, author="李四")
    qtbot.addWidget(panel)
    panel.resize(960, 600)
    panel.show()
    try:
        panel.wall.put(0, "c2")
        assert wait_until(lambda: panel.wall.tiles[0].frames_painted > 3, 10)
        assert not panel.attach_snapshot(0)  # no incident selected yet
        panel.set_incident(incident.id)
        assert panel.attach_snapshot(0)
        entry = incident_service.timeline(incident.id)[-1]
        assert "摄像头2" in entry.body and entry.author == "李四" and entry.pending_sync
        png = picture_bytes(entry.data)
        assert png.startswith(b"\x89PNG") and len(png) > 5_000
        view = TimelineView()
        qtbot.addWidget(view)
        view.set_items([TimelineItem(entry.id, "10:00", "备注", "note", "李四", entry.body, picture=png)])
        assert f'src="picture:{entry.id}"' in view.toHtml()  # the thumbnail, by the entry's key
    finally:
        panel.wall.stop_all()


def test_sixteen_tiles_play_at_once(qtbot, mirror, clip):
    server = LiveTsServer(clip, CLIP_SECONDS).start()
    store = CameraStore(mirror)
    store.save_many([{"id": f"s{n}", "name": f"路口{n}", "group_path": "重庆市/江北区", "main_url": server.url,
                      "sub_url": f"{server.url}?sub{n}", "online": True} for n in range(16)])
    w = VideoWall(store)
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    try:
        w.set_layout("16")
        for n in range(16):
            w.put(n, f"s{n}")
        assert wait_until(lambda: all(t.state == "live" for t in w.tiles[:16]), 15)
        painted = [t.frames_painted for t in w.tiles[:16]]

        def gained() -> list[int]:
            return [t.frames_painted - p for t, p in zip(w.tiles[:16], painted, strict=True)]

        wait_until(lambda: min(gained()) > 10, 10, what="every tile to paint more than ten further pictures")
    finally:
        w.stop_all()
        server.kill()
