"""起草预警 and its approval: the draft dialog makes a warning the CAP export
and checker accept (from scratch and from an incident), refuses what is
missing in words by field, and the card offers each role only its moves
(an officer submits, a commander issues or returns with a reason)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest

from services.warnings.cap_check import check_document
from services.warnings.cap_export import export_cap
from tests.helpers import draft, wait_until
from views.warnings.draft_dialog import DraftDialog
from views.warnings.panel import WarningsPanel

pytestmark = pytest.mark.gui
TZ = ZoneInfo("Asia/Shanghai")


def dialog_for(qtbot, world, **kw) -> DraftDialog:
    d = DraftDialog(world.warning_service.save_draft, world.runner, tz=TZ, now=world.clock.now,
                    sender="cq.yjj@example", sender_name="重庆市应急局", **kw)
    qtbot.addWidget(d)
    d.show()
    return d


def test_the_draft_dialog_makes_a_valid_warning(qtbot, world):
    d = dialog_for(qtbot, world)
    d.event_edit.setText("暴雨")
    d.colour_combo.setCurrentIndex(d.colour_combo.findData("orange"))
    d.headline_edit.setText("市应急局发布暴雨橙色预警")
    d.description_edit.setPlainText("预计未来6小时降雨量将达50毫米以上。")
    d.instruction_edit.setPlainText("停止户外作业。")
    d.area_edit.setText("渝中区")
    d.lat_edit.setText("29.5630")
    d.lon_edit.setText("106.5516")
    d.english_box.setChecked(True)
    d.en_event_edit.setText("Rainstorm")
    d.en_headline_edit.setText("Orange rainstorm warning")
    d.on_submit()
    assert wait_until(lambda: d.saved is not None)
    saved = world.warnings.get(d.saved.id)
    assert (saved.issue_state, saved.origin, saved.colour) == ("draft", "local", "orange")
    assert saved.areas[0].circles[0].radius_km == 10.0 and saved.identifier
    assert saved.onset.utcoffset().total_seconds() == 0 and saved.expires > saved.onset
    result = check_document(export_cap(saved))
    assert result.valid, result.errors


def test_missing_fields_are_named_and_nothing_is_saved(qtbot, world):
    d = dialog_for(qtbot, world)
    d.codes_radio.setChecked(True)
    d.codes_edit.setText("5001 abc")
    d.expires_edit.setDateTime(d.onset_edit.dateTime())
    d.on_submit()
    messages = d.message_panel.messages
    assert len(messages) >= 4 and d.saved is None
    assert any("5001" in m for m in messages)
    assert world.warnings.all(True) == []


def test_a_draft_from_an_incident_takes_its_place(qtbot, world):
    incident = world.incidents.create_incident(draft(world.clock, lat=29.6, lon=106.4), "陈晓")
    d = dialog_for(qtbot, world, incident=incident)
    assert d.headline_edit.text() == incident.title and d.lat_edit.text() == "29.600000"
    assert d.incident_id == incident.id


@pytest.fixture
def panel_as(qtbot, world):
    def make(role):
        p = WarningsPanel(world.warnings, world.warning_service, world.runner, world.relay, tz=TZ,
                          now=world.clock.now, role=lambda: role, incidents=world.incidents)
        qtbot.addWidget(p)
        p.show()
        return p
    return make


def visible(panel) -> set[str]:
    return {k for k, b in panel.card.buttons.items() if b.isVisibleTo(panel)}


def select_only(panel) -> None:
    assert wait_until(lambda: panel.list.topLevelItemCount() == 1)
    panel.list.setCurrentItem(panel.list.topLevelItem(0))


def test_approval_buttons_per_role(panel_as, world, monkeypatch):
    d = world.warning_service.save_draft(_draft_warning(world))
    officer = panel_as("duty_officer")
    officer.scope_combo.setCurrentIndex(officer.scope_combo.findData("all"))
    select_only(officer)
    assert visible(officer) == {"link", "export", "edit", "submit"}
    officer.card.buttons["submit"].click()
    assert wait_until(lambda: world.warnings.get(d.id).issue_state == "pending")
    commander = panel_as("commander")
    commander.scope_combo.setCurrentIndex(commander.scope_combo.findData("pending"))
    select_only(commander)
    assert visible(commander) == {"export", "approve", "return"}
    assert wait_until(lambda: visible(officer) == {"link", "export"})  # pending: nothing more for the officer
    viewer = panel_as("viewer")
    viewer.scope_combo.setCurrentIndex(viewer.scope_combo.findData("all"))
    select_only(viewer)
    assert visible(viewer) == {"export"} and not viewer.draft_button.isVisibleTo(viewer)
    # 退回 with a reason, then submitted again and 签发.
    monkeypatch.setattr("views.warnings.actions.QInputDialog.getText", lambda *a, **k: ("范围写错了", True))
    commander.card.buttons["return"].click()
    assert wait_until(lambda: world.warnings.get(d.id).issue_state == "draft")
    world.warning_service.submit(d.id)
    monkeypatch.setattr("views.warnings.actions.ask", lambda *a: True)
    assert wait_until(lambda: commander.list.topLevelItemCount() == 1)
    commander.list.setCurrentItem(commander.list.topLevelItem(0))
    commander.card.buttons["approve"].click()
    assert wait_until(lambda: world.warnings.get(d.id).issue_state == "issued")


def _draft_warning(world):
    from dataclasses import replace

    from tests.warnings_ui.helpers import circle, warning

    return replace(warning("", areas=circle()), origin="local", issue_state="draft", sender="cq.yjj@example")
