"""The printable 交接班记录 of a shift, as HTML for QTextDocument, in the look of
the incident reports (views/incident_log/report_document.py): the red heading
and rule, the unit and time, a table of the shift's facts, then each section
of items with its state and the incoming officer's notes, and the signatures.
Every value from a record is escaped; every label is translated."""

from __future__ import annotations

from datetime import datetime, tzinfo
from html import escape

from PySide6.QtCore import QCoreApplication

from services.duty.contract import ItemKind, ItemState
from services.duty.model import Handover, HandoverItem
from views.duty.messages import due_text, handover_state_name, item_kind_name, item_state_name
from views.incident_log.report_document import BODY_FONT, HEADING_FONT, RED

translate = QCoreApplication.translate


def _time(value: datetime | None, tz: tzinfo) -> str:
    return value.astimezone(tz).strftime("%Y-%m-%d %H:%M") if value else ""


def _section(title: str) -> str:
    return ('<p style="margin-top:14px; margin-bottom:5px; font-size:13pt; font-weight:bold;">'
            f"{escape(title)}</p>")


def item_due(item: HandoverItem, tz: tzinfo) -> str:
    if not item.due_at:
        return translate("HandoverDocument", "no report due") if item.kind == ItemKind.INCIDENT else ""
    return f"{due_text(item.due_kind)} {datetime.fromisoformat(item.due_at).astimezone(tz).strftime('%m-%d %H:%M')}"


def _items_table(items: list[HandoverItem], tz: tzinfo) -> str:
    heads = ((translate("HandoverDocument", "No."), ' width="6%"'), (translate("HandoverDocument", "Item"), ""),
             (translate("HandoverDocument", "Deadline / details"), ' width="28%"'),
             (translate("HandoverDocument", "Taken over"), ' width="22%"'))
    style = 'style="background-color:#f2f2f2; font-weight:bold;"'
    html = ['<table width="100%" border="1" cellspacing="0" cellpadding="5" '
            'style="border-collapse:collapse; border-color:#444; font-size:10.5pt;"><tr>',
            *(f"<td {style}{width}>{escape(text)}</td>" for text, width in heads), "</tr>"]
    for n, item in enumerate(items, 1):
        detail = " ".join(x for x in (item_due(item, tz), item.detail) if x)
        state = item_state_name(item.state) + (f"（{item.by}）" if item.by else "")
        if item.note:
            state += f"：{item.note}"
        colour = ' style="color:#c00000;"' if item.state == ItemState.QUESTIONED else ""
        html.append(f"<tr><td>{n}</td><td>{escape(item.text)}</td><td>{escape(detail)}</td>"
                    f"<td{colour}>{escape(state)}</td></tr>")
    html.append("</table>")
    return "".join(html)


def build_html(handover: Handover, *, site_name: str, tz: tzinfo, body_font: str = BODY_FONT,
               heading_font: str = HEADING_FONT) -> str:
    blank = "＿＿＿＿＿＿＿＿"
    fonts = f"'{body_font}', '{heading_font}', sans-serif"
    heading_style = (f"margin-top:4px; margin-bottom:14px; font-family:'{heading_font}', {fonts};"
                     f" font-size:24pt; font-weight:bold; color:{RED};")
    unit = translate("HandoverDocument", "Watch room: %1").replace("%1", site_name or blank)
    when = translate("HandoverDocument", "Handed over: %1").replace("%1", _time(handover.handed_over_at, tz))
    facts = [
        (translate("HandoverDocument", "Shift"), f"{handover.shift_label}  {_time(handover.start, tz)} – "
                                                 f"{_time(handover.end, tz)}"),
        (translate("HandoverDocument", "Handed over by"), handover.handed_over_by
         + (f"（{handover.account}）" if handover.account and handover.account != handover.handed_over_by else "")),
        (translate("HandoverDocument", "Taken over by"), handover.closed_by or blank),
        (translate("HandoverDocument", "Taken over at"), _time(handover.closed_at, tz) or blank),
        (translate("HandoverDocument", "State"), handover_state_name(handover.state)),
        (translate("HandoverDocument", "Items"), translate("HandoverDocument", "%1 in all, %2 questioned, %3 to confirm")
         .replace("%1", str(len(handover.items)))
         .replace("%2", str(sum(1 for i in handover.items if i.state == ItemState.QUESTIONED)))
         .replace("%3", str(handover.outstanding))),
    ]
    th = 'style="background-color:#f2f2f2; font-weight:bold; white-space:nowrap;" width="18%"'
    rows = "".join(f"<tr><td {th}>{escape(label)}</td><td>{escape(value)}</td></tr>" for label, value in facts)
    title = translate("HandoverDocument", "Shift handover record")
    parts = [f'<html><body style="font-family:{fonts}; font-size:12pt; color:#000;">',
             f'<p align="center" style="{heading_style}">{escape(title)}</p>',
             '<table width="100%" cellspacing="0" cellpadding="0" style="font-size:12pt;"><tr>'
             f'<td>{escape(unit)}</td><td align="right">{escape(when)}</td></tr></table>',
             '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
             f'<td style="background-color:{RED}; font-size:2pt;" height="3">&nbsp;</td></tr></table>',
             '<p style="margin-top:8px;">&nbsp;</p>',
             '<table width="100%" border="1" cellspacing="0" cellpadding="6" '
             f'style="border-collapse:collapse; border-color:#444; font-size:11pt;">{rows}</table>']
    number = 0
    for kind in ItemKind:
        items = [i for i in handover.items if i.kind == kind]
        if items:
            number += 1
            parts.append(_section(translate("HandoverDocument", "%1. %2 (%3)").replace("%1", str(number))
                                  .replace("%2", item_kind_name(kind)).replace("%3", str(len(items)))))
            parts.append(_items_table(items, tz))
    if not handover.items:
        parts.append(_section(translate("HandoverDocument", "Nothing to hand over: no open business.")))
    signatures = (translate("HandoverDocument", "Handed over by: %1").replace("%1", handover.handed_over_by),
                  translate("HandoverDocument", "Taken over by: %1").replace("%1", handover.closed_by or blank),
                  translate("HandoverDocument", "Leader on duty:"))
    parts.append('<p style="margin-top:14px; margin-bottom:0;">&nbsp;</p>'
                 '<table width="100%" cellspacing="0" cellpadding="0" style="font-size:12pt;"><tr>'
                 + "".join(f"<td>{escape(text)}</td>" for text in signatures) + "</tr></table></body></html>")
    return "".join(parts)


def file_stem(handover: Handover) -> str:
    stem = translate("HandoverDocument", "Handover %1").replace("%1", handover.shift_label)
    return "".join("-" if c in '\\/:*?"<>| ' else c for c in stem)
