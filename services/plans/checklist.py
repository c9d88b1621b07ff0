"""A response's checklist (处置流程) as both ends move it: the step states, the
forward-only moves and the reopen, the parent/sub-step roll-up, and the
timeline text. Shared by the workstation (checklists.py) and the platform
(server/checklists.py) so both refuse the same moves and write the same entry.

    未开始 not_started → 进行中 in_progress → 已完成 done / 此前已完成 done_before / 不适用 not_applicable

A move only goes forward (a closed step never returns to 未开始 except by an
explicit reopen with a reason); the later forward move wins, a stale one is a
no-op with its reason. A parent closes as done only when its sub-steps are closed.
Step record ids come from the incident and the template step, entry ids from
the move's own id, so the workstation's copy and the platform's are the same."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any

from services.plans.conditions import Problem
from services.plans.contract import ID, MAX_CONTACTS, MAX_GROUPS, NAME, PHASES, check_checklist
from services.text_rules import text_problem

NOT_STARTED, IN_PROGRESS, DONE, DONE_BEFORE, NOT_APPLICABLE = (
    "not_started", "in_progress", "done", "done_before", "not_applicable")
STATES = (NOT_STARTED, IN_PROGRESS, DONE, DONE_BEFORE, NOT_APPLICABLE)
CLOSED = frozenset({DONE, DONE_BEFORE, NOT_APPLICABLE})
COMPLETE = frozenset({DONE, DONE_BEFORE})
STATE_NAMES_ZH = {NOT_STARTED: "未开始", IN_PROGRESS: "进行中", DONE: "已完成", DONE_BEFORE: "此前已完成",
                  NOT_APPLICABLE: "不适用"}
PHASE_NAMES_ZH = dict(zip(PHASES, ("先期处置", "响应启动", "应急处置", "响应结束"), strict=True))
REASON_MAX = 300
REMARK_MAX = 1000
ENTITY = "checklist_step"
_STEP_NS = uuid.UUID("b1f4a7c2-0d3e-4a59-8c61-7e2f9d0a4b36")
_ENTRY_NS = uuid.UUID("c9e2d815-6a4b-4f07-9b3d-1a8e5c7f2d40")


def rank(state: str) -> int:
    return 2 if state in CLOSED else STATES.index(state) if state in STATES else -1


def step_record_id(incident_id: str, step_key: str) -> str:
    return str(uuid.uuid5(_STEP_NS, f"{incident_id}:{step_key}"))


def move_entry_id(move_id: str) -> str:
    return str(uuid.uuid5(_ENTRY_NS, move_id))


def refusal(current: str, to: str, reason: str, open_children: int) -> str | None:
    """Why `current` → `to` is not applied: unknown_state, reason_required,
    open_substeps, or stale (not forward: the step is already there or past it)."""
    if to not in STATES or to == NOT_STARTED:
        return "unknown_state"
    if to == NOT_APPLICABLE and not reason.strip():
        return "reason_required"
    if to in COMPLETE and open_children:
        return "open_substeps"
    if rank(to) <= rank(current):
        return "stale"
    return None


def reopen_refusal(current: str, reason: str) -> str | None:
    """A reopen takes a closed step back to 未开始, with its reason."""
    if not reason.strip():
        return "reason_required"
    if current not in CLOSED:
        return "not_closed"
    return None


def next_state(current: str) -> str | None:
    """The tick (Space): 未开始 → 进行中 → 已完成; None once closed."""
    return {NOT_STARTED: IN_PROGRESS, IN_PROGRESS: DONE}.get(current)


def rollup(states: Iterable[str]) -> tuple[int, int]:
    """(closed, total) of a parent's sub-steps."""
    states = list(states)
    return sum(s in CLOSED for s in states), len(states)


def is_overdue(state: str, due_at: datetime | None, now: datetime) -> bool:
    return state not in CLOSED and due_at is not None and now >= due_at


def entry_body(title: str, to: str, by: str, reason: str = "", *, reopened: bool = False,
               action: str = "") -> str:
    """The timeline text, in the watch room's language on both ends."""
    text = f"处置流程「{title}」{'重新打开' if reopened else STATE_NAMES_ZH.get(to, to)}"
    if by:
        text += f"（{by}）"
    if action:
        text += f"。{action_text(action)}"
    if reason:
        text += f"。原因：{reason}"
    return text


# What each action kind records on its step when done: "<prefix>:<record id>".
DONE_PREFIX = {"order": "order", "notify": "notice", "conference": "conference", "report": "entry"}
_DONE_TEXT = {"order": "已下达调度指令", "notice": "已发送通知", "conference": "已召开会商", "entry": "已报送信息"}
ACTION_DONE_MAX = 200


def action_text(action_done: str) -> str:
    """What a step's action did, for the timeline and the annex: "order:<id>",
    "notice:<id>", "conference:<id>" or "entry:<id>"."""
    kind, _, ref = action_done.partition(":")
    if kind in _DONE_TEXT:
        return f"{_DONE_TEXT[kind]}（{ref[:8]}）"
    return action_done


def action_done_problem(action_done: str, action_kind: str | None) -> str | None:
    """Why this record of a done action does not fit the step: not "<prefix>:<uuid>",
    or another kind than the step's action (None: the step carries no action)."""
    if not action_done:
        return None
    prefix, _, ref = action_done.partition(":")
    if prefix not in _DONE_TEXT:
        return "unknown_action_done"
    try:
        uuid.UUID(ref)
    except ValueError:
        return "bad_action_ref"
    if action_kind is not None and DONE_PREFIX.get(action_kind) != prefix:
        return "not_this_steps_action"
    return None


def step_action(action: Mapping[str, Any] | None, step_group: str,
                contacts: Mapping[str, list[str]]) -> dict[str, Any] | None:
    """The template's action as the step carries it: a conference invites the
    command group it names, or, naming no one at all, the step's own group; that
    group's contacts are copied from this plan version (contract.RESOLVED_KEYS)."""
    if not action:
        return None
    out = dict(action)
    if out.get("kind") == "conference":
        group = out.get("group") or ("" if out.get("contacts") or out.get("call_group") else step_group)
        if group:
            out["group"] = group
            out["group_contacts"] = list(contacts.get(group, []))
    return out


def template_steps(checklist: Iterable[Mapping[str, Any]], incident_id: str, started_at: datetime,
                   groups: Mapping[str, str], contacts: Mapping[str, list[str]] | None = None) -> list[dict[str, Any]]:
    """The plan version's template as step records of this incident, in the
    template's order by phase; due times relative to the response start.
    `contacts`: each group's 通讯录 ids (contract.group_contacts), for conference actions."""
    steps = [s for s in checklist if isinstance(s, Mapping) and s.get("id")]
    order = {p: i for i, p in enumerate(PHASES)}
    steps.sort(key=lambda s: order.get(s.get("phase"), len(PHASES)))
    out = []
    for position, step in enumerate(steps):
        due = int(step.get("due_minutes") or 0)
        out.append({"id": step_record_id(incident_id, step["id"]), "incident_id": incident_id,
                    "step_key": step["id"], "parent_key": step.get("parent", "") or "",
                    "phase": step.get("phase", PHASES[0]), "position": position, "title": step.get("title", ""),
                    "responsible": str(groups.get(step.get("group", ""), step.get("group", "")))[:100],
                    "action": json.dumps(step_action(step["action"], step.get("group", ""), contacts or {}),
                                         ensure_ascii=False) if step.get("action") else "",
                    "due_at": started_at + timedelta(minutes=due) if due else None})
    return out


def carried_template(checklist: list[Any], groups: Mapping[str, str],
                     contacts: Mapping[str, list[str]] | None = None) -> dict[str, Any]:
    """The plan version's checklist as a response start carries it to the platform,
    so the platform makes the same steps even when it lacks that plan or version
    (a plan it refused, one edited since at another site). `contacts`: the groups'
    通讯录 ids a conference action invites (only groups that have some)."""
    template: dict[str, Any] = {"checklist": checklist, "groups": dict(groups)}
    named = {g: list(ids) for g, ids in (contacts or {}).items() if ids}
    if named:
        template["contacts"] = named
    return template


def template_problems(value: Any) -> list[str]:
    """What is wrong with a carried template, by path (empty when usable)."""
    if not isinstance(value, Mapping) or not {"checklist", "groups"} <= set(value) <= {"checklist", "groups",
                                                                                       "contacts"}:
        return ['template: {"checklist", "groups", "contacts"} expected']
    groups = value["groups"]
    if not isinstance(groups, Mapping) or len(groups) > MAX_GROUPS or not all(
            isinstance(k, str) and isinstance(v, str) and len(k) <= ID and len(v) <= NAME for k, v in groups.items()):
        return [f"template.groups: group id → name, at most {MAX_GROUPS}"]
    contacts = value.get("contacts", {})
    if not isinstance(contacts, Mapping) or not all(
            k in groups and isinstance(v, list) and len(v) <= MAX_CONTACTS
            and all(isinstance(c, str) and 0 < len(c) <= ID and not text_problem(c) for c in v)
            for k, v in contacts.items()):
        return [f"template.contacts: group id → at most {MAX_CONTACTS} 通讯录 ids, of the template's groups"]
    problems: list[Problem] = []
    check_checklist(value["checklist"], problems, set(groups))
    return [f"template.{p.path} {p.code}" for p in problems]
