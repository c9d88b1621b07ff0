"""What the map's layers are called and how they look: the kinds of resources
(应急资源) and incidents by severity, in the officer's words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

RESOURCE_KINDS = ("team", "supply", "equipment", "shelter", "medical", "expert", "hazard",
                  "protected_target")
SEVERITIES = ("I", "II", "III", "IV", "ungraded")
INCIDENT_LAYER = "incidents"


def _t(text: str) -> str:
    return QCoreApplication.translate("MapLayers", text)


def kind_name(kind: str) -> str:
    return {
        "team": _t("Rescue teams"), "supply": _t("Supply depots"), "equipment": _t("Equipment"),
        "shelter": _t("Shelters"), "medical": _t("Medical"), "expert": _t("Experts"),
        "hazard": _t("Hazard sources"), "protected_target": _t("Protected targets"),
    }.get(kind, kind)


def severity_style(severity: str) -> str:
    return f"severity_{severity}" if severity in ("I", "II", "III", "IV") else "severity_none"


def resource_style(kind: str, available: bool) -> str:
    dispatchable = kind not in ("hazard", "protected_target")
    return kind if available or not dispatchable else "unavailable"
