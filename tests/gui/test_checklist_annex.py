"""The 终报 PDF with the checklist's annex, in Chinese: every step with its
state, time and who moved it, and a 总结评估 listing the steps closed late or
open past due and those marked 不适用 with the reason; exported through the
incident dialogs as the officer does. CHECKLIST_SHOTS=folder keeps the PDF's
first annex page as a picture for a reviewer."""

from __future__ import annotations

import os
import unicodedata
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QCoreApplication, QSize, QTranslator
from PySide6.QtPdf import QPdfDocument

from services.incidents.model import Casualties, Category, EntryKind, Severity, Status
from services.plans.checklists import ChecklistService
from services.plans.files import example_plans
from services.plans.response import Action
from services.plans.responses import ResponseService
from services.plans.store import PlanStore
from tests.helpers import draft
from views.common.task_runner import TaskRunner
from views.incident_log.dialogs import IncidentDialogs

pytestmark = pytest.mark.gui
TZ = ZoneInfo("Asia/Shanghai")
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


def pages(path) -> list[str]:
    doc = QPdfDocument()
    assert doc.load(str(path)) == QPdfDocument.Error.None_
    texts = [unicodedata.normalize("NFKC", doc.getAllText(p).text()) for p in range(doc.pageCount())]
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        doc.render(doc.pageCount() - 1, QSize(900, 1270)).save(str(Path(SHOTS) / "final_report_annex.png"))
    doc.close()
    return texts


def test_the_final_report_pdf_carries_the_checklist_annex(qtbot, tmp_path, mirror, clock, events,
                                                         incident_service, chinese):
    PlanStore(mirror, clock=clock).save_many(example_plans(), share=False)
    incident = incident_service.create_incident(draft(
        clock, category=Category.ACCIDENT, type_code="hazardous_chemicals", severity=Severity.IV,
        title="江北区化工厂氯气泄漏", casualties=Casualties(deaths=3)), "张三")
    incident_service.append_entry(incident.id, EntryKind.INITIAL_REPORT, "化工厂储罐阀门泄漏。", "张三")
    ResponseService(mirror, events, clock).decide(incident.id, Action.START, level="III", reason="死亡 3 人",
                                                  author="张三", plan_id=CHEM)
    checklists = ChecklistService(mirror, events, clock)
    steps = {s.key: s for s in checklists.steps(incident.id)}
    clock.advance(timedelta(minutes=3))
    checklists.move(steps["h2"].id, "done", author="李四")  # in time (due after 5 minutes)
    checklists.move(steps["h1a"].id, "not_applicable", author="李四", reason="厂区周边无居民")
    clock.advance(timedelta(minutes=20))
    checklists.move(steps["h1"].id, "done", author="王五")  # late (due after 10 minutes)
    incident_service.change_status(incident.id, Status.RESPONDING, "张三")
    clock.advance(timedelta(hours=2))
    incident_service.append_entry(incident.id, EntryKind.FINAL_REPORT, "泄漏已封堵，人员已撤离。", "张三",
                                  severity=Severity.IV)
    runner = TaskRunner()
    try:
        dialogs = IncidentDialogs(incident_service, runner, author="张三", tz=TZ, annex=checklists.steps)
        dialogs.ask_save_path = lambda _parent, _suggested: str(tmp_path / "final.pdf")
        with qtbot.waitSignal(dialogs.sig_pdf_exported, timeout=10000):
            dialogs.export_pdf(None, incident_service.get(incident.id))
    finally:
        runner.shutdown()
    text = "".join(pages(tmp_path / "final.pdf")).replace("\n", "").replace("\r", "")
    assert "处置流程记录" in text and "总结评估" in text
    # numbered as the report's own sections are (一、二、…), not in figures
    assert "三、附件" in text and "四、总结评估" in text and "3. " not in text
    assert "通知消防救援和属地应急管理部门" in text and "李四" in text and "王五" in text
    assert "超时步骤" in text and "不适用步骤" in text and "厂区周边无居民" in text
    summary = text[text.index("总结评估"):]
    late = summary[summary.index("超时步骤"):summary.index("不适用步骤")]
    # h1 closed late, the steps never done are open past due; h2, done in time, is not listed
    assert "核实泄漏物质名称" in late and "通知消防救援" not in late and "划定警戒区" in late
