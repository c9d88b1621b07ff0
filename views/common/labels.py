"""Translated names for domain values and validation problems.

Services speak in codes; this is the one place they become words. Every string
goes through Qt's translation system (context "Labels"): English in the source,
Simplified Chinese in resources/i18n."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from services.incidents.deadlines import DeadlineKind
from services.incidents.model import Category, EntryKind, Severity, Source, Status
from services.incidents.validation import Problem


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def severity_name(value: Severity) -> str:
    return {
        Severity.I: _t("Especially major (I)"),
        Severity.II: _t("Major (II)"),
        Severity.III: _t("Relatively major (III)"),
        Severity.IV: _t("General (IV)"),
        Severity.UNGRADED: _t("Ungraded"),
    }[value]


def severity_short(value: Severity) -> str:
    return {
        Severity.I: _t("I"),
        Severity.II: _t("II"),
        Severity.III: _t("III"),
        Severity.IV: _t("IV"),
        Severity.UNGRADED: _t("Ungraded"),
    }[value]


def category_name(value: Category) -> str:
    return {
        Category.NATURAL: _t("Natural disaster"),
        Category.ACCIDENT: _t("Accident"),
        Category.PUBLIC_HEALTH: _t("Public health incident"),
        Category.SOCIAL_SAFETY: _t("Social safety incident"),
    }[value]


def status_name(value: Status) -> str:
    return {
        Status.RECEIVED: _t("Received"),
        Status.RESPONDING: _t("Responding"),
        Status.CLOSED: _t("Closed"),
        Status.CANCELLED: _t("Cancelled"),
    }[value]


def source_name(value: Source) -> str:
    return {
        Source.PHONE: _t("Phone call"),
        Source.SUPERIOR: _t("From superior"),
        Source.SUBORDINATE: _t("From subordinate"),
        Source.DEPARTMENT: _t("From department"),
        Source.SYSTEM: _t("Monitoring system"),
        Source.MEDIA: _t("Media / internet"),
        Source.OTHER: _t("Other"),
    }[value]


def entry_kind_name(value: EntryKind) -> str:
    return {
        EntryKind.INITIAL_REPORT: _t("Initial report"),
        EntryKind.FOLLOW_UP_REPORT: _t("Follow-up report"),
        EntryKind.FINAL_REPORT: _t("Final report"),
        EntryKind.NOTE: _t("Note"),
        EntryKind.CALL: _t("Call"),
        EntryKind.STATUS_CHANGE: _t("Status change"),
        EntryKind.SYSTEM: _t("System"),
    }[value]


def deadline_kind_name(value: DeadlineKind) -> str:
    return {
        DeadlineKind.INITIAL: _t("Initial report due"),
        DeadlineKind.FOLLOW_UP: _t("Follow-up due"),
    }[value]


def exercise_mark() -> str:
    return _t("EXERCISE")


def field_name(field: str) -> str:
    names = {
        "title": _t("Title"),
        "type": _t("Type"),
        "category": _t("Category"),
        "severity": _t("Severity"),
        "occurred_at": _t("Time of occurrence"),
        "place": _t("Place"),
        "division": _t("Administrative division"),
        "coordinates": _t("Coordinates"),
        "deaths": _t("Deaths"),
        "injured": _t("Injured"),
        "missing": _t("Missing"),
        "trapped": _t("Trapped"),
        "reporter": _t("Reporter"),
        "reporter_phone": _t("Reporter phone"),
        "summary": _t("Summary"),
        "body": _t("Content"),
        "reason": _t("Reason"),
        "status": _t("Status"),
        "kind": _t("Entry"),
    }
    return names.get(field, field)


def problem_message(problem: Problem) -> str:
    """One sentence per problem, naming the field."""
    field = field_name(problem.field)
    code = problem.code
    if code == "required":
        return _t("%1 must not be empty.").replace("%1", field)
    if code == "too_long":
        return (
            _t("%1 is too long: at most %2 characters.")
            .replace("%1", field)
            .replace("%2", str(problem.limit))
        )
    if code == "in_future":
        return _t("%1 lies in the future; check the date and time.").replace("%1", field)
    if code == "too_old":
        return _t("%1 is implausibly far in the past.").replace("%1", field)
    if code == "no_timezone":
        return _t("%1 has no time zone.").replace("%1", field)
    if problem.field == "coordinates":
        return {
            "incomplete": _t("Enter both latitude and longitude, or neither."),
            "out_of_range": _t("Latitude must be within ±90° and longitude within ±180°."),
            "swapped": _t("Latitude and longitude look swapped: latitude comes first."),
            "outside_region": _t("The coordinates lie outside the service region; check them."),
        }.get(code, _t("The coordinates are not valid."))
    if problem.field == "type":
        return {
            "unknown": _t("Unknown incident type."),
            "wrong_category": _t("The type does not belong to the chosen category."),
        }.get(code, _t("The incident type is not valid."))
    if problem.field == "kind":
        return {
            "initial_exists": _t("An initial report has already been sent for this incident."),
            "initial_missing": _t("Send the initial report first."),
            "final_reported": _t("The final report has been sent; no further reports."),
            "not_allowed": _t("This kind of entry cannot be added by hand."),
        }.get(code, _t("This entry is not allowed."))
    if problem.field == "status" and code == "invalid_transition":
        return _t("The status cannot go back or change after the incident is closed.")
    if problem.field == "reporter_phone":
        return _t("The phone number may contain only digits, spaces and + - ( ).")
    if code == "out_of_range":
        return _t("%1 is out of range.").replace("%1", field)
    return _t("%1 is not valid.").replace("%1", field)


def storage_message(problem: str) -> str:
    """Why the mirror could not store a change (offline_cache.errors.StorageProblem)."""
    return {
        "disk_full": _t(
            "The disk is full: nothing was saved. Free some space and try again; "
            "what you typed is still in the form."
        ),
        "read_only": _t(
            "The local database is read-only: nothing was saved. Ask the administrator "
            "to check the data folder's permissions."
        ),
        "locked": _t("The local database is busy: nothing was saved. Try again in a moment."),
        "io": _t("The disk reported an error: nothing was saved. Try again, then call support."),
    }.get(problem, _t("The change could not be saved: nothing was stored."))
