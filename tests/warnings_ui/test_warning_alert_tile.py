"""A new red or orange warning of the room's region pops up with the roll-call
sound once, and Enter acknowledges it for good (kept beside the mirror, so a
restart does not sound it again); yellow, outside the region, or already held
at the first start: no pop-up. The dashboard tile: the four counts, red first."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt

from tests.helpers import wait_until
from tests.warnings_ui.helpers import add, circle, codes_only, warning
from views.warnings.alert import WarningAlertWatcher, in_region
from views.warnings.tile import WarningCountsTile
from widgets.alert_sound import AlertSound

pytestmark = pytest.mark.gui
TZ = ZoneInfo("Asia/Shanghai")
CHONGQING = (28.1, 32.3, 105.2, 110.2)


def watcher_for(world, seen_file=None, **kw) -> WarningAlertWatcher:
    return WarningAlertWatcher(world.warnings, world.runner, world.relay, now=world.clock.now, tz=TZ,
                               seen_file=seen_file, box=CHONGQING, alert=AlertSound(None), **kw)


def test_a_new_red_warning_pops_up_once(qtbot, world, tmp_path):
    seen = tmp_path / "seen.json"
    held, = add(world, warning("H0"))  # already here at the first start
    watcher = watcher_for(world, seen)
    watcher.refresh()
    assert wait_until(lambda: not watcher._first)
    assert watcher.prompt is None and held in watcher.seen
    add(world, warning("Y1", colour="yellow"), warning("F1", colour="orange", areas=circle(39.9, 116.4)))
    red, = add(world, warning("R1", headline="<b>暴雨</b>红色预警"))
    assert wait_until(lambda: watcher.prompt is not None)
    prompt = watcher.prompt
    assert prompt.warning.id == red and watcher.alert.played == 1
    qtbot.keyClick(prompt.ack_button, Qt.Key.Key_Return)
    assert wait_until(lambda: watcher.prompt is None)
    assert red in watcher.seen
    add(world, warning("Y2", colour="yellow"))  # another change: no pop-up again for the red one
    watcher.refresh()
    qtbot.wait(300)
    assert watcher.prompt is None and watcher.alert.played == 1
    again = watcher_for(world, seen)  # restarted: acknowledged ones stay acknowledged
    again.refresh()
    qtbot.wait(300)
    assert again.prompt is None and red in again.seen


def test_the_region_by_division_code_prefix():
    assert in_region(warning("A", areas=codes_only("500103")), ("50",))
    assert not in_region(warning("A", areas=codes_only("110101")), ("50",))
    assert in_region(warning("A", areas=circle()), (), CHONGQING)
    assert not in_region(warning("A", areas=circle(39.9, 116.4)), (), CHONGQING)
    assert in_region(warning("A", areas=circle(39.9, 116.4)))  # nothing configured: every warning


def test_the_dashboard_tile_counts_by_colour(qtbot, world):
    tile = WarningCountsTile(world.warnings, world.runner, world.relay, now=world.clock.now)
    qtbot.addWidget(tile)
    tile.show()
    tile.refresh()
    assert wait_until(lambda: tile.counts == {"red": 0, "orange": 0, "yellow": 0, "blue": 0})
    add(world, warning("R1"), warning("R2"), warning("O1", colour="orange"), warning("B1", colour="blue"))
    assert wait_until(lambda: tile.counts == {"red": 2, "orange": 1, "yellow": 0, "blue": 1})
    assert [tile.values[c].text() for c in ("red", "orange", "yellow", "blue")] == ["2", "1", "0", "1"]
    layout = tile.layout().itemAt(1).layout()
    assert layout.itemAtPosition(0, 0).widget() is tile.values["red"]  # red first
    with qtbot.waitSignal(tile.sig_activated, timeout=1000):
        qtbot.keyClick(tile, Qt.Key.Key_Return)
