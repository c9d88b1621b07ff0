"""Warnings in the officer's words and colours: level colours (红/橙/黄/蓝, the
gravest first), the CAP values, the issue lifecycle and what became of a
warning. One place, so the map, the card, the list and the tiles agree."""

from __future__ import annotations

from datetime import datetime, tzinfo

from PySide6.QtCore import QCoreApplication

from services.warnings.contract import COLOURS

# Outline and fill of each level on the map and in badges; "" is a warning without a colour.
COLOUR_HEX = {"red": ("#b71c1c", "#e53935"), "orange": ("#e65100", "#fb8c00"),
              "yellow": ("#c79100", "#fdd835"), "blue": ("#0d47a1", "#1e88e5"), "": ("#455a64", "#90a4ae")}
TEXT_ON = {"red": "#ffffff", "orange": "#ffffff", "yellow": "#212121", "blue": "#ffffff", "": "#ffffff"}



def colour_name(colour: str) -> str:
    return {"red": QCoreApplication.translate("WarningLabels", "Red"), "orange": QCoreApplication.translate("WarningLabels", "Orange"), "yellow": QCoreApplication.translate("WarningLabels", "Yellow"), "blue": QCoreApplication.translate("WarningLabels", "Blue")}.get(
        colour, QCoreApplication.translate("WarningLabels", "No colour"))


def level_name(colour: str) -> str:
    """红色预警 …: what the badge says."""
    return {"red": QCoreApplication.translate("WarningLabels", "Red warning"), "orange": QCoreApplication.translate("WarningLabels", "Orange warning"), "yellow": QCoreApplication.translate("WarningLabels", "Yellow warning"),
            "blue": QCoreApplication.translate("WarningLabels", "Blue warning")}.get(colour, QCoreApplication.translate("WarningLabels", "Warning"))


def urgency_name(value: str) -> str:
    return {"Immediate": QCoreApplication.translate("WarningLabels", "Immediate"), "Expected": QCoreApplication.translate("WarningLabels", "Expected"), "Future": QCoreApplication.translate("WarningLabels", "Future"),
            "Past": QCoreApplication.translate("WarningLabels", "Past"), "Unknown": QCoreApplication.translate("WarningLabels", "Unknown")}.get(value, value)


def severity_name(value: str) -> str:
    return {"Extreme": QCoreApplication.translate("WarningLabels", "Extreme"), "Severe": QCoreApplication.translate("WarningLabels", "Severe"), "Moderate": QCoreApplication.translate("WarningLabels", "Moderate"),
            "Minor": QCoreApplication.translate("WarningLabels", "Minor"), "Unknown": QCoreApplication.translate("WarningLabels", "Unknown")}.get(value, value)


def certainty_name(value: str) -> str:
    return {"Observed": QCoreApplication.translate("WarningLabels", "Observed"), "Likely": QCoreApplication.translate("WarningLabels", "Likely"), "Possible": QCoreApplication.translate("WarningLabels", "Possible"),
            "Unlikely": QCoreApplication.translate("WarningLabels", "Unlikely"), "Unknown": QCoreApplication.translate("WarningLabels", "Unknown")}.get(value, value)


def issue_state_name(value: str) -> str:
    return {"draft": QCoreApplication.translate("WarningLabels", "Draft"), "pending": QCoreApplication.translate("WarningLabels", "Awaiting approval"), "issued": QCoreApplication.translate("WarningLabels", "Issued"),
            "received": QCoreApplication.translate("WarningLabels", "Received")}.get(value, value)


def standing_name(value: str) -> str:
    return {"standing": QCoreApplication.translate("WarningLabels", "In force"), "superseded": QCoreApplication.translate("WarningLabels", "Superseded by an update"),
            "cancelled": QCoreApplication.translate("WarningLabels", "Cancelled")}.get(value, value)


def origin_name(value: str) -> str:
    return {"external": QCoreApplication.translate("WarningLabels", "Received from outside"), "local": QCoreApplication.translate("WarningLabels", "Issued here")}.get(value, value)


def msg_type_name(value: str) -> str:
    return {"Alert": QCoreApplication.translate("WarningLabels", "Alert"), "Update": QCoreApplication.translate("WarningLabels", "Update"), "Cancel": QCoreApplication.translate("WarningLabels", "Cancel")}.get(value, value)


def when(value: datetime | None, tz: tzinfo) -> str:
    """A time in the room's zone, or a dash."""
    return value.astimezone(tz).strftime("%Y-%m-%d %H:%M") if value is not None else "—"


def colour_rank(colour: str) -> int:
    """Red first: the list and tiles sort by it."""
    return COLOURS.index(colour) if colour in COLOURS else len(COLOURS)
