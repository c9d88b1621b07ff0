"""The printable report: HTML content, and real PDFs read back with QtPdf."""

from __future__ import annotations

import os
import unicodedata
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtPdf import QPdfDocument

from services.incidents.model import Casualties, EntryKind, Severity, Status
from tests.helpers import draft
from views.common.task_runner import TaskRunner
from views.incident_log.dialogs import IncidentDialogs
from views.incident_log.report_document import build_html, select_report
from views.incident_log.report_pdf import write_pdf

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("qapp")]
TZ = ZoneInfo("Asia/Shanghai")
SITE = "重庆市应急管理局值班室"


@pytest.fixture
def runner():
    r = TaskRunner()
    yield r
    r.shutdown()


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def pdf_pages(path) -> list[str]:
    """Text of every page, NFKC-folded: Qt's PDF writer maps some CJK glyphs back
    to Kangxi radicals (火 -> ⽕), and NFKC folds them to the ideographs again.
    (Digits inside English runs do not survive extraction, so tests look for
    digits only next to Chinese text or on their own.)"""
    doc = QPdfDocument()
    assert doc.load(str(path)) == QPdfDocument.Error.None_
    texts = [nfkc(doc.getAllText(p).text()) for p in range(doc.pageCount())]
    doc.close()
    return texts


def closed_exercise(service, clock, follow_ups: int):
    inc = service.create_incident(
        draft(clock, exercise=True, title="演练：渝中区某商场火灾", reporter="王先生"), "officer A"
    )
    clock.advance(timedelta(minutes=20))
    service.append_entry(inc.id, EntryKind.INITIAL_REPORT, "商场三楼起火，已疏散。", "officer A")
    service.change_status(inc.id, Status.RESPONDING, "officer A")
    for n in range(follow_ups):
        clock.advance(timedelta(minutes=30))
        service.append_entry(
            inc.id,
            EntryKind.FOLLOW_UP_REPORT,
            f"第{n + 1}次续报：火势得到控制。\n" * 4,
            "officer B",
            casualties=Casualties(injured=n + 1),
        )
    clock.advance(timedelta(hours=1))
    service.append_entry(
        inc.id, EntryKind.FINAL_REPORT, "明火已扑灭。", "officer B", severity=Severity.IV
    )
    return service.get(inc.id)


def test_initial_report_pdf_is_one_page_with_the_facts(tmp_path, incident_service, clock):
    inc = incident_service.create_incident(draft(clock), "officer A")
    incident_service.append_entry(inc.id, EntryKind.INITIAL_REPORT, "商场三楼起火。", "officer A")
    report = select_report(incident_service.get(inc.id), incident_service.timeline(inc.id))
    html = build_html(report, site_name=SITE, tz=TZ)
    path = tmp_path / "initial.pdf"
    pages = write_pdf(str(path), html, exercise=False, title=inc.title)

    assert path.read_bytes().startswith(b"%PDF-")
    texts = pdf_pages(path)
    assert pages == len(texts) == 1
    text = texts[0]
    assert "Incident information: initial report" in text
    assert nfkc(inc.title) in text
    assert SITE in text
    assert "商场三楼起火。" in text
    assert "2026-11-22 15:55" in text  # occurred 07:55 UTC, shown in Beijing time
    assert "EXERCISE" not in text


def test_final_report_of_an_exercise_marks_every_page(tmp_path, incident_service, clock):
    inc = closed_exercise(incident_service, clock, follow_ups=12)
    report = select_report(inc, incident_service.timeline(inc.id), EntryKind.FINAL_REPORT)
    html = build_html(report, site_name=SITE, tz=TZ)
    path = tmp_path / "final.pdf"
    pages = write_pdf(str(path), html, exercise=inc.exercise, title=inc.title)

    texts = pdf_pages(path)
    assert pages == len(texts) >= 2  # the course of events runs onto a second page
    assert all("EXERCISE" in t for t in texts)
    assert nfkc(inc.title) in texts[0]
    assert "Incident information: final report" in texts[0]
    assert "第12次续报" in "".join(texts)  # the course of events lists every report
    assert "— 2 —" in texts[1]  # page numbers in the official style


def test_follow_up_shows_its_number_and_figures_of_its_time(incident_service, clock):
    inc = closed_exercise(incident_service, clock, follow_ups=3)
    timeline = incident_service.timeline(inc.id)
    second = [e for e in timeline if e.kind == EntryKind.FOLLOW_UP_REPORT][1]
    report = select_report(inc, timeline, entry_id=second.id, kind=EntryKind.FOLLOW_UP_REPORT)
    assert report.sequence == 2
    assert report.casualties == Casualties(injured=2)  # not today's figure (3)
    html = build_html(report, site_name="", tz=TZ)
    assert "follow-up report (No. 2)" in html
    assert "0 dead, 2 injured" in html


def test_user_text_is_escaped(tmp_path, incident_service, clock):
    inc = incident_service.create_incident(
        draft(clock, title="<b>Tank</b> & <script>x</script>"), "officer <A>"
    )
    report = select_report(inc, incident_service.timeline(inc.id), EntryKind.INITIAL_REPORT)
    html = build_html(report, site_name="<i>Site</i>", tz=TZ)
    assert "<b>Tank" not in html and "<script>" not in html and "<i>Site" not in html
    assert "&lt;b&gt;Tank&lt;/b&gt; &amp; &lt;script&gt;" in html
    path = tmp_path / "escaped.pdf"
    write_pdf(str(path), html, exercise=False)
    assert "<b>Tank</b> & <script>x</script>" in pdf_pages(path)[0]


def test_export_through_incident_dialogs(qtbot, tmp_path, incident_service, runner, clock):
    inc = closed_exercise(incident_service, clock, follow_ups=1)
    dialogs = IncidentDialogs(incident_service, runner, author="officer C", tz=TZ, site_name=SITE)
    dialogs.last_dir = str(tmp_path)
    asked = []

    def ask(_parent, suggested):
        asked.append(suggested)
        return str(tmp_path / "out")  # the suffix is added

    dialogs.ask_save_path = ask
    with qtbot.waitSignal(dialogs.sig_pdf_exported, timeout=10000) as done:
        dialogs.export_pdf(None, inc)
    assert asked == [str(tmp_path / f"{inc.code}-Final-report.pdf")]
    assert done.args == [str(tmp_path / "out.pdf")]
    texts = pdf_pages(tmp_path / "out.pdf")
    assert "Incident information: final report" in texts[0]
    assert nfkc(inc.title) in texts[0]
    assert dialogs.last_message.startswith("The report was saved to")


def test_export_to_a_missing_folder_says_why(qtbot, tmp_path, incident_service, runner, clock):
    inc = incident_service.create_incident(draft(clock), "officer A")
    dialogs = IncidentDialogs(incident_service, runner, author="officer C", tz=TZ)
    target = tmp_path / "no such folder" / "report.pdf"
    dialogs.ask_save_path = lambda _parent, _suggested: str(target)
    with qtbot.waitSignal(dialogs.sig_failed, timeout=10000) as failed:
        dialogs.export_pdf(None, inc)
    assert "the folder does not exist" in failed.args[0]
    assert not os.path.exists(target.parent)
