"""The 终报's annex: the incident's checklist (处置流程) as it was worked — each
step with its state, when it was last moved and by whom, the action it did —
and a 总结评估 listing the steps closed late or still open past their due time,
and those marked 不适用 with the reason. Text from records is escaped."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, tzinfo
from html import escape

from PySide6.QtCore import QCoreApplication

from services.plans.checklist import CLOSED, NOT_APPLICABLE, action_text
from services.plans.checklists import Step

CHINESE_NUMERALS = "一二三四五六七八九十"


def translate(text: str) -> str:
    return QCoreApplication.translate("ReportAnnex", text)


def _state(state: str) -> str:
    from views.plans.checklist_view import state_name

    return state_name(state)


def _phase(phase: str) -> str:
    from views.plans.checklist_view import phase_name

    return phase_name(phase)


def _time(value: datetime | None, tz: tzinfo) -> str:
    return value.astimezone(tz).strftime("%m-%d %H:%M") if value else ""


def late(step: Step, at: datetime) -> bool:
    """Closed after its due time, or still open past it when the report was made."""
    if step.due_at is None or step.state == NOT_APPLICABLE:
        return False
    if step.state in CLOSED:
        return step.changed_at is not None and step.changed_at > step.due_at
    return at > step.due_at


def annex_html(steps: Sequence[Step], tz: tzinfo, at: datetime, section: int) -> str:
    """Sections `section` (the record) and `section + 1` (the assessment)."""
    if not steps:
        return ""
    style = 'style="background-color:#f2f2f2; font-weight:bold;"'
    heads = (translate("Phase"), translate("Step"), translate("State"), translate("Due"), translate("Moved at"),
             translate("By"), translate("Action / remark"))
    html = [_section(_numbered(translate("%1. Annex: the checklist as worked"), section)),
            '<table width="100%" border="1" cellspacing="0" cellpadding="4" '
            'style="border-collapse:collapse; border-color:#444; font-size:9.5pt;"><tr>',
            *(f"<td {style}>{escape(h)}</td>" for h in heads), "</tr>"]
    for step in steps:
        state = _state(step.state) + (f"：{step.reason}" if step.reason else "")
        notes = "；".join(x for x in (action_text(step.action_done) if step.action_done else "", step.remark) if x)
        indent = "　" if step.parent_key else ""
        cells = (_phase(step.phase), indent + step.title, state, _time(step.due_at, tz), _time(step.changed_at, tz),
                 step.changed_by, notes)
        colour = ' style="color:#c00000;"' if late(step, at) else ""
        html.append("<tr>" + "".join(f"<td{colour}>{escape(c)}</td>" for c in cells) + "</tr>")
    html.append("</table>")
    overdue = [s for s in steps if late(s, at)]
    skipped = [s for s in steps if s.state == NOT_APPLICABLE]
    closed = sum(s.state in CLOSED for s in steps)
    html.append(_section(_numbered(translate("%1. Summary assessment"), section + 1)))
    html.append(_para(translate("%1 of %2 steps closed; %3 overdue; %4 not applicable.")
                      .replace("%1", str(closed)).replace("%2", str(len(steps)))
                      .replace("%3", str(len(overdue))).replace("%4", str(len(skipped)))))
    if overdue:
        html.append(_para(translate("Overdue steps:")))
        html += [_para("· " + s.title + "（" + translate("due %1").replace("%1", _time(s.due_at, tz)) + "）")
                 for s in overdue]
    if skipped:
        html.append(_para(translate("Steps not applicable:")))
        html += [_para("· " + s.title + "：" + s.reason) for s in skipped]
    return "".join(html)


def _para(text: str) -> str:
    return f'<p style="margin-top:2px; margin-bottom:2px;">{escape(text)}</p>'


def _numbered(title: str, n: int) -> str:
    """%1 the section's number in figures (English), %2 in Chinese numerals (三、), as the report above it."""
    return title.replace("%1", str(n)).replace("%2", CHINESE_NUMERALS[n - 1] if 0 < n <= 10 else str(n))


def _section(title: str) -> str:
    return ('<p style="margin-top:16px; margin-bottom:6px; font-size:13pt; font-weight:bold;">'
            f"{escape(title)}</p>")
