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


def _t(text: str) -> str:
    return QCoreApplication.translate("WarningLabels", text)


def colour_name(colour: str) -> str:
    return {"red": _t("Red"), "orange": _t("Orange"), "yellow": _t("Yellow"), "blue": _t("Blue")}.get(
        colour, _t("No colour"))


def level_name(colour: str) -> str:
    """红色预警 …: what the badge says."""
    return {"red": _t("Red warning"), "orange": _t("Orange warning"), "yellow": _t("Yellow warning"),
            "blue": _t("Blue warning")}.get(colour, _t("Warning"))


def urgency_name(value: str) -> str:
    return {"Immediate": _t("Immediate"), "Expected": _t("Expected"), "Future": _t("Future"),
            "Past": _t("Past"), "Unknown": _t("Unknown")}.get(value, value)


def severity_name(value: str) -> str:
    return {"Extreme": _t("Extreme"), "Severe": _t("Severe"), "Moderate": _t("Moderate"),
            "Minor": _t("Minor"), "Unknown": _t("Unknown")}.get(value, value)


def certainty_name(value: str) -> str:
    return {"Observed": _t("Observed"), "Likely": _t("Likely"), "Possible": _t("Possible"),
            "Unlikely": _t("Unlikely"), "Unknown": _t("Unknown")}.get(value, value)


def issue_state_name(value: str) -> str:
    return {"draft": _t("Draft"), "pending": _t("Awaiting approval"), "issued": _t("Issued"),
            "received": _t("Received")}.get(value, value)


def standing_name(value: str) -> str:
    return {"standing": _t("In force"), "superseded": _t("Superseded by an update"),
            "cancelled": _t("Cancelled")}.get(value, value)


def origin_name(value: str) -> str:
    return {"external": _t("Received from outside"), "local": _t("Issued here")}.get(value, value)


def msg_type_name(value: str) -> str:
    return {"Alert": _t("Alert"), "Update": _t("Update"), "Cancel": _t("Cancel")}.get(value, value)


def when(value: datetime | None, tz: tzinfo) -> str:
    """A time in the room's zone, or a dash."""
    return value.astimezone(tz).strftime("%Y-%m-%d %H:%M") if value is not None else "—"


def colour_rank(colour: str) -> int:
    """Red first: the list and tiles sort by it."""
    return COLOURS.index(colour) if colour in COLOURS else len(COLOURS)
