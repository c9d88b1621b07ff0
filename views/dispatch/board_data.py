"""What the dispatch board knows, Qt-free: every active order in the board's
order (incidents newest first, as DispatchService.active sorts them; each
incident's orders by issue time), and the read of a few changed orders that
runs on a reader thread instead of reading every active order again."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import datetime

from services.dispatch.lifecycle import ACTIVE
from services.dispatch.service import DispatchService, Order
from services.errors import NotFound
from services.incidents.service import IncidentService

GroupKey = tuple[int, float, str]  # incidents newest first (reported_at desc), then by id; unknown last


@dataclass(frozen=True)
class ChangedOrders:
    orders: dict[str, Order | None]  # order id -> its state now (None: gone from the mirror)
    places: dict[str, tuple[int, GroupKey]]  # incident new to the board -> its place among `groups`, its key
    groups: tuple[str, ...]  # the board's incidents when the read was asked for


def group_key(incidents: IncidentService, incident_id: str) -> GroupKey:
    try:
        reported: datetime = incidents.get(incident_id).reported_at
    except NotFound:  # an order that arrived before its incident: last, as SQL puts NULLs
        return (1, 0.0, incident_id)
    return (0, -reported.timestamp(), incident_id)


def read_changed(dispatch: DispatchService, incidents: IncidentService, ids: tuple[str, ...],
                 groups: tuple[str, ...]) -> ChangedOrders:
    """On a reader: the changed orders, and for an incident not on the board yet,
    its place among `groups` (a binary search reading a few incidents' times)."""
    orders: dict[str, Order | None] = {}
    for order_id in ids:
        try:
            orders[order_id] = dispatch.get(order_id)
        except NotFound:
            orders[order_id] = None
    known, keys = set(groups), {}

    def key(incident_id: str) -> GroupKey:
        if incident_id not in keys:
            keys[incident_id] = group_key(incidents, incident_id)
        return keys[incident_id]

    places = {}
    for incident_id in {o.incident_id for o in orders.values() if o is not None and o.status in ACTIVE} - known:
        low, high, wanted = 0, len(groups), key(incident_id)
        while low < high:
            middle = (low + high) // 2
            if key(groups[middle]) <= wanted:
                low = middle + 1
            else:
                high = middle
        places[incident_id] = (low, wanted)
    return ChangedOrders(orders, places, groups)


class ActiveOrders:
    """Every active order, grouped by incident in the board's order."""

    def __init__(self) -> None:
        self.groups: list[str] = []
        self.members: dict[str, list[Order]] = {}

    def reset(self, orders: list[Order]) -> None:
        self.groups, self.members = [], {}
        for order in orders:
            if order.incident_id not in self.members:
                self.groups.append(order.incident_id)
                self.members[order.incident_id] = []
            self.members[order.incident_id].append(order)

    def all(self) -> list[Order]:
        return [o for incident_id in self.groups for o in self.members[incident_id]]

    def __len__(self) -> int:
        return sum(len(m) for m in self.members.values())

    def rank(self) -> dict[str, int]:
        return {incident_id: n for n, incident_id in enumerate(self.groups)}

    def apply(self, changed: ChangedOrders) -> None:
        """Orders that left the active states go; the others are put in their place.
        New incidents go where the read placed them among the groups it saw."""
        for order_id in changed.orders:
            self.remove(order_id, drop_empty=False)
        added: set[str] = set()
        for incident_id, (at, _key) in sorted(changed.places.items(), key=lambda item: item[1][1]):
            if incident_id in self.members:
                continue
            # after the groups that stood before its place when it was read, and the new ones before it
            before = set(changed.groups[:at]) | added
            index = max((n + 1 for n, g in enumerate(self.groups) if g in before), default=0)
            self.groups.insert(index, incident_id)
            self.members[incident_id] = []
            added.add(incident_id)
        for order in changed.orders.values():
            if order is None or order.status not in ACTIVE:
                continue
            if order.incident_id not in self.members:  # (not placed by the read: at the end)
                self.groups.append(order.incident_id)
                self.members[order.incident_id] = []
            members = self.members[order.incident_id]
            members.insert(bisect_right([o.issued_at for o in members], order.issued_at), order)
        for incident_id in [g for g in self.groups if not self.members[g]]:
            self.groups.remove(incident_id)
            del self.members[incident_id]

    def remove(self, order_id: str, *, drop_empty: bool = True) -> None:
        for incident_id, members in list(self.members.items()):
            if any(o.id == order_id for o in members):
                members[:] = [o for o in members if o.id != order_id]
                if not members and drop_empty:
                    del self.members[incident_id]
                    self.groups.remove(incident_id)
                return
