"""The 处置流程 panel, in Chinese and by keyboard: the selected incident's
checklist as phase > step > sub-step; Space ticks, N asks for the reason of
不适用, R for a remark, Backspace reopens with a reason; a parent with open
sub-steps is refused with the reason and stays as it was; an overdue step is
red with the reports' countdown badge; the empty state says what to do.
CHECKLIST_SHOTS=folder saves what a reviewer looks at."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from services.incidents.model import Casualties, Category, Severity
from services.plans.checklists import ChecklistService
from services.plans.files import example_plans
from services.plans.response import Action
from services.plans.responses import ResponseService
from services.plans.store import PlanStore
from tests.helpers import draft, wait_until
from views.common.event_relay import DomainEventRelay
from views.common.task_runner import TaskRunner

pytestmark = pytest.mark.gui
SHOTS = os.environ.get("CHECKLIST_SHOTS")
CHEM = "8d0f3c2a-5b7e-4f1d-9a6c-0e2b7d4c1a02"


@pytest.fixture
def chinese():
    from app.i18n_build import I18N_DIR, build

    build()
    translator = QTranslator()
    assert translator.load("watchroom_zh_CN", str(I18N_DIR))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


@pytest.fixture
def scene(qtbot, mirror, clock, events, incident_service, chinese):
    from views.plans.checklist_view import ChecklistPanel

    PlanStore(mirror, clock=clock).save_many(example_plans(), share=False)
    incident = incident_service.create_incident(draft(
        clock, category=Category.ACCIDENT, type_code="hazardous_chemicals", severity=Severity.IV,
        casualties=Casualties(deaths=3)), "张三")
    ResponseService(mirror, events, clock).decide(incident.id, Action.START, level="III", reason="死亡 3 人",
                                                  author="张三", plan_id=CHEM, plan_version="2026.1")
    relay = DomainEventRelay()
    relay.attach(events)
    runner = TaskRunner()
    service = ChecklistService(mirror, events, clock)
    panel = ChecklistPanel(service, runner, relay, author="张三", clock=clock)
    qtbot.addWidget(panel)
    panel.resize(1000, 640)
    panel.show()
    yield panel, service, incident
    runner.shutdown()
    relay.detach(events)


def shot(widget, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def states(service, incident_id) -> dict[str, str]:
    return {s.key: s.state for s in service.steps(incident_id)}


def shown(panel, incident_id, qtbot) -> None:
    with qtbot.waitSignal(panel.sig_shown, timeout=5000):
        panel.set_incident(incident_id)


def select(panel, key: str) -> None:
    step = next(s for s in panel.tree.steps if s.key == key)
    panel.tree.select_step(step.id)


def shown_state(panel, key: str) -> str:
    return next(s.state for s in panel.tree.steps if s.key == key)


def dialog_answer(panel, text: str) -> None:
    assert wait_until(lambda: panel.dialog is not None and panel.dialog.isVisible(), 5)
    panel.dialog.setTextValue(text)
    panel.dialog.accept()
    panel.dialog = None


def test_no_incident_says_what_to_do(scene, qtbot):
    panel, _service, _incident = scene
    shown(panel, "", qtbot)
    assert panel.empty.showing and not panel.keys.isVisible()
    assert "选择" in panel.empty.text() and "处置流程" in panel.empty.text()
    shot(panel, "checklist_empty")


def test_the_keyboard_ticks_marks_remarks_and_reopens(scene, qtbot, clock):
    panel, service, incident = scene
    shown(panel, incident.id, qtbot)
    tree = panel.tree
    phases = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert phases[:3] == ["先期处置", "响应启动", "应急处置"]
    assert tree.topLevelItem(0).child(0).child(0).text(0) == "查询危险源和周边防护目标"
    assert "2026.1" in panel.heading.text()
    select(panel, "h2")
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    assert wait_until(lambda: states(service, incident.id)["h2"] == "in_progress", 5)
    assert wait_until(lambda: shown_state(panel, "h2") == "in_progress", 5)
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert wait_until(lambda: states(service, incident.id)["h2"] == "done", 5)
    # the parent h1 with its open sub-step: refused with the reason, nothing changed
    assert wait_until(lambda: shown_state(panel, "h2") == "done", 5)
    select(panel, "h1")
    qtbot.keyClick(tree, Qt.Key.Key_Space)  # 未开始 → 进行中 is allowed
    assert wait_until(lambda: states(service, incident.id)["h1"] == "in_progress", 5)
    assert wait_until(lambda: shown_state(panel, "h1") == "in_progress", 5)
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    assert wait_until(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox)
                      or panel.findChild(QMessageBox, "checklist_refused") is not None, 5)
    box = panel.findChild(QMessageBox, "checklist_refused")
    assert "子步骤" in box.text()
    box.close()
    assert states(service, incident.id)["h1"] == "in_progress"
    # N: 不适用 with its reason
    select(panel, "h1a")
    qtbot.keyClick(tree, Qt.Key.Key_N)
    dialog_answer(panel, "无周边防护目标")
    assert wait_until(lambda: states(service, incident.id)["h1a"] == "not_applicable", 5)
    # R: a remark
    select(panel, "h2")
    qtbot.keyClick(tree, Qt.Key.Key_R)
    dialog_answer(panel, "119 已回电确认")
    assert wait_until(lambda: next(s for s in service.steps(incident.id) if s.key == "h2").remark == "119 已回电确认",
                      5)
    # Backspace: reopen with a reason
    assert wait_until(lambda: next(s for s in tree.steps if s.key == "h2").remark == "119 已回电确认", 5)
    select(panel, "h2")
    qtbot.keyClick(tree, Qt.Key.Key_Backspace)
    dialog_answer(panel, "消防未确认")
    assert wait_until(lambda: states(service, incident.id)["h2"] == "not_started", 5)
    # the clock passes the due times: the open steps turn red, the closed ones do not
    clock.advance(timedelta(minutes=12))
    panel.tree.refresh_countdowns(clock.now())
    assert wait_until(lambda: next(s for s in tree.steps if s.key == "h2").state == "not_started", 5)
    panel.tree.refresh_countdowns(clock.now())
    item = next(i for i in panel.tree._items() if i.text(0).startswith("通知消防"))
    from widgets.badges import COUNTDOWN_ROLE

    assert item.data(3, COUNTDOWN_ROLE).state == "overdue" and item.foreground(0).color().name() == "#c00000"
    h1a = next(i for i in panel.tree._items() if i.text(0) == "查询危险源和周边防护目标")
    assert h1a.data(3, COUNTDOWN_ROLE).text == "" and h1a.text(1).startswith("不适用")
    shot(panel, "checklist_view")
