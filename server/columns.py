"""Every value checked against the column it goes into, before the database
sees it: a PostgreSQL error (NUL in text, a value too long, an integer out of
range) would otherwise fail the whole upload, and SQLite, which enforces no
lengths, would store what the feed's readers then refuse. Limits come from
the ORM columns themselves, so a check and its column cannot drift apart.

Used by each kind's checks (check_columns, for Core inserts too) and, as a
net under them, on every ORM insert and update of the platform's tables
(guard_writes). Imports nothing of the project but the rejection and the
shared text rules."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Boolean, Column, Float, Integer, String, event, inspect
from sqlalchemy.orm import Mapper

from server.op_checks import OpRejected
from services.text_rules import text_problem, value_problem

INT32_MIN, INT32_MAX = -(2**31), 2**31 - 1  # an Integer column is PostgreSQL's int4
TEXT_MAX_CHARS = 1_000_000  # an unbounded Text column (an op is at most 1 MB anyway)


def column_problem(column: Column, value: Any) -> str | None:
    """What keeps `value` out of `column`, or None."""
    if value is None:
        return None if column.nullable else "must not be empty (null)"
    kind = column.type
    if isinstance(kind, String):  # Text is a String without a length
        if not isinstance(value, str):
            return "must be text"
        limit = kind.length or TEXT_MAX_CHARS
        if len(value) > limit:
            return f"is longer than {limit} characters"
        problem = text_problem(value)
        return f"holds {problem}" if problem else None
    if isinstance(kind, Boolean):
        return None if isinstance(value, bool) else "must be true or false"
    if isinstance(kind, Integer):
        if isinstance(value, bool) or not isinstance(value, int):
            return "must be a whole number"
        return None if INT32_MIN <= value <= INT32_MAX else f"must be between {INT32_MIN} and {INT32_MAX}"
    if isinstance(kind, Float):
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            return "must be a finite number"
        return None
    problem = value_problem(value)
    return f"holds {problem}" if problem else None


def check_columns(row: type, values: Mapping[str, Any]) -> None:
    """OpRejected naming the first value that does not fit its column of `row`
    (an ORM class); names that are not columns are the caller's business."""
    columns = row.__table__.c
    for name, value in values.items():
        column = columns.get(name)
        if column is None:
            continue
        problem = column_problem(column, value)
        if problem:
            raise OpRejected(f"{name} {problem}")


def text_limit(row: type, name: str) -> int:
    """The length of a String column: what the kind's check allows."""
    length = row.__table__.c[name].type.length
    if not length:
        raise ValueError(f"{row.__tablename__}.{name} has no length")
    return length


def text_limits(row: type, *names: str) -> dict[str, int]:
    return {name: text_limit(row, name) for name in names}


def _check_object(_mapper: Mapper, _connection: Any, target: Any) -> None:
    state = inspect(target)
    table = target.__table__
    for attr in state.mapper.column_attrs:
        name = attr.key
        if name not in state.dict:
            continue
        history = state.attrs[name].history
        if state.persistent and not history.added:
            continue  # unchanged since loaded
        column = table.c.get(attr.columns[0].name)
        if column is None or (column.primary_key and state.dict[name] is None):
            continue  # an id the database assigns
        problem = column_problem(column, state.dict[name])
        if problem:
            raise OpRejected(f"{table.name}.{name} {problem}")


def guard_writes(base: type) -> None:
    """Checks every ORM insert and update of `base`'s tables against their columns."""
    event.listen(base, "before_insert", _check_object, propagate=True)
    event.listen(base, "before_update", _check_object, propagate=True)

