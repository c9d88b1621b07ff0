"""The officer's words for the duty log's kinds and what happened within each."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from services.dispatch.lifecycle import OrderStatus
from services.duty_log.alarm_items import ESCALATED, RAISED
from services.duty_log.duty_items import CLOSED, HANDED_OVER, SIGNED_IN
from services.duty_log.log import LogItem, LogKind
from services.incidents.model import EntryKind, Severity, Status
from services.monitoring.contract import AlarmState, Level
from services.reminders.schedule import OccurrenceState
from views.common import labels
from views.dispatch.names import status_name as order_status_name
from views.duty.messages import post_name

translate = QCoreApplication.translate


def kind_name(kind: LogKind) -> str:
    return {
        LogKind.INCIDENT: translate("DutyLog", "Incident"),
        LogKind.CALL: translate("DutyLog", "Call"),
        LogKind.REPORT: translate("DutyLog", "Report"),
        LogKind.ORDER: translate("DutyLog", "Order"),
        LogKind.NOTICE: translate("DutyLog", "Notice"),
        LogKind.CONFERENCE: translate("DutyLog", "Conference"),
        LogKind.ROLLCALL: translate("DutyLog", "Roll call"),
        LogKind.REMINDER: translate("DutyLog", "Reminder"),
        LogKind.HANDOVER: translate("DutyLog", "Handover"),
        LogKind.ALARM: translate("DutyLog", "Alarm"),
    }[kind]


def rollcall_state_name(state: str) -> str:
    return {
        "pending": translate("DutyLog", "waiting for an answer"),
        "answered": translate("DutyLog", "answered"),
        "late": translate("DutyLog", "answered late"),
        "missed": translate("DutyLog", "not answered"),
    }.get(state, state)


def occurrence_state_name(state: str) -> str:
    return {
        OccurrenceState.DONE.value: translate("DutyLog", "done"),
        OccurrenceState.DONE_LATE.value: translate("DutyLog", "done late"),
        OccurrenceState.MISSED.value: translate("DutyLog", "missed"),
        OccurrenceState.DUE.value: translate("DutyLog", "due"),
        OccurrenceState.UPCOMING.value: translate("DutyLog", "upcoming"),
    }.get(state, state)


def what_name(item: LogItem) -> str:
    """What happened, in a few words (the item's `what`, named for its kind)."""
    what = item.what
    if item.kind == LogKind.ALARM:
        return alarm_step_name(what)
    if item.kind == LogKind.INCIDENT and what == "received":
        return translate("DutyLog", "Received")
    if item.kind == LogKind.INCIDENT and what in {s.value for s in Severity}:
        return labels.severity_name(Severity(what))
    if what == EntryKind.STATUS_CHANGE.value and item.to in {s.value for s in Status}:
        return translate("DutyLog", "Status: %1").replace("%1", labels.status_name(Status(item.to)))
    if what in {k.value for k in EntryKind}:
        return labels.entry_kind_name(EntryKind(what))
    if item.kind == LogKind.ORDER and what in {s.value for s in OrderStatus}:
        return order_status_name(OrderStatus(what))
    if item.kind == LogKind.NOTICE:
        return {"sms": translate("DutyLog", "Text message"), "voice": translate("DutyLog", "Voice call")}.get(
            what, what)
    if item.kind == LogKind.CONFERENCE:
        return translate("DutyLog", "Closed") if what == "closed" else translate("DutyLog", "Opened")
    if item.kind == LogKind.ROLLCALL:
        return rollcall_state_name(what)
    if item.kind == LogKind.REMINDER:
        return occurrence_state_name(what)
    if item.kind == LogKind.HANDOVER:
        return {HANDED_OVER: translate("DutyLog", "Handed over"), CLOSED: translate("DutyLog", "Taken over"),
                SIGNED_IN: translate("DutyLog", "Signed in")}.get(what, what)
    return what


def handover_title(item: LogItem) -> str:
    """A sign-in's post by name; a handover's shift as recorded."""
    return post_name(item.title) if item.what == SIGNED_IN else item.title


def handover_detail(item: LogItem) -> str:
    if item.what == HANDED_OVER:
        return translate("DutyLog", "%1 items").replace("%1", item.detail)
    if item.what == SIGNED_IN and item.detail:
        return translate("DutyLog", "Override: %1").replace("%1", item.detail)
    return "" if item.what == CLOSED else item.detail


def alarm_step_name(what: str) -> str:
    return {
        RAISED: translate("DutyLog", "Alarm raised"),
        ESCALATED: translate("DutyLog", "Alarm escalated"),
        AlarmState.ACKNOWLEDGED.value: translate("DutyLog", "Alarm acknowledged"),
        AlarmState.RESOLVED.value: translate("DutyLog", "Alarm handled"),
        AlarmState.INCIDENT.value: translate("DutyLog", "Alarm turned into an incident"),
        AlarmState.FALSE.value: translate("DutyLog", "False alarm"),
    }.get(what, what)


def alarm_level_name(level: str) -> str:
    return {
        Level.BLUE.value: translate("DutyLog", "blue"), Level.YELLOW.value: translate("DutyLog", "yellow"),
        Level.ORANGE.value: translate("DutyLog", "orange"), Level.RED.value: translate("DutyLog", "red"),
        Level.ALERT.value: translate("DutyLog", "above the warning level"),
        Level.GUARANTEE.value: translate("DutyLog", "above the guaranteed level"),
    }.get(level, level)


def alarm_detail(item: LogItem) -> str:
    """A raised alarm's level and reading, an escalation's level and threshold; a step's note."""
    if item.what == RAISED:
        return translate("DutyLog", "%1, reading %2").replace("%1", alarm_level_name(item.to)).replace(
            "%2", item.detail)
    if item.what == ESCALATED:
        return translate("DutyLog", "%1, threshold %2").replace("%1", alarm_level_name(item.to)).replace(
            "%2", item.detail)
    return item.detail
