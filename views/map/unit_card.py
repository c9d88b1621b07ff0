"""The card of a field unit clicked on the map (实时位置): who it is, what kind
of force, when it last reported, its speed and heading when the device sends
them, whether its position is stale, and the incident and order it is on when
dispatched. Callsigns, names and order text come from records and devices:
every one is escaped, never markup."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, tzinfo
from html import escape

from PySide6.QtCore import QCoreApplication

from services.positions.store import PositionStore, UnitPosition
from services.resources.store import ResourcePoint, ResourceStore
from views.dispatch.names import status_name
from views.map.layers import kind_name

COMPASS = ("N", "NE", "E", "SE", "S", "SW", "W", "NW")


@dataclass(frozen=True)
class UnitCardData:
    unit: UnitPosition
    resource: ResourcePoint | None
    orders: tuple  # services.dispatch.service.Order, newest first


def read_unit_card(positions: PositionStore, resources: ResourceStore,
                   orders_of: Callable[[str], list] | None, unit_id: str) -> UnitCardData | None:
    """On the task runner's reader: the unit, its team and its orders, in one go."""
    found = positions.units([unit_id])
    if not found:
        return None
    unit = found[0]
    resource = resources.get(unit.resource_id) if unit.resource_id else None
    orders = tuple(orders_of(unit.resource_id)) if orders_of is not None and unit.resource_id else ()
    return UnitCardData(unit, resource, orders)


def _row(label: str, value: str) -> str:
    return f"<tr><td style='color:#666;padding-right:8px'>{escape(label)}</td><td>{escape(value)}</td></tr>"


def _source(source: str) -> str:
    return {"unit": QCoreApplication.translate("UnitCard", "the unit's own device"), "cot": QCoreApplication.translate("UnitCard", "CoT (TAK)"),
            "room": QCoreApplication.translate("UnitCard", "phoned in to the watch room")}.get(source, source)


def heading_text(course: float) -> str:
    return f"{course:.0f}° {COMPASS[int((course % 360 + 22.5) // 45) % 8]}"


def unit_card(data: UnitCardData, now: datetime, tz: tzinfo) -> str:
    u = data.unit
    name = (data.resource.name if data.resource is not None else "") or u.callsign or u.uid
    rows = []
    if u.callsign and u.callsign != name:
        rows.append(_row(QCoreApplication.translate("UnitCard", "Callsign"), u.callsign))
    kind = kind_name(data.resource.kind) if data.resource is not None else QCoreApplication.translate("UnitCard", "Field unit")
    rows.append(_row(QCoreApplication.translate("UnitCard", "Kind"), kind))
    ago = max(0, int((now - u.at).total_seconds() // 60))
    rows.append(_row(QCoreApplication.translate("UnitCard", "Last report"), QCoreApplication.translate("UnitCard", "%1 (%2 min ago)").replace("%1", u.at.astimezone(tz).strftime(
        "%m-%d %H:%M:%S")).replace("%2", str(ago))))
    if u.speed is not None:
        rows.append(_row(QCoreApplication.translate("UnitCard", "Speed"), QCoreApplication.translate("UnitCard", "%1 km/h").replace("%1", f"{u.speed * 3.6:.0f}")))
    if u.course is not None:
        rows.append(_row(QCoreApplication.translate("UnitCard", "Heading"), heading_text(u.course)))
    rows.append(_row(QCoreApplication.translate("UnitCard", "Reported by"), _source(u.source)))
    rows.append(_row(QCoreApplication.translate("UnitCard", "Position"), f"{u.lat:.5f}, {u.lon:.5f}"))
    for order in data.orders:
        rows.append(_row(QCoreApplication.translate("UnitCard", "Dispatched to"), f"{order.incident_code} {order.incident_title}".strip()))
        rows.append(_row(QCoreApplication.translate("UnitCard", "Order"), f"{status_name(order.status)} — {order.content}"))
    stale = QCoreApplication.translate("UnitCard", "No recent position: the marker is grey")
    state = f"<p style='color:#757575;font-weight:bold'>{escape(stale)}</p>" if u.stale else ""
    if not data.orders:
        idle = QCoreApplication.translate("UnitCard", "Not on an order.")
        state += f"<p style='color:#666'>{escape(idle)}</p>"
    return f"<h3>{escape(name)}</h3><table>{''.join(rows)}</table>{state}"
