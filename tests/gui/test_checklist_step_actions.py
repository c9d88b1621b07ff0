"""Key A on the 处置流程 panel, in Chinese: on a 召开会商 step it opens the
conference (the conference panel shows it) and closes the step with it; on a
报送终报 step it opens the incident's report dialog with the kind and the plan's
wording, and the step closes with the report's entry only once the officer
sends it; cancelling leaves the step as it was. The 终报 sent this way prints
with the checklist annex, and the response's decision in its course of events
is 响应决定. CHECKLIST_SHOTS=folder saves what a reviewer looks at."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator

from services.conference.service import ConferenceService
from services.contacts.store import ContactStore
from services.demo_contacts import demo_contacts
from services.dispatch.service import DispatchService
from services.incidents.model import Casualties, Category, EntryKind, Severity, Status
from services.notifications.service import NotificationService
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
TZ = ZoneInfo("Asia/Shanghai")


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
    from views.conference.panel import ConferencePanel
    from views.incident_log.dialogs import IncidentDialogs
    from views.plans.checklist_actions import run_action
    from views.plans.checklist_report import StepReports
    from views.plans.checklist_view import ChecklistPanel

    PlanStore(mirror, clock=clock).save_many(example_plans(), share=False)
    contacts = ContactStore(mirror, events, clock)
    contacts.save_many(demo_contacts(), share=False)
    incident = incident_service.create_incident(draft(
        clock, category=Category.ACCIDENT, type_code="hazardous_chemicals", severity=Severity.IV,
        title="江北区化工厂氯气泄漏", casualties=Casualties(deaths=3)), "张三")
    incident_service.append_entry(incident.id, EntryKind.INITIAL_REPORT, "化工厂储罐阀门泄漏。", "张三")
    incident_service.change_status(incident.id, Status.RESPONDING, "张三")
    ResponseService(mirror, events, clock).decide(incident.id, Action.START, level="III", reason="死亡 3 人",
                                                  author="张三", plan_id=CHEM, plan_version="2026.1",
                                                  plan_title="危险化学品泄漏事故应急预案（示例）")
    relay, runner = DomainEventRelay(), TaskRunner()
    relay.attach(events)
    checklists = ChecklistService(mirror, events, clock)
    conferences = ConferenceService(mirror, incident_service.append_entry, events, clock, site_code="CQ")

    def act(step):
        return run_action(step, checklists=checklists, dispatch=DispatchService(mirror, events, clock),
                          notices=NotificationService(mirror, contacts, events, clock), conferences=conferences,
                          contacts=contacts, author="张三",
                          incident_title=lambda incident_id: incident_service.get(incident_id).title)

    dialogs = IncidentDialogs(incident_service, runner, author="张三", tz=TZ, annex=checklists.steps)
    panel = ChecklistPanel(checklists, runner, relay, author="张三", clock=clock, act=act,
                           report=StepReports(dialogs, checklists, runner, "张三").start)
    conference_panel = ConferencePanel(conferences, incident_service, contacts, runner, relay, author="张三")
    for widget in (panel, conference_panel):
        qtbot.addWidget(widget)
    panel.resize(1100, 640)
    panel.show()
    with qtbot.waitSignal(panel.sig_shown, timeout=5000):
        panel.set_incident(incident.id)
    yield panel, checklists, conferences, conference_panel, dialogs, incident
    for dialog in list(dialogs.open_dialogs):
        dialog.reject()
    runner.shutdown()
    relay.detach(events)


def shot(widget, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def step(checklists, incident_id, key):
    return next(s for s in checklists.steps(incident_id) if s.key == key)


def press_a(panel, qtbot, key: str) -> None:
    panel.tree.select_step(next(s for s in panel.tree.steps if s.key == key).id)
    qtbot.keyClick(panel.tree, Qt.Key.Key_A)


def item_text(panel, title: str, column: int) -> str:
    return next(i for i in panel.tree._items() if i.text(0).startswith(title)).text(column)


def test_key_a_opens_the_conference_of_a_step(scene, qtbot):
    panel, checklists, conferences, conference_panel, _dialogs, incident = scene
    conference_panel.set_incident(incident.id)
    assert "[A]" in item_text(panel, "召开会商", 0)
    assert next(i for i in panel.tree._items() if i.text(0).startswith("召开会商")).toolTip(0) == "A：召开会商"
    assert next(i for i in panel.tree._items() if i.text(0).startswith("报送终报")).toolTip(0) == "A：报送终报"
    shot(panel, "checklist_actions")
    press_a(panel, qtbot, "h3c")
    assert wait_until(lambda: step(checklists, incident.id, "h3c").state == "done", 5)
    [conference] = conferences.for_incident(incident.id)
    assert step(checklists, incident.id, "h3c").action_done == f"conference:{conference.id}"
    assert conference.title == "危化品泄漏事故会商研判" and len(conference.participants) == 4
    assert wait_until(lambda: "已召开会商" in item_text(panel, "召开会商", 1), 5)
    assert wait_until(lambda: conference_panel.current is not None
                      and conference_panel.current.id == conference.id, 5)  # the conference panel shows it
    assert conference_panel.people.rowCount() == 4
    shot(panel, "checklist_conference_done")


def pdf_text(path: Path) -> str:
    """The PDF's text (each page kept as a picture under CHECKLIST_SHOTS)."""
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    doc = QPdfDocument()
    assert doc.load(str(path)) == QPdfDocument.Error.None_
    text = "".join(unicodedata.normalize("NFKC", doc.getAllText(p).text()) for p in range(doc.pageCount()))
    if SHOTS:
        for page in range(doc.pageCount()):
            doc.render(page, QSize(900, 1270)).save(str(Path(SHOTS) / f"final_report_from_step_{page + 1}.png"))
    doc.close()
    return text.replace("\n", "").replace("\r", "")


def test_key_a_on_a_report_step_sends_the_final_report_with_the_annex(scene, qtbot, tmp_path):
    from views.incident_log.report_dialog import ReportDialog

    panel, checklists, _conferences, _panel, dialogs, incident = scene
    press_a(panel, qtbot, "h9")
    assert wait_until(lambda: len(dialogs.open_dialogs) == 1, 5)
    [dialog] = dialogs.open_dialogs
    assert isinstance(dialog, ReportDialog) and dialog.kind == EntryKind.FINAL_REPORT
    assert dialog.windowTitle().startswith("终报")
    body = dialog.body_edit.toPlainText()
    assert body.startswith("危险化学品泄漏事故应急响应已结束，现将处置情况终报如下：\n") and "经过" in body
    dialog.resize(760, 600)
    shot(dialog, "report_dialog_from_step")
    assert step(checklists, incident.id, "h9").state == "not_started"  # nothing until it is sent
    dialog.body_edit.setPlainText(body + "\n泄漏已封堵，人员全部撤离。")
    dialog.submit_button.click()
    assert wait_until(lambda: step(checklists, incident.id, "h9").state == "done", 5)
    service = dialogs.service
    [final] = [e for e in service.timeline(incident.id) if e.kind == EntryKind.FINAL_REPORT]
    assert step(checklists, incident.id, "h9").action_done == f"entry:{final.id}"
    assert wait_until(lambda: "已报送信息" in item_text(panel, "报送终报", 1), 5)
    # the 终报's PDF carries the checklist annex; the response's decision is named 响应决定
    dialogs.ask_save_path = lambda _parent, _suggested: str(tmp_path / "final.pdf")
    with qtbot.waitSignal(dialogs.sig_pdf_exported, timeout=10000):
        dialogs.export_pdf(None, service.get(incident.id))
    text = pdf_text(tmp_path / "final.pdf")
    assert "处置流程记录" in text and "总结评估" in text and "已报送信息" in text
    assert "响应决定" in text and "会商决定" not in text and "泄漏已封堵" in text


def test_cancelling_the_report_leaves_the_step_as_it_was(scene, qtbot):
    panel, checklists, _conferences, _panel, dialogs, incident = scene
    press_a(panel, qtbot, "h9")
    assert wait_until(lambda: len(dialogs.open_dialogs) == 1, 5)
    dialogs.open_dialogs[0].cancel_button.click()
    assert wait_until(lambda: dialogs.open_dialogs == [], 5)
    after = step(checklists, incident.id, "h9")
    assert (after.state, after.action_done, after.changed_by, after.pending_sync) == ("not_started", "", "", False)
    assert [e for e in dialogs.service.timeline(incident.id) if e.kind == EntryKind.FINAL_REPORT] == []


def test_a_response_decision_is_named_alike_everywhere(scene, qtbot, incident_service):
    """响应决定 on the timeline pane, the commander's card and the 终报's course of
    events; a conference's decision stays 会商决定 in all three."""
    from views.commander.card import IncidentCard
    from views.incident_log.detail_pane import DetailPane
    from views.incident_log.report_document import build_html, select_report

    _panel, _checklists, conferences, _cpanel, _dialogs, incident = scene
    conference = conferences.open(incident.id, "会商", [], "张三")
    conferences.record(conference.id, EntryKind.DECISION, "扩大疏散范围至 1 公里", "张三")
    timeline = incident_service.timeline(incident.id)
    pane = DetailPane(TZ)
    card = IncidentCard(TZ)
    qtbot.addWidget(pane)
    qtbot.addWidget(card)
    kinds = {item.body.split("（")[0][:6]: item.kind for item in pane.timeline_items(timeline)}
    assert kinds["启动 III"] == "响应决定" and kinds["扩大疏散范围"] == "会商决定"
    card.show_incident(incident_service.get(incident.id), timeline)
    assert "响应决定" in card.body.text() and "会商决定" in card.body.text()
    incident_service.append_entry(incident.id, EntryKind.FINAL_REPORT, "泄漏已封堵。", "张三")
    timeline = incident_service.timeline(incident.id)
    html = build_html(select_report(incident_service.get(incident.id), timeline, EntryKind.FINAL_REPORT),
                      site_name="", tz=TZ)
    assert "响应决定" in html and "会商决定" in html and html.index("响应决定") < html.index("会商决定")
