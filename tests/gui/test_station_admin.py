"""监测站管理 (views/monitoring/station_admin.py, station_form.py) over a real
mirror: the demo's eight stations listed and filtered, the empty state, a new
station and an edit written as one mirror row with its outbox op, every bad
form value refused in Chinese-ready words with nothing written, the kind's
levels (警戒/保证 for rivers), and a read-only list for other roles."""

from __future__ import annotations

import json
import os
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from offline_cache.monitoring_schema import StationRow
from offline_cache.schema import OutboxRow
from server.monitoring_demo import demo_station_records, demo_value
from services.input_checks import CHINA
from services.monitoring.station_editor import StationEditor
from services.monitoring.store import StationStore
from tests.gui.monitoring_feed import feed, readings
from tests.helpers import wait_until
from views.common.event_relay import DomainEventRelay
from views.common.task_runner import TaskRunner
from views.monitoring.station_admin import StationAdminPanel

pytestmark = pytest.mark.gui
TZ = ZoneInfo("Asia/Shanghai")
SHOTS = Path(os.environ.get("WATCHROOM_SHOTS", "/tmp/station-editor-shots"))


@pytest.fixture
def chinese(qapp):
    """The watch room's language, so the screenshots show what the officer reads."""
    from app.i18n import install_language
    from app.i18n_build import build

    build()  # this slice's catalogue (resources/i18n/station_editor_zh_CN.ts) with the rest
    translators = install_language(qapp, "zh_CN")
    yield
    for tr in translators:
        qapp.removeTranslator(tr)


@pytest.fixture
def desk(qtbot, mirror, events, clock, chinese):
    relay, runner = DomainEventRelay(), TaskRunner()
    relay.attach(events)
    editor = StationEditor(mirror, events, clock, region=CHINA)
    role = {"editor": True}

    def make():
        panel = StationAdminPanel(StationStore(mirror), editor, runner, relay, tz=TZ, region=CHINA,
                                  may_edit=lambda: role["editor"])
        qtbot.addWidget(panel)
        panel.resize(1100, 420)
        panel.show()
        return panel

    yield make, role
    runner.shutdown()
    relay.detach(events)


def shown(panel, qtbot) -> int:
    with qtbot.waitSignal(panel.sig_shown, timeout=5000) as blocker:
        panel.reload()
    return blocker.args[0]


def settled(panel, qtbot) -> None:
    """No read under way or waiting: the list shows the mirror as it is."""
    panel.reload()
    wait_until(lambda: not panel.reading and not panel._soon.isActive(), timeout=5)


def shot(widget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / name))


def ops(mirror) -> list[OutboxRow]:
    with mirror.read() as s:
        return list(s.scalars(select(OutboxRow).where(OutboxRow.entity == "station").order_by(OutboxRow.seq)))


def station_count(mirror) -> int:
    with mirror.read() as s:
        return int(s.scalar(select(func.count()).select_from(StationRow)))


def fill(form, **values) -> None:
    if "kind" in values:
        form.kind.setCurrentIndex(form.kind.findData(values.pop("kind")))
    for name, text in values.items():
        edit = form.level_edits.get(name) or form.rule_edits.get(name) or getattr(form, name)
        edit.setText(text)


def test_the_demo_stations_are_listed_filtered_and_the_empty_state_says_what_to_do(desk, mirror, events, clock,
                                                                                    qtbot):
    make, role = desk
    panel = make()
    assert shown(panel, qtbot) == 0
    assert panel.empty.isVisible() and "Ctrl+N" in panel.empty.text()
    shot(panel, "station_admin_empty.png")
    records = demo_station_records()
    records[0]["level"] = "alert"  # 寸滩 above its 警戒 level, as the platform's engine would say
    feed(mirror, events, clock.now(), "station", records)
    feed(mirror, events, clock.now(), "reading", [
        *(r for i, rec in enumerate(records) for r in readings(rec["id"], clock.now() - timedelta(minutes=5),
                                                               [demo_value(i, clock.now(), None) if i else rec["thresholds"]["alert"] + 0.4]))])
    wait_until(lambda: panel.model.rowCount() == 8, timeout=5)
    settled(panel, qtbot)
    assert sum(bool(panel.cell(r, 5)) for r in range(8)) == 8
    assert panel.table.isVisible() and not panel.empty.isVisible()
    shot(panel, "station_admin_list.png")
    panel.kind_filter.setCurrentIndex(panel.kind_filter.findData("river"))
    rivers = panel.model.rowCount()
    assert 0 < rivers < 8 and all(s.kind.value == "river" for s in panel.visible())
    panel.search.setText("no such station anywhere")
    assert panel.model.rowCount() == 0 and "8" in panel.empty.text()
    role["editor"] = False
    viewer = make()
    assert shown(viewer, qtbot) == 8
    assert not viewer.new_button.isEnabled() and not viewer.edit_button.isEnabled()
    assert viewer.new_station() is None and viewer.edit_current() is None
    assert "Read only" in viewer.status.text() or "只读" in viewer.status.text()


def test_a_new_station_and_an_edit_are_mirror_rows_with_their_ops(desk, mirror, qtbot):
    make, _ = desk
    panel = make()
    shown(panel, qtbot)
    panel.activateWindow()  # shortcuts answer in the active window only
    wait_until(lambda: QApplication.activeWindow() is panel, timeout=5)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = panel.forms[-1]
    assert form.kind.currentData() == "rain" and set(form.level_edits) == {"blue", "yellow", "orange", "red"}
    fill(form, kind="river", name="嘉陵江井口站", code="60105450", org="重庆市水文监测总站", place="沙坪坝区井口",
         lat="29.6462", lon="106.4526", alert="183.5", guarantee="186.0", margin="0.3", min_duration_s="300",
         rate_per_h="0.5")
    assert set(form.level_edits) == {"alert", "guarantee"} and form.unit.text() == "m"
    with qtbot.waitSignal(form.sig_saved, timeout=5000):
        form.save()
    created = ops(mirror)[-1]
    payload = json.loads(created.payload)
    assert created.op == "create" and payload["thresholds"] == {"alert": 183.5, "guarantee": 186.0}
    assert payload["rules"] == {"margin": 0.3, "min_duration_s": 300.0, "rate_per_h": 0.5, "rate_level": "alert"}
    assert payload["unit"] == "m" and payload["name"] == "嘉陵江井口站"
    wait_until(lambda: panel.model.rowCount() == 1, timeout=5)
    settled(panel, qtbot)
    assert "Not yet sent" in panel.cell(0, 7) or "待" in panel.cell(0, 7)
    panel.table.selectRow(0)
    panel.activateWindow()  # the form had it
    wait_until(lambda: QApplication.activeWindow() is panel, timeout=5)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    edit = panel.forms[-1]
    assert edit.name.text() == "嘉陵江井口站" and edit.level_edits["alert"].text() == "183.5"
    fill(edit, guarantee="187.2")
    with qtbot.waitSignal(edit.sig_saved, timeout=5000):
        edit.save()
    update = ops(mirror)[-1]
    assert update.op == "update" and update.base_version == 1
    assert json.loads(update.payload) == {"fields": {"thresholds": {"alert": 183.5, "guarantee": 187.2}}}


BAD = [
    ({"name": ""}, "name", "required"),
    ({"lat": "abc"}, "lat", "not_number"),
    ({"lat": ""}, "lat", "not_number"),
    ({"lat": "95"}, "lat", "out_of_range"),
    ({"lon": "-181"}, "lon", "out_of_range"),
    ({"lat": "106.45", "lon": "29.64"}, "coordinates", "swapped"),
    ({"lat": "48.85", "lon": "2.35"}, "coordinates", "outside_region"),
    ({"alert": "186", "guarantee": "183"}, "guarantee", "not_rising"),
    ({"alert": "186", "guarantee": "186"}, "guarantee", "not_rising"),
    ({"alert": "high"}, "alert", "not_number"),
    ({"alert": "99999"}, "alert", "physical_range"),
    ({"kind": "gas", "blue": "10", "red": "150"}, "red", "physical_range"),
    ({"kind": "rain", "blue": "50", "yellow": "30"}, "yellow", "not_rising"),
    ({"margin": "-1"}, "margin", "negative"),
    ({"min_duration_s": "90000"}, "min_duration_s", "too_big"),
    ({"rate_per_h": "fast"}, "rate_per_h", "not_number"),
]


@pytest.mark.parametrize(("values", "field", "code"), BAD, ids=[f"{f}-{c}-{i}" for i, (_, f, c) in enumerate(BAD)])
def test_every_bad_value_is_refused_in_the_form_and_nothing_is_written(desk, mirror, qtbot, values, field, code):
    from services.monitoring.station_editor import draft_problems

    make, _ = desk
    panel = make()
    shown(panel, qtbot)
    form = panel.new_station()
    fill(form, kind="river", name="嘉陵江井口站", lat="29.6462", lon="106.4526", alert="183.5", guarantee="186.0")
    fill(form, **values)
    problems = draft_problems(form.draft(), CHINA)
    assert (field, code) in [(p.field, p.code) for p in problems]
    form.save()
    assert form.problems.isVisible() and form.problems.text().count("\n") >= 1
    assert form.isVisible() and station_count(mirror) == 0 and ops(mirror) == []
    if field == "guarantee" and values.get("guarantee") == "183":
        QApplication.processEvents()  # the threshold rows the kind put in are shown
        form.resize(520, form.sizeHint().height())
        shot(form, "station_form_refused.png")


def test_a_station_the_platform_refused_shows_the_reason_in_the_list(desk, mirror, qtbot):
    """The reason as the platform words it (tests/sync/test_station_editor_sync.py
    has it come back through a live platform); here the outbox holds it."""
    from sqlalchemy import update

    make, _ = desk
    panel = make()
    shown(panel, qtbot)
    form = panel.new_station()
    fill(form, kind="river", name="嘉陵江井口站", lat="29.6462", lon="106.4526", alert="183.5")
    with qtbot.waitSignal(form.sig_saved, timeout=5000):
        form.save()
    reason = ("只有管理员和值班长可以新建或修改监测站 (account duty (role duty_officer) may not create or edit stations: "
              "only admin and duty_chief)")
    with mirror.write() as s:
        s.execute(update(OutboxRow).where(OutboxRow.entity == "station").values(state="rejected", last_error=reason))
    settled(panel, qtbot)
    assert panel.model.rowCount() == 1
    assert "值班长" in panel.cell(0, 7) and panel.cell(0, 7, Qt.ItemDataRole.ToolTipRole) == reason
    shot(panel, "station_admin_refused.png")
