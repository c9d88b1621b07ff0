"""The 密级 choice in the resource and camera import dialogs (only the levels
up to this workstation's clearance, the chosen one is what the service saves)
and the badge in the map's nearest list for anything above 公开."""

from __future__ import annotations

import random

from services.cameras.store import CameraStore
from services.plans.store import PlanStore
from services.resources.store import ResourceStore
from tests.helpers import resource_record
from views.common.clearance_labels import Levels
from views.common.task_runner import TaskRunner
from views.map.import_dialog import ImportResourcesDialog
from views.map.nearest import NearestList
from views.video.import_dialog import ImportCamerasDialog
from widgets.level_badge import LEVEL_ROLE

SECRET = 2


def test_import_dialogs_offer_up_to_the_clearance_and_save_the_choice(qtbot, mirror, clock):
    mirror.set_meta([("clearance", str(SECRET))])
    runner = TaskRunner()
    try:
        resources = ResourceStore(mirror, clock=clock)
        dialog = ImportResourcesDialog(resources, runner)
        qtbot.addWidget(dialog)
        combo = dialog.level_combo
        assert [combo.itemData(i) for i in range(combo.count())] == [0, 1, SECRET]
        assert combo.level() == 1  # 内部 preselected
        combo.setCurrentIndex(combo.findData(SECRET))
        record = resource_record(random.Random(2), 1)
        dialog.saver()([record])
        assert resources.get(record["id"]).level == SECRET
        cameras = ImportCamerasDialog(CameraStore(mirror, clock=clock), runner)
        qtbot.addWidget(cameras)
        assert cameras.level_combo.count() == 3 and cameras.level_combo.level() == 1
    finally:
        runner.shutdown()


def test_a_lower_workstation_is_offered_nothing_above_it(qtbot, mirror, clock):
    runner = TaskRunner()  # a mirror the platform has not filled yet counts at 内部
    try:
        dialog = ImportCamerasDialog(CameraStore(mirror, clock=clock), runner)
        qtbot.addWidget(dialog)
        assert [dialog.level_combo.itemData(i) for i in range(dialog.level_combo.count())] == [0, 1]
    finally:
        runner.shutdown()


def test_the_nearest_list_shows_the_badge_above_public(qtbot, mirror, clock):
    mirror.set_meta([("clearance", str(SECRET))])
    store = ResourceStore(mirror, clock=clock)
    rng = random.Random(3)
    secret, public = resource_record(rng, 0), resource_record(rng, 4)
    store.save_many([secret], level=SECRET, share=False)
    store.save_many([public], level=0, share=False)
    view = NearestList()
    qtbot.addWidget(view)
    view.levels = Levels(*store.levels())
    view.show_results({"team": [(p, 100.0) for p in store.points()]})
    top = view.topLevelItem(0)
    badges = {top.child(i).text(0): top.child(i).data(0, LEVEL_ROLE) for i in range(top.childCount())}
    assert badges == {secret["name"]: "秘密", public["name"]: ""}
    assert PlanStore(mirror, clock=clock).levels() == (SECRET, Levels(*store.levels()).names)
