"""First impressions: every empty panel says what to do next (in Chinese, the
default language), and the demo's video wall opens on a saved layout of demo
cameras, filling as they arrive from the platform."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from services.cameras.store import CameraStore
from services.demo_cameras import demo_cameras
from services.video.presets import WallPresets
from tests.helpers import draft
from tests.map.helpers import wait_until
from views.common.event_relay import DomainEventRelay
from views.common.task_runner import TaskRunner

pytestmark = pytest.mark.gui


@pytest.fixture
def chinese():
    from app.i18n_build import I18N_DIR, build

    build()
    translator = QTranslator()
    assert translator.load("watchroom_zh_CN", str(I18N_DIR))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_every_empty_panel_says_what_to_do_next(qtbot, tmp_path, chinese):
    from app.composition import build_context
    from app.config import AppConfig
    from app.main_window import MainWindow

    cfg = AppConfig()
    cfg.mirror_path, cfg.log_file = tmp_path / "m.db", tmp_path / "w.log"
    ctx = build_context(cfg)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    try:
        log, board, conference = window.incident_log, window.dispatch_board, window.conference_panel
        assert wait_until(lambda: log.empty_hint.showing and board.hint.showing, 5)
        assert "F2" in log.empty_hint.text() and "来电登记" in log.empty_hint.text()
        assert "F6" in board.hint.text() and "先选择一起事件" in board.hint.text()
        assert board.notice_hint.showing and "通知" in board.notice_hint.text()
        assert conference.body.currentWidget() is conference.empty
        assert "先在事件接报中选择一起事件" in conference.empty.text() and "发起会商" in conference.empty.text()
        tiles = window.video_panel.wall.tiles
        assert tiles and all("摄像头目录" in t.hint and "双击" in t.hint for t in tiles)
        assert tiles[0].state_text() == "未选择摄像头"
        assert wait_until(lambda: window.camera_catalog.hint.showing and window.contacts_panel.hint.showing, 5)
        assert "导入摄像头目录" in window.camera_catalog.hint.text()
        assert "导入" in window.contacts_panel.hint.text() and "文件" in window.contacts_panel.hint.text()
        assert window.rejected_view.hint.showing and "拒绝" in window.rejected_view.hint.text()
        assert wait_until(lambda: window.plans_panel.hint.showing, 5)
        assert "预案库为空" in window.plans_panel.hint.text() and "导入预案" in window.plans_panel.hint.text()
        assert window.map_panel.results_hint.showing and "最近" in window.map_panel.results_hint.text()
        assert window.findChild(type(window.menuBar().actions()[0]), "action_import_contacts") is not None

        incident = ctx.incidents.create_incident(draft(ctx.incidents.clock), "陈晓")
        assert wait_until(lambda: not log.empty_hint.isVisible(), 5)  # a row: the hint goes
        log.select_incident(incident.id)
        assert wait_until(lambda: "该事件还没有会商" in conference.empty.text(), 5)
        assert "为选中的事件" in board.hint.text()
    finally:
        window.video_panel.wall.stop_all()
        window.close()
        ctx.close()


def test_the_demo_wall_opens_on_its_layout_as_the_cameras_arrive(qtbot, mirror, events, clock):
    from app.workspace.demo_wall import DEMO_LAYOUT, demo_wall_cameras, save_demo_wall
    from views.video.panel import VideoWallPanel

    relay, runner = DomainEventRelay(), TaskRunner()
    relay.attach(events)
    cameras, presets = CameraStore(mirror, events, clock), WallPresets(mirror)
    chosen = demo_wall_cameras()
    catalog = {c["id"]: c for c in demo_cameras(300)}
    assert len(chosen) == 9 and all(catalog[cid]["online"] for cid in chosen.values())
    assert len({catalog[cid]["sub_url"] for cid in chosen.values()}) == 9  # nine different streams
    panel = VideoWallPanel(cameras, presets=presets, runner=runner, relay=relay)
    qtbot.addWidget(panel)
    try:
        save_demo_wall(presets, clock.now())
        assert save_demo_wall(presets, clock.now()).cameras == chosen  # kept, not written twice
        panel.open_layout(DEMO_LAYOUT)
        assert panel.wall.assigned == {} and panel.preset_combo.currentData() == DEMO_LAYOUT  # no cameras yet
        cameras.save_many(demo_cameras(300))  # the first exchange with the platform brings them
        assert wait_until(lambda: len(panel.wall.assigned) == 9, 5)
        assert panel.wall.layout_name == "9" and panel.layout_combo.currentData() == "9"
        assert {i: c.id for i, c in panel.wall.assigned.items()} == chosen
        assert DEMO_LAYOUT in panel.status.text()
    finally:
        panel.wall.stop_all()
        runner.shutdown()
        relay.detach(events)
