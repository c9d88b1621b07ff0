"""Plans in the officer's words: types, statuses, phases, levels, conditions
and the reason a level is proposed ("死亡 3 人，达到 III 级响应条件"), all
through Qt's translation (context "Plans"), never built inside tr()."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from services.plans.conditions import Fact


def plan_type_name(code: str) -> str:
    return {"overall": QCoreApplication.translate("Plans", "Overall plan"), "special": QCoreApplication.translate("Plans", "Special plan"), "department": QCoreApplication.translate("Plans", "Department plan"),
            "onsite": QCoreApplication.translate("Plans", "On-site procedure")}.get(code, code)


def status_name(code: str) -> str:
    return {"draft": QCoreApplication.translate("Plans", "Draft"), "published": QCoreApplication.translate("Plans", "Published"), "abolished": QCoreApplication.translate("Plans", "Abolished")}.get(code, code)


def phase_name(code: str) -> str:
    return {"initial": QCoreApplication.translate("Plans", "Initial measures"), "activation": QCoreApplication.translate("Plans", "Response start"),
            "operations": QCoreApplication.translate("Plans", "Emergency operations"), "closing": QCoreApplication.translate("Plans", "Response end")}.get(code, code)


def level_name(level: str | None) -> str:
    if not level:
        return QCoreApplication.translate("Plans", "No level yet")
    return QCoreApplication.translate("Plans", "Level %1 response").replace("%1", level)


def field_name(name: str) -> str:
    return {"deaths": QCoreApplication.translate("Plans", "deaths"), "injured": QCoreApplication.translate("Plans", "injured"), "missing": QCoreApplication.translate("Plans", "missing"), "trapped": QCoreApplication.translate("Plans", "trapped"),
            "severity": QCoreApplication.translate("Plans", "severity"), "type": QCoreApplication.translate("Plans", "type"), "category": QCoreApplication.translate("Plans", "category")}.get(name, name)


_SEVERITY = {"I": "I", "II": "II", "III": "III", "IV": "IV"}


def _value(field: str, value: Any, names: Mapping[str, str]) -> str:
    if isinstance(value, list):
        return QCoreApplication.translate("Plans", ", ").join(_value(field, v, names) for v in value)
    if field in ("type", "category"):
        return names.get(str(value), str(value))
    return str(value)


def condition_text(cond: Mapping, names: Mapping[str, str] | None = None) -> str:
    """A condition in words: 死亡 ≥ 10 或 被困 ≥ 100."""
    names = names or {}
    if "all" in cond:
        return QCoreApplication.translate("Plans", " and ").join(_grouped(c, names) for c in cond["all"])
    if "any" in cond:
        return QCoreApplication.translate("Plans", " or ").join(_grouped(c, names) for c in cond["any"])
    field, op = cond.get("field", ""), cond.get("op", "")
    if field == "severity":
        words = {">=": QCoreApplication.translate("Plans", "severity %1 or graver"), ">": QCoreApplication.translate("Plans", "severity graver than %1"),
                 "<=": QCoreApplication.translate("Plans", "severity %1 or lighter"), "<": QCoreApplication.translate("Plans", "severity lighter than %1"),
                 "==": QCoreApplication.translate("Plans", "severity %1"), "!=": QCoreApplication.translate("Plans", "severity other than %1")}.get(op, "%1")
        return words.replace("%1", str(cond.get("value")))
    if op == "in":
        return QCoreApplication.translate("Plans", "%1 is one of %2").replace("%1", field_name(field)).replace(
            "%2", _value(field, cond.get("value"), names))
    shown = {">=": "≥", "<=": "≤", "==": "=", "!=": "≠"}.get(op, op)
    return f"{field_name(field)} {shown} {_value(field, cond.get('value'), names)}"


def _grouped(cond: Mapping, names: Mapping[str, str]) -> str:
    text = condition_text(cond, names)
    return f"({text})" if "all" in cond or "any" in cond else text


def fact_text(fact: Fact, names: Mapping[str, str] | None = None) -> str:
    """What held, with the incident's own figure: 死亡 3 人, 事件等级 II."""
    names = names or {}
    if fact.field in ("deaths", "injured", "missing", "trapped"):
        words = {"deaths": QCoreApplication.translate("Plans", "%1 dead"), "injured": QCoreApplication.translate("Plans", "%1 injured"), "missing": QCoreApplication.translate("Plans", "%1 missing"),
                 "trapped": QCoreApplication.translate("Plans", "%1 trapped")}[fact.field]
        return words.replace("%1", str(fact.actual))
    if fact.field == "severity":
        return QCoreApplication.translate("Plans", "severity %1").replace("%1", str(fact.actual))
    if fact.field == "type":
        return QCoreApplication.translate("Plans", "type %1").replace("%1", names.get(str(fact.actual), str(fact.actual)))
    return QCoreApplication.translate("Plans", "category %1").replace("%1", names.get(str(fact.actual), str(fact.actual)))


def reason_text(level: str | None, facts: tuple[Fact, ...], names: Mapping[str, str] | None = None) -> str:
    """死亡 3 人，达到 III 级响应条件; or that the plan applies with no level's conditions met."""
    if not level:
        return QCoreApplication.translate("Plans", "The plan applies to this incident; no response level's conditions are met yet")
    return QCoreApplication.translate("Plans", "%1, meeting the conditions of a level %2 response").replace(
        "%1", QCoreApplication.translate("Plans", ", ").join(fact_text(f, names) for f in facts)).replace("%2", level)
