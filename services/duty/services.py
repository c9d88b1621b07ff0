"""The duty services of one watch room, built together so they share its room,
clock, events and the workstation's platform identity (the composition root,
the headless tests and the benchmark build them here)."""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from offline_cache.database import Mirror
from services.clock import Clock
from services.duty.contract import DEFAULT_MAX_HOURS
from services.duty.handover import HandoverService
from services.duty.room import Identity, Room
from services.duty.roster import RosterService
from services.duty.shifts import ShiftService
from services.duty.swaps import SwapService
from services.events import EventBus
from services.incidents.deadlines import ReportingRules


@dataclass
class DutyServices:
    room: Room
    identity: Identity
    roster: RosterService
    swaps: SwapService
    shifts: ShiftService
    handovers: HandoverService


def duty_services(mirror: Mirror, site_code: str, zone: ZoneInfo, rules: ReportingRules, *,
                  events: EventBus | None = None, clock: Clock | None = None,
                  max_hours: float = DEFAULT_MAX_HOURS, workstation: str = "") -> DutyServices:
    room = Room(site_code, zone, max_hours)
    identity = Identity()
    identity.workstation = workstation
    common = {"events": events, "clock": clock, "identity": identity}
    return DutyServices(room, identity, RosterService(mirror, room, **common), SwapService(mirror, room, **common),
                        ShiftService(mirror, room, **common), HandoverService(mirror, room, rules=rules, **common))
