"""The detail card beside the map: what a clicked marker is and whom to call."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from services.resources.store import ResourcePoint
from views.map.layers import kind_name


def detail_name(key: str) -> str:
    return {
        "headcount": QCoreApplication.translate("MapCard", "Headcount"),
        "specialty": QCoreApplication.translate("MapCard", "Specialty"),
        "capacity": QCoreApplication.translate("MapCard", "Capacity"),
        "occupancy": QCoreApplication.translate("MapCard", "Occupancy"),
        "beds": QCoreApplication.translate("MapCard", "Beds"),
        "free_beds": QCoreApplication.translate("MapCard", "Free beds"),
        "field": QCoreApplication.translate("MapCard", "Field"),
        "hazard_class": QCoreApplication.translate("MapCard", "Hazard class"),
        "radius_m": QCoreApplication.translate("MapCard", "Radius of influence (m)"),
        "category": QCoreApplication.translate("MapCard", "Category"),
        "status": QCoreApplication.translate("MapCard", "Status"),
        "items": QCoreApplication.translate("MapCard", "Stock"),
        "quantity": QCoreApplication.translate("MapCard", "Quantity"),
        "exercise": QCoreApplication.translate("MapCard", "Exercise data"),
    }.get(key, key)


def detail_value(value) -> str:
    if value is True:
        return QCoreApplication.translate("MapCard", "yes")
    if value is False:
        return QCoreApplication.translate("MapCard", "no")
    return {
        "available": QCoreApplication.translate("MapCard", "available"),
        "deployed": QCoreApplication.translate("MapCard", "deployed"),
        "off_duty": QCoreApplication.translate("MapCard", "off duty"),
    }.get(value, str(value)) if isinstance(value, str | bool) else str(value)


def _row(label: str, value: str) -> str:
    return f"<tr><td style='color:#666;padding-right:8px'>{escape(label)}</td><td>{escape(value)}</td></tr>"


def resource_card(p: ResourcePoint) -> str:
    state = QCoreApplication.translate("MapCard", "available") if p.available else QCoreApplication.translate("MapCard", "not available")
    rows = [_row(QCoreApplication.translate("MapCard", "Kind"), kind_name(p.kind)), _row(QCoreApplication.translate("MapCard", "State"), state)]
    if p.contact or p.phone:
        rows.append(_row(QCoreApplication.translate("MapCard", "Contact"), " ".join(x for x in (p.contact, p.phone) if x)))
    if p.division or p.address:
        rows.append(_row(QCoreApplication.translate("MapCard", "Address"), " ".join(x for x in (p.division, p.address) if x)))
    for key, value in p.details.items():
        if isinstance(value, list):
            value = "、".join(f"{i.get('name', '')} {i.get('quantity', '')}{i.get('unit', '')}"
                             if isinstance(i, dict) else str(i) for i in value)
        rows.append(_row(detail_name(key), detail_value(value)))
    rows.append(_row(QCoreApplication.translate("MapCard", "Position"), f"{p.lat:.5f}, {p.lon:.5f}"))
    waiting = QCoreApplication.translate("MapCard", "Pending sync")
    pending = f"<p style='color:#b26b00'>{escape(waiting)}</p>" if p.pending_sync else ""
    return f"<h3>{escape(p.name)}</h3><table>{''.join(rows)}</table>{pending}"


def incident_card(code: str, title: str, severity: str, lat: float, lon: float) -> str:
    rows = [_row(QCoreApplication.translate("MapCard", "Code"), code), _row(QCoreApplication.translate("MapCard", "Severity"), severity),
            _row(QCoreApplication.translate("MapCard", "Position"), f"{lat:.5f}, {lon:.5f}")]
    hint = escape(QCoreApplication.translate("MapCard", "Rings at 5, 10 and 20 km; nearest available resources listed below."))
    return f"<h3>{escape(title)}</h3><table>{''.join(rows)}</table><p style='color:#666'>{hint}</p>"


def camera_card(camera) -> str:
    state = QCoreApplication.translate("MapCard", "online") if camera.online \
        else QCoreApplication.translate("MapCard", "offline")
    rows = [_row(QCoreApplication.translate("MapCard", "Group"), camera.group_path),
            _row(QCoreApplication.translate("MapCard", "State"), state),
            _row(QCoreApplication.translate("MapCard", "Stream"), camera.protocol.upper()),
            _row(QCoreApplication.translate("MapCard", "PTZ"),
                 detail_value(camera.ptz)),
            _row(QCoreApplication.translate("MapCard", "Source platform"), camera.platform),
            _row(QCoreApplication.translate("MapCard", "Position"), f"{camera.lat:.5f}, {camera.lon:.5f}")]
    return f"<h3>{escape(camera.name)}</h3><table>{''.join(rows)}</table>"
