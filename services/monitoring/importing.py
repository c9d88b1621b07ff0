"""Importing stations from CSV (UTF-8 or GBK) or Excel (.xlsx): one row per
station, all or nothing, every problem by row and field, each row checked by
the same contract as the form (station_problems). A station is known by its
station code (STCD), or by its name when it has none, so importing a
corrected file again updates instead of duplicating (services/monitoring/
station_editor.py import_records matches them against the mirror).

Columns (Chinese or English): 名称/name, 类型/kind (雨量站, 河道水位站, 水库水位站,
气体监测点, 位移监测点, 监测站, or the contract's values), 站码/code,
所属单位/org, 地点/place, 纬度/lat, 经度/lon, 蓝色/blue, 黄色/yellow, 橙色/orange,
红色/red, 警戒水位/alert, 保证水位/guarantee, 回差/margin, 最短持续秒/
min_duration_s, 上涨速率/rate_per_h. An empty threshold or rule is none.

Parsed in a child process under a time and memory budget (services/imports)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from services.imports.bounded import Budget, bounded_import, plain_result
from services.imports.sheets import read_sheet
from services.imports.text import has_control, shown
from services.input_checks import clean_text
from services.monitoring.contract import (
    KIND_NAMES_ZH,
    RULE_NAMES,
    Level,
    StationKind,
    levels_of,
    station_problems,
)

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5_000
MAX_COLUMNS = 64
BUDGET = Budget(seconds=60.0, memory_bytes=1024 * 1024 * 1024)
COLUMNS = {"名称": "name", "站名": "name", "name": "name", "类型": "kind", "kind": "kind", "站码": "code",
           "stcd": "code", "code": "code", "所属单位": "org", "org": "org", "地点": "place", "place": "place",
           "纬度": "lat", "lat": "lat", "经度": "lon", "lon": "lon", "蓝色": "blue", "blue": "blue", "黄色": "yellow",
           "yellow": "yellow", "橙色": "orange", "orange": "orange", "红色": "red", "red": "red", "警戒水位": "alert",
           "alert": "alert", "保证水位": "guarantee", "guarantee": "guarantee", "回差": "margin", "margin": "margin",
           "最短持续秒": "min_duration_s", "min_duration_s": "min_duration_s", "上涨速率": "rate_per_h",
           "rate_per_h": "rate_per_h"}
KIND_WORDS = {**{name: kind.value for kind, name in KIND_NAMES_ZH.items()}, **{k.value: k.value for k in StationKind},
              "雨量": "rain", "河道": "river", "水库": "reservoir", "气体": "gas", "位移": "displacement"}
LEVEL_FIELDS = tuple(level.value for level in Level)


@dataclass(frozen=True)
class StationError:
    row: int
    field: str
    # the contract's codes (required, too_long, not_number, out_of_range, physical_range, not_rising,
    # negative, too_big, unknown) and duplicate, unknown_kind, control_character, field_too_long, bad_csv
    code: str
    value: str = ""


@dataclass
class StationImport:
    records: list[dict] = field(default_factory=list)
    errors: list[StationError] = field(default_factory=list)
    # not_found, too_large, encoding, empty, no_columns, not_excel, zip_bomb, too_many, timeout, unreadable
    file_error: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors and not self.file_error


def import_stations(path: Path, *, budget: Budget = BUDGET) -> StationImport:
    """The checked file, parsed in a child process under `budget`."""
    return bounded_import("services.monitoring.importing:read_plain", [str(path)], StationImport, StationError,
                          budget)


def read_plain(path: str) -> dict:
    """In the child: read_file's result as plain data."""
    return plain_result(read_file(Path(path)))


def read_file(path: Path) -> StationImport:
    sheet = read_sheet(path, max_bytes=MAX_BYTES, max_rows=MAX_ROWS, max_columns=MAX_COLUMNS)
    if sheet.file_error:
        return StationImport(file_error=sheet.file_error)
    if sheet.problem is not None:
        return StationImport(errors=[StationError(sheet.problem[0], "", sheet.problem[1])])
    rows = sheet.rows
    if not rows:
        return StationImport(file_error="empty")
    names = [COLUMNS.get(h.strip().lower(), COLUMNS.get(h.strip(), "")) for h in rows[0]]
    if not {"name", "kind", "lat", "lon"} <= set(names):
        return StationImport(file_error="no_columns")
    body = [(n, {k: (v or "").strip() for k, v in zip(names, values, strict=False) if k})
            for n, values in enumerate(rows[1:], start=2) if any((v or "").strip() for v in values)]
    if not body:
        return StationImport(file_error="empty")
    errors: list[StationError] = []
    records: list[dict] = []
    seen: dict[str, int] = {}
    for row, values in body:
        record, problems = _station(row, values)
        key = f"code:{record['code']}" if record["code"] else f"name:{record['name']}"
        if not problems and key in seen:
            problems = [StationError(row, "code" if record["code"] else "name", "duplicate", str(seen[key]))]
        errors += problems
        if not problems:
            seen[key] = row
            records.append(record)
    return StationImport(records=[] if errors else records, errors=errors)


def _number(text: str) -> float | str | None:
    text = text.replace("，", ".").replace(",", ".").strip()
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        return text


def _station(row: int, values: dict) -> tuple[dict, list[StationError]]:
    controls = [StationError(row, name, "control_character", shown(value)) for name, value in values.items()
                if has_control(value)]
    kind = KIND_WORDS.get(values.get("kind", "").lower(), KIND_WORDS.get(values.get("kind", ""), ""))
    record: dict = {name: clean_text(values.get(name, ""), single_line=True) for name in ("name", "code", "org",
                                                                                         "place")}
    record.update(kind=kind, lat=_number(values.get("lat", "")), lon=_number(values.get("lon", "")))
    if controls:
        return record, controls
    if not kind:
        return record, [StationError(row, "kind", "unknown_kind", values.get("kind", "")[:20])]
    thresholds = {name: _number(values[name]) for name in LEVEL_FIELDS if values.get(name, "")}
    rules = {name: _number(values[name]) for name in RULE_NAMES if values.get(name, "")}
    if rules.get("rate_per_h"):
        rules["rate_level"] = levels_of(StationKind(kind))[0].value
    record.update(thresholds=thresholds, rules=rules)
    return record, [StationError(row, p.field, p.code, values.get(p.field, "")[:40]) for p in station_problems(record)]
