"""A plan's structured parts (levels, command, checklist) as TOML in the
published plan-file schema (README, 预案与处置), for the editor: written out
from a plan, read back and checked with the form's fields by `check_plan`,
every problem by its path. The standard library reads TOML but does not
write it; this writes the few shapes a plan has (tables, arrays of tables,
inline tables for conditions and actions) and nothing else."""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Mapping
from typing import Any

from services.plans.conditions import Problem
from services.plans.contract import check_plan

STRUCTURED = ("levels", "command", "checklist")
_BARE = re.compile(r"^[A-Za-z0-9_-]+$")


def _key(key: str) -> str:
    return key if _BARE.match(key) else json.dumps(key, ensure_ascii=False)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        # A JSON string is a TOML basic string: the same escapes (\" \\ \n \t \uXXXX).
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{_key(str(k))} = {_value(v)}" for k, v in value.items()) + " }" if value else "{}"
    raise TypeError(f"no TOML for {type(value).__name__}")


def _table(header: str, values: Mapping[str, Any], *, array: bool = False) -> list[str]:
    lines = [f"[[{header}]]" if array else f"[{header}]"]
    lines += [f"{_key(str(k))} = {_value(v)}" for k, v in values.items()]
    return lines


def dump_structure(plan: Mapping[str, Any]) -> str:
    """The plan's levels, command and checklist as TOML (what the editor shows)."""
    blocks: list[list[str]] = []
    command = plan.get("command") or {}
    head = {k: v for k, v in command.items() if k != "groups"}
    if head:
        blocks.append(_table("command", head))
    for group in command.get("groups", []):
        blocks.append(_table("command.groups", group, array=True))
    for level in plan.get("levels", []):
        blocks.append(_table("levels", level, array=True))
    for step in plan.get("checklist", []):
        blocks.append(_table("checklist", step, array=True))
    return "\n\n".join("\n".join(block) for block in blocks) + ("\n" if blocks else "")


def parse_structure(text: str) -> tuple[dict[str, Any], list[Problem]]:
    """The TOML's levels, command and checklist, or the problems that keep it from being read."""
    try:
        doc = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError) as exc:
        return {}, [Problem("toml", "bad_syntax", str(exc)[:160])]
    extra = sorted(set(doc) - set(STRUCTURED))
    problems = [Problem(name, "not_structure") for name in extra]
    return {k: doc[k] for k in STRUCTURED if k in doc}, problems


def assemble(fields: Mapping[str, Any], structure_text: str) -> tuple[dict[str, Any], list[Problem]]:
    """The whole plan from the form's fields and the structure's TOML, with every problem
    of it by path (nothing to save unless the list is empty)."""
    structure, problems = parse_structure(structure_text)
    plan = {**fields, "levels": structure.get("levels", []),
            "command": structure.get("command", {"headquarters": "", "commander": "", "groups": []}),
            "checklist": structure.get("checklist", [])}
    if problems and problems[0].code == "bad_syntax":
        return plan, problems
    return plan, problems + check_plan(plan)
