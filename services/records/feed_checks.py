"""Checks of records that come from the platform (feed and snapshot). A hostile
or broken server changes nothing: an unusable record raises FeedError, which
refuses the whole page before anything of it is written."""

from __future__ import annotations

import math
import re
from datetime import datetime
from typing import Any

from services.timefmt import to_db


class FeedError(ValueError):
    """The server sent a record this client cannot use; nothing of the page was applied."""


def feed_time(value: Any, where: str, *, required: bool = False) -> str:
    """A time from the platform in the mirror's one format (so times compare as text in
    queries); "" for an absent one that may be absent; FeedError otherwise."""
    if not value and not required:
        return ""
    try:
        parsed = datetime.fromisoformat(value) if isinstance(value, str) and len(value) <= 40 else None
    except ValueError:
        parsed = None
    if parsed is None or parsed.tzinfo is None:
        raise FeedError(f"{where}: not a time with a time zone")
    return to_db(parsed)


def feed_id(data: dict, what: str, limit: int = 36) -> str:
    value = data.get("id")
    if not isinstance(value, str) or not value.strip() or len(value) > limit:
        raise FeedError(f"{what} without a usable id")
    return value


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def feed_text(data: dict, name: str, limit: int, where: str, *, required: bool = False) -> str:
    """Text of at most `limit` characters, without NUL or other control characters
    (tabs and line breaks are text)."""
    value = data.get(name, "")
    if not isinstance(value, str) or len(value) > limit or (required and not value.strip()):
        raise FeedError(f"{where}: bad {name}")
    if _CONTROL.search(value):
        raise FeedError(f"{where}: control characters in {name}")
    return value


def feed_bool(data: dict, name: str, where: str, default: bool = False) -> bool:
    value = data.get(name, default)
    if not isinstance(value, bool):
        raise FeedError(f"{where}: bad {name}")
    return value


def feed_coordinate(value: Any, name: str, where: str, *, optional: bool = False) -> float | None:
    if value is None and optional:
        return None
    bound = 90 if name == "lat" else 180
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) \
            or abs(value) > bound:
        raise FeedError(f"{where}: bad {name}")
    return float(value)


def feed_version(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise FeedError("record version is not a number")
    return value


# Who the platform says did it (issue 19): the authenticated account and the
# workstation behind a record, beside the names a workstation typed. Absent
# from an older platform's records: empty then.
ACCOUNT_MAX, WORKSTATION_MAX, SITE_MAX = 100, 64, 32


def feed_accounts(data: dict, names: tuple[str, ...], where: str) -> dict[str, str]:
    values = {}
    for name in names:
        limit = SITE_MAX if name.endswith("_site") else WORKSTATION_MAX if "workstation" in name else ACCOUNT_MAX
        values[name] = feed_text(data, name, limit, where)
    return values
