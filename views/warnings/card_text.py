"""The warning card's text: every value from the warning escaped into a small
table (views/map/card.py's look), so a headline with markup shows as the
characters it is. Times in the room's zone."""

from __future__ import annotations

from datetime import datetime, tzinfo
from html import escape

from PySide6.QtCore import QCoreApplication

from services.warnings.model import EarlyWarning
from views.warnings import labels


def _row(label: str, value: str) -> str:
    return (f"<tr><td style='color:#666;padding-right:8px;white-space:nowrap' valign='top'>{escape(label)}</td>"
            f"<td>{escape(value)}</td></tr>")


def _para(text: str) -> str:
    return "<br>".join(escape(line) for line in text.splitlines())


def signature_text(warning: EarlyWarning) -> str:
    if warning.signature == "valid":
        return QCoreApplication.translate("WarningCard", "Signed by %1 (signature valid)").replace("%1", warning.signed_by or QCoreApplication.translate("WarningCard", "an unnamed certificate"))
    if warning.signature == "invalid":
        return QCoreApplication.translate("WarningCard", "Signature INVALID (claimed by %1)").replace("%1", warning.signed_by or "—")
    return QCoreApplication.translate("WarningCard", "Unsigned")


def state_text(warning: EarlyWarning, now: datetime) -> str:
    if warning.issue_state in ("draft", "pending"):
        return labels.issue_state_name(warning.issue_state)
    if warning.standing != "standing":
        return labels.standing_name(warning.standing)
    if warning.expires is not None and warning.expires <= now:
        return QCoreApplication.translate("WarningCard", "Expired")
    return labels.standing_name("standing")


def area_text(warning: EarlyWarning) -> list[str]:
    out = []
    for area in warning.areas:
        parts = [area.description or QCoreApplication.translate("WarningCard", "(no description)")]
        if area.circles:
            parts.append(QCoreApplication.translate("WarningCard", "%1 circle(s)").replace("%1", str(len(area.circles))))
        if area.polygons:
            parts.append(QCoreApplication.translate("WarningCard", "%1 polygon(s)").replace("%1", str(len(area.polygons))))
        if area.geocodes:
            parts.append(QCoreApplication.translate("WarningCard", "division codes %1").replace("%1", "、".join(area.geocodes[:12])
                                                             + ("…" if len(area.geocodes) > 12 else "")))
        out.append(" · ".join(parts))
    return out


def warning_summary(warning: EarlyWarning, now: datetime, tz: tzinfo) -> str:
    """The few lines the map's card shows for a clicked area."""
    rows = [_row(QCoreApplication.translate("WarningCard", "Level"), labels.level_name(warning.colour)), _row(QCoreApplication.translate("WarningCard", "Event"), warning.event),
            _row(QCoreApplication.translate("WarningCard", "Sender"), warning.sender_name or warning.sender),
            _row(QCoreApplication.translate("WarningCard", "Expires"), labels.when(warning.expires, tz)), _row(QCoreApplication.translate("WarningCard", "State"), state_text(warning, now))]
    hint = escape(QCoreApplication.translate("WarningCard", "The full card is in the warnings panel (Ctrl+Shift+W)."))
    return (f"<h3>{escape(warning.headline or warning.event)}</h3><table>{''.join(rows)}</table>"
            f"<p style='color:#666'>{hint}</p>")


def warning_details(warning: EarlyWarning, now: datetime, tz: tzinfo, chain: list[str]) -> str:
    """The card's body under its badge. `chain`: lines on the updates and cancels."""
    rows = [
        _row(QCoreApplication.translate("WarningCard", "Event"), warning.event),
        _row(QCoreApplication.translate("WarningCard", "Sender"), " ".join(x for x in (warning.sender_name, f"({warning.sender})") if x.strip("()"))),
        _row(QCoreApplication.translate("WarningCard", "Sent"), labels.when(warning.sent, tz)),
        _row(QCoreApplication.translate("WarningCard", "Onset"), labels.when(warning.onset or warning.effective, tz)),
        _row(QCoreApplication.translate("WarningCard", "Expires"), labels.when(warning.expires, tz)),
        _row(QCoreApplication.translate("WarningCard", "Urgency"), labels.urgency_name(warning.urgency)),
        _row(QCoreApplication.translate("WarningCard", "Severity (CAP)"), labels.severity_name(warning.severity)),
        _row(QCoreApplication.translate("WarningCard", "Certainty"), labels.certainty_name(warning.certainty)),
        _row(QCoreApplication.translate("WarningCard", "Message"), labels.msg_type_name(warning.msg_type) + " · " + warning.cap_status),
        _row(QCoreApplication.translate("WarningCard", "Origin"), labels.origin_name(warning.origin)),
        _row(QCoreApplication.translate("WarningCard", "State"), state_text(warning, now)),
        _row(QCoreApplication.translate("WarningCard", "Signature"), signature_text(warning)),
        _row(QCoreApplication.translate("WarningCard", "Identifier"), warning.identifier),
    ]
    for line in area_text(warning):
        rows.append(_row(QCoreApplication.translate("WarningCard", "Area"), line))
    for line in chain:
        rows.append(_row(QCoreApplication.translate("WarningCard", "Chain"), line))
    if warning.source_name:
        rows.append(_row(QCoreApplication.translate("WarningCard", "Source"), warning.source_name))
    parts = [f"<div style='font-size:120%;font-weight:bold'>{escape(warning.headline or warning.event)}</div>",
             f"<table>{''.join(rows)}</table>"]
    # Translated outside the f-strings: lupdate does not look inside them.
    described = escape(QCoreApplication.translate("WarningCard", "Description"))
    instructed = escape(QCoreApplication.translate("WarningCard", "Instruction"))
    noted = escape(QCoreApplication.translate("WarningCard", "Noted at import"))
    if warning.description:
        parts.append(f"<p><b>{described}</b><br>{_para(warning.description)}</p>")
    if warning.instruction:
        parts.append(f"<p><b>{instructed}</b><br>{_para(warning.instruction)}</p>")
    if warning.english is not None:
        e = warning.english
        parts.append(f"<p style='color:#444'><b>English</b><br>{escape(e.headline)}<br>{_para(e.description)}"
                     f"<br>{_para(e.instruction)}</p>")
    if warning.checks:
        parts.append(f"<p style='color:#8a6d00'><b>{noted}</b><br>"
                     + "<br>".join(escape(c) for c in warning.checks) + "</p>")
    return "".join(parts)
