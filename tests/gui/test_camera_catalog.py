"""摄像头目录: groups by path with online counts, search, drag data."""

from __future__ import annotations

from services.cameras.store import CameraStore
from services.demo_cameras import demo_cameras
from tests.map.helpers import wait_until
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
