"""The client's registry of synced record kinds: one line per kind. The feed,
the snapshot, the outbox and the event relay loop over it (DESIGN.md)."""

from __future__ import annotations

from services.cameras.record_kind import camera_kind
from services.conference.record_kind import conference_kind
from services.contacts.record_kind import CONTACT
from services.dispatch.record_kinds import ORDER
from services.duty.record_kinds import (
    DUTY_SIGNIN,
    DUTY_SWAP,
    HANDOVER,
    ROSTER_ENTRY,
    ROSTER_PUBLICATION,
    SHIFT_PATTERN,
)
from services.duty_log.record_kind import DAILY_REPORT
from services.incidents.record_kinds import ENTRY, INCIDENT
from services.monitoring.record_kinds import ALARM, READING, STATION
from services.notifications.record_kind import NOTIFICATION
from services.plans.record_kind import CHECKLIST_STEP, PLAN, RESPONSE
from services.plans.regulation_kind import REGULATION
from services.positions.record_kind import POSITION
from services.records.kind import KindRegistry
from services.reminders.record_kinds import REMINDER, REMINDER_DONE
from services.resources.record_kind import RESOURCE
from services.rollcall.record_kind import ROLLCALL
from services.stream_urls import DEFAULT_SCHEMES
from services.warnings.record_kind import WARNING


def client_record_kinds(url_schemes: tuple[str, ...] = DEFAULT_SCHEMES) -> KindRegistry:
    """In the order a page is applied and a snapshot loaded: incidents before their entries.
    `url_schemes`: the stream URLs this workstation opens (services/stream_urls.py)."""
    return KindRegistry([
        INCIDENT,
        ENTRY,
        RESOURCE,
        camera_kind(url_schemes),
        ORDER,
        CONTACT,
        NOTIFICATION,
        conference_kind(url_schemes),
        SHIFT_PATTERN,
        ROSTER_ENTRY,
        ROSTER_PUBLICATION,
        DUTY_SWAP,
        DUTY_SIGNIN,
        HANDOVER,
        ROLLCALL,
        REMINDER,
        REMINDER_DONE,
        DAILY_REPORT,
        PLAN,
        RESPONSE,
        CHECKLIST_STEP,
        REGULATION,
        WARNING,
        STATION,
        READING,
        ALARM,
        POSITION,
    ])
