"""The warnings panel and the card on a real mirror: the list and its filters,
the card's fields (times in the room's zone, signature, chain, markup as
text), what lies inside the area (each openable), an incident opened from a
warning (系统监测, the area's centre, the times) and linked to it, the CAP
export passing the checker, the checked import, and the empty state."""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from zoneinfo import ZoneInfo

import pytest

from services.incidents.model import Source
from services.warnings.cap_check import check_document
from services.warnings.cap_export import export_cap
from tests.helpers import draft, wait_until
from tests.warnings_ui.helpers import EVIL_HEADLINE, SENT, add, circle, codes_only, ref, warning
from views.warnings.actions import write_cap
from views.warnings.import_dialog import check_bounded
from views.warnings.panel import WarningsPanel

pytestmark = pytest.mark.gui
TZ = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def make_panel(qtbot, world):
    def make(role=None):
        p = WarningsPanel(world.warnings, world.warning_service, world.runner, world.relay, tz=TZ,
                          now=world.clock.now, role=lambda: role, incidents=world.incidents,
                          check=partial(check_bounded, world.warnings.known_ids),
                          export=export_cap, sender="cq.yjj@example", sender_name="重庆市应急局", author="陈晓")
        qtbot.addWidget(p)
        p.resize(700, 900)
        p.show()
        return p
    return make


def rows(panel) -> list[str]:
    return [panel.list.topLevelItem(i).text(2) for i in range(panel.list.topLevelItemCount())]


def choose(panel, warning_id: str) -> None:
    for i in range(panel.list.topLevelItemCount()):
        if panel.list.topLevelItem(i).data(0, 0x0100) == warning_id:
            panel.list.setCurrentItem(panel.list.topLevelItem(i))
            return
    raise AssertionError(f"{warning_id} not listed")


def test_empty_panel_says_what_to_do(make_panel):
    panel = make_panel()
    assert wait_until(lambda: panel.hint.showing)
    assert "Ctrl+O" in panel.hint.text() and "Insert" in panel.hint.text()
    assert not panel.card.buttons["export"].isVisible()


def test_list_filters_red_first(make_panel, world):
    add(world, warning("B", colour="blue", headline="蓝"), warning("R", headline="红"),
        warning("O", colour="orange", headline="橙", areas=circle()))
    world.warning_service.save_draft(warning("D", colour="yellow", headline="草稿"))
    panel = make_panel()
    assert wait_until(lambda: rows(panel) == ["红", "橙", "蓝"])  # in force: the draft is not
    panel.colour_combo.setCurrentIndex(panel.colour_combo.findData("orange"))
    assert wait_until(lambda: rows(panel) == ["橙"])
    panel.colour_combo.setCurrentIndex(0)
    panel.scope_combo.setCurrentIndex(panel.scope_combo.findData("all"))
    assert wait_until(lambda: len(rows(panel)) == 4)
    panel.origin_combo.setCurrentIndex(panel.origin_combo.findData("local"))
    assert wait_until(lambda: rows(panel) == ["草稿"])


def test_the_card_shows_the_warning_as_text_with_its_chain(make_panel, world):
    old_id, = add(world, warning("C0", headline="旧预警", sent=SENT.replace(minute=0)))
    old = world.warnings.get(old_id)
    new_id, = add(world, replace(warning("C1", headline=EVIL_HEADLINE, msg_type="Update", references=(ref(old),)),
                                 signature="valid", signed_by="CN=重庆市气象台"))
    panel = make_panel()
    assert wait_until(lambda: len(rows(panel)) == 1)
    choose(panel, new_id)
    body = panel.card.body.text()
    assert "&lt;script&gt;" in body and "<script>" not in body and "<img" not in body
    assert "&lt;b&gt;不是标记&lt;/b&gt;" in body  # the description is text too
    assert "2026-11-22 15:55" in body  # sent 07:55 UTC, shown in Beijing time
    assert "CN=重庆市气象台" in body and "旧预警" in body
    assert panel.card.badge.text().endswith(" · 暴雨")
    panel.show_warning(old_id)  # superseded, so not in force: still reachable, with what replaced it
    assert wait_until(lambda: panel.card.warning is not None and panel.card.warning.id == old_id)
    assert panel.scope_combo.currentData() == "all"
    lines = panel.actions.chain_lines(world.warnings.get(old_id), world.warnings.all(True))
    assert lines == [panel.actions.tr("Updated by %1").replace("%1", EVIL_HEADLINE + " · 2026-11-22 15:55")]
    assert "&lt;script&gt;" in panel.card.body.text()


def test_inside_the_area_lists_an_incident_that_opens(make_panel, world, qtbot):
    incident = world.incidents.create_incident(draft(world.clock, lat=29.56, lon=106.55), "陈晓")
    wid, = add(world, warning("I1"))
    panel = make_panel()
    assert wait_until(lambda: len(rows(panel)) == 1)
    choose(panel, wid)
    assert wait_until(lambda: panel.card.inside.topLevelItem(0).childCount() == 1)
    item = panel.card.inside.topLevelItem(0).child(0)
    with qtbot.waitSignal(panel.sig_incident_wanted, timeout=3000) as wanted:
        panel.card.inside.itemActivated.emit(item, 0)
    assert wanted.args == [incident.id]


def test_a_new_incident_from_a_warning_is_filled_and_linked(make_panel, world):
    wid, = add(world, warning("N1", areas=circle(29.6, 106.5, 8, "北碚区")))
    panel = make_panel()
    assert wait_until(lambda: len(rows(panel)) == 1)
    choose(panel, wid)
    panel.card.buttons["new_incident"].click()
    dialog = panel.actions.dialog
    assert dialog.source_combo.currentData() == Source.SYSTEM
    assert (dialog.lat_edit.text(), dialog.lon_edit.text()) == ("29.600000", "106.500000")
    assert dialog.place_edit.text() == "北碚区" and dialog.title_edit.text() == "暴雨红色预警"
    assert dialog.occurred_at().astimezone(TZ).strftime("%H:%M") == "15:55"
    dialog.on_submit()
    assert wait_until(lambda: world.warnings.get(wid).incident_id != "")
    assert world.warnings.get(wid).incident_id == dialog.created_id


def test_export_passes_the_cap_check(make_panel, world, tmp_path):
    wid, = add(world, warning("X1", areas=circle()))
    path = write_cap(export_cap, world.warnings.get(wid), "Asia/Shanghai", tmp_path / "x.xml")
    assert check_document(path.read_bytes()).valid
    assert oct(path.stat().st_mode & 0o777) == "0o600"


def test_a_checked_import_lists_errors_and_imports_nothing(make_panel, world, tmp_path):
    """Checked in the bounded child process: a DOCTYPE refused with its reason, nothing stored."""
    panel = make_panel()
    bad = tmp_path / "bad.xml"
    bad.write_bytes(b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "y">]><alert>&x;</alert>')
    panel.actions.open_import()
    dialog = panel.actions.dialog
    dialog.path_edit.setText(str(bad))
    dialog.on_import()
    assert wait_until(lambda: dialog.result is not None)
    assert not dialog.result.valid and dialog.errors.rowCount() >= 1
    assert "DOCTYPE" in dialog.errors.item(0, 2).text() or "DTD" in dialog.errors.item(0, 2).text()
    assert world.warnings.all(True) == []
    good = tmp_path / "good.xml"
    good.write_bytes(export_cap(replace(warning("G1", areas=codes_only("500101")), id="g")))
    dialog.path_edit.setText(str(good))
    dialog.on_import()
    assert wait_until(lambda: dialog.outcome is not None)
    assert dialog.outcome.added == 1
    assert wait_until(lambda: len(rows(panel)) == 1)
