"""The printable 突发事件信息报告 (首报 / 续报 / 终报) of an incident, as HTML for
QTextDocument.

The layout follows the usual shape of a Chinese incident information report: a
red heading and rule, the reporting unit and time, a table of the key facts, the
report's text and, for the final report, the course of events. Every piece of
user text is escaped; every label goes through Qt's translation system.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication

from services.clearance import name_of
from services.incidents.model import (
    Casualties,
    EntryKind,
    Incident,
    Severity,
    Status,
    TimelineEntry,
)
from views.common import labels

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls

RED = "#c00000"
BODY_FONT = "Noto Sans CJK SC"
HEADING_FONT = "Noto Serif CJK SC"
EXCERPT_MAX = 300  # characters of each entry in the final report's course of events
TIMELINE_KINDS = frozenset(
    {
        EntryKind.INITIAL_REPORT,
        EntryKind.FOLLOW_UP_REPORT,
        EntryKind.FINAL_REPORT,
        EntryKind.NOTE,
        EntryKind.CALL,
        EntryKind.STATUS_CHANGE,
        EntryKind.DECISION,  # 响应决定 (a response started, raised, lowered, ended) and 会商决定
    }
)


@dataclass(frozen=True)
class PrintedReport:
    """One report of an incident with the figures as they stood when it was made."""

    incident: Incident
    kind: EntryKind
    entry: TimelineEntry | None  # None: the report has not been entered yet
    sequence: int  # follow-up number, 1-based; 0 for initial and final reports
    severity: Severity
    casualties: Casualties
    status: Status
    timeline: tuple[TimelineEntry, ...]


def latest_report_kind(incident: Incident) -> EntryKind:
    return incident.last_report_kind or EntryKind.INITIAL_REPORT


def select_report(
    incident: Incident,
    timeline: list[TimelineEntry],
    kind: EntryKind | None = None,
    entry_id: str | None = None,
) -> PrintedReport:
    """Picks the entry to print: the given one, else the latest report of `kind`
    (default: the incident's latest report kind)."""
    kind = kind or latest_report_kind(incident)
    reports = [e for e in timeline if e.kind == kind]
    entry = next((e for e in reports if e.id == entry_id), None) if entry_id else None
    if entry is None and reports:
        entry = reports[-1]
    if entry is not None:
        kind = entry.kind
    sequence = 0
    if kind == EntryKind.FOLLOW_UP_REPORT:
        follow_ups = [e for e in timeline if e.kind == EntryKind.FOLLOW_UP_REPORT]
        sequence = follow_ups.index(entry) + 1 if entry in follow_ups else len(follow_ups) + 1
    severity, casualties, status = incident.severity, incident.casualties, incident.status
    if entry is not None:
        # Figures as of this report: the latest values given up to and including it.
        status = Status.RECEIVED
        for e in timeline[: timeline.index(entry) + 1]:
            if e.kind.is_report and "casualties" in e.data:
                casualties = Casualties(**e.data["casualties"])
            if e.kind == EntryKind.STATUS_CHANGE and "to" in e.data:
                status = Status(e.data["to"])
        if "severity" in entry.data:
            severity = Severity(entry.data["severity"])
    return PrintedReport(
        incident, kind, entry, sequence, severity, casualties, status, tuple(timeline)
    )


def report_heading(report: PrintedReport) -> str:
    if report.kind == EntryKind.FOLLOW_UP_REPORT:
        return translate(
            "ReportDocument", "Incident information: follow-up report (No. %1)"
        ).replace("%1", str(report.sequence))
    if report.kind == EntryKind.FINAL_REPORT:
        return translate("ReportDocument", "Incident information: final report")
    return translate("ReportDocument", "Incident information: initial report")


def exercise_prefix() -> str:
    return translate("ReportDocument", "[%1]").replace("%1", labels.exercise_mark())


def file_stem(report: PrintedReport) -> str:
    """`<code>-<kind>` (with the follow-up number), safe as a file name."""
    name = labels.entry_kind_name(report.kind)
    if report.sequence:
        name += str(report.sequence)
    stem = f"{report.incident.code}-{name}"
    return "".join("-" if c in '\\/:*?"<>| ' else c for c in stem)


def format_time(value: datetime | None, tz: tzinfo) -> str:
    if value is None:
        return ""
    return value.astimezone(tz).strftime(translate("ReportDocument", "%Y-%m-%d %H:%M"))


def format_short_time(value: datetime, tz: tzinfo) -> str:
    """Without the year, for the course of events (a table column)."""
    return value.astimezone(tz).strftime(translate("ReportDocument", "%m-%d %H:%M"))


def casualty_text(c: Casualties) -> str:
    return (
        translate("ReportDocument", "%1 dead, %2 injured, %3 missing, %4 trapped")
        .replace("%1", str(c.deaths))
        .replace("%2", str(c.injured))
        .replace("%3", str(c.missing))
        .replace("%4", str(c.trapped))
    )


def coordinates_text(lat: float | None, lon: float | None) -> str:
    if lat is None or lon is None:
        return translate("ReportDocument", "not given")
    return (
        translate("ReportDocument", "latitude %1°, longitude %2° (WGS-84/CGCS2000)")
        .replace("%1", f"{lat:.6f}")
        .replace("%2", f"{lon:.6f}")
    )


def _paragraphs(text: str, indent: bool = True) -> str:
    # Two ideographic spaces are the customary first-line indent of Chinese official text.
    style = "margin-top:0; margin-bottom:5px; line-height:140%; white-space:pre-wrap;"
    lead = "\u3000\u3000" if indent else ""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return "".join(f'<p style="{style}">{lead}{escape(line)}</p>' for line in lines)


def _fact_rows(report: PrintedReport, tz: tzinfo) -> str:
    i = report.incident
    kind = labels.category_name(i.category) + (f" / {i.type_name}" if i.type_name else "")
    place = i.place + (f"（{i.division}）" if i.division else "")
    reporter = i.reporter + (f"  {i.reporter_phone}" if i.reporter_phone else "")
    rows = [
        (
            (translate("ReportDocument", "Category / type"), kind),
            (translate("ReportDocument", "Severity"), labels.severity_name(report.severity)),
        ),
        (
            (translate("ReportDocument", "Time of occurrence"), format_time(i.occurred_at, tz)),
            (translate("ReportDocument", "Time received"), format_time(i.reported_at, tz)),
        ),
        ((translate("ReportDocument", "Place of occurrence"), place),),
        ((translate("ReportDocument", "Coordinates"), coordinates_text(i.lat, i.lon)),),
        ((translate("ReportDocument", "Casualties"), casualty_text(report.casualties)),),
        (
            (translate("ReportDocument", "Source"), labels.source_name(i.source)),
            (translate("ReportDocument", "Reporter / phone"), reporter),
        ),
        (
            (translate("ReportDocument", "Status"), labels.status_name(report.status)),
            (translate("ReportDocument", "Logged by"), labels.attributed(i.created_by, i.created_by_account)),
        ),
    ]
    th = 'style="background-color:#f2f2f2; font-weight:bold; white-space:nowrap;" width="16%"'
    out = []
    for row in rows:
        cells = []
        for label, value in row:
            span = ' colspan="3"' if len(row) == 1 else ' width="34%"'
            cells.append(f"<td {th}>{escape(label)}</td><td{span}>{escape(value)}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    return "".join(out)


def report_level(report: PrintedReport) -> int:
    """The report's highest 密级: its incident's, its own entry's and every entry it quotes."""
    quoted = [e.level for e in report.timeline if e.kind in TIMELINE_KINDS] \
        if report.kind == EntryKind.FINAL_REPORT else []
    own = [report.entry.level] if report.entry is not None else []
    return max([report.incident.level, *own, *quoted])


def _portion_mark(entry: TimelineEntry, incident_level: int, names: dict[int, str] | None) -> str:
    """A quoted entry keeps its level: "（秘密）" before its text where it differs
    from its incident's (the page marking carries the highest of them all)."""
    if entry.level == incident_level:
        return ""
    return translate("ReportDocument", "(%1) ").replace("%1", name_of(entry.level, names))


def _entry_summary(entry: TimelineEntry, names: dict[int, str] | None = None, incident_level: int = 1) -> str:
    text = " ".join(entry.body.split())
    if entry.kind == EntryKind.STATUS_CHANGE and "to" in entry.data:
        change = (
            translate("ReportDocument", "%1 → %2")
            .replace("%1", labels.status_name(Status(entry.data["from"])))
            .replace("%2", labels.status_name(Status(entry.data["to"])))
        )
        text = change + (
            translate("ReportDocument", "; reason: %1").replace("%1", text) if text else ""
        )
    if len(text) > EXCERPT_MAX:
        text = text[:EXCERPT_MAX] + "…"
    return _portion_mark(entry, incident_level, names) + text


def _course_of_events(report: PrintedReport, tz: tzinfo, names: dict[int, str] | None = None) -> str:
    received = translate("ReportDocument", "Incident received")
    incident = report.incident
    rows = [(format_short_time(incident.reported_at, tz), received, incident.title)]
    for e in report.timeline:
        if e.kind in TIMELINE_KINDS:
            when, what = format_short_time(e.created_at, tz), labels.entry_label(e)
            rows.append((when, what, _entry_summary(e, names, incident.level)))
    heads = (
        (translate("ReportDocument", "Time"), ' width="20%"'),
        (translate("ReportDocument", "Entry"), ' width="13%"'),
        (translate("ReportDocument", "Content"), ""),
    )
    style = 'style="background-color:#f2f2f2; font-weight:bold;"'
    html = [
        '<table width="100%" border="1" cellspacing="0" cellpadding="5" '
        'style="border-collapse:collapse; border-color:#444; font-size:10.5pt;"><tr>',
        *(f"<td {style}{width}>{escape(text)}</td>" for text, width in heads),
        "</tr>",
    ]
    for row in rows:
        when, what, text = (escape(cell) for cell in row)
        nowrap = ' style="white-space:nowrap;"'
        html.append(f"<tr><td{nowrap}>{when}</td><td{nowrap}>{what}</td><td>{text}</td></tr>")
    html.append("</table>")
    return "".join(html)


def build_html(
    report: PrintedReport,
    *,
    site_name: str,
    tz: tzinfo,
    duty_officer: str = "",
    body_font: str = BODY_FONT,
    heading_font: str = HEADING_FONT,
    annex: Sequence[Any] = (),
    level_names: dict[int, str] | None = None,
) -> str:
    """The whole report as one HTML page; pagination is left to QTextDocument.
    `annex`: the incident's checklist steps, printed after a final report's course of events.
    `level_names`: the centre's names of its levels, for the quoted entries' marks."""
    i, entry = report.incident, report.entry
    blank = "＿＿＿＿＿＿＿＿"  # filled in by hand on paper
    unit = translate("ReportDocument", "Reporting unit: %1").replace("%1", site_name or blank)
    when = format_time(entry.created_at, tz) if entry else ""
    sent = translate("ReportDocument", "Time of report: %1").replace("%1", when or blank)
    code = translate("ReportDocument", "Incident code: %1").replace("%1", i.code)
    officer = (entry.author if entry else "") or duty_officer
    signatures = (
        translate("ReportDocument", "Duty officer: %1").replace("%1", officer),
        translate("ReportDocument", "Reviewed by:"),
        translate("ReportDocument", "Approved by:"),
    )
    body = entry.body if entry else i.summary
    fonts = f"'{body_font}', '{heading_font}', sans-serif"
    heading_style = (
        f"margin-top:4px; margin-bottom:14px; font-family:'{heading_font}', {fonts};"
        f" font-size:24pt; font-weight:bold; color:{RED};"
    )
    parts = [f'<html><body style="font-family:{fonts}; font-size:12pt; color:#000;">']
    if i.exercise:
        parts.append(
            f'<p align="center" style="margin-top:0; margin-bottom:0; color:{RED};'
            f' font-size:16pt; font-weight:bold;">{escape(exercise_prefix())}</p>'
        )
    parts += [
        f'<p align="center" style="{heading_style}">{escape(report_heading(report))}</p>',
        '<table width="100%" cellspacing="0" cellpadding="0" style="font-size:12pt;"><tr>'
        f'<td>{escape(unit)}</td><td align="right">{escape(sent)}</td></tr></table>',
        # The red rule under the heading (红头).
        '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
        f'<td style="background-color:{RED}; font-size:2pt;" height="3">&nbsp;</td></tr></table>',
        '<p align="center" style="margin-top:6px; margin-bottom:2px; font-size:17pt;'
        f' font-weight:bold;">{escape(i.title)}</p>',
        '<p align="center" style="margin-top:0; margin-bottom:10px; font-size:10.5pt;'
        f' color:#444;">{escape(code)}</p>',
        '<table width="100%" border="1" cellspacing="0" cellpadding="6" '
        'style="border-collapse:collapse; border-color:#444; font-size:11pt;">'
        f"{_fact_rows(report, tz)}</table>",
        _section(translate("ReportDocument", "1. Situation")),
        _paragraphs(body) or _paragraphs(translate("ReportDocument", "(no text)")),
    ]
    if report.kind == EntryKind.FINAL_REPORT:
        parts.append(_section(translate("ReportDocument", "2. Course of events")))
        parts.append(_course_of_events(report, tz, level_names))
        if annex:
            from views.incident_log.report_annex import annex_html

            parts.append(annex_html(annex, tz, entry.created_at if entry else datetime.now(UTC), 3))
    parts.append(
        '<p style="margin-top:10px; margin-bottom:0;">&nbsp;</p>'
        '<table width="100%" cellspacing="0" cellpadding="0" style="font-size:12pt;"><tr>'
        + "".join(f"<td>{escape(text)}</td>" for text in signatures)
        + "</tr></table></body></html>"
    )
    return "".join(parts)


def _section(title: str) -> str:
    return (
        '<p style="margin-top:16px; margin-bottom:6px; font-size:13pt; font-weight:bold;">'
        f"{escape(title)}</p>"
    )
