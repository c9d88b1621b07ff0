"""密级 in the views: the forms offer levels up to the workstation's clearance,
lists and the detail pane show a badge above 公开, quoted entries keep their
level in a report, and a report PDF carries its highest level on every page.
Screenshots go to $CLEARANCE_SHOTS when set (for a person to look at)."""

from __future__ import annotations

import json
import os
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtPdf import QPdfDocument

from services.incidents.model import EntryKind, Status
from services.incidents.validation import ValidationError
from tests.helpers import draft
from views.common.clearance_labels import Levels
from views.common.event_relay import DomainEventRelay
from views.common.task_runner import TaskRunner
from views.incident_log import list_model as cols
from views.incident_log.intake_dialog import IntakeDialog
from views.incident_log.report_dialog import ReportDialog
from views.incident_log.report_document import build_html, report_level, select_report
from views.incident_log.report_pdf import write_pdf
from views.incident_log.view import IncidentLogView
from widgets.level_badge import LEVEL_ROLE

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("qapp")]
TZ = ZoneInfo("Asia/Shanghai")
SHOTS = os.environ.get("CLEARANCE_SHOTS", "")


def shot(widget, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


@pytest.fixture
def runner():
    r = TaskRunner()
    yield r
    r.shutdown()


@pytest.fixture
def cleared(mirror):
    """A workstation the platform cleared for 秘密 (as the feed records it), with a centre's names."""
    mirror.set_meta([("clearance", "2"), ("level_names", json.dumps({"0": "公开", "1": "内部", "2": "秘密",
                                                                    "3": "机密"}))])
    return mirror


def test_the_intake_form_offers_levels_up_to_the_clearance(qtbot, cleared, incident_service, runner, clock):
    dialog = IntakeDialog(incident_service, runner, "值班员 陈晓", TZ)
    qtbot.addWidget(dialog)
    dialog.show()
    combo = dialog.level_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["公开", "内部", "秘密"]  # never 机密
    assert combo.level() == 1  # 内部 unless marked
    shot(dialog, "intake_form")
    with pytest.raises(ValidationError):
        incident_service.create_incident(draft(clock, level=3), "陈晓")


def test_a_note_keeps_its_incidents_level_unless_marked(qtbot, cleared, incident_service, runner, clock):
    inc = incident_service.create_incident(draft(clock, level=2), "陈晓")
    dialog = ReportDialog(incident_service, runner, "陈晓", TZ, inc, EntryKind.NOTE)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.level_combo.level() == 2
    shot(dialog, "note_form")
    note = incident_service.append_entry(inc.id, EntryKind.NOTE, "涉密说明", "陈晓")
    assert note.level == 2


@pytest.fixture
def view(qtbot, cleared, incident_service, runner, events):
    relay = DomainEventRelay()
    relay.attach(events)
    made = IncidentLogView(incident_service, runner, relay, author="值班员 陈晓", tz=TZ)
    made.resize(1400, 800)
    made.show()
    qtbot.waitUntil(lambda: made._count is not None)
    yield made
    if shiboken6.isValid(made):
        made.close()
        made.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    relay.detach(events)


def test_lists_and_the_detail_show_a_badge_above_public(qtbot, view, incident_service, clock):
    public = incident_service.create_incident(draft(clock, title="公开的交通事故", level=0), "陈晓")
    secret = incident_service.create_incident(draft(clock, title="某涉密单位火灾", level=2), "陈晓")
    incident_service.append_entry(secret.id, EntryKind.NOTE, "现场情况通报", "陈晓")
    view.reload()
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    badges = {}
    for row in range(view.model.rowCount()):
        index = view.model.index(row, cols.COL_TITLE)
        badges[index.data()] = index.data(LEVEL_ROLE)
    assert badges == {"公开的交通事故": "", "某涉密单位火灾": "秘密"}
    view.open_incident(secret.id)
    qtbot.waitUntil(lambda: view.detail.incident is not None and view.detail.incident.id == secret.id)
    assert view.detail.level_badge.isVisibleTo(view) and view.detail.level_badge.text() == "秘密"
    shot(view, "incident_log")
    view.open_incident(public.id)
    qtbot.waitUntil(lambda: view.detail.incident.id == public.id)
    assert not view.detail.level_badge.isVisibleTo(view)


def pdf_pages(path) -> list[str]:
    doc = QPdfDocument()
    assert doc.load(str(path)) == QPdfDocument.Error.None_
    texts = [doc.getAllText(p).text() for p in range(doc.pageCount())]
    doc.close()
    return texts


def test_a_report_carries_its_highest_level_on_every_page(tmp_path, cleared, incident_service, clock):
    inc = incident_service.create_incident(draft(clock, title="危化品仓库泄漏"), "陈晓")
    clock.advance(timedelta(minutes=10))
    incident_service.append_entry(inc.id, EntryKind.INITIAL_REPORT, "仓库一处储罐泄漏，已疏散。", "陈晓")
    incident_service.change_status(inc.id, Status.RESPONDING, "陈晓")
    for n in range(12):
        clock.advance(timedelta(minutes=20))
        incident_service.append_entry(inc.id, EntryKind.FOLLOW_UP_REPORT, f"第{n + 1}次续报：" + "处置进展。" * 30,
                                      "陈晓")
    incident_service.append_entry(inc.id, EntryKind.NOTE, "涉密单位人员名单已报送", "陈晓", level=2)
    clock.advance(timedelta(minutes=20))
    incident_service.append_entry(inc.id, EntryKind.FINAL_REPORT, "泄漏已封堵，无人员伤亡。", "陈晓")
    incident_service.change_status(inc.id, Status.CLOSED, "陈晓")
    report = select_report(incident_service.get(inc.id), incident_service.timeline(inc.id), EntryKind.FINAL_REPORT)
    assert report_level(report) == 2  # the quoted 秘密 note raises the whole report
    levels = Levels(*incident_service.levels())
    html = build_html(report, site_name="重庆市应急管理局值班室", tz=TZ, level_names=levels.names)
    assert "（秘密）涉密单位人员名单已报送" in html or "(秘密) 涉密单位人员名单已报送" in html
    path = tmp_path / "final.pdf"
    pages = write_pdf(str(path), html, exercise=False, title=report.incident.title, marking="秘密")
    assert pages >= 2
    texts = pdf_pages(path)
    assert all("秘密" in text for text in texts), [t[:40] for t in texts]
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        (Path(SHOTS) / "final.pdf").write_bytes(path.read_bytes())
    # A report of nothing above 公开 carries no marking.
    public = incident_service.create_incident(draft(clock, title="公开信息", level=0), "陈晓")
    assert report_level(select_report(incident_service.get(public.id), incident_service.timeline(public.id),
                                      None)) == 0
