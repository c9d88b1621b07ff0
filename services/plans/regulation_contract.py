"""A regulation (法规/规章) of the knowledge library as both ends check it: the
fields, their limits, and `check_regulation`, which lists every problem by
field so the editor can say all that is wrong at once. The platform checks
each field as it arrives (server/regulations.py) with `check_field`."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from services.plans.conditions import Problem
from services.text_rules import text_problem

ENTITY = "regulation"
FIELDS = ("title", "issuer", "doc_number", "effective_date", "plan_ids", "full_text", "example")
TEXT = {"title": 200, "issuer": 100, "doc_number": 64}
MAX_TEXT = 400_000  # a regulation's full text, in characters
MAX_PLANS = 100  # plans one regulation is attached to
ID = 36
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _shown(value: Any) -> str:
    return str(value)[:40]


def _text(value: Any, name: str, limit: int, problems: list[Problem], *, required: bool = False) -> None:
    if not isinstance(value, str):
        problems.append(Problem(name, "not_text", _shown(value)))
    elif len(value) > limit:
        problems.append(Problem(name, "too_long", str(limit)))
    elif required and not value.strip():
        problems.append(Problem(name, "required"))
    elif text_problem(value):
        problems.append(Problem(name, "control_character"))


def check_field(name: str, value: Any, problems: list[Problem]) -> None:
    """One field on its own: what the platform can check of an edit of just this field."""
    if name in TEXT:
        _text(value, name, TEXT[name], problems, required=name == "title")
    elif name == "effective_date":
        # 施行日期: a calendar date (no time, no zone) or "" when not known.
        if not isinstance(value, str) or (value and not _DATE.match(value)):
            problems.append(Problem(name, "bad_date", _shown(value)))
        elif value:
            try:
                day = date.fromisoformat(value)
            except ValueError:
                problems.append(Problem(name, "bad_date", value))
            else:
                if not 1900 <= day.year <= 2999:
                    problems.append(Problem(name, "bad_date", value))
    elif name == "plan_ids":
        if not isinstance(value, list) or len(value) > MAX_PLANS:
            problems.append(Problem(name, "not_list", _shown(value)))
            return
        for i, item in enumerate(value):
            if not isinstance(item, str) or not 0 < len(item) <= ID or text_problem(item):
                problems.append(Problem(f"{name}[{i}]", "bad_id", _shown(item)))
            elif value.index(item) != i:
                problems.append(Problem(f"{name}[{i}]", "duplicate", item))
    elif name == "full_text":
        _text(value, name, MAX_TEXT, problems)
    elif name == "example":
        if not isinstance(value, bool):
            problems.append(Problem(name, "not_bool", _shown(value)))
    else:
        problems.append(Problem(name, "unknown_key"))


def check_regulation(record: Any) -> list[Problem]:
    """Every problem of a whole regulation, each by its field."""
    if not isinstance(record, Mapping):
        return [Problem("regulation", "not_object")]
    problems: list[Problem] = []
    _text(record.get("id"), "id", ID, problems, required=True)
    if "title" not in record:
        problems.append(Problem("title", "required"))
    for name in record:
        if name != "id":
            check_field(name, record[name], problems)
    return problems


def with_defaults(record: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"issuer": "", "doc_number": "", "effective_date": "", "plan_ids": [], "full_text": "",
                           "example": False}
    out.update({k: v for k, v in record.items() if k in ("id", *FIELDS)})
    return out
