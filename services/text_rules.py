"""What a stored value may hold, on both ends: text without NUL, other control
characters (tab and line breaks are text) or unpaired surrogates, which
PostgreSQL refuses or cannot encode and the mirror's feed checks refuse;
whole numbers within 64 bits; finite numbers; JSON nested only so deep.
Pure Python, imports nothing of the project, so any feature and the platform
can use it without a cycle."""

from __future__ import annotations

import math
import re
from datetime import UTC, datetime
from typing import Any

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
MAX_DEPTH = 32  # JSON objects and lists inside each other
FIRST_YEAR, LAST_YEAR = 1900, 2999  # a time outside these is a typo or an attack, and may not convert to UTC
_UNUSABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_NAMES = {"\x00": "a NUL character", "\x7f": "a DEL character"}


def time_range_problem(value: datetime) -> str | None:
    """What keeps an aware time from being stored and compared everywhere (every
    mirror converts it to UTC), or None."""
    try:
        year = value.astimezone(UTC).year
    except (OverflowError, ValueError):
        return "is out of range"
    return None if FIRST_YEAR <= year <= LAST_YEAR else f"must be between the years {FIRST_YEAR} and {LAST_YEAR}"


def text_problem(value: str) -> str | None:
    """What makes this text unusable as stored text, or None."""
    if value.isascii() and value.isprintable():
        return None  # the common case, without a regex
    found = _UNUSABLE.search(value)
    if found is None:
        return None
    char = found.group()
    if "\ud800" <= char <= "\udfff":
        return "an unpaired surrogate (not valid Unicode)"
    return _NAMES.get(char, f"the control character U+{ord(char):04X}")


class Unusable:
    """A JSON number read as unusable (past 64 bits, not finite) instead of raising,
    so the one operation holding it is refused, not the request around it."""

    __slots__ = ("reason",)

    def __init__(self, reason: str):
        self.reason = reason

    def __repr__(self) -> str:
        return f"<{self.reason}>"


def _int(text: str) -> int | Unusable:
    if len(text) > 20:  # no 64-bit number has more digits (and int() of 5000 digits raises)
        return Unusable("a whole number past 64 bits")
    value = int(text)
    return value if INT64_MIN <= value <= INT64_MAX else Unusable("a whole number past 64 bits")


def _float(text: str) -> float | Unusable:
    value = float(text)
    return value if math.isfinite(value) else Unusable("a number that is not finite")


def _constant(_text: str) -> Unusable:
    return Unusable("a number that is not finite")  # NaN, Infinity, -Infinity


# json.loads(text, **JSON_NUMBERS): numbers that cannot be stored become Unusable.
JSON_NUMBERS: dict[str, Any] = {"parse_int": _int, "parse_float": _float, "parse_constant": _constant}


def value_problem(value: Any) -> str | None:
    """What makes a JSON value unusable, and where inside it ("payload.data.note:
    a NUL character"), or None: unusable text (keys too), a whole number past
    64 bits, a number that is not finite, nesting past MAX_DEPTH."""
    found = _walk(value, 0)
    if found is None:
        return None
    path, problem = found
    where = "".join(part if part.startswith("[") else "." + part for part in reversed(path)).lstrip(".")
    return f"{where[:120]}: {problem}" if where else problem


def _walk(value: Any, depth: int) -> tuple[list[str], str] | None:
    if isinstance(value, str):
        problem = text_problem(value)
        return ([], problem) if problem else None
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, Unusable):
        return [], value.reason
    if isinstance(value, int):
        return None if INT64_MIN <= value <= INT64_MAX else ([], "a whole number past 64 bits")
    if isinstance(value, float):
        return None if math.isfinite(value) else ([], "a number that is not finite")
    if depth >= MAX_DEPTH:
        return [], f"values nested deeper than {MAX_DEPTH}"
    if isinstance(value, dict):
        items = value.items()
    elif isinstance(value, list | tuple):
        items = ((f"[{i}]", item) for i, item in enumerate(value))
    else:
        return [], f"a value of type {type(value).__name__}"
    for key, item in items:
        if not isinstance(key, str):
            return [], "an object key that is not text"
        problem = text_problem(key)
        if problem:
            return [repr(key)[:40]], f"a key holding {problem}"
        found = _walk(item, depth + 1)
        if found is not None:
            found[0].append(key[:40])
            return found
    return None
