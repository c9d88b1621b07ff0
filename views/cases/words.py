"""A case in the officer's words: why it was chosen (同类型 · 同等级 · 相距 3.2 km ·
标题相近) and how it ended (已结束 · 死亡 1 人 · 历时 3 小时 20 分)."""

from __future__ import annotations

from datetime import timedelta, tzinfo

from PySide6.QtCore import QCoreApplication

from services.cases.model import Case, Reason
from services.incidents.model import Status
from views.common import labels

SEPARATOR = " · "


def reason_text(reason: Reason, distance_km: float | None) -> str:
    if reason == Reason.DISTANCE:
        km = 0.0 if distance_km is None else distance_km
        shown = f"{km:.1f}" if km < 100 else f"{km:.0f}"
        return QCoreApplication.translate("Cases", "%1 km away").replace("%1", shown)
    return {
        Reason.SAME_TYPE: QCoreApplication.translate("Cases", "same type"),
        Reason.SAME_CATEGORY: QCoreApplication.translate("Cases", "same category"),
        Reason.SAME_SEVERITY: QCoreApplication.translate("Cases", "same severity"),
        Reason.NEAR_SEVERITY: QCoreApplication.translate("Cases", "severity one grade apart"),
        Reason.TITLE_ALIKE: QCoreApplication.translate("Cases", "similar title"),
        Reason.REPORT_ALIKE: QCoreApplication.translate("Cases", "similar reports"),
    }[reason]


def reasons_text(case: Case) -> str:
    return SEPARATOR.join(reason_text(r, case.distance_km) for r in case.reasons)


def duration_text(duration: timedelta | None) -> str:
    if duration is None:
        return QCoreApplication.translate("Cases", "duration unknown")
    minutes = int(duration.total_seconds()) // 60
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return QCoreApplication.translate("Cases", "took %1 d %2 h").replace("%1", str(days)).replace("%2", str(hours))
    if hours:
        return QCoreApplication.translate("Cases", "took %1 h %2 min").replace("%1", str(hours)).replace("%2", str(mins))
    return QCoreApplication.translate("Cases", "took %1 min").replace("%1", str(mins))


def casualties_text(case: Case) -> str:
    c = case.casualties
    if c.total == 0:
        return QCoreApplication.translate("Cases", "no casualties")
    parts = []
    for value, text in ((c.deaths, QCoreApplication.translate("Cases", "%1 dead")), (c.injured, QCoreApplication.translate("Cases", "%1 injured")),
                        (c.missing, QCoreApplication.translate("Cases", "%1 missing")), (c.trapped, QCoreApplication.translate("Cases", "%1 trapped"))):
        if value:
            parts.append(text.replace("%1", str(value)))
    return " ".join(parts)


def outcome_text(case: Case) -> str:
    return SEPARATOR.join((labels.status_name(Status.CLOSED), casualties_text(case), duration_text(case.duration)))


def heading_text(case: Case, tz: tzinfo) -> str:
    """Number, when and what: the first line of a case."""
    when = case.occurred_at.astimezone(tz).strftime("%Y-%m-%d") if case.occurred_at else ""
    grade = labels.severity_short(case.severity) if case.severity else ""
    return "  ".join(p for p in (case.code, when, grade, case.title) if p)


def report_heading(case: Case, tz: tzinfo) -> str:
    if not case.final_report:
        return QCoreApplication.translate("Cases", "%1 has no final report.").replace("%1", case.code)
    when = case.final_report_at.astimezone(tz).strftime("%Y-%m-%d %H:%M") if case.final_report_at else ""
    return QCoreApplication.translate("Cases", "Final report of %1 (%2)").replace("%1", case.code).replace("%2", when)
