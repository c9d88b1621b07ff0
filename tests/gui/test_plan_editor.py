"""The administrator's plan editor and regulation editor, and the knowledge
search, in Chinese: a new plan from the form (taxonomy ticks, the structure's
TOML, Ctrl+S), every TOML problem listed by path with 保存 off while any,
Esc asking before edits are lost, a non-admin refused; 知识检索 finding plans
and regulations with one character and opening a hit on Enter, its empty
states, a regulation's text and a plan's attached regulations.
PLANS_SHOTS=folder saves what a reviewer looks at."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QMessageBox

from services.plans.files import example_plans
from services.plans.regulations import RegulationStore, example_regulations
from services.plans.responses import ResponseService
from services.plans.store import PlanStore
from tests.helpers import wait_until
from views.common.event_relay import DomainEventRelay
from views.common.task_runner import TaskRunner

pytestmark = pytest.mark.gui
SHOTS = os.environ.get("PLANS_SHOTS")
FLOOD = "8d0f3c2a-5b7e-4f1d-9a6c-0e2b7d4c1a01"


@pytest.fixture
def chinese():
    from app.i18n_build import I18N_DIR, build

    build()
    translator = QTranslator()
    assert translator.load("watchroom_zh_CN", str(I18N_DIR))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def make_panel(qtbot, mirror, clock, events, incident_service, *, admin: bool = True):
    from views.plans.panel import PlansPanel

    relay = DomainEventRelay()
    relay.attach(events)
    runner = TaskRunner()
    store = PlanStore(mirror, events, clock)
    regulations = RegulationStore(mirror, events, clock)
    panel = PlansPanel(store, ResponseService(mirror, events, clock), incident_service, runner, relay, author="张三",
                       may_edit=lambda: admin, regulations=regulations)
    qtbot.addWidget(panel)
    panel.resize(1280, 760)
    panel.show()
    panel.reload()
    assert wait_until(lambda: panel.hint.showing, 5)  # the empty library read, before a test adds plans
    return panel, store, regulations, runner, relay


@pytest.fixture
def scene(qtbot, mirror, clock, events, incident_service, chinese):
    panel, store, regulations, runner, relay = make_panel(qtbot, mirror, clock, events, incident_service)
    yield panel, store, regulations
    runner.shutdown()
    relay.detach(events)


def shot(widget, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def problems(dialog) -> list[tuple[str, str]]:
    tree = dialog.problem_list
    return [(tree.topLevelItem(i).text(0), tree.topLevelItem(i).text(1)) for i in range(tree.topLevelItemCount())]


def tick(applies, code: str) -> None:
    for i in range(applies.topLevelItemCount()):
        top = applies.topLevelItem(i)
        for j in range(top.childCount()):
            if top.child(j).data(0, Qt.ItemDataRole.UserRole) == ("types", code):
                top.child(j).setCheckState(0, Qt.CheckState.Checked)


def test_a_new_plan_from_the_form_saved_with_ctrl_s(scene, qtbot):
    panel, store, _regs = scene
    dialog = panel.knowledge.edit_plan(None)
    assert dialog.windowTitle() == "新建预案"
    assert ("标题", "必填") in problems(dialog) and not dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.title, "Landslide plan")
    dialog.issuer.setText("示例区应急管理局")
    dialog.version.setText("2026.1")
    dialog.status.setCurrentIndex(dialog.status.findData("published"))
    tick(dialog.applies, "landslide")
    assert not dialog.save_button.isEnabled()  # checked only after a pause
    assert wait_until(lambda: dialog.problems == [] and dialog.save_button.isEnabled(), 5)
    assert "没有问题" in dialog.summary.text()
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert wait_until(lambda: store.count() == 1, 5)
    [summary] = store.list()
    plan = store.get(summary.id)
    assert (plan.title, plan.issuer, plan.plan_version, plan.status, plan.types) == \
        ("Landslide plan", "示例区应急管理局", "2026.1", "published", ("landslide",))
    assert plan.levels[0]["level"] == "IV" and plan.checklist[0]["id"] == "s1" and plan.pending_sync
    assert wait_until(lambda: panel.shown_plan == plan.id and "Landslide plan" in panel.detail.header.text(), 5)


def test_toml_problems_are_listed_by_path_and_keep_save_off(scene, qtbot, monkeypatch):
    panel, store, _regs = scene
    store.save_many(example_plans(), share=False)
    panel.show_plan_id(FLOOD)
    assert wait_until(lambda: panel.plan is not None and panel.edit_button.isEnabled(), 5)
    dialog = panel.edit_shown_plan()
    assert dialog.windowTitle() == "编辑预案" and dialog.title.text() == "城市内涝灾害应急预案（示例）"
    assert wait_until(lambda: dialog.save_button.isEnabled(), 5)
    shot(dialog, "plan_editor_clean")
    text = dialog.structure.toPlainText()
    bad = text.replace('group = "coord"', 'group = "pumps"', 1).replace('op = ">=", value = 10', 'op = "=~", value = 10', 1)
    bad = bad.replace('id = "s1a"\nparent = "s1"', 'id = "s1a"\nparent = "s1b"', 1)
    bad = bad.replace('id = "s1b"\nparent = "s1"', 'id = "s1b"\nparent = "s1a"', 1)
    dialog.structure.setPlainText(bad)
    assert wait_until(lambda: len(dialog.problems) >= 3, 5)
    listed = problems(dialog)
    assert ("checklist[0].group", "没有此 id 的工作组") in listed
    assert ("levels[0].conditions.any[0].op", "未知的比较符") in listed
    assert any(where.endswith(".parent") and what == "子步骤循环引用" for where, what in listed)
    assert not dialog.save_button.isEnabled() and "个问题" in dialog.summary.text()
    dialog.tabs.setCurrentIndex(0)
    shot(dialog, "plan_editor_problems")
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # refused while problems stand
    dialog.structure.setPlainText(bad + "\n[[levels]\n")
    assert wait_until(lambda: [p.code for p in dialog.problems] == ["bad_syntax"], 5)
    assert problems(dialog)[0][0] == "结构" and "TOML" in problems(dialog)[0][1]
    # Esc with edits asks first; "no" keeps the dialog and the edits.
    asked = []
    monkeypatch.setattr("views.plans.editor_base.ask", lambda *args: asked.append(args[2]) or False)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked and "放弃" in asked[0] and dialog.isVisible()
    dialog.structure.setPlainText(text.replace("核实积水位置", "核实积水点位置"))
    dialog.version.setText("2026.2")
    assert wait_until(lambda: dialog.save_button.isEnabled(), 5)
    dialog.save_button.click()
    assert wait_until(lambda: store.get(FLOOD).plan_version == "2026.2", 5)
    assert store.get(FLOOD).checklist[0]["title"].startswith("核实积水点位置") and store.get(FLOOD).example


def test_esc_without_edits_closes_without_asking(scene, qtbot, monkeypatch):
    panel, _store, _regs = scene
    monkeypatch.setattr("views.plans.editor_base.ask", lambda *args: pytest.fail("asked"))
    dialog = panel.knowledge.edit_plan(None)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_a_non_admin_reads_but_cannot_edit(qtbot, mirror, clock, events, incident_service, chinese):
    panel, store, regulations, runner, relay = make_panel(qtbot, mirror, clock, events, incident_service, admin=False)
    try:
        store.save_many(example_plans(), share=False)
        regulations.save_many(example_regulations(), share=False)
        assert wait_until(lambda: panel.plan is not None, 5)
        assert not panel.new_button.isEnabled() and not panel.edit_button.isEnabled()
        assert not panel.knowledge.search.new_button.isEnabled()
        assert panel.knowledge.edit_plan(panel.plan) is None
        box = panel.findChild(QMessageBox, "plans_refused")
        assert box is not None and "管理员" in box.text()
        panel.knowledge.show_regulation(example_regulations()[0]["id"])
        assert wait_until(lambda: panel.knowledge.view.regulation_id != "", 5)
        assert not panel.knowledge.view.edit_button.isEnabled()
    finally:
        runner.shutdown()
        relay.detach(events)


def test_knowledge_search_finds_plans_and_regulations_and_opens_them(scene, qtbot):
    panel, store, regulations = scene
    store.save_many(example_plans(), share=False)
    regulations.save_many(example_regulations(), share=False)
    search = panel.knowledge.search
    panel.tabs.setCurrentWidget(search)
    assert search.hint.showing and "输入" in search.hint.text()
    shot(panel, "knowledge_start")
    search.box.setText("涝")
    results = search.results
    assert wait_until(lambda: results.topLevelItemCount() == 2, 5)
    kinds = {results.topLevelItem(i).text(1) for i in range(2)}
    assert kinds == {"预案", "法规"}
    assert any("涝" in results.topLevelItem(i).text(2) or "涝" in results.topLevelItem(i).text(0) for i in range(2))
    search.box.setText("泵车")
    assert wait_until(lambda: results.topLevelItemCount() == 2 and "泵车" in results.topLevelItem(1).text(2), 5)
    shot(panel, "knowledge_results")
    results.setCurrentItem(results.topLevelItem(1))
    assert results.topLevelItem(1).text(1) == "法规"
    search.box.setFocus()
    qtbot.keyClick(search.box, Qt.Key.Key_Return)
    view = panel.knowledge.view
    assert wait_until(lambda: panel.tabs.currentWidget() is view and "城市排水防涝" in view.header.text(), 5)
    assert "示例府令〔2026〕1号" in view.header.text() and "城市内涝灾害应急预案（示例）" in view.header.text()
    assert "第六条" in view.text.toPlainText()
    shot(panel, "regulation_text")
    panel.tabs.setCurrentWidget(search)
    search.box.setText("地震海啸")
    assert wait_until(lambda: results.topLevelItemCount() == 0 and search.hint.showing, 5)
    assert "地震海啸" in search.hint.text()
    shot(panel, "knowledge_empty")
    search.box.setText("上风向疏散")
    assert wait_until(lambda: results.topLevelItemCount() == 2, 5)
    results.setCurrentItem(results.topLevelItem(0))
    results.itemActivated.emit(results.topLevelItem(0), 0)
    assert wait_until(lambda: panel.tabs.currentWidget() is panel.detail and "危险化学品" in
                      panel.detail.header.text(), 5)


def test_a_plan_lists_its_regulations_and_a_regulation_is_edited(scene, qtbot):
    panel, store, regulations = scene
    store.save_many(example_plans(), share=False)
    regulations.save_many(example_regulations(), share=False)
    panel.show_plan_id(FLOOD)
    tree = panel.detail.structure

    def attached():
        for i in range(tree.topLevelItemCount()):
            if tree.topLevelItem(i).text(0) == "相关法规":
                return tree.topLevelItem(i)
        return None

    assert wait_until(lambda: "城市内涝" in panel.detail.header.text() and attached() is not None, 5), \
        panel.detail.header.text()
    assert wait_until(lambda: panel.list.topLevelItemCount() == 2, 5)
    item = attached().child(0)
    assert item.text(0) == "城市排水防涝应急管理办法（示例）" and "示例府令" in item.text(1)
    tree.scrollToItem(item)
    shot(panel, "plan_with_regulations")
    tree.itemActivated.emit(item, 0)
    view = panel.knowledge.view
    assert wait_until(lambda: panel.tabs.currentWidget() is view, 5)
    panel.knowledge.edit_regulation(view.regulation_id)
    assert wait_until(lambda: getattr(panel.knowledge, "last_editor", None) is not None, 5)
    dialog = panel.knowledge.last_editor
    assert dialog.title.text() == "城市排水防涝应急管理办法（示例）"
    dialog.effective.setText("2026-02-30")
    assert wait_until(lambda: ("施行日期", "应为日期，如 2026-05-01，或留空") in problems(dialog), 5)
    assert not dialog.save_button.isEnabled()
    shot(dialog, "regulation_editor_problem")
    dialog.effective.setText("2026-06-01")
    assert wait_until(lambda: dialog.save_button.isEnabled(), 5)
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert wait_until(lambda: regulations.get(view.regulation_id).effective_date == "2026-06-01", 5)
    assert wait_until(lambda: "2026-06-01" in view.header.text(), 5)
