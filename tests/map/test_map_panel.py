"""The 一张图 panel against a real mirror: layers and counts, nearest available
resources around a selected incident, an area's resources, live updates, and
right-click to log an incident there."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from services.demo_resources import demo_resources
from services.resources.store import ResourceStore
from tests.helpers import draft, wait_until
from tests.map.helpers import js, ready_view
from views.common.event_relay import DomainEventRelay
from views.common.task_runner import TaskRunner
from views.map.panel import MapPanel


@pytest.fixture
def panel(qtbot, mirror, events, incident_service, clock):
    store = ResourceStore(mirror, events, clock)
    store.save_many(demo_resources(400))
    incident = incident_service.create_incident(draft(clock, lat=29.556, lon=106.568), "a")
    relay = DomainEventRelay()
    relay.attach(events)
    runner = TaskRunner()
    p = MapPanel(incident_service, store, runner, relay)
    qtbot.addWidget(p)
    p.resize(1400, 800)
    p.show()
    ready_view(p.map)
    p.incident_id = incident.id
    p.store = store
    p.runner = runner
    yield p
    runner.shutdown()
    relay.detach(events)


@pytest.fixture
def chinese_ui(qapp):
    from app.i18n import install_language

    translators = install_language(qapp, "zh_CN")
    yield
    for tr in translators:
        qapp.removeTranslator(tr)


def tree_texts(tree) -> list[str]:
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]


def test_layers_show_every_resource_and_the_open_incident(panel):
    assert wait_until(lambda: js(panel.map, "wr.count()") == 401)
    assert wait_until(lambda: tree_texts(panel.layer_tree)[0] == panel.tr("Open incidents (%1)").replace("%1", "1"))
    texts = tree_texts(panel.layer_tree)
    assert len(texts) == 9 and all("(" in t for t in texts)
    panel.layer_tree.topLevelItem(1).setCheckState(0, Qt.CheckState.Unchecked)
    assert wait_until(lambda: js(panel.map, "wr.map.hasLayer(wr.layerGroup('team'))") is False)


def test_selecting_an_incident_lists_the_nearest_available_by_kind(panel):
    assert wait_until(lambda: panel.incident_id in panel.incident_points)
    panel.focus_incident(panel.incident_id)
    assert wait_until(lambda: panel.results.topLevelItemCount() == 6)
    first = panel.results.topLevelItem(0)
    distances = [float(first.child(i).text(1).split()[0]) for i in range(first.childCount())]
    assert distances == sorted(distances) and first.childCount() == 5
    expected = panel.store.nearest(29.556, 106.568, kind="team", limit=5)
    assert [first.child(i).text(0) for i in range(5)] == [p.name for p, _ in expected]
    assert wait_until(lambda: js(panel.map, "document.querySelectorAll('.wr-ring-label').length") == 3)


def test_an_area_lists_what_is_inside(panel):
    area = [(29.4, 106.3), (29.4, 106.8), (29.8, 106.8), (29.8, 106.3)]
    panel.on_polygon(area)
    inside = panel.store.within_polygon(area)
    assert wait_until(lambda: sum(panel.results.topLevelItem(i).childCount()
                                  for i in range(panel.results.topLevelItemCount())) == len(inside))


def test_a_moved_resource_moves_on_the_map_without_a_reload(panel):
    assert wait_until(lambda: js(panel.map, "wr.count()") == 401)
    team = next(p for p in panel.store.points() if p.kind == "team")
    js(panel.map, "window.kept = 1; true")
    panel.store.save_many([{"id": team.id, "lat": 30.25, "lon": 107.5}])
    assert wait_until(lambda: js(panel.map, f"JSON.stringify(wr.position('team', '{team.id}'))") == "[30.25,107.5]")
    assert js(panel.map, "window.kept") == 1


def test_right_click_offers_a_new_incident_there(panel, qtbot):
    with qtbot.waitSignal(panel.sig_new_incident_at, timeout=5000) as asked:
        js(panel.map, "wr.map.fire('contextmenu', {latlng: L.latLng(29.61, 106.52)}); true")
    assert asked.args == pytest.approx([29.61, 106.52])


def test_a_bad_import_changes_nothing_and_says_why_in_chinese(panel, qtbot, tmp_path, chinese_ui):
    from views.map.import_dialog import ImportResourcesDialog

    before = len(panel.store.points())
    bad = tmp_path / "bad.csv"
    bad.write_bytes("名称,类型,纬度,经度\n甲队,队伍,29.5,106.5\n乙队,坦克,106.5,29.5\n".encode("gbk"))
    assert wait_until(lambda: js(panel.map, "wr.count()") == 401)
    teams = js(panel.map, "wr.count('team')")
    dialog = ImportResourcesDialog(panel.store, panel.runner, panel)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(bad))
    dialog.on_import()
    assert wait_until(lambda: dialog.errors.rowCount() == 2)
    assert "未导入" in dialog.message.text()
    assert dialog.errors.item(0, 2).text() == "不是已知的资源类型"
    assert dialog.errors.item(1, 2).text() == "纬度和经度可能填反了"
    assert len(panel.store.points()) == before
    good = tmp_path / "good.csv"
    good.write_text("名称,类型,纬度,经度\n甲队,队伍,29.5,106.5\n", encoding="utf-8")
    dialog.path_edit.setText(str(good))
    dialog.on_import()
    assert wait_until(lambda: "新增 1" in dialog.message.text())
    assert len(panel.store.points()) == before + 1
    assert any(p.name == "甲队" for p in panel.store.points())
    assert wait_until(lambda: js(panel.map, "wr.count('team')") == teams + 1)  # on the map without a reload


def test_a_gcj02_basemap_moves_every_marker_onto_it(qtbot, mirror, events, incident_service, clock, tmp_path):
    from offline_cache.tiles import TileStore
    from services.geo.datum import wgs84_to_gcj02
    from services.maps.tile_library import TileLibrary

    TileStore(tmp_path / "tiles" / "gaode.mbtiles", writable=True,
              metadata={"format": "png", "datum": "GCJ02"}).put_many([(1, 0, 0, b"x")])
    store = ResourceStore(mirror, events, clock)
    store.save_many([{"id": "r1", "kind": "team", "name": "甲队", "lat": 29.5630, "lon": 106.5516,
                      "available": True, "details": {}}])
    relay, runner = DomainEventRelay(), TaskRunner()
    relay.attach(events)
    p = MapPanel(incident_service, store, runner, relay, library=TileLibrary(tmp_path / "tiles"))
    qtbot.addWidget(p)
    ready_view(p.map)
    try:
        assert wait_until(lambda: js(p.map, "JSON.stringify(wr.position('team', 'r1'))") == "[29.563,106.5516]")
        p.basemap_combo.setCurrentIndex(p.basemap_combo.findData("gaode"))
        shifted = wgs84_to_gcj02(29.5630, 106.5516)
        assert wait_until(lambda: js(p.map, "JSON.stringify(wr.position('team', 'r1'))")
                          == f"[{shifted[0]},{shifted[1]}]")
        with qtbot.waitSignal(p.sig_new_incident_at, timeout=5000) as asked:
            js(p.map, f"wr.map.fire('contextmenu', {{latlng: L.latLng({shifted[0]}, {shifted[1]})}}); true")
        assert asked.args == pytest.approx([29.5630, 106.5516], abs=1e-6)  # stored as WGS-84
    finally:
        runner.shutdown()
        relay.detach(events)


def test_seeding_shows_progress_and_says_what_it_did(qtbot, tmp_path):
    from services.maps.online import TileSourceConfig
    from services.maps.tile_library import TileLibrary
    from tests.helpers import CHONGQING, TileServer
    from views.map.seed import RegionSeeder

    server = TileServer()
    runner = TaskRunner()
    try:
        library = TileLibrary(tmp_path / "tiles")
        source = library.add_online(TileSourceConfig("city", server.url()))
        from PySide6.QtWidgets import QWidget

        host = QWidget()
        qtbot.addWidget(host)
        seeder = RegionSeeder(source, runner, host)
        count, _ = source.estimate(CHONGQING, 8, 10)
        with qtbot.waitSignal(seeder.sig_finished, timeout=20_000) as finished:
            seeder.start(CHONGQING, 8, 10, count)
        assert finished.args[0].startswith(f"{count}")
        assert source.estimate(CHONGQING, 8, 10)[0] == count and len(server.hits) == count
    finally:
        runner.shutdown()
        server.stop()


def test_cameras_are_a_layer_with_online_counts_and_a_card(qtbot, mirror, events, incident_service, clock):
    from services.cameras.store import CameraStore
    from services.demo_cameras import demo_cameras

    cameras = CameraStore(mirror, events, clock)
    listed = demo_cameras(60)
    cameras.save_many(listed)
    relay, runner = DomainEventRelay(), TaskRunner()
    relay.attach(events)
    p = MapPanel(incident_service, ResourceStore(mirror, events, clock), runner, relay, cameras=cameras)
    qtbot.addWidget(p)
    ready_view(p.map)
    try:
        assert wait_until(lambda: js(p.map, "wr.count('cameras')") == 60)
        online = sum(c["online"] for c in listed)
        def camera_layer(total: int, up: int) -> str:
            return p.tr("Cameras (%1, %2 online)").replace("%1", str(total)).replace("%2", str(up))

        assert wait_until(lambda: camera_layer(60, online) in tree_texts(p.layer_tree))
        js(p.map, f"wr.click('cameras', '{listed[0]['id']}'); true")
        assert wait_until(lambda: listed[0]["name"] in p.card.text() and "HTTP-TS" in p.card.text())
        asked = []
        p.sig_camera_to_wall.connect(asked.append)
        p.card.linkActivated.emit(f"wall:{listed[0]['id']}")  # the card's 在视频墙播放 link
        assert asked == [listed[0]["id"]] and f'href="wall:{listed[0]["id"]}"' in p.card.text()
        cameras.save_many([{**listed[1], "online": not listed[1]["online"]}])  # news from the platform
        now_online = online + (1 if not listed[1]["online"] else -1)
        assert wait_until(lambda: camera_layer(60, now_online) in tree_texts(p.layer_tree))
    finally:
        runner.shutdown()
        relay.detach(events)
