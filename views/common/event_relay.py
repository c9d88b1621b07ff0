"""Relays domain events (published on any thread) to Qt signals on the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from services.events import (
    CamerasChanged,
    ConferencesChanged,
    ContactsChanged,
    EntryAppended,
    Event,
    EventBus,
    IncidentChanged,
    NotificationsChanged,
    OrdersChanged,
    ResourcesChanged,
)


class DomainEventRelay(QObject):
    sig_incident_changed = Signal(str, str)  # incident id, reason
    sig_entry_appended = Signal(str, str)  # incident id, entry id
    sig_resources_changed = Signal(list)  # resource ids
    sig_cameras_changed = Signal(list)  # camera ids
    sig_orders_changed = Signal(list)  # dispatch order ids
    sig_contacts_changed = Signal(list)  # contact ids
    sig_notifications_changed = Signal(list)  # notification ids
    sig_conferences_changed = Signal(list)  # conference ids

    def attach(self, bus: EventBus) -> None:
        bus.subscribe(self._relay)

    def detach(self, bus: EventBus) -> None:
        bus.unsubscribe(self._relay)

    def _relay(self, event: Event) -> None:
        if isinstance(event, IncidentChanged):
            self.sig_incident_changed.emit(event.incident_id, event.reason)
        elif isinstance(event, EntryAppended):
            self.sig_entry_appended.emit(event.incident_id, event.entry_id)
        elif isinstance(event, ResourcesChanged):
            self.sig_resources_changed.emit(list(event.ids))
        elif isinstance(event, CamerasChanged):
            self.sig_cameras_changed.emit(list(event.ids))
        elif isinstance(event, OrdersChanged):
            self.sig_orders_changed.emit(list(event.ids))
        elif isinstance(event, ContactsChanged):
            self.sig_contacts_changed.emit(list(event.ids))
        elif isinstance(event, NotificationsChanged):
            self.sig_notifications_changed.emit(list(event.ids))
        elif isinstance(event, ConferencesChanged):
            self.sig_conferences_changed.emit(list(event.ids))
