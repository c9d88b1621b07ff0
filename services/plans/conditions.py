"""The small condition language of a plan's response levels, parsed and
evaluated here and nowhere else (never eval): a leaf compares one incident
figure with a value, `all` / `any` groups hold leaves or groups.

    {"field": "deaths", "op": ">=", "value": 10}
    {"all": [{"field": "type", "op": "in", "value": ["flood"]}, {"field": "severity", "op": ">=", "value": "III"}]}

Severity compares by gravity: I is the gravest, so `severity >= III` holds for
I, II and III. Pure Python, shared by the client and the platform."""

from __future__ import annotations

from collections.abc import Container, Mapping
from dataclasses import dataclass
from typing import Any

NUMBER_FIELDS = ("deaths", "injured", "missing", "trapped")
CODE_FIELDS = ("type", "category")
FIELDS = (*NUMBER_FIELDS, "severity", *CODE_FIELDS)
ORDER_OPS = (">=", ">", "<=", "<", "==", "!=")
CODE_OPS = ("==", "!=", "in")
SEVERITIES = ("I", "II", "III", "IV")  # gravest first
MAX_DEPTH = 5
MAX_NODES = 64
MAX_NUMBER = 10_000_000
MAX_CODES = 100


@dataclass(frozen=True)
class Problem:
    """Where (a path such as `levels[1].conditions.all[0].op`) and what (a code
    the views put into words), with the offending value shortened."""

    path: str
    code: str
    detail: str = ""


@dataclass(frozen=True)
class Fact:
    """A leaf that held, with the incident's figure: what a reason is made of."""

    field: str
    op: str
    value: Any
    actual: Any


def _shown(value: Any) -> str:
    return str(value)[:40]


def check_condition(cond: Any, path: str, problems: list[Problem], *, types: Container[str],
                    categories: Container[str], _depth: int = 1, _count: list[int] | None = None) -> None:
    """Appends every reason this condition cannot be evaluated."""
    count = _count if _count is not None else [0]
    count[0] += 1
    if count[0] == MAX_NODES + 1:
        problems.append(Problem(path, "condition_too_large", str(MAX_NODES)))
    if count[0] > MAX_NODES:
        return
    if _depth > MAX_DEPTH:
        problems.append(Problem(path, "condition_too_deep", str(MAX_DEPTH)))
        return
    if not isinstance(cond, Mapping):
        problems.append(Problem(path, "condition_not_object"))
        return
    groups = [k for k in ("all", "any") if k in cond]
    if groups:
        extra = sorted(set(cond) - {groups[0]})
        if len(groups) > 1 or extra:
            problems.append(Problem(path, "condition_mixed", ", ".join(sorted(cond))[:60]))
            return
        items = cond[groups[0]]
        if not isinstance(items, list) or not items:
            problems.append(Problem(f"{path}.{groups[0]}", "condition_empty_group"))
            return
        for i, item in enumerate(items):
            check_condition(item, f"{path}.{groups[0]}[{i}]", problems, types=types, categories=categories,
                            _depth=_depth + 1, _count=count)
        return
    extra = sorted(set(cond) - {"field", "op", "value"})
    if extra:
        problems.append(Problem(path, "condition_unknown_key", ", ".join(extra)[:60]))
    field, op, value = cond.get("field"), cond.get("op"), cond.get("value")
    if field not in FIELDS:
        problems.append(Problem(f"{path}.field", "unknown_field", _shown(field)))
        return
    if "value" not in cond:
        problems.append(Problem(f"{path}.value", "required"))
        return
    if field in NUMBER_FIELDS:
        if op not in ORDER_OPS:
            problems.append(Problem(f"{path}.op", "unknown_op", _shown(op)))
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_NUMBER:
            problems.append(Problem(f"{path}.value", "bad_number", _shown(value)))
    elif field == "severity":
        if op not in ORDER_OPS:
            problems.append(Problem(f"{path}.op", "unknown_op", _shown(op)))
        if value not in SEVERITIES:
            problems.append(Problem(f"{path}.value", "bad_severity", _shown(value)))
    else:
        known = types if field == "type" else categories
        if op not in CODE_OPS:
            problems.append(Problem(f"{path}.op", "unknown_op", _shown(op)))
            return
        values = value if op == "in" else [value]
        if not isinstance(values, list) or not values or len(values) > MAX_CODES:
            problems.append(Problem(f"{path}.value", "bad_code_list", _shown(value)))
            return
        for i, code in enumerate(values):
            if not isinstance(code, str) or code not in known:
                where = f"{path}.value[{i}]" if op == "in" else f"{path}.value"
                problems.append(Problem(where, f"unknown_{field}", _shown(code)))


def _gravity(severity: str) -> int:
    """4 for I down to 1 for IV: larger is graver, so the order ops read naturally."""
    return len(SEVERITIES) - SEVERITIES.index(severity)


def _compare(op: str, actual: Any, value: Any) -> bool:
    if op == ">=":
        return actual >= value
    if op == ">":
        return actual > value
    if op == "<=":
        return actual <= value
    if op == "<":
        return actual < value
    if op == "==":
        return actual == value
    if op == "!=":
        return actual != value
    return actual in value  # "in"


def evaluate(cond: Mapping, figures: Mapping[str, Any]) -> tuple[bool, tuple[Fact, ...]]:
    """Whether a checked condition holds for these incident figures, and the
    leaves that made it hold (for `any`, the first that did)."""
    if "all" in cond:
        facts: list[Fact] = []
        for item in cond["all"]:
            held, found = evaluate(item, figures)
            if not held:
                return False, ()
            facts.extend(found)
        return True, tuple(facts)
    if "any" in cond:
        for item in cond["any"]:
            held, found = evaluate(item, figures)
            if held:
                return True, found
        return False, ()
    field, op, value = cond["field"], cond["op"], cond["value"]
    actual = figures.get(field)
    if actual is None:
        return False, ()
    if field == "severity":
        if actual not in SEVERITIES:
            return False, ()
        held = _compare(op, _gravity(actual), _gravity(value))
    else:
        held = _compare(op, actual, value)
    return (True, (Fact(field, op, value, actual),)) if held else (False, ())
