"""An incident's response (响应) as both ends decide it: started from a plan at
a level, raised or lowered, ended. Forward-only: a response is started once,
and an ended response stays ended (a new emergency is a new incident). Each
decision is a timeline entry whose id comes from the decision's own id, so the
copy written at the workstation and the platform's are the same entry, and
whose text (in the watch room's language on both ends) names the plan, its
version, the level and the reason. The response level is not the incident's
severity: a plan sets its own levels."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import StrEnum

from services.plans.contract import LEVELS, level_rank

_NAMESPACE = uuid.UUID("3a7e1c52-94d1-4c55-8f0e-2b6d7c9a5e13")
REASON_MAX = 500
ACTIVE, ENDED = "active", "ended"


class Action(StrEnum):
    START = "start"  # 启动响应
    RAISE = "raise"  # 提升级别
    LOWER = "lower"  # 降低级别
    END = "end"  # 结束响应


ACTION_NAMES_ZH = {Action.START: "启动", Action.RAISE: "提升为", Action.LOWER: "降低为", Action.END: "结束"}


@dataclass(frozen=True)
class Current:
    """What is in force for an incident: nothing (state ""), active at a level, or ended."""

    state: str = ""
    level: str = ""


def response_id(incident_id: str) -> str:
    """One response record per incident, the same id at every workstation."""
    return str(uuid.uuid5(_NAMESPACE, f"response:{incident_id}"))


def decision_entry_id(decision_id: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"decision:{decision_id}"))


def refusal(current: Current, action: str, level: str) -> str | None:
    """Why this decision cannot be taken now (a code), or None.
    Codes: unknown_action, bad_level, already_active, ended, not_active, not_graver, not_lighter."""
    if action not in tuple(Action):
        return "unknown_action"
    if action != Action.END and level not in LEVELS:
        return "bad_level"
    if current.state == ENDED:
        return "ended"
    if action == Action.START:
        return "already_active" if current.state == ACTIVE else None
    if current.state != ACTIVE:
        return "not_active"
    if action == Action.RAISE and level_rank(level) <= level_rank(current.level):
        return "not_graver"
    if action == Action.LOWER and level_rank(level) >= level_rank(current.level):
        return "not_lighter"
    return None


def after(current: Current, action: str, level: str) -> Current:
    """The response once an allowed decision is taken."""
    if action == Action.END:
        return Current(ENDED, current.level)
    return Current(ACTIVE, level)


def entry_body(action: str, plan_title: str, plan_version: str, level: str, reason: str, by: str) -> str:
    """The timeline text of a decision: 启动 III 级响应（《…》2026.1 版）。依据：死亡 3 人…（张三）"""
    version = f" {plan_version} 版" if plan_version else ""
    if action == Action.END:
        text = f"结束 {level} 级响应（《{plan_title}》{version}）"
    else:
        text = f"{ACTION_NAMES_ZH[Action(action)]} {level} 级响应（《{plan_title}》{version}）"
    if reason:
        text += f"。理由：{reason}"
    if by:
        text += f"（{by}）"
    return text
