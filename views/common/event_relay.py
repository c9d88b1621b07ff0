"""Relays domain events (published on any thread) to Qt signals on the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from services.events import EntryAppended, Event, EventBus, IncidentChanged, RecordsChanged


class RecordSignals(QObject):
    """The changes of one record kind (views connect to the kinds they show)."""

    sig_changed = Signal(list)  # ids of the records created or changed


class DomainEventRelay(QObject):
    sig_incident_changed = Signal(str, str)  # incident id, reason
    sig_entry_appended = Signal(str, str)  # incident id, entry id
    sig_records_changed = Signal(str, list)  # record kind, ids

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._kinds: dict[str, RecordSignals] = {}

    def records(self, entity: str) -> RecordSignals:
        """The signals of one record kind (`order`, `camera` ...), made on first use."""
        signals = self._kinds.get(entity)
        if signals is None:
            signals = self._kinds[entity] = RecordSignals(self)
        return signals

    def attach(self, bus: EventBus) -> None:
        bus.subscribe(self._relay)

    def detach(self, bus: EventBus) -> None:
        bus.unsubscribe(self._relay)

    def _relay(self, event: Event) -> None:
        if isinstance(event, IncidentChanged):
            self.sig_incident_changed.emit(event.incident_id, event.reason)
        elif isinstance(event, EntryAppended):
            self.sig_entry_appended.emit(event.incident_id, event.entry_id)
        elif isinstance(event, RecordsChanged):
            self.sig_records_changed.emit(event.entity, list(event.ids))
            signals = self._kinds.get(event.entity)
            if signals is not None:
                signals.sig_changed.emit(list(event.ids))
