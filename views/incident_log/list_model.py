"""Incident columns on top of the generic lazy table model.

Deadlines are computed when a cell is painted (from the service's clock), so the
countdown is always current; the view only has to ask for a repaint."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor

from services.incidents.deadlines import Deadline
from services.incidents.model import Casualties, Incident, Status
from services.incidents.service import IncidentService
from views.common import labels
from views.common.clearance_labels import Levels
from views.common.durations import remaining_text
from views.common.lazy_table_model import Column, LazyTableModel
from widgets.badges import COUNTDOWN_ROLE, SEVERITY_ROLE, TAG_ROLE, Countdown
from widgets.level_badge import LEVEL_RANK_ROLE, LEVEL_ROLE

translate = QCoreApplication.translate

(
    COL_CODE,
    COL_SEVERITY,
    COL_TITLE,
    COL_TYPE,
    COL_STATUS,
    COL_PLACE,
    COL_OCCURRED,
    COL_REPORTED,
    COL_CASUALTIES,
    COL_DEADLINE,
    COL_RESPONSE,
) = range(11)

TIME_FORMAT = "%Y-%m-%d %H:%M"  # yyyy-MM-dd HH:mm
TOOLTIP = Qt.ItemDataRole.ToolTipRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole

STATUS_COLOURS = {
    Status.RECEIVED: "#b02a1e",
    Status.RESPONDING: "#c25e00",
    Status.CLOSED: "#5f6b5f",
    Status.CANCELLED: "#8a8a8a",
}


def format_time(value: datetime | None, tz: tzinfo) -> str:
    return value.astimezone(tz).strftime(TIME_FORMAT) if value else ""


def countdown(deadline: Deadline | None) -> Countdown:
    if deadline is None:
        return Countdown("", "")
    return Countdown(deadline.state.value, remaining_text(deadline.remaining.total_seconds()))


def deadline_tooltip(deadline: Deadline | None, tz: tzinfo) -> str:
    if deadline is None:
        return translate("IncidentList", "No report due")
    return (
        translate("IncidentList", "%1 by %2")
        .replace("%1", labels.deadline_kind_name(deadline.kind))
        .replace("%2", format_time(deadline.due_at, tz))
    )


def casualty_text(c: Casualties) -> str:
    """Only the non-zero figures: "亡2 伤5"; empty when nobody is hurt."""
    parts = [
        (c.deaths, translate("IncidentList", "%1 dead")),
        (c.injured, translate("IncidentList", "%1 injured")),
        (c.missing, translate("IncidentList", "%1 missing")),
        (c.trapped, translate("IncidentList", "%1 trapped")),
    ]
    return " ".join(text.replace("%1", str(n)) for n, text in parts if n)


def casualty_tooltip(c: Casualties) -> str:
    return (
        translate("IncidentList", "Deaths %1, injured %2, missing %3, trapped %4")
        .replace("%1", str(c.deaths))
        .replace("%2", str(c.injured))
        .replace("%3", str(c.missing))
        .replace("%4", str(c.trapped))
    )


def code_tooltip(i: Incident) -> str:
    parts = [i.code]
    if i.exercise:
        parts.append(labels.exercise_mark())
    if i.pending_sync:
        parts.append(translate("IncidentList", "pending sync"))
    return " · ".join(parts)


def incident_columns(
    service: IncidentService, tz: tzinfo, now: Callable[[], datetime] | None = None
) -> list[Column[Incident]]:
    """The incident list's columns; `now` defaults to the service's clock."""
    clock = now or service.clock.now
    levels = Levels(*service.levels())  # the badge before the title: 内部, 秘密 ... (none for 公开)

    def deadline(i: Incident) -> Deadline | None:
        return service.deadline(i, clock())

    return [
        Column(
            translate("IncidentList", "Code"),
            lambda i: i.code,
            "code",
            {
                TAG_ROLE: lambda i: labels.exercise_mark() if i.exercise else "",
                TOOLTIP: code_tooltip,
            },
        ),
        Column(
            translate("IncidentList", "Severity"),
            lambda i: labels.severity_short(i.severity),
            "severity",
            {
                SEVERITY_ROLE: lambda i: i.severity.value,
                TOOLTIP: lambda i: labels.severity_name(i.severity),
            },
        ),
        Column(
            translate("IncidentList", "Title"),
            lambda i: i.title,
            "title",
            {TOOLTIP: lambda i: i.title, LEVEL_ROLE: lambda i: levels.badge_text(i.level),
             LEVEL_RANK_ROLE: lambda i: i.level},
        ),
        Column(
            translate("IncidentList", "Type"),
            lambda i: labels.type_label(i.type_code, i.type_name) or labels.category_name(i.category),
            "category",
            {
                TOOLTIP: lambda i: labels.category_name(i.category),
            },
        ),
        Column(
            translate("IncidentList", "Status"),
            lambda i: labels.status_name(i.status),
            "status",
            {
                FOREGROUND: lambda i: QColor(STATUS_COLOURS[i.status]),
            },
        ),
        Column(
            translate("IncidentList", "Place"),
            lambda i: i.place,
            None,
            {TOOLTIP: lambda i: i.place},
        ),
        Column(
            translate("IncidentList", "Occurred"),
            lambda i: format_time(i.occurred_at, tz),
            "occurred_at",
        ),
        Column(
            translate("IncidentList", "Reported"),
            lambda i: format_time(i.reported_at, tz),
            "reported_at",
        ),
        Column(
            translate("IncidentList", "Casualties"),
            lambda i: casualty_text(i.casualties),
            "casualties",
            {
                TOOLTIP: lambda i: casualty_tooltip(i.casualties),
            },
        ),
        Column(
            translate("IncidentList", "Report due"),
            lambda i: countdown(deadline(i)).text,
            None,
            {
                COUNTDOWN_ROLE: lambda i: countdown(deadline(i)),
                TOOLTIP: lambda i: deadline_tooltip(deadline(i), tz),
            },
            header_tooltip=translate(
                "IncidentList", "Time left until the next report (initial or follow-up) is due"
            ),
        ),
        Column(
            translate("IncidentList", "Response"),
            lambda i: translate("IncidentList", "Level %1").replace("%1", i.response_level) if i.response_level
            else "",
            None,
            {
                FOREGROUND: lambda i: QColor("#b02a1e") if i.response_level else None,
                TOOLTIP: lambda i: translate("IncidentList", "A level %1 response is under way (the plan's level, "
                                             "not the severity)").replace("%1", i.response_level)
                if i.response_level else translate("IncidentList", "No response under way"),
            },
            header_tooltip=translate("IncidentList", "The plan response under way (预案响应级别)"),
        ),
    ]


def create_incident_model(
    service: IncidentService,
    tz: tzinfo,
    loader: Callable[[int, int], list[Incident]],
    on_sort: Callable[[str, bool], None],
    parent: QObject | None = None,
    *,
    runner: Any = None,
    background_loader: Callable[[], Callable[[int, int], list[Incident]]] | None = None,
) -> LazyTableModel[Incident]:
    return LazyTableModel(
        incident_columns(service, tz), loader, key=lambda i: i.id, on_sort=on_sort, parent=parent,
        runner=runner, background_loader=background_loader,
    )
