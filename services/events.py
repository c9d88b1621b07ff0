"""Domain events. Services publish them after a commit; app/ relays them to Qt."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class IncidentChanged:
    incident_id: str  # "" with reason "bulk": many incidents changed (a catch-up page)
    reason: str  # created / updated / status / report / synced / bulk


@dataclass(frozen=True)
class EntryAppended:
    incident_id: str
    entry_id: str


@dataclass(frozen=True)
class RecordsChanged:
    """Records of one kind without a timeline of their own (resources, cameras,
    orders, contacts, notifications, conferences, and every kind added later)
    created or changed, here or from the platform, in one batch. `entity` is the
    record kind's name in the sync registry."""

    entity: str
    ids: tuple[str, ...]


Event = IncidentChanged | EntryAppended | RecordsChanged


class EventBus:
    """Synchronous fan-out; a failing subscriber is logged, never breaks the writer."""

    def __init__(self) -> None:
        self._subscribers: list[Callable[[Event], None]] = []
        self._lock = threading.Lock()

    def subscribe(self, callback: Callable[[Event], None]) -> None:
        with self._lock:
            self._subscribers.append(callback)

    def unsubscribe(self, callback: Callable[[Event], None]) -> None:
        with self._lock:
            if callback in self._subscribers:
                self._subscribers.remove(callback)

    def publish(self, event: Event) -> None:
        with self._lock:
            subscribers = list(self._subscribers)
        for callback in subscribers:
            try:
                callback(event)
            except Exception:  # noqa: BLE001 - one broken listener must not stop the rest
                log.exception("event subscriber failed for %s", event)
