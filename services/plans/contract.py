"""A plan (预案) as both ends check it: the fields, their limits and codes, and
`check_plan`, which lists every problem by path (`levels[1].conditions.op`,
`checklist[4].parent`) so an import or an edit can say all that is wrong at
once. The platform checks each field as it arrives (server/plans.py) with the
same functions; the whole plan (groups named by steps, the sub-step tree) is
checked wherever a plan is put together: the editor, the import, the demo."""

from __future__ import annotations

from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from services.incidents.model import Category
from services.incidents.taxonomy import Taxonomy, load_taxonomy
from services.plans.conditions import SEVERITIES, Problem, check_condition
from services.text_rules import text_problem

PLAN_TYPES = ("overall", "special", "department", "onsite")  # 总体/专项/部门应急预案, 现场处置方案
STATUSES = ("draft", "published", "abolished")  # 草案 / 已发布 / 已废止
PHASES = ("initial", "activation", "operations", "closing")  # 先期处置 / 响应启动 / 应急处置 / 响应结束
LEVELS = SEVERITIES  # 响应级别 I–IV, the gravest first
FIELDS = ("title", "plan_type", "issuer", "plan_version", "status", "categories", "types", "levels", "command",
          "checklist", "full_text", "example")
TEXT = {"title": 200, "issuer": 100, "plan_version": 32}
MAX_TEXT = 400_000  # a plan's full text, in characters
MAX_LEVELS = 4
MAX_GROUPS = 40
MAX_CONTACTS = 50
MAX_STEPS = 300
MAX_STEP_DEPTH = 4  # a step, its sub-steps, theirs ... at most this deep
MAX_DUE_MINUTES = 30 * 24 * 60
NAME = 100
NOTE = 500
ID = 36


class WellFormedCode:
    """Any code of a centre's own taxonomy, checked for its shape only: the
    platform does not hold the workstations' taxonomy files, so it checks a
    plan's type codes as it checks an incident's type_code."""

    def __contains__(self, code: object) -> bool:
        return (isinstance(code, str) and 0 < len(code) <= TYPE_CODE_MAX and not text_problem(code)
                and not any(c.isspace() for c in code))


@dataclass(frozen=True)
class Codes:
    """The incident categories and types a plan may name: the workstation's
    taxonomy (resources/taxonomy.toml or the centre's own, [incidents]
    taxonomy_path), or on the platform any well-formed type code."""

    categories: frozenset[str]
    types: Container[str]

    @classmethod
    def of(cls, taxonomy: Taxonomy) -> Codes:
        return cls(frozenset(str(c.code) for c in taxonomy.categories),
                   frozenset(t.code for c in taxonomy.categories for t in c.types))


TYPE_CODE_MAX = 64  # as an incident's type_code (services/incidents/contract.py)
_taxonomy_path: Path | None = None
_default: Codes | None = None


def use_taxonomy(path: Path | None) -> None:
    """The workstation's configured taxonomy, for plan imports and the editor."""
    global _taxonomy_path, _default
    _taxonomy_path, _default = path, None


def taxonomy_path() -> Path | None:
    return _taxonomy_path


def default_codes() -> Codes:
    global _default
    if _default is None:
        _default = Codes.of(load_taxonomy(_taxonomy_path))
    return _default


def platform_codes() -> Codes:
    """What the platform (and a workstation taking the platform's plans) accepts."""
    return Codes(frozenset(str(c) for c in Category), WellFormedCode())


def _shown(value: Any) -> str:
    return str(value)[:40]


def _text(value: Any, path: str, limit: int, problems: list[Problem], *, required: bool = False) -> None:
    if not isinstance(value, str):
        problems.append(Problem(path, "not_text", _shown(value)))
    elif len(value) > limit:
        problems.append(Problem(path, "too_long", str(limit)))
    elif required and not value.strip():
        problems.append(Problem(path, "required"))
    elif text_problem(value):
        problems.append(Problem(path, "control_character"))


def _codes(value: Any, path: str, known: frozenset[str], code: str, problems: list[Problem]) -> None:
    if not isinstance(value, list) or len(value) > 200:
        problems.append(Problem(path, "not_list", _shown(value)))
        return
    for i, item in enumerate(value):
        if not isinstance(item, str) or item not in known:
            problems.append(Problem(f"{path}[{i}]", code, _shown(item)))


def check_levels(value: Any, codes: Codes, problems: list[Problem]) -> None:
    if not isinstance(value, list) or len(value) > 2 * MAX_LEVELS:
        problems.append(Problem("levels", "not_list", _shown(value)))
        return
    if len(value) > MAX_LEVELS:
        problems.append(Problem("levels", "too_many", str(MAX_LEVELS)))
    seen: set[str] = set()
    for i, level in enumerate(value):
        path = f"levels[{i}]"
        if not isinstance(level, Mapping):
            problems.append(Problem(path, "not_object"))
            continue
        extra = sorted(set(level) - {"level", "conditions", "note"})
        if extra:
            problems.append(Problem(path, "unknown_key", ", ".join(extra)[:60]))
        name = level.get("level")
        if name not in LEVELS:
            problems.append(Problem(f"{path}.level", "bad_level", _shown(name)))
        elif name in seen:
            problems.append(Problem(f"{path}.level", "duplicate", name))
        else:
            seen.add(name)
        if "conditions" not in level:
            problems.append(Problem(f"{path}.conditions", "required"))
        else:
            check_condition(level["conditions"], f"{path}.conditions", problems, types=codes.types,
                            categories=codes.categories)
        _text(level.get("note", ""), f"{path}.note", NOTE, problems)


def check_command(value: Any, problems: list[Problem]) -> set[str]:
    """The 指挥部 and 工作组; returns the group ids steps may name."""
    ids: set[str] = set()
    if not isinstance(value, Mapping):
        problems.append(Problem("command", "not_object"))
        return ids
    extra = sorted(set(value) - {"headquarters", "commander", "groups"})
    if extra:
        problems.append(Problem("command", "unknown_key", ", ".join(extra)[:60]))
    _text(value.get("headquarters", ""), "command.headquarters", NAME, problems)
    _text(value.get("commander", ""), "command.commander", NAME, problems)
    groups = value.get("groups", [])
    if not isinstance(groups, list) or len(groups) > MAX_GROUPS:
        problems.append(Problem("command.groups", "not_list", _shown(groups)))
        return ids
    for i, group in enumerate(groups):
        path = f"command.groups[{i}]"
        if not isinstance(group, Mapping):
            problems.append(Problem(path, "not_object"))
            continue
        extra = sorted(set(group) - {"id", "name", "lead_unit", "duties", "contacts"})
        if extra:
            problems.append(Problem(path, "unknown_key", ", ".join(extra)[:60]))
        gid = group.get("id")
        _text(gid, f"{path}.id", ID, problems, required=True)
        if isinstance(gid, str) and gid in ids:
            problems.append(Problem(f"{path}.id", "duplicate", gid))
        elif isinstance(gid, str):
            ids.add(gid)
        _text(group.get("name"), f"{path}.name", NAME, problems, required=True)
        _text(group.get("lead_unit", ""), f"{path}.lead_unit", NAME, problems)
        _text(group.get("duties", ""), f"{path}.duties", NOTE, problems)
        contacts = group.get("contacts", [])
        if not isinstance(contacts, list) or len(contacts) > MAX_CONTACTS or \
                not all(isinstance(c, str) and 0 < len(c) <= ID for c in contacts):
            problems.append(Problem(f"{path}.contacts", "bad_contacts", _shown(contacts)))
    return ids


ACTION_KINDS = ("notify", "order", "conference", "report")  # 通知呼叫组 / 下达调度指令 / 召开会商 / 报送信息
ORDER_TARGETS = ("team", "resource", "person", "group")  # services/dispatch/lifecycle.py TargetKind
ORDER_PRIORITIES = ("urgent", "high", "normal")
REPORT_KINDS = ("initial_report", "follow_up_report", "final_report")  # 首报 / 续报 / 终报 (services/timeline.py)
CONFERENCE_TITLE = 200  # services/conference/service.py
REPORT_TEXT = 2000  # the template text a report action puts before the report's own template
ACTION_KEYS = {"notify": {"kind", "group", "text"},
               "order": {"kind", "target_kind", "target_id", "target_name", "content", "priority"},
               "conference": {"kind", "title", "contacts", "call_group", "group"},
               "report": {"kind", "report", "text"}}
# What a step made of the plan's template carries besides: the contacts of the
# command group a conference invites, resolved from the plan version the
# checklist came from (checklist.template_steps), so a later edit of the plan
# never changes whom a running checklist invites.
RESOLVED_KEYS = {"conference": {"group_contacts"}}


def _contact_ids(value: Any, path: str, problems: list[Problem]) -> None:
    if not isinstance(value, list) or len(value) > MAX_CONTACTS or \
            not all(isinstance(c, str) and 0 < len(c) <= ID and not text_problem(c) for c in value):
        problems.append(Problem(path, "bad_contacts", _shown(value)))


def check_action(value: Any, path: str, problems: list[Problem], *, groups: set[str] | None = None,
                 resolved: bool = False) -> None:
    """A step's action: notify a call group of the contacts ({"kind": "notify", "group",
    "text"}), issue a dispatch order ({"kind": "order", "target_kind", "target_id",
    "target_name", "content", "priority"}), open a conference ({"kind": "conference",
    "title", "contacts", "call_group", "group"}: 通讯录 ids, a call group, a command group
    of the plan, the step's own group when none is named) or start a report ({"kind":
    "report", "report": initial_report | follow_up_report | final_report, "text"}).
    `groups`: the plan's group ids (None: not checked here); `resolved`: a step's copy,
    which may carry what template_steps resolved. The feature that does it checks again."""
    if not isinstance(value, Mapping):
        problems.append(Problem(path, "not_object"))
        return
    kind = value.get("kind")
    if kind not in ACTION_KINDS:
        problems.append(Problem(f"{path}.kind", "bad_action", _shown(kind)))
        return
    extra = sorted(set(value) - ACTION_KEYS[kind] - (RESOLVED_KEYS.get(kind, set()) if resolved else set()))
    if extra:
        problems.append(Problem(path, "unknown_key", ", ".join(extra)[:60]))
    if kind == "notify":
        _text(value.get("group"), f"{path}.group", ID, problems, required=True)
        _text(value.get("text"), f"{path}.text", NOTE, problems, required=True)
    elif kind == "order":
        if value.get("target_kind") not in ORDER_TARGETS:
            problems.append(Problem(f"{path}.target_kind", "bad_target", _shown(value.get("target_kind"))))
        if value.get("priority", "high") not in ORDER_PRIORITIES:
            problems.append(Problem(f"{path}.priority", "bad_priority", _shown(value.get("priority"))))
        _text(value.get("target_id", ""), f"{path}.target_id", 64, problems)
        _text(value.get("target_name"), f"{path}.target_name", NAME, problems, required=True)
        _text(value.get("content"), f"{path}.content", NOTE, problems, required=True)
    elif kind == "conference":
        _text(value.get("title", ""), f"{path}.title", CONFERENCE_TITLE, problems)
        _contact_ids(value.get("contacts", []), f"{path}.contacts", problems)
        _text(value.get("call_group", ""), f"{path}.call_group", ID, problems)
        group = value.get("group", "")
        _text(group, f"{path}.group", ID, problems)
        if groups is not None and isinstance(group, str) and group and group not in groups:
            problems.append(Problem(f"{path}.group", "unknown_group", group))
        if resolved and "group_contacts" in value:
            _contact_ids(value["group_contacts"], f"{path}.group_contacts", problems)
    else:
        if value.get("report") not in REPORT_KINDS:
            problems.append(Problem(f"{path}.report", "bad_report_kind", _shown(value.get("report"))))
        _text(value.get("text", ""), f"{path}.text", REPORT_TEXT, problems)


def group_contacts(command: Mapping[str, Any]) -> dict[str, list[str]]:
    """Each command group's 通讯录 ids (a conference action invites them)."""
    groups = command.get("groups", []) if isinstance(command, Mapping) else []
    return {g["id"]: [c for c in g.get("contacts", []) if isinstance(c, str)] for g in groups
            if isinstance(g, Mapping) and isinstance(g.get("id"), str) and isinstance(g.get("contacts", []), list)}


def check_checklist(value: Any, problems: list[Problem], groups: set[str] | None = None) -> None:
    """Steps in one list, each sub-step naming its parent: a parent that is not
    there, a circle of parents or a tree deeper than MAX_STEP_DEPTH is refused.
    `groups`: the plan's group ids a step may name (None: not checked here)."""
    if not isinstance(value, list) or len(value) > MAX_STEPS:
        problems.append(Problem("checklist", "not_list", _shown(value)[:20]))
        return
    parents: dict[str, str] = {}
    for i, step in enumerate(value):
        path = f"checklist[{i}]"
        if not isinstance(step, Mapping):
            problems.append(Problem(path, "not_object"))
            continue
        extra = sorted(set(step) - {"id", "phase", "title", "group", "due_minutes", "parent", "action"})
        if extra:
            problems.append(Problem(path, "unknown_key", ", ".join(extra)[:60]))
        sid = step.get("id")
        _text(sid, f"{path}.id", ID, problems, required=True)
        if isinstance(sid, str) and sid in parents:
            problems.append(Problem(f"{path}.id", "duplicate", sid))
        elif isinstance(sid, str) and sid.strip():
            parents[sid] = step.get("parent", "") if isinstance(step.get("parent", ""), str) else ""
        if step.get("phase") not in PHASES:
            problems.append(Problem(f"{path}.phase", "bad_phase", _shown(step.get("phase"))))
        _text(step.get("title"), f"{path}.title", NOTE, problems, required=True)
        group = step.get("group", "")
        _text(group, f"{path}.group", ID, problems)
        if groups is not None and isinstance(group, str) and group and group not in groups:
            problems.append(Problem(f"{path}.group", "unknown_group", group))
        due = step.get("due_minutes", 0)
        if isinstance(due, bool) or not isinstance(due, int) or not 0 <= due <= MAX_DUE_MINUTES:
            problems.append(Problem(f"{path}.due_minutes", "bad_minutes", _shown(due)))
        _text(step.get("parent", ""), f"{path}.parent", ID, problems)
        if "action" in step:
            check_action(step["action"], f"{path}.action", problems, groups=groups)
    by_id = {s.get("id"): (i, s) for i, s in enumerate(value) if isinstance(s, Mapping)}
    for sid, (i, step) in by_id.items():
        parent = parents.get(sid, "") if isinstance(sid, str) else ""
        if not parent:
            continue
        if parent not in parents:
            problems.append(Problem(f"checklist[{i}].parent", "unknown_parent", parent))
            continue
        if by_id[parent][1].get("phase") != step.get("phase"):
            problems.append(Problem(f"checklist[{i}].phase", "phase_differs_from_parent", parent))
        chain, here = [sid], parent
        while here:
            if here in chain:
                problems.append(Problem(f"checklist[{i}].parent", "circular", " → ".join([*chain, here])[:120]))
                break
            chain.append(here)
            here = parents.get(here, "")
        else:
            if len(chain) > MAX_STEP_DEPTH:
                problems.append(Problem(f"checklist[{i}].parent", "too_deep", str(MAX_STEP_DEPTH)))


def check_field(name: str, value: Any, codes: Codes, problems: list[Problem]) -> None:
    """One field on its own: what the platform can check of an edit of just this field."""
    if name in TEXT:
        _text(value, name, TEXT[name], problems, required=name == "title")
    elif name == "plan_type":
        if value not in PLAN_TYPES:
            problems.append(Problem(name, "unknown_plan_type", _shown(value)))
    elif name == "status":
        if value not in STATUSES:
            problems.append(Problem(name, "unknown_status", _shown(value)))
    elif name == "categories":
        _codes(value, name, codes.categories, "unknown_category", problems)
    elif name == "types":
        _codes(value, name, codes.types, "unknown_type", problems)
    elif name == "levels":
        check_levels(value, codes, problems)
    elif name == "command":
        check_command(value, problems)
    elif name == "checklist":
        check_checklist(value, problems)
    elif name == "full_text":
        _text(value, name, MAX_TEXT, problems)
    elif name == "example":
        if not isinstance(value, bool):
            problems.append(Problem(name, "not_bool", _shown(value)))
    else:
        problems.append(Problem(name, "unknown_key"))


def check_plan(plan: Any, codes: Codes | None = None, *, path: str = "") -> list[Problem]:
    """Every problem of a whole plan, each by its path (prefixed with `path`)."""
    codes = codes or default_codes()
    problems: list[Problem] = []
    if not isinstance(plan, Mapping):
        return [Problem(path or "plan", "not_object")]
    _text(plan.get("id"), "id", ID, problems, required=True)
    for name in sorted(set(plan) - {"id", *FIELDS}):
        problems.append(Problem(name, "unknown_key"))
    for name in ("title", "plan_type", "status"):
        if name not in plan:
            problems.append(Problem(name, "required"))
    for name in FIELDS:
        if name in plan and name not in ("command", "checklist"):
            check_field(name, plan[name], codes, problems)
    groups = check_command(plan.get("command", {}), problems)
    check_checklist(plan.get("checklist", []), problems, groups)
    if not plan.get("categories") and not plan.get("types") and not problems:
        problems.append(Problem("categories", "applies_to_nothing"))
    if path:
        problems = [Problem(f"{path}.{p.path}", p.code, p.detail) for p in problems]
    return problems


def with_defaults(plan: Mapping[str, Any]) -> dict[str, Any]:
    """A checked plan with every field present."""
    out = {"issuer": "", "plan_version": "", "categories": [], "types": [], "levels": [],
           "command": {"headquarters": "", "commander": "", "groups": []}, "checklist": [], "full_text": "",
           "example": False}
    out.update({k: v for k, v in plan.items() if k in ("id", *FIELDS)})
    return out


def group_names(command: Mapping[str, Any]) -> dict[str, str]:
    return {g["id"]: g["name"] for g in command.get("groups", []) if isinstance(g, Mapping) and "id" in g}


def level_rank(level: str | None) -> int:
    """4 for I (the gravest response) down to 1 for IV, 0 for none."""
    return len(LEVELS) - LEVELS.index(level) if level in LEVELS else 0


def sorted_levels(levels: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    return sorted(levels, key=lambda lv: -level_rank(lv.get("level")))
