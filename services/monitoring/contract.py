"""Rules of monitoring shared by the platform and the client: station kinds with
their units and physical ranges, alarm levels, the alarm lifecycle (forward
only) and the limits every reading and station is checked against on both ends.
Imports nothing of the project, so both sides and the feed checks can use it."""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class StationKind(StrEnum):
    RAIN = "rain"  # 雨量站: rainfall of the period, mm (ST_PPTN_R.DRP)
    RIVER = "river"  # 河道水位站: water level, m (ST_RIVER_R.Z)
    RESERVOIR = "reservoir"  # 水库水位站: water level, m
    GAS = "gas"  # 气体浓度 (危化品): %LEL
    DISPLACEMENT = "displacement"  # 位移 (地灾, 尾矿库): mm
    GENERIC = "generic"


@dataclass(frozen=True)
class KindInfo:
    unit: str
    low: float  # physical range: a reading outside it is a broken sensor, refused
    high: float


KINDS: dict[StationKind, KindInfo] = {
    StationKind.RAIN: KindInfo("mm", 0.0, 1000.0),
    StationKind.RIVER: KindInfo("m", -100.0, 9000.0),
    StationKind.RESERVOIR: KindInfo("m", -100.0, 9000.0),
    StationKind.GAS: KindInfo("%LEL", 0.0, 100.0),
    StationKind.DISPLACEMENT: KindInfo("mm", -100_000.0, 100_000.0),
    StationKind.GENERIC: KindInfo("", -1e9, 1e9),
}


class Level(StrEnum):
    """Alarm levels, lowest first within each scheme. Rivers and reservoirs use
    the hydrology tables' 警戒 (WRZ) and 保证 (GRZ); the rest 蓝/黄/橙/红."""

    BLUE = "blue"
    YELLOW = "yellow"
    ORANGE = "orange"
    RED = "red"
    ALERT = "alert"  # 警戒水位
    GUARANTEE = "guarantee"  # 保证水位


COLOUR_LEVELS = (Level.BLUE, Level.YELLOW, Level.ORANGE, Level.RED)
WATER_LEVELS = (Level.ALERT, Level.GUARANTEE)
# One scale for colouring and counting: 警戒 ranks with 橙, 保证 with 红.
RANK = {Level.BLUE: 1, Level.YELLOW: 2, Level.ORANGE: 3, Level.RED: 4, Level.ALERT: 3, Level.GUARANTEE: 4}
COLOUR_OF = {Level.BLUE: "blue", Level.YELLOW: "yellow", Level.ORANGE: "orange", Level.RED: "red",
             Level.ALERT: "orange", Level.GUARANTEE: "red"}


class Rule(StrEnum):
    THRESHOLD = "threshold"  # the value crossed a level's threshold
    RATE = "rate"  # the value rose faster than the station's rate limit


class AlarmState(StrEnum):
    NEW = "new"  # 新告警
    ACKNOWLEDGED = "acknowledged"  # 已确认
    RESOLVED = "resolved"  # 已处置
    INCIDENT = "incident"  # 已转事件
    FALSE = "false"  # 误报


OPEN_STATES = frozenset({AlarmState.NEW, AlarmState.ACKNOWLEDGED})
CLOSED_STATES = frozenset({AlarmState.RESOLVED, AlarmState.INCIDENT, AlarmState.FALSE})
_ORDER = {AlarmState.NEW: 0, AlarmState.ACKNOWLEDGED: 1, AlarmState.RESOLVED: 2, AlarmState.INCIDENT: 2,
          AlarmState.FALSE: 2}


def can_move(current: AlarmState, target: AlarmState) -> bool:
    """Forward only: 新告警 → 已确认 → one of 已处置 / 已转事件 / 误报 (a new alarm may
    be closed at once); a closed alarm stays as it was closed."""
    return _ORDER[target] > _ORDER[current]


# Limits (both ends).
STATION_ID_MAX = 36
NAME_MAX = 100
ORG_MAX = 100
CODE_MAX = 16  # STCD is 8 characters; room for other networks' codes
NOTE_MAX = 500
BY_MAX = 100
MAX_BATCH_READINGS = 10_000  # one POST of readings
FUTURE_SKEW_S = 300.0  # a reading may be this far ahead of the platform's clock
MAX_MARGIN_FRACTION = 1.0
MAX_MIN_DURATION_S = 86_400
DEFAULT_HISTORY_DAYS = 7  # the mirror's raw window; older readings are kept hourly
DOWNSAMPLE_S = 3600
KEEP_DOWNSAMPLED_DAYS = 90


def reading_id(station_id: str, epoch_ms: int) -> str:
    """A reading's identity: station and time, so the same reading posted twice is one."""
    return f"{station_id}@{epoch_ms}"


def number_problem(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "not a number"
    if not math.isfinite(float(value)):
        return "not a finite number"
    return None


def range_problem(kind: StationKind, value: float) -> str | None:
    info = KINDS[kind]
    if not info.low <= value <= info.high:
        return f"{value:g} is outside the physical range of a {kind.value} station ({info.low:g} to {info.high:g})"
    return None


def levels_of(kind: StationKind) -> tuple[Level, ...]:
    return WATER_LEVELS if kind in (StationKind.RIVER, StationKind.RESERVOIR) else COLOUR_LEVELS


def thresholds_problem(kind: StationKind, thresholds: Any) -> str | None:
    """Thresholds are {level: value} of the station's scheme, rising with the level."""
    if not isinstance(thresholds, dict):
        return "thresholds must be an object of level: value"
    allowed = levels_of(kind)
    previous = -math.inf
    for level in allowed:
        if level.value not in thresholds:
            continue
        value = thresholds[level.value]
        problem = number_problem(value) or range_problem(kind, float(value))
        if problem:
            return f"threshold {level.value}: {problem}"
        if value <= previous:
            return f"threshold {level.value} must be above the lower levels'"
        previous = value
    unknown = set(thresholds) - {x.value for x in allowed}
    if unknown:
        return f"levels {sorted(unknown)} do not apply to a {kind.value} station"
    return None


@dataclass(frozen=True)
class AlarmRules:
    """How a station's readings raise alarms, against alarm fatigue: a level is
    entered only after `min_duration_s` above its threshold, left only below the
    threshold minus `margin` (hysteresis), and `rate_per_h` (0: none) raises a
    rate alarm at `rate_level` when the value rises faster than that per hour."""

    margin: float = 0.0
    min_duration_s: float = 0.0
    rate_per_h: float = 0.0
    rate_level: Level = Level.YELLOW


def rules_problem(kind: StationKind, rules: Any) -> str | None:
    if not isinstance(rules, dict):
        return "rules must be an object"
    unknown = set(rules) - {"margin", "min_duration_s", "rate_per_h", "rate_level"}
    if unknown:
        return f"unknown rules {sorted(unknown)}"
    for name in ("margin", "min_duration_s", "rate_per_h"):
        if name in rules:
            problem = number_problem(rules[name])
            if problem or rules[name] < 0:
                return f"{name} must be a number of zero or more"
    if rules.get("min_duration_s", 0) > MAX_MIN_DURATION_S:
        return f"min_duration_s is at most {MAX_MIN_DURATION_S}"
    if "rate_level" in rules and rules["rate_level"] not in {x.value for x in levels_of(kind)}:
        return "rate_level is not a level of this station"
    return None


def alarm_rules(kind: StationKind, rules: dict) -> AlarmRules:
    default_rate = levels_of(kind)[0]
    return AlarmRules(margin=float(rules.get("margin", 0.0)),
                      min_duration_s=float(rules.get("min_duration_s", 0.0)),
                      rate_per_h=float(rules.get("rate_per_h", 0.0)),
                      rate_level=Level(rules.get("rate_level", default_rate.value)))


def level_of(thresholds: dict[str, float], kind: StationKind, value: float, *, margin: float = 0.0,
             held: Level | None = None) -> Level | None:
    """The level a value stands at. With `held` (the level the station is in), a
    level at or below it is kept down to its threshold minus `margin`, so a value
    wavering around a threshold does not open and close alarms."""
    found: Level | None = None
    for level in levels_of(kind):
        threshold = thresholds.get(level.value)
        if threshold is None:
            continue
        keep = held is not None and RANK[level] <= RANK[held]
        if value >= threshold - (margin if keep else 0.0):
            found = level
    return found


# Names in the watch room's language, for text both ends write into records
# (an incident made from an alarm, duty log lines); views translate their own.
KIND_NAMES_ZH = {StationKind.RAIN: "雨量站", StationKind.RIVER: "河道水位站", StationKind.RESERVOIR: "水库水位站",
                 StationKind.GAS: "气体监测点", StationKind.DISPLACEMENT: "位移监测点", StationKind.GENERIC: "监测站"}
LEVEL_NAMES_ZH = {Level.BLUE: "蓝色", Level.YELLOW: "黄色", Level.ORANGE: "橙色", Level.RED: "红色",
                  Level.ALERT: "超警戒", Level.GUARANTEE: "超保证"}
STATE_NAMES_ZH = {AlarmState.NEW: "新告警", AlarmState.ACKNOWLEDGED: "已确认", AlarmState.RESOLVED: "已处置",
                  AlarmState.INCIDENT: "已转事件", AlarmState.FALSE: "误报"}
# (incident category, type code) an alarm of a station kind becomes (resources/taxonomy.toml).
INCIDENT_TYPE = {StationKind.RAIN: ("natural", "flood"), StationKind.RIVER: ("natural", "flood"),
                 StationKind.RESERVOIR: ("natural", "flood"), StationKind.GAS: ("accident", "hazardous_chemicals"),
                 StationKind.DISPLACEMENT: ("natural", "landslide"), StationKind.GENERIC: ("natural", "")}


def alarm_title(station_name: str, level: Level, rule: Rule) -> str:
    what = "上涨过快" if rule == Rule.RATE else LEVEL_NAMES_ZH[level]
    return f"{station_name}{what}告警"


# Who may create and edit stations (server/monitoring.py refuses the rest; the
# client's 监测站管理 shows the others the list read-only): a threshold moved is
# an alarm not raised, so the room's chief and the administrators decide them.
STATION_EDITORS = ("admin", "duty_chief")
PLACE_MAX = 200
RULE_NAMES = ("margin", "min_duration_s", "rate_per_h")


@dataclass(frozen=True)
class StationProblem:
    """One reason a station is refused, as a code a view words in its language:
    `field` is name, code, org, place, kind, lat, lon, a level's value ("blue",
    "alert" ...), margin, min_duration_s, rate_per_h or rate_level."""

    field: str
    code: str  # required, too_long, unknown, not_number, out_of_range, physical_range, not_rising, negative, too_big
    limit: float | None = None


def station_problems(values: dict) -> list[StationProblem]:
    """Every problem of a whole station (what an editor is about to save), by
    the same rules as thresholds_problem and rules_problem plus the fields'."""
    problems: list[StationProblem] = []
    for name, limit in (("name", NAME_MAX), ("code", CODE_MAX), ("org", ORG_MAX), ("place", PLACE_MAX)):
        text = values.get(name, "")
        if not isinstance(text, str):
            problems.append(StationProblem(name, "not_text"))
        elif name == "name" and not text.strip():
            problems.append(StationProblem(name, "required"))
        elif len(text) > limit:
            problems.append(StationProblem(name, "too_long", limit))
    for name, bound in (("lat", 90.0), ("lon", 180.0)):
        value = values.get(name)
        if number_problem(value):
            problems.append(StationProblem(name, "not_number"))
        elif abs(value) > bound:
            problems.append(StationProblem(name, "out_of_range", bound))
    try:
        kind = StationKind(values.get("kind"))
    except ValueError:
        return [*problems, StationProblem("kind", "unknown")]
    thresholds = values.get("thresholds", {})
    if not isinstance(thresholds, dict):
        return [*problems, StationProblem("thresholds", "not_number")]
    allowed = levels_of(kind)
    for level in sorted(set(thresholds) - {x.value for x in allowed}):
        problems.append(StationProblem(str(level)[:20], "unknown"))
    previous = -math.inf
    for level in allowed:
        if level.value not in thresholds:
            continue
        value = thresholds[level.value]
        if number_problem(value):
            problems.append(StationProblem(level.value, "not_number"))
        elif range_problem(kind, float(value)):
            problems.append(StationProblem(level.value, "physical_range"))
        elif value <= previous:
            problems.append(StationProblem(level.value, "not_rising"))
        else:
            previous = value
    rules = values.get("rules", {})
    if not isinstance(rules, dict):
        return [*problems, StationProblem("rules", "not_number")]
    for name in sorted(set(rules) - {*RULE_NAMES, "rate_level"}):
        problems.append(StationProblem(str(name)[:20], "unknown"))
    for name in RULE_NAMES:
        if name in rules:
            if number_problem(rules[name]):
                problems.append(StationProblem(name, "not_number"))
            elif rules[name] < 0:
                problems.append(StationProblem(name, "negative"))
            elif name == "min_duration_s" and rules[name] > MAX_MIN_DURATION_S:
                problems.append(StationProblem(name, "too_big", MAX_MIN_DURATION_S))
    if "rate_level" in rules and rules["rate_level"] not in {x.value for x in allowed}:
        problems.append(StationProblem("rate_level", "unknown"))
    return problems
