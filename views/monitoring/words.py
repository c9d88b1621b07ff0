"""Monitoring in the officer's words: alarm levels (蓝/黄/橙/红, 警戒/保证), their
colours, alarm states and station kinds, all through Qt's translation (context
"Monitoring"). Levels and states are the contract's string values, so a value
this client does not know yet is shown as it came rather than failing."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

# One scale for colouring and counting: 警戒 ranks with 橙, 保证 with 红 (services/monitoring/contract.py).
RANK = {"blue": 1, "yellow": 2, "orange": 3, "red": 4, "alert": 3, "guarantee": 4}
COLOUR_KEY = {"blue": "blue", "yellow": "yellow", "orange": "orange", "red": "red",
              "alert": "orange", "guarantee": "red"}
COLOURS = {"blue": "#1565c0", "yellow": "#c9a400", "orange": "#e65100", "red": "#c62828", "none": "#2e7d32"}
COUNTED = ("red", "orange", "yellow", "blue")  # the count tiles, most urgent first
URGENT = frozenset({"red", "orange"})  # a new alarm of these colours prompts with sound


def colour_key(level: str | None) -> str:
    return COLOUR_KEY.get(level or "", "none")


def colour(level: str | None) -> str:
    return COLOURS[colour_key(level)]


def level_name(level: str | None) -> str:
    if not level:
        return QCoreApplication.translate("Monitoring", "Normal")
    return {"blue": QCoreApplication.translate("Monitoring", "Blue"), "yellow": QCoreApplication.translate("Monitoring", "Yellow"),
            "orange": QCoreApplication.translate("Monitoring", "Orange"), "red": QCoreApplication.translate("Monitoring", "Red"),
            "alert": QCoreApplication.translate("Monitoring", "Alert level"), "guarantee": QCoreApplication.translate("Monitoring", "Guaranteed level")}.get(level, level)


def state_name(state: str) -> str:
    return {"new": QCoreApplication.translate("Monitoring", "New"), "acknowledged": QCoreApplication.translate("Monitoring", "Acknowledged"),
            "resolved": QCoreApplication.translate("Monitoring", "Handled"), "incident": QCoreApplication.translate("Monitoring", "Turned into incident"),
            "false": QCoreApplication.translate("Monitoring", "False alarm")}.get(state, state)


def kind_name(kind: str) -> str:
    return {"rain": QCoreApplication.translate("Monitoring", "Rain gauge"), "river": QCoreApplication.translate("Monitoring", "River level"),
            "reservoir": QCoreApplication.translate("Monitoring", "Reservoir level"), "gas": QCoreApplication.translate("Monitoring", "Gas concentration"),
            "displacement": QCoreApplication.translate("Monitoring", "Displacement"), "generic": QCoreApplication.translate("Monitoring", "Sensor")}.get(kind, kind)


def rule_name(rule: str) -> str:
    return {"threshold": QCoreApplication.translate("Monitoring", "over threshold"), "rate": QCoreApplication.translate("Monitoring", "rising fast")}.get(rule, rule)
