"""Clearance levels (密级), the contract both ends share (DESIGN.md, "Trust").

A level is a small int: 0 公开 and 1 内部 always exist; a centre names the
levels above (2 秘密, 3 机密 by default) in the platform's options, and the
client learns the names from the feed, so nothing here hard-codes a
classification scheme beyond the first two. Every account and workstation
has a clearance on the same scale; what a request may see is the lower of
the two (an unregistered workstation counts at DEFAULT_CLEARANCE).

Imports nothing of the project: the platform, the mirror's purge and the
views all read it."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

PUBLIC, INTERNAL = 0, 1
TOP = 9  # the highest level a centre may configure; the platform itself writes at TOP
DEFAULT_CLEARANCE = INTERNAL  # a new account, and a workstation the platform does not know
DEFAULT_NAMES: dict[int, str] = {0: "公开", 1: "内部", 2: "秘密", 3: "机密"}
NAME_MAX = 16
LEVEL_FIELD = "level"  # the column and payload key of a record's level, on every leveled kind
# mirror_meta keys: the clearance the platform last granted this workstation (what its
# mirror was filled for), and the centre's names of its levels (JSON), from the feed.
MIRROR_CLEARANCE_KEY, MIRROR_NAMES_KEY = "clearance", "level_names"

# The kinds that carry a level, with the level a record gets when nobody said.
# An incident, its entries, the resources (team positions, phone numbers),
# cameras (stream addresses of the public-security network) and plans are
# 内部 until someone marks them: they are the centre's working material and
# are never handed out as they stand. A warning is 公开: it exists to be issued
# to the public (CAP feeds bring already-published ones); a draft that must
# stay in the building is marked higher by its author. An attachment (a picture
# in an entry's data, services/incidents/attachments.py) travels inside its
# entry and has the entry's level: it cannot go anywhere the entry does not.
DEFAULT_LEVEL: dict[str, int] = {
    "incident": INTERNAL, "entry": INTERNAL, "resource": INTERNAL, "camera": INTERNAL,
    "plan": INTERNAL, "warning": PUBLIC,
}  # fmt: skip
# The platform's (and the mirror's) table of each leveled kind.
TABLES: dict[str, str] = {
    "incident": "incidents", "entry": "entries", "resource": "resources", "camera": "cameras",
    "plan": "plans", "warning": "warnings",
}  # fmt: skip


def is_leveled(entity: str) -> bool:
    return entity in DEFAULT_LEVEL


def effective(account_clearance: int, workstation_clearance: int | None) -> int:
    """What a request may see: the lower of the account's and the workstation's
    clearance; a workstation the platform does not know counts at the default."""
    station = DEFAULT_CLEARANCE if workstation_clearance is None else workstation_clearance
    return max(PUBLIC, min(account_clearance, station, TOP))


def level_problem(value: Any) -> str:
    """Why `value` is not a level ("" when it is): an int from 0 to TOP, never a bool."""
    if isinstance(value, bool) or not isinstance(value, int):
        return "level must be a whole number"
    if not PUBLIC <= value <= TOP:
        return f"level must be from {PUBLIC} to {TOP}"
    return ""


def mirror_clearance(raw: str | None) -> int:
    """The clearance a mirror was last filled for (mirror_meta), the default before the platform said."""
    return int(raw) if raw is not None and raw.isdigit() and int(raw) <= TOP else DEFAULT_CLEARANCE


def write_problem(level: int, clearance: int) -> str:
    """Why a writer of `clearance` may not write a record of `level` ("" when it may)."""
    if level > clearance:
        return f"level {level} is above the writer's clearance {clearance}"
    return ""


def workstation_levels(meta: Any) -> tuple[int, dict[int, str]]:
    """This workstation's clearance and the level names as the feed last said
    (`meta`: a mirror's meta lookup, Mirror.meta): what an editor offers."""
    return mirror_clearance(meta(MIRROR_CLEARANCE_KEY)), names_from_meta(meta(MIRROR_NAMES_KEY))


def mark_problem(level: Any, meta: Any) -> str:
    """Why this workstation may not mark a record `level` ("" when it may): not a
    level, or above the clearance its mirror was filled for (`meta`: Mirror.meta)."""
    return level_problem(level) or write_problem(level, mirror_clearance(meta(MIRROR_CLEARANCE_KEY)))


def parse_names(raw: str) -> dict[int, str]:
    """Level names from the platform's option, "2=秘密,3=机密" (0 and 1 always
    exist and may be renamed). ValueError with the reason for a bad one."""
    names = dict(DEFAULT_NAMES) if not raw.strip() else {0: DEFAULT_NAMES[0], 1: DEFAULT_NAMES[1]}
    for part in filter(None, (p.strip() for p in raw.split(","))):
        number, sep, name = part.partition("=")
        if not sep or not number.strip().isdigit():
            raise ValueError(f"clearance level {part!r}: write it as number=name, e.g. 2=秘密")
        level, name = int(number), name.strip()
        if level_problem(level):
            raise ValueError(f"clearance level {part!r}: {level_problem(level)}")
        if not name or len(name) > NAME_MAX or any(ord(c) < 32 for c in name):
            raise ValueError(f"clearance level {part!r}: a name of 1 to {NAME_MAX} printable characters")
        names[level] = name
    return names


def names_problem(names: Any) -> str:
    """Why level names from the feed are unusable ("" when they are fine)."""
    if not isinstance(names, Mapping) or len(names) > TOP + 1:
        return "level names must be a small mapping"
    for key, name in names.items():
        level = int(key) if isinstance(key, str) and key.isdigit() else key
        if level_problem(level) or not isinstance(name, str) or not 0 < len(name) <= NAME_MAX \
                or any(ord(c) < 32 for c in name):
            return f"level name {str(key)[:8]!r} is unusable"
    return ""


def names_from_meta(raw: str | None) -> dict[int, str]:
    """The level names a mirror keeps (JSON from the feed), over the defaults."""
    names = dict(DEFAULT_NAMES)
    try:
        stored = json.loads(raw) if raw else {}
    except ValueError:
        stored = {}
    if isinstance(stored, dict) and not names_problem(stored):
        names.update({int(k): v for k, v in stored.items() if str(k).isdigit()})
    return names


def name_of(level: int, names: Mapping[int, str] | None = None) -> str:
    """A level's name ("3级" when the centre has not named it)."""
    table = names if names is not None else DEFAULT_NAMES
    return table.get(level) or DEFAULT_NAMES.get(level) or f"{level}级"
