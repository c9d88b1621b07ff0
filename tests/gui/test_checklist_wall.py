"""The commander's display shows the checklist of the incident on its card: a
compact read-only tree (phase > step > sub-step, state, countdown) under the
card, following moves made at a workstation; hidden when the card is cleared.
CHECKLIST_SHOTS=folder saves the display for a reviewer."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from services.incidents.model import Casualties, Category, Severity
from services.plans.files import example_plans
from services.plans.response import Action
from services.wall.wire import WallCommand
from tests.helpers import draft, wait_until

pytestmark = pytest.mark.gui
CHEM = "8d0f3c2a-5b7e-4f1d-9a6c-0e2b7d4c1a02"
SHOTS = os.environ.get("CHECKLIST_SHOTS")


@pytest.fixture
def chinese():
    from app.i18n_build import I18N_DIR, build

    build()
    translator = QTranslator()
    assert translator.load("watchroom_zh_CN", str(I18N_DIR))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_the_display_lists_the_steps_of_the_incident_on_its_card(qtbot, tmp_path, chinese):
    from app.composition import build_context
    from app.config import load_config
    from app.wall.display import CommanderWindow

    cfg = tmp_path / "c.toml"
    cfg.write_text('config_version = 1\n[mirror]\npath = "wall.db"\n[logging]\nfile = "w.log"\n', encoding="utf-8")
    ctx = build_context(load_config(cfg))
    display = None
    try:
        ctx.plans.save_many(example_plans(), share=False)
        incident = ctx.incidents.create_incident(draft(
            ctx.incidents.clock, category=Category.ACCIDENT, type_code="hazardous_chemicals", severity=Severity.IV,
            title="江北区化工厂氯气泄漏", casualties=Casualties(deaths=3)), "张三")
        ctx.responses.decide(incident.id, Action.START, level="III", reason="死亡 3 人", author="张三", plan_id=CHEM,
                             plan_version="2026.1", plan_title="危险化学品泄漏事故应急预案（示例）")
        display = CommanderWindow(ctx, wall_id="hall")
        display.resize(1600, 900)
        display.show()
        assert display.apply(WallCommand(id="c1", kind="show_incident_card", incident_id=incident.id)).problem == ""
        assert display.steps.isVisible() and len(display.steps.steps) >= 9
        phases = [display.steps.topLevelItem(i).text(0) for i in range(display.steps.topLevelItemCount())]
        assert phases[0] == "先期处置" and display.steps.isColumnHidden(4)
        h2 = next(s for s in display.steps.steps if s.key == "h2")
        ctx.checklists.move(h2.id, "done", author="李四")  # at a workstation: the display follows
        assert wait_until(lambda: next(s for s in display.steps.steps if s.key == "h2").state == "done", 5)
        if SHOTS:
            Path(SHOTS).mkdir(parents=True, exist_ok=True)
            display.grab().save(str(Path(SHOTS) / "commander_checklist.png"))
        display.apply(WallCommand(id="c2", kind="show_incident_card", incident_id=""))
        assert not display.steps.isVisible()
    finally:
        if display is not None:
            display.close()
        ctx.close()
