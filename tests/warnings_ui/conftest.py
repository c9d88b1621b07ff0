"""The UI tests' warnings world: the real services on a real mirror, a relay,
a task runner, and the warning store and service (services/warnings)."""

from __future__ import annotations

import pytest

from services.resources.store import ResourceStore
from services.warnings.service import WarningService
from services.warnings.store import WarningStore
from views.common.event_relay import DomainEventRelay
from views.common.task_runner import TaskRunner


class World:
    def __init__(self, mirror, events, clock, incidents):
        self.mirror, self.events, self.clock, self.incidents = mirror, events, clock, incidents
        self.warnings = WarningStore(mirror)
        self.warning_service = WarningService(mirror, events, clock, region_code="500000", agency_code="001")
        self.resources = ResourceStore(mirror, events, clock)
        self.relay = DomainEventRelay()
        self.relay.attach(events)
        self.runner = TaskRunner()


@pytest.fixture
def world(mirror, events, clock, incident_service):
    w = World(mirror, events, clock, incident_service)
    yield w
    w.runner.shutdown()
    w.relay.detach(events)
