"""The detail card beside the map: what a clicked marker is and whom to call."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from services.resources.store import ResourcePoint
from views.map.layers import kind_name

DETAIL_NAMES = {
    "headcount": "Headcount", "specialty": "Specialty", "capacity": "Capacity",
    "occupancy": "Occupancy", "beds": "Beds", "free_beds": "Free beds", "field": "Field",
    "hazard_class": "Hazard class", "radius_m": "Radius of influence (m)", "category": "Category",
    "status": "Status", "items": "Stock",
}


def _t(text: str) -> str:
    return QCoreApplication.translate("MapCard", text)


def _row(label: str, value: str) -> str:
    return f"<tr><td style='color:#666;padding-right:8px'>{escape(label)}</td><td>{escape(value)}</td></tr>"


def resource_card(p: ResourcePoint) -> str:
    state = _t("available") if p.available else _t("not available")
    rows = [_row(_t("Kind"), kind_name(p.kind)), _row(_t("State"), state)]
    if p.contact or p.phone:
        rows.append(_row(_t("Contact"), " ".join(x for x in (p.contact, p.phone) if x)))
    if p.division or p.address:
        rows.append(_row(_t("Address"), " ".join(x for x in (p.division, p.address) if x)))
    for key, value in p.details.items():
        if isinstance(value, list):
            value = "、".join(f"{i.get('name', '')} {i.get('quantity', '')}{i.get('unit', '')}"
                             if isinstance(i, dict) else str(i) for i in value)
        rows.append(_row(_t(DETAIL_NAMES.get(key, key)), str(value)))
    rows.append(_row(_t("Position"), f"{p.lat:.5f}, {p.lon:.5f}"))
    pending = f"<p style='color:#b26b00'>{escape(_t('Pending sync'))}</p>" if p.pending_sync else ""
    return f"<h3>{escape(p.name)}</h3><table>{''.join(rows)}</table>{pending}"


def incident_card(code: str, title: str, severity: str, lat: float, lon: float) -> str:
    rows = [_row(_t("Code"), code), _row(_t("Severity"), severity),
            _row(_t("Position"), f"{lat:.5f}, {lon:.5f}")]
    hint = escape(_t("Rings at 5, 10 and 20 km; nearest available resources listed below."))
    return f"<h3>{escape(title)}</h3><table>{''.join(rows)}</table><p style='color:#666'>{hint}</p>"
