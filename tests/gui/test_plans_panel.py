"""The 预案 panel, in Chinese: the library with its filters and a one-character
search, a plan in full (levels in words, command, the checklist tree), the
plans proposed for the incident selected in the log with the level and reason,
the empty states saying what to do, an import that lists every problem and
imports nothing, and an import's 密级. PLANS_SHOTS=folder saves what a reviewer looks at."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator

from services.incidents.model import Casualties, Category, Severity
from services.plans.files import example_plans
from services.plans.response import Action
from services.plans.responses import ResponseService
from services.plans.store import PlanStore
from tests.helpers import draft, wait_until
from views.common.event_relay import DomainEventRelay
from views.common.task_runner import TaskRunner
from views.plans.response_dialog import ResponseDialog

pytestmark = pytest.mark.gui
SHOTS = os.environ.get("PLANS_SHOTS")


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
    from views.plans.panel import PlansPanel

    relay = DomainEventRelay()
    relay.attach(events)
    runner = TaskRunner()
    store = PlanStore(mirror, events, clock)
    panel = PlansPanel(store, ResponseService(mirror, events, clock), incident_service, runner, relay, author="张三")
    qtbot.addWidget(panel)
    panel.resize(1280, 760)
    panel.show()
    panel.reload()
    yield panel, store
    runner.shutdown()
    relay.detach(events)


def shot(widget, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def titles(panel) -> list[str]:
    return [panel.list.topLevelItem(i).text(0) for i in range(panel.list.topLevelItemCount())]


def test_the_empty_library_says_what_to_do(scene):
    panel, _store = scene
    assert wait_until(lambda: panel.hint.showing, 5)
    assert "预案库为空" in panel.hint.text() and "导入预案" in panel.hint.text()
    assert "选择" in panel.detail.header.text()
    panel.tabs.setCurrentWidget(panel.proposals)
    assert panel.proposals.hint.showing and "事件接报" in panel.proposals.hint.text()
    shot(panel, "plans_empty")


def test_the_library_filters_searches_and_shows_a_plan(scene, qtbot):
    panel, store = scene
    store.save_many(example_plans(), share=False)
    assert wait_until(lambda: len(titles(panel)) == 2, 5)
    assert wait_until(lambda: "（示例）" in panel.detail.header.text(), 5)
    panel.search.setFocus()
    panel.search.setText("涝")  # typed through the input method: keyClicks takes ASCII only
    assert wait_until(lambda: titles(panel) == ["城市内涝灾害应急预案（示例）"], 5)
    assert wait_until(lambda: "城市内涝" in panel.detail.header.text(), 5)
    header = panel.detail.header.text()
    assert "专项应急预案" in header and "版本 2026.1" in header and "已发布" in header and "洪涝" in header
    levels = panel.detail.structure.topLevelItem(0)
    assert levels.text(0) == "响应级别" and levels.child(0).text(0) == "I 级响应"
    assert "死亡 ≥ 10 或 失踪 ≥ 10 或 被困 ≥ 100" in levels.child(0).text(1)
    assert "事件等级 II 及以上" in levels.child(1).text(1)
    command = panel.detail.structure.topLevelItem(1)
    assert command.child(0).text(1) == "城市内涝应急指挥部"
    assert any(command.child(i).text(0) == "排水抢险组" and "市城市管理局" in command.child(i).text(1)
               for i in range(command.childCount()))
    checklist = panel.detail.structure.topLevelItem(2)
    first_phase = checklist.child(0)
    assert first_phase.text(0) == "先期处置" and first_phase.child(0).childCount() == 2  # sub-steps
    assert "5 分钟内" in first_phase.child(0).text(1) and "综合协调组" in first_phase.child(0).text(1)
    assert "下穿通道" in panel.detail.text.toPlainText()
    shot(panel, "plans_detail")
    panel.search.clear()
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("draft"))
    assert wait_until(lambda: titles(panel) == [] and panel.hint.showing, 5)
    assert "没有符合" in panel.hint.text()


def test_plans_are_proposed_for_the_selected_incident_with_level_and_reason(scene, incident_service, clock):
    panel, store = scene
    store.save_many(example_plans(), share=False)
    incident = incident_service.create_incident(draft(
        clock, title="长寿区化工园区储罐泄漏", category=Category.ACCIDENT, type_code="hazardous_chemicals",
        severity=Severity.IV, casualties=Casualties(deaths=3, injured=2)), "张三")
    panel.set_incident(incident.id)
    panel.tabs.setCurrentWidget(panel.proposals)
    tree = panel.proposals.tree
    assert wait_until(lambda: tree.topLevelItemCount() == 1, 5)
    item = tree.topLevelItem(0)
    assert item.text(0) == "危险化学品泄漏事故应急预案（示例）" and item.text(1) == "III 级响应"
    assert item.text(2) == "死亡 3 人，达到 III 级响应条件"
    assert "长寿区化工园区储罐泄漏" in panel.proposals.incident_label.text()
    assert wait_until(lambda: len(titles(panel)) == 2, 5)
    shot(panel, "plans_proposals")
    # Enter on a proposal opens the plan in full.
    tree.setFocus()
    tree.setCurrentItem(item)
    tree.itemActivated.emit(item, 0)
    assert wait_until(lambda: "危险化学品" in panel.detail.header.text(), 5)
    fire = incident_service.create_incident(draft(clock), "张三")
    panel.set_incident(fire.id)
    assert wait_until(lambda: tree.topLevelItemCount() == 0 and panel.proposals.hint.showing, 5)
    assert "没有适用" in panel.proposals.hint.text()


def test_an_import_with_problems_lists_them_all_and_imports_nothing(scene, tmp_path, qtbot):
    panel, store = scene
    bad = tmp_path / "bad.toml"
    bad.write_text("""
[[plan]]
id = "p1"
title = "测试"
plan_type = "emergency"
status = "published"
types = ["flood"]
levels = [{ level = "I", conditions = { field = "deaths", op = "=~", value = 3 } }]
checklist = [{ id = "a", phase = "initial", title = "一", parent = "b" },
             { id = "b", phase = "initial", title = "二", parent = "a" }]
""", encoding="utf-8")
    dialog = panel.open_import()
    dialog.path_edit.setText(str(bad))
    dialog.import_button.click()
    assert wait_until(lambda: dialog.errors.isVisible() and dialog.errors.rowCount() == 4, 30)
    rows = {(dialog.errors.item(r, 1).text(), dialog.errors.item(r, 2).text()) for r in range(4)}
    assert ("plan_type", "未知的预案类型（overall 总体、special 专项、department 部门、onsite 现场处置方案）") in rows
    assert ("levels[0].conditions.op", "未知的比较符") in rows
    assert ("checklist[0].parent", "子步骤循环引用") in rows
    assert "未导入" in dialog.message.text() or "没有导入" in dialog.message.text()
    shot(dialog, "plans_import_problems")
    assert store.count() == 0
    good = tmp_path / "good.json"
    import json

    good.write_text(json.dumps({"plan": example_plans()}, ensure_ascii=False), encoding="utf-8")
    dialog.path_edit.setText(str(good))
    dialog.import_button.click()
    assert wait_until(lambda: store.count() == 2, 30)
    assert wait_until(lambda: len(titles(panel)) == 2, 5)
    dialog.close()
    assert panel.list.topLevelItem(0).text(0).endswith("（未发送）")
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Down)


def test_plans_imported_at_secret_are_stored_at_secret(scene, mirror, tmp_path):
    """The import offers 密级 up to this workstation's clearance (内部 preselected, as
    resources do) and every plan of the file is stored at the level chosen."""
    import json

    mirror.set_meta([("clearance", "2")])  # a 秘密 workstation
    panel, store = scene
    dialog = panel.open_import()
    combo = dialog.level_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["公开", "内部", "秘密"]
    assert combo.level() == 1
    combo.setCurrentIndex(combo.findData(2))
    plans = example_plans()
    good = tmp_path / "plans.json"
    good.write_text(json.dumps({"plan": plans}, ensure_ascii=False), encoding="utf-8")
    dialog.path_edit.setText(str(good))
    shot(dialog, "plans_import_level")
    dialog.import_button.click()
    assert wait_until(lambda: store.count() == len(plans), 30)
    assert {store.get(p["id"]).level for p in plans} == {2}
    dialog.close()


def test_a_response_is_started_adjusted_and_ended_from_the_panel(scene, incident_service, clock, qtbot):
    from services.timeline import EntryKind

    panel, store = scene
    store.save_many(example_plans(), share=False)
    incident = incident_service.create_incident(draft(
        clock, title="长寿区化工园区储罐泄漏", category=Category.ACCIDENT, type_code="hazardous_chemicals",
        severity=Severity.IV, casualties=Casualties(deaths=3)), "张三")
    panel.set_incident(incident.id)
    panel.tabs.setCurrentWidget(panel.proposals)
    view = panel.proposals
    assert wait_until(lambda: view.start_button.isEnabled(), 5)
    assert not view.adjust_button.isEnabled() and not view.end_button.isEnabled()
    assert "尚未启动" in view.response_label.text()
    dialog = panel.start_response()
    assert dialog.level.currentData() == "III" and dialog.reason.text() == "死亡 3 人，达到 III 级响应条件"
    shot(dialog, "plans_start_response")
    dialog.reason.clear()
    dialog._accept()  # no reason: the dialog says so and stays open
    assert dialog.isVisible() and "理由" in dialog.message.text()
    dialog.reason.setText("死亡 3 人，达到 III 级响应条件")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert wait_until(lambda: view.adjust_button.isEnabled() and "III 级响应" in view.response_label.text(), 5)
    assert not view.start_button.isEnabled()
    assert wait_until(lambda: len(titles(panel)) == 2, 5)
    shot(panel, "plans_response_active")
    dialog = panel.decide(Action.RAISE)
    dialog.level.setCurrentIndex(dialog.level.findData("II"))
    dialog.reason.setText("伤亡扩大")
    dialog._accept()
    assert wait_until(lambda: "II 级响应" in view.response_label.text() and "III" not in view.response_label.text(), 5)
    view.end_button.click()
    dialog = [d for d in panel.findChildren(ResponseDialog, "response_dialog") if d.isVisible()][-1]
    assert not dialog.level.isEnabled()
    dialog.reason.setText("处置完毕")
    dialog._accept()
    assert wait_until(lambda: "已结束" in view.response_label.text(), 5)
    assert not (view.start_button.isEnabled() or view.adjust_button.isEnabled() or view.end_button.isEnabled())
    bodies = [e.body for e in incident_service.timeline(incident.id) if e.kind == EntryKind.DECISION]
    assert [b.split("（")[0] for b in bodies] == ["启动 III 级响应", "提升为 II 级响应", "结束 II 级响应"]


def test_a_plans_text_comes_from_a_word_document_and_a_bad_pdf_changes_nothing(scene, tmp_path):
    import io
    import zipfile

    panel, store = scene
    store.save_many(example_plans(), share=False)
    assert wait_until(lambda: "（示例）" in panel.detail.header.text() and panel.detail.text_button.isEnabled(), 5)
    plan_id = panel.shown_plan
    before = store.get(plan_id).full_text
    (tmp_path / "fake.pdf").write_bytes(b"<html>not a pdf</html>")
    panel.import_text_from(tmp_path / "fake.pdf")
    assert wait_until(lambda: "不是 PDF" in panel.detail.text_message.text(), 30)
    assert store.get(plan_id).full_text == before
    shot(panel, "plans_text_refused")
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in ("第一章 总则", "第二章 组织指挥体系"))
    xml = ('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           f"{body}</w:body></w:document>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", xml.encode("utf-8"))
    (tmp_path / "plan.docx").write_bytes(buf.getvalue())
    panel.import_text_from(tmp_path / "plan.docx")
    assert wait_until(lambda: store.get(plan_id).full_text == "第一章 总则\n第二章 组织指挥体系", 30)
    assert wait_until(lambda: panel.detail.text.toPlainText() == "第一章 总则\n第二章 组织指挥体系", 5)
    assert wait_until(lambda: "已替换" in panel.detail.text_message.text(), 5)  # the save's callback


def test_an_account_that_may_not_edit_plans_is_told_so(scene):
    from PySide6.QtWidgets import QMessageBox

    panel, store = scene
    panel.may_edit = lambda: False
    assert panel.open_import() is None
    box = panel.findChild(QMessageBox, "plans_refused")
    assert box is not None and "管理员" in box.text()
    assert store.count() == 0
