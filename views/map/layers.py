"""What the map's layers are called and how they look: the kinds of resources
(应急资源) and incidents by severity, in the officer's words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

RESOURCE_KINDS = ("team", "supply", "equipment", "shelter", "medical", "expert", "hazard",
                  "protected_target")
SEVERITIES = ("I", "II", "III", "IV", "ungraded")
INCIDENT_LAYER = "incidents"
CAMERA_LAYER = "cameras"
UNITS_LAYER = "units"  # live positions of field units (views/map/units_layer.py)


def kind_name(kind: str) -> str:
    return {
        "team": QCoreApplication.translate("MapLayers", "Rescue teams"), "supply": QCoreApplication.translate("MapLayers", "Supply depots"), "equipment": QCoreApplication.translate("MapLayers", "Equipment"),
        "shelter": QCoreApplication.translate("MapLayers", "Shelters"), "medical": QCoreApplication.translate("MapLayers", "Medical"), "expert": QCoreApplication.translate("MapLayers", "Experts"),
        "hazard": QCoreApplication.translate("MapLayers", "Hazard sources"), "protected_target": QCoreApplication.translate("MapLayers", "Protected targets"),
    }.get(kind, kind)


def severity_style(severity: str) -> str:
    return f"severity_{severity}" if severity in ("I", "II", "III", "IV") else "severity_none"


def resource_style(kind: str, available: bool) -> str:
    dispatchable = kind not in ("hazard", "protected_target")
    return kind if available or not dispatchable else "unavailable"
