"""The printable 值班日报 as HTML for QTextDocument, in the look of the incident
reports (views/incident_log/report_document.py): red heading and rule, the
reporting unit and the day, then the day's figures in tables. Every piece of
record text is escaped; every label goes through Qt's translation system."""

from __future__ import annotations

import statistics
from datetime import datetime, tzinfo
from html import escape

from PySide6.QtCore import QCoreApplication

from services.duty_log.daily import DailyFigures
from services.duty_log.log import LogKind
from services.incidents.model import Category, EntryKind, Severity
from services.reminders.schedule import OccurrenceState
from views.common import labels
from views.duty_log.names import occurrence_state_name, rollcall_state_name, what_name
from views.incident_log.report_document import BODY_FONT, HEADING_FONT, RED

translate = QCoreApplication.translate
LISTED = 30  # rows of each list printed (the record keeps more)
TABLE = ('<table width="100%" border="1" cellspacing="0" cellpadding="5" '
         'style="border-collapse:collapse; border-color:#444; font-size:10.5pt;">')
HEAD = 'style="background-color:#f2f2f2; font-weight:bold;"'


def _time(value: datetime | None, tz: tzinfo, fmt: str = "%H:%M") -> str:
    return value.astimezone(tz).strftime(fmt) if value is not None else ""


def _when(value: datetime | None, tz: tzinfo, day) -> str:
    """A time of the report's day as HH:MM, one of another day with its date."""
    if value is None:
        return ""
    local = value.astimezone(tz)
    return local.strftime("%H:%M") if local.date() == day else local.strftime("%m-%d %H:%M")


def _minutes(seconds: float) -> str:
    return f"{seconds / 60:.1f}"


def _table(heads: list[str], rows: list[list[str]]) -> str:
    html = [TABLE, "<tr>", *(f"<td {HEAD}>{escape(h)}</td>" for h in heads), "</tr>"]
    for row in rows:
        html.append("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>")
    html.append("</table>")
    return "".join(html)


def _section(title: str) -> str:
    return ('<p style="margin-top:16px; margin-bottom:6px; font-size:13pt; font-weight:bold;">'
            f"{escape(title)}</p>")


def _para(text: str) -> str:
    return ('<p style="margin-top:0; margin-bottom:5px; line-height:140%;">'
            f"\u3000\u3000{escape(text)}</p>")


def _incidents(f: DailyFigures) -> str:
    sevs = list(Severity)
    heads = [translate("DailyReport", "Category"), *(labels.severity_short(s) for s in sevs), translate("DailyReport", "Total")]
    rows = []
    for cat in Category:
        counts = f.by_category.get(cat.value, {})
        values = [counts.get(s.value, 0) for s in sevs]
        rows.append([labels.category_name(cat), *map(str, values), str(sum(values))])
    totals = [sum(f.by_category.get(c.value, {}).get(s.value, 0) for c in Category) for s in sevs]
    rows.append([translate("DailyReport", "Total"), *map(str, totals), str(sum(totals))])
    c = f.casualties
    text = (translate("DailyReport", "%1 incidents received (and %2 exercise incidents); %3 dead, %4 injured, %5 missing, %6 trapped; "
               "%7 closed. %8 notices sent, %9 conferences held.")
            .replace("%1", str(f.received)).replace("%2", str(f.exercise)).replace("%3", str(c["deaths"]))
            .replace("%4", str(c["injured"])).replace("%5", str(c["missing"])).replace("%6", str(c["trapped"]))
            .replace("%7", str(f.closed)).replace("%8", str(f.notices)).replace("%9", str(f.conferences)))
    return _para(text) + _table(heads, rows)


def _reports(f: DailyFigures, tz: tzinfo) -> str:
    late = f.late_reports
    text = (translate("DailyReport", "%1 reports sent (initial, follow-up and final): %2 on time, %3 late against the reporting "
               "deadlines.").replace("%1", str(len(f.reports))).replace("%2", str(f.on_time_reports))
            .replace("%3", str(len(late))))
    if not late:
        return _para(text)
    rows = [[r.code, r.title, labels.entry_kind_name(EntryKind(r.kind)), _when(r.due_at, tz, f.day),
             _when(r.sent_at, tz, f.day),
             _minutes((r.sent_at - r.due_at).total_seconds())] for r in late[:LISTED]]
    heads = [translate("DailyReport", "Number"), translate("DailyReport", "Incident"), translate("DailyReport", "Report"), translate("DailyReport", "Due"), translate("DailyReport", "Sent"), translate("DailyReport", "Late (min)")]
    return _para(text) + _table(heads, rows)


def _orders(f: DailyFigures, tz: tzinfo) -> str:
    acks = f.ack_times
    unacked = [o for o in f.orders if o.acknowledged_at is None]
    text = (translate("DailyReport", "%1 dispatch orders issued; %2 acknowledged (median %3 min, longest %4 min), %5 acknowledged after "
               "their deadline, %6 not acknowledged.")
            .replace("%1", str(len(f.orders))).replace("%2", str(len(acks)))
            .replace("%3", _minutes(statistics.median(acks)) if acks else "–")
            .replace("%4", _minutes(max(acks)) if acks else "–")
            .replace("%5", str(sum(1 for o in f.orders if o.ack_late))).replace("%6", str(len(unacked))))
    slow = sorted((o for o in f.orders if o.ack_late or o.acknowledged_at is None),
                  key=lambda o: -(o.ack_s if o.ack_s is not None else 1e12))[:LISTED]
    if not slow:
        return _para(text)
    rows = [[o.code, o.target_name, _when(o.issued_at, tz, f.day), _when(o.ack_deadline, tz, f.day),
             _when(o.acknowledged_at, tz, f.day) or translate("DailyReport", "not acknowledged")] for o in slow]
    heads = [translate("DailyReport", "Number"), translate("DailyReport", "To"), translate("DailyReport", "Issued"), translate("DailyReport", "Acknowledge by"), translate("DailyReport", "Acknowledged")]
    return _para(text) + _table(heads, rows)


def _rollcalls(f: DailyFigures, tz: tzinfo) -> str:
    if not f.rollcalls:
        return _para(translate("DailyReport", "No roll call this day."))
    rows = [[_time(r.posted_at, tz, "%H:%M:%S"), str(r.allowed_s // 60 if r.allowed_s >= 60 else r.allowed_s) +
             (translate("DailyReport", " min") if r.allowed_s >= 60 else translate("DailyReport", " s")), rollcall_state_name(r.state),
             _time(r.answered_at, tz, "%H:%M:%S"), labels.attributed(r.answered_by, r.answered_by_account)]
            for r in f.rollcalls]
    heads = [translate("DailyReport", "Posted"), translate("DailyReport", "Time allowed"), translate("DailyReport", "Result"), translate("DailyReport", "Answered"), translate("DailyReport", "By")]
    return _table(heads, rows)


def _reminders(f: DailyFigures, tz: tzinfo) -> str:
    text = (translate("DailyReport", "Duty reminders: %1 done in time, %2 done late, %3 missed.")
            .replace("%1", str(f.reminder_count(OccurrenceState.DONE)))
            .replace("%2", str(f.reminder_count(OccurrenceState.DONE_LATE)))
            .replace("%3", str(f.reminder_count(OccurrenceState.MISSED))))
    missed = [o for o in f.reminders if o.state == OccurrenceState.MISSED][:LISTED]
    if not missed:
        return _para(text)
    rows = [[_time(o.due_at, tz), o.reminder.title, occurrence_state_name(o.state.value)] for o in missed]
    return _para(text) + _table([translate("DailyReport", "Due"), translate("DailyReport", "Reminder"), translate("DailyReport", "Result")], rows)


def _notable(f: DailyFigures, tz: tzinfo) -> str:
    if not f.notable:
        return _para(translate("DailyReport", "None."))
    rows = []
    for item in f.notable:
        what = what_name(item) if item.kind != LogKind.INCIDENT else labels.severity_name(Severity(item.what))
        rows.append([_time(item.at, tz), what, item.code, item.title])
    return _table([translate("DailyReport", "Time"), translate("DailyReport", "What"), translate("DailyReport", "Number"), translate("DailyReport", "Title")], rows)


def build_daily_html(f: DailyFigures, *, site_name: str, tz: tzinfo, notes: str = "", officer: str = "",
                     body_font: str = BODY_FONT, heading_font: str = HEADING_FONT) -> str:
    fonts = f"'{body_font}', '{heading_font}', sans-serif"
    blank = "＿＿＿＿＿＿＿＿"
    unit = translate("DailyReport", "Reporting unit: %1").replace("%1", site_name or f.site_code or blank)
    day = translate("DailyReport", "Date: %1").replace("%1", f.day.strftime(translate("DailyReport", "%Y-%m-%d")))
    span = (translate("DailyReport", "Span: %1 to %2 (%3)").replace("%1", _time(f.start, tz, "%m-%d %H:%M"))
            .replace("%2", _time(f.end, tz, "%m-%d %H:%M")).replace("%3", getattr(tz, "key", str(tz))))
    heading = (f"margin-top:4px; margin-bottom:14px; font-family:'{heading_font}', {fonts};"
               f" font-size:24pt; font-weight:bold; color:{RED};")
    parts = [
        f'<html><body style="font-family:{fonts}; font-size:12pt; color:#000;">',
        f'<p align="center" style="{heading}">{escape(translate("DailyReport", "Daily duty report"))}</p>',
        '<table width="100%" cellspacing="0" cellpadding="0" style="font-size:12pt;"><tr>'
        f'<td>{escape(unit)}</td><td align="right">{escape(day)}</td></tr></table>',
        '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
        f'<td style="background-color:{RED}; font-size:2pt;" height="3">&nbsp;</td></tr></table>',
        f'<p align="center" style="margin-top:6px; margin-bottom:10px; font-size:10.5pt; color:#444;">'
        f"{escape(span)}</p>",
        _section(translate("DailyReport", "1. Incidents received")), _incidents(f),
        _section(translate("DailyReport", "2. Reports sent upward")), _reports(f, tz),
        _section(translate("DailyReport", "3. Dispatch orders")), _orders(f, tz),
        _section(translate("DailyReport", "4. Roll calls")), _rollcalls(f, tz),
        _section(translate("DailyReport", "5. Duty reminders")), _reminders(f, tz),
        _section(translate("DailyReport", "6. Notable events")), _notable(f, tz),
        _section(translate("DailyReport", "7. Remarks")),
    ]
    remarks = [line.strip() for line in notes.splitlines() if line.strip()]
    parts += [_para(line) for line in remarks] or [_para(translate("DailyReport", "(none)"))]
    signatures = (translate("DailyReport", "Duty officer: %1").replace("%1", officer), translate("DailyReport", "Duty chief:"), translate("DailyReport", "Leader on duty:"))
    generated = translate("DailyReport", "Made %1").replace("%1", _time(f.generated_at, tz, "%Y-%m-%d %H:%M"))
    parts.append('<p style="margin-top:10px; margin-bottom:0;">&nbsp;</p>'
                 '<table width="100%" cellspacing="0" cellpadding="0" style="font-size:12pt;"><tr>'
                 + "".join(f"<td>{escape(text)}</td>" for text in signatures) + "</tr></table>"
                 f'<p align="right" style="margin-top:8px; font-size:9pt; color:#666;">{escape(generated)}</p>'
                 "</body></html>")
    return "".join(parts)


def file_stem(f: DailyFigures) -> str:
    return f"{f.site_code}-{f.day.isoformat()}-" + translate("DailyReport", "daily-report")
