"""摄像头目录: groups by path with online counts, search, drag data."""

from __future__ import annotations

from services.cameras.store import CameraStore
from services.demo_cameras import demo_cameras
from tests.helpers import wait_until
from views.common.event_relay import DomainEventRelay
from views.common.task_runner import TaskRunner
from views.video.catalog_tree import CAMERA_MIME, CameraCatalogTree


def leaves(tree) -> list:
    out, stack = [], [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while stack:
        item = stack.pop()
        if item.childCount() == 0:
            out.append(item)
        stack += [item.child(i) for i in range(item.childCount())]
    return out


def test_tree_counts_search_and_drag(qtbot, mirror, events, clock):
    store = CameraStore(mirror, events, clock)
    cameras = demo_cameras(40)
    store.save_many(cameras)
    relay, runner = DomainEventRelay(), TaskRunner()
    relay.attach(events)
    view = CameraCatalogTree(store, runner, relay)
    qtbot.addWidget(view)
    try:
        assert wait_until(lambda: len(leaves(view.tree)) == 40)
        top = view.tree.topLevelItem(0).text(0)
        online = sum(c["online"] for c in cameras)
        assert top.startswith("重庆市") and f"{online}/40" in top
        view.search.setText(cameras[5]["name"])
        assert wait_until(lambda: [i.data(0, 256) for i in leaves(view.tree)] and
                          cameras[5]["id"] in [i.data(0, 256) for i in leaves(view.tree)])
        item = next(i for i in leaves(view.tree) if i.data(0, 256) == cameras[5]["id"])
        data = view.tree.mimeData([item])
        assert bytes(data.data(CAMERA_MIME)).decode() == cameras[5]["id"]
        with qtbot.waitSignal(view.sig_camera_activated) as activated:
            view.tree.itemActivated.emit(item, 0)
        assert activated.args == [cameras[5]["id"]]
    finally:
        runner.shutdown()
        relay.detach(events)


def test_import_dialog_lists_problems_in_chinese_then_imports(qtbot, qapp, mirror, events, clock, tmp_path):
    from app.i18n import install_language
    from views.video.import_dialog import ImportCamerasDialog

    translators = install_language(qapp, "zh_CN")
    store = CameraStore(mirror, events, clock)
    runner = TaskRunner()
    try:
        dialog = ImportCamerasDialog(store, runner)
        qtbot.addWidget(dialog)
        bad = tmp_path / "bad.csv"
        bad.write_bytes("编号,名称,纬度,经度,主码流\nA1,东口,29.5,106.5,ftp://x\nA1,西口,106.5,29.5,\n"
                        .encode("gbk"))
        dialog.path_edit.setText(str(bad))
        dialog.on_import()
        assert wait_until(lambda: dialog.errors.rowCount() == 3, 5)
        problems = {dialog.errors.item(n, 2).text() for n in range(3)}
        assert "纬度和经度可能填反了" in problems and "与第 2 行的编号重复" in problems
        assert "未导入" in dialog.message.text() and store.all() == []
        hostile = tmp_path / "evil.xml"
        hostile.write_text('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                           "<Response>&e;</Response>", encoding="utf-8")
        dialog.path_edit.setText(str(hostile))
        dialog.on_import()
        assert wait_until(lambda: "DTD" in dialog.message.text(), 5)
        catalog = tmp_path / "catalog.xml"
        catalog.write_bytes('<?xml version="1.0" encoding="GB2312"?><Response><CmdType>Catalog</CmdType>'
                            "<DeviceList><Item><DeviceID>50010300001320000001</DeviceID><Name>解放碑</Name>"
                            "<CivilCode>500103</CivilCode><Status>ON</Status><Longitude>106.577</Longitude>"
                            "<Latitude>29.557</Latitude></Item></DeviceList></Response>".encode("gb2312"))
        dialog.path_edit.setText(str(catalog))
        dialog.template_edit.setText("rtsp://10.0.0.5:554/{id}")
        dialog.on_import()
        assert wait_until(lambda: "新增 1" in dialog.message.text(), 5)
        camera = store.all()[0]
        assert camera.name == "解放碑" and camera.main_url == "rtsp://10.0.0.5:554/50010300001320000001"
    finally:
        runner.shutdown()
        for tr in translators:
            qapp.removeTranslator(tr)
