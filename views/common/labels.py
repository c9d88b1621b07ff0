"""Translated names for domain values and validation problems.

Services speak in codes; this is the one place they become words. Every string
goes through Qt's translation system (context "Labels"): English in the source,
Simplified Chinese in resources/i18n."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from services.incidents.deadlines import DeadlineKind
from services.incidents.model import Category, EntryKind, Severity, Source, Status
from services.incidents.validation import Problem
from services.timeline import is_response_decision
from views.common import clearance_labels


def severity_name(value: Severity) -> str:
    return {
        Severity.I: QCoreApplication.translate("Labels", "Especially major (I)"),
        Severity.II: QCoreApplication.translate("Labels", "Major (II)"),
        Severity.III: QCoreApplication.translate("Labels", "Relatively major (III)"),
        Severity.IV: QCoreApplication.translate("Labels", "General (IV)"),
        Severity.UNGRADED: QCoreApplication.translate("Labels", "Ungraded"),
    }[value]


def severity_short(value: Severity) -> str:
    return {
        Severity.I: QCoreApplication.translate("Labels", "I"),
        Severity.II: QCoreApplication.translate("Labels", "II"),
        Severity.III: QCoreApplication.translate("Labels", "III"),
        Severity.IV: QCoreApplication.translate("Labels", "IV"),
        Severity.UNGRADED: QCoreApplication.translate("Labels", "Ungraded"),
    }[value]


def category_name(value: Category) -> str:
    return {
        Category.NATURAL: QCoreApplication.translate("Labels", "Natural disaster"),
        Category.ACCIDENT: QCoreApplication.translate("Labels", "Accident"),
        Category.PUBLIC_HEALTH: QCoreApplication.translate("Labels", "Public health incident"),
        Category.SOCIAL_SAFETY: QCoreApplication.translate("Labels", "Social safety incident"),
    }[value]


def status_name(value: Status) -> str:
    return {
        Status.RECEIVED: QCoreApplication.translate("Labels", "Received"),
        Status.RESPONDING: QCoreApplication.translate("Labels", "Responding"),
        Status.CLOSED: QCoreApplication.translate("Labels", "Closed"),
        Status.CANCELLED: QCoreApplication.translate("Labels", "Cancelled"),
    }[value]


def source_name(value: Source) -> str:
    return {
        Source.PHONE: QCoreApplication.translate("Labels", "Phone call"),
        Source.SUPERIOR: QCoreApplication.translate("Labels", "From superior"),
        Source.SUBORDINATE: QCoreApplication.translate("Labels", "From subordinate"),
        Source.DEPARTMENT: QCoreApplication.translate("Labels", "From department"),
        Source.SYSTEM: QCoreApplication.translate("Labels", "Monitoring system"),
        Source.MEDIA: QCoreApplication.translate("Labels", "Media / internet"),
        Source.OTHER: QCoreApplication.translate("Labels", "Other"),
    }[value]


def entry_kind_name(value: EntryKind) -> str:
    return {
        EntryKind.INITIAL_REPORT: QCoreApplication.translate("Labels", "Initial report"),
        EntryKind.FOLLOW_UP_REPORT: QCoreApplication.translate("Labels", "Follow-up report"),
        EntryKind.FINAL_REPORT: QCoreApplication.translate("Labels", "Final report"),
        EntryKind.NOTE: QCoreApplication.translate("Labels", "Note"),
        EntryKind.CALL: QCoreApplication.translate("Labels", "Call"),
        EntryKind.STATUS_CHANGE: QCoreApplication.translate("Labels", "Status change"),
        EntryKind.SYSTEM: QCoreApplication.translate("Labels", "System"),
        EntryKind.DISPATCH: QCoreApplication.translate("Labels", "Dispatch"),
        EntryKind.CONFERENCE: QCoreApplication.translate("Labels", "Conference"),
        EntryKind.MINUTES: QCoreApplication.translate("Labels", "Minutes"),
        EntryKind.DECISION: QCoreApplication.translate("Labels", "Decision"),
        EntryKind.CHECKLIST: QCoreApplication.translate("Labels", "Checklist step"),
    }[value]


def entry_label(entry) -> str:
    """What a timeline entry is called wherever it is shown (the card, the timeline,
    the printed reports): a response's decision is 响应决定, a conference's 会商决定."""
    if is_response_decision(entry.kind, entry.data):
        return QCoreApplication.translate("Labels", "Response decision")
    return entry_kind_name(entry.kind)


def deadline_kind_name(value: DeadlineKind) -> str:
    return {
        DeadlineKind.INITIAL: QCoreApplication.translate("Labels", "Initial report due"),
        DeadlineKind.FOLLOW_UP: QCoreApplication.translate("Labels", "Follow-up due"),
    }[value]


def attributed(name: str, account: str) -> str:
    """Who did it: the name the workstation typed, with the platform account the
    platform recorded when it differs (the account is what the platform vouches for)."""
    if not account or account == name:
        return name
    if not name:
        return QCoreApplication.translate("Labels", "account %1").replace("%1", account)
    return QCoreApplication.translate("Labels", "%1 (account %2)").replace("%1", name).replace("%2", account)


def exercise_mark() -> str:
    return QCoreApplication.translate("Labels", "EXERCISE")


def field_name(field: str) -> str:
    names = {
        "title": QCoreApplication.translate("Labels", "Title"),
        "type": QCoreApplication.translate("Labels", "Type"),
        "category": QCoreApplication.translate("Labels", "Category"),
        "severity": QCoreApplication.translate("Labels", "Severity"),
        "occurred_at": QCoreApplication.translate("Labels", "Time of occurrence"),
        "place": QCoreApplication.translate("Labels", "Place"),
        "division": QCoreApplication.translate("Labels", "Administrative division"),
        "coordinates": QCoreApplication.translate("Labels", "Coordinates"),
        "deaths": QCoreApplication.translate("Labels", "Deaths"),
        "injured": QCoreApplication.translate("Labels", "Injured"),
        "missing": QCoreApplication.translate("Labels", "Missing"),
        "trapped": QCoreApplication.translate("Labels", "Trapped"),
        "reporter": QCoreApplication.translate("Labels", "Reporter"),
        "reporter_phone": QCoreApplication.translate("Labels", "Reporter phone"),
        "summary": QCoreApplication.translate("Labels", "Summary"),
        "body": QCoreApplication.translate("Labels", "Content"),
        "reason": QCoreApplication.translate("Labels", "Reason"),
        "status": QCoreApplication.translate("Labels", "Status"),
        "kind": QCoreApplication.translate("Labels", "Entry"),
        "level": QCoreApplication.translate("Clearance", "Classification"),
    }
    return names.get(field, field)


def problem_message(problem: Problem) -> str:
    """One sentence per problem, naming the field."""
    field = field_name(problem.field)
    code = problem.code
    if code == "required":
        return QCoreApplication.translate("Labels", "%1 must not be empty.").replace("%1", field)
    if code == "too_long":
        return (
            QCoreApplication.translate("Labels", "%1 is too long: at most %2 characters.")
            .replace("%1", field)
            .replace("%2", str(problem.limit))
        )
    if code == "in_future":
        return QCoreApplication.translate(
            "Labels", "%1 lies in the future; check the date and time."
        ).replace("%1", field)
    if code == "too_old":
        return QCoreApplication.translate("Labels", "%1 is implausibly far in the past.").replace(
            "%1", field
        )
    if problem.field == "level":
        return clearance_labels.problem_message(code)
    if code == "no_timezone":
        return QCoreApplication.translate("Labels", "%1 has no time zone.").replace("%1", field)
    if problem.field == "coordinates":
        return {
            "incomplete": QCoreApplication.translate(
                "Labels", "Enter both latitude and longitude, or neither."
            ),
            "out_of_range": QCoreApplication.translate(
                "Labels", "Latitude must be within ±90° and longitude within ±180°."
            ),
            "swapped": QCoreApplication.translate(
                "Labels", "Latitude and longitude look swapped: latitude comes first."
            ),
            "outside_region": QCoreApplication.translate(
                "Labels", "The coordinates lie outside the service region; check them."
            ),
        }.get(code, QCoreApplication.translate("Labels", "The coordinates are not valid."))
    if problem.field == "type":
        return {
            "unknown": QCoreApplication.translate("Labels", "Unknown incident type."),
            "wrong_category": QCoreApplication.translate(
                "Labels", "The type does not belong to the chosen category."
            ),
        }.get(code, QCoreApplication.translate("Labels", "The incident type is not valid."))
    if problem.field == "kind":
        return {
            "initial_exists": QCoreApplication.translate(
                "Labels", "An initial report has already been sent for this incident."
            ),
            "initial_missing": QCoreApplication.translate(
                "Labels", "Send the initial report first."
            ),
            "final_reported": QCoreApplication.translate(
                "Labels", "The final report has been sent; no further reports."
            ),
            "not_allowed": QCoreApplication.translate(
                "Labels", "This kind of entry cannot be added by hand."
            ),
        }.get(code, QCoreApplication.translate("Labels", "This entry is not allowed."))
    if problem.field == "attachment":
        return {
            "not_png": QCoreApplication.translate("Labels", "The picture is not a PNG image."),
            "too_large": QCoreApplication.translate(
                "Labels", "The picture is too large to attach (at most 600 KB)."
            ),
        }.get(code, QCoreApplication.translate("Labels", "The picture cannot be attached."))
    if problem.field == "conference" and code == "other_site":
        return QCoreApplication.translate(
            "Labels", "Only the site that opened this conference may invite to it or close it.")
    if problem.field == "status" and code == "invalid_transition":
        return QCoreApplication.translate(
            "Labels", "The status cannot go back or change after the incident is closed."
        )
    if problem.field == "reporter_phone":
        return QCoreApplication.translate(
            "Labels", "The phone number may contain only digits, spaces and + - ( )."
        )
    if code == "out_of_range":
        return QCoreApplication.translate("Labels", "%1 is out of range.").replace("%1", field)
    return QCoreApplication.translate("Labels", "%1 is not valid.").replace("%1", field)


def storage_message(problem: str) -> str:
    """Why the mirror could not store a change (offline_cache.errors.StorageProblem)."""
    return {
        "disk_full": QCoreApplication.translate(
            "Labels",
            "The disk is full: nothing was saved. Free some space and try again; "
            "what you typed is still in the form.",
        ),
        "read_only": QCoreApplication.translate(
            "Labels",
            "The local database is read-only: nothing was saved. Ask the administrator "
            "to check the data folder's permissions.",
        ),
        "locked": QCoreApplication.translate(
            "Labels", "The local database is busy: nothing was saved. Try again in a moment."
        ),
        "io": QCoreApplication.translate(
            "Labels", "The disk reported an error: nothing was saved. Try again, then call support."
        ),
    }.get(
        problem,
        QCoreApplication.translate("Labels", "The change could not be saved: nothing was stored."),
    )


_type_names_en: dict[str, str] = {}


def use_taxonomy(taxonomy) -> None:
    """Remembers the taxonomy's English type names for English-language UIs.
    (Stored incidents carry the Chinese name, which is what reports use.)"""
    _type_names_en.update({t.code: t.name_en for c in taxonomy.categories for t in c.types})


def type_label(type_code: str, stored_name: str) -> str:
    if QLocale().language() == QLocale.Language.English:
        return _type_names_en.get(type_code, stored_name)
    return stored_name
