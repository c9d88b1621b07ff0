"""The client's registry of synced record kinds: one line per kind. The feed,
the snapshot, the outbox and the event relay loop over it (DESIGN.md)."""

from __future__ import annotations

from services.cameras.record_kind import CAMERA
from services.conference.record_kind import CONFERENCE
from services.contacts.record_kind import CONTACT
from services.dispatch.record_kinds import ORDER
from services.incidents.record_kinds import ENTRY, INCIDENT
from services.notifications.record_kind import NOTIFICATION
from services.records.kind import KindRegistry
from services.resources.record_kind import RESOURCE


def client_record_kinds() -> KindRegistry:
    """In the order a page is applied and a snapshot loaded: incidents before their entries."""
    return KindRegistry([
        INCIDENT,
        ENTRY,
        RESOURCE,
        CAMERA,
        ORDER,
        CONTACT,
        NOTIFICATION,
        CONFERENCE,
    ])
