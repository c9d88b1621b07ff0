"""Importing resources from GeoJSON and CSV (UTF-8, with or without BOM, or
GBK), each file declaring its datum (WGS-84/CGCS2000 or GCJ-02; GCJ-02 is
converted). All or nothing: either every row is valid and the records come
back, or nothing is imported and every problem is listed by row and field.
Problems are codes (the UI words them in Chinese); nothing here raises on
bad input. `import_file` parses in a child process under a time and memory
budget (services/imports/bounded.py): a hostile file ends in "timeout" or
"too_large", never in a hung reader."""

from __future__ import annotations

import json
import math
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from services.geo.datum import gcj02_to_wgs84
from services.imports.bounded import Budget, bounded_import, plain_result
from services.imports.formats import csv_rows, load_json, read_limited
from services.imports.text import has_control, shown
from services.input_checks import CHINA, PHONE_RE, clean_text
from services.text_match import decode_import

MiB = 1024 * 1024
MAX_BYTES = 50 * MiB
MAX_ROWS = 200_000
MAX_COUNT = 1_000_000_000  # headcount, capacity, beds...: more is a typo or an attack
ID_LENGTH = 36
BUDGET = Budget(seconds=120.0, memory_bytes=3072 * MiB, file_bytes=512 * MiB)
NAMESPACE = uuid.UUID("1b7e5f8e-3c1d-4f5a-8a61-0b9a3d2c7e44")
KINDS = {"team": "team", "队伍": "team", "救援队伍": "team", "supply": "supply", "物资": "supply",
         "物资储备库": "supply", "equipment": "equipment", "装备": "equipment", "shelter": "shelter",
         "避难场所": "shelter", "medical": "medical", "医疗": "medical", "医疗机构": "medical",
         "expert": "expert", "专家": "expert", "hazard": "hazard", "危险源": "hazard",
         "protected_target": "protected_target", "防护目标": "protected_target"}
# Column names accepted (Chinese or English) -> field.
COLUMNS = {"id": "id", "编号": "id", "name": "name", "名称": "name", "kind": "kind", "类型": "kind",
           "类别": "kind", "lat": "lat", "纬度": "lat", "latitude": "lat", "lon": "lon", "lng": "lon",
           "经度": "lon", "longitude": "lon", "contact": "contact", "联系人": "contact",
           "phone": "phone", "电话": "phone", "联系电话": "phone", "division": "division",
           "行政区划": "division", "所属区县": "division", "address": "address", "地址": "address",
           "headcount": "headcount", "人数": "headcount", "specialty": "specialty", "专业": "specialty",
           "status": "status", "状态": "status", "capacity": "capacity", "容量": "capacity",
           "occupancy": "occupancy", "已安置": "occupancy", "beds": "beds", "床位": "beds",
           "free_beds": "free_beds", "空余床位": "free_beds", "field": "field", "专业领域": "field",
           "hazard_class": "hazard_class", "危险等级": "hazard_class", "radius_m": "radius_m",
           "影响半径": "radius_m", "quantity": "quantity", "数量": "quantity", "category": "category"}
COUNTS = ("headcount", "capacity", "occupancy", "beds", "free_beds", "radius_m", "quantity")
TEXTS = {"name": 200, "contact": 100, "phone": 40, "division": 100, "address": 500, "specialty": 100,
         "field": 100, "hazard_class": 100, "category": 100, "status": 20}
STATUSES = {"available": "available", "可用": "available", "待命": "available", "deployed": "deployed",
            "已出动": "deployed", "off_duty": "off_duty", "休整": "off_duty"}
DATUMS = ("WGS84", "GCJ02")


@dataclass(frozen=True)
class RowError:
    row: int  # as the officer sees it: the CSV line (header = 1) or the feature's number (from 1)
    field: str
    code: str
    value: str = ""


@dataclass
class ImportResult:
    records: list[dict] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    # not_found, too_large, empty, encoding, not_json, not_geojson, no_columns, too_many_rows,
    # too_deep, number_too_long, timeout, unreadable
    file_error: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors and not self.file_error


def import_file(path: Path, datum: str = "WGS84", *, budget: Budget = BUDGET) -> ImportResult:
    """The checked file, parsed in a child process under `budget`."""
    return bounded_import("services.resources.importing:read_plain", [str(path), datum], ImportResult,
                          RowError, budget)


def read_plain(path: str, datum: str) -> dict:
    """In the child: read_file's result as plain data."""
    return plain_result(read_file(Path(path), datum))


def read_file(path: Path, datum: str = "WGS84") -> ImportResult:
    raw = read_limited(path, MAX_BYTES)
    if isinstance(raw, str):
        return ImportResult(file_error=raw)
    if path.suffix.lower() in (".geojson", ".json"):
        return import_geojson(raw, datum)
    return import_csv(raw, datum)


def import_csv(raw: bytes, datum: str = "WGS84") -> ImportResult:
    if len(raw) > MAX_BYTES:
        return ImportResult(file_error="too_large")
    text = decode_import(raw)
    if text is None:
        return ImportResult(file_error="encoding")
    if not text.strip():
        return ImportResult(file_error="empty")
    records, problem = csv_rows(text, MAX_ROWS + 1)
    if problem is not None:
        return ImportResult(errors=[RowError(problem[0], "", problem[1])])
    header = records[0] if records else []
    names = [COLUMNS.get(h.strip().lower(), COLUMNS.get(h.strip(), "")) for h in header]
    if not {"name", "kind", "lat", "lon"} <= set(names):
        return ImportResult(file_error="no_columns")
    rows = []
    for line_no, values in enumerate(records[1:], start=2):
        if not any(v.strip() for v in values):
            continue
        rows.append((line_no, {n: v.strip() for n, v in zip(names, values, strict=False) if n}))
        if len(rows) > MAX_ROWS:
            return ImportResult(file_error="too_many_rows")
    return _validate(rows, datum)


def import_geojson(raw: bytes, datum: str = "WGS84") -> ImportResult:
    if len(raw) > MAX_BYTES:
        return ImportResult(file_error="too_large")
    text = decode_import(raw)
    if text is None:
        return ImportResult(file_error="encoding")
    data, problem = load_json(text)
    if problem:
        return ImportResult(file_error=problem)
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection" \
            or not isinstance(data.get("features"), list):
        return ImportResult(file_error="not_geojson")
    if len(data["features"]) > MAX_ROWS:
        return ImportResult(file_error="too_many_rows")
    rows, errors = [], []
    for n, feature in enumerate(data["features"], start=1):
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
        props = feature.get("properties") if isinstance(feature, dict) else None
        coords = geometry.get("coordinates") if isinstance(geometry, dict) else None
        if not isinstance(geometry, dict) or geometry.get("type") != "Point" or not isinstance(coords, list) \
                or len(coords) < 2:
            errors.append(RowError(n, "geometry", "not_a_point"))
            continue
        values = {COLUMNS.get(str(k), ""): v for k, v in (props or {}).items() if isinstance(props, dict)}
        values.pop("", None)
        if isinstance(feature.get("id"), str | int) and "id" not in values:
            values["id"] = str(feature["id"])
        values["lon"], values["lat"] = coords[0], coords[1]
        rows.append((n, values))
    result = _validate(rows, datum)
    result.errors = errors + result.errors
    if result.errors:
        result.records = []
    return result


def _number(value) -> float | None:
    if isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return number if math.isfinite(number) else None


def _validate(rows: list[tuple[int, dict]], datum: str) -> ImportResult:
    if datum not in DATUMS:
        return ImportResult(file_error="unknown_datum")
    if not rows:
        return ImportResult(file_error="empty")
    records, errors, seen = [], [], {}
    for row_no, values in rows:
        record, problems = _record(row_no, values, datum)
        errors += problems
        if record is None:
            continue
        if record["id"] in seen:
            errors.append(RowError(row_no, "id", "duplicate", str(seen[record["id"]])))
            continue
        seen[record["id"]] = row_no
        records.append(record)
    return ImportResult(records=[] if errors else records, errors=errors)


def _unusable(row_no: int, values: dict) -> list[RowError]:
    """Values that cannot be text where text goes: nested JSON, control characters."""
    problems = []
    for name, value in values.items():
        if isinstance(value, dict | list) and name not in ("lat", "lon"):
            problems.append(RowError(row_no, name, "not_text"))
        elif isinstance(value, str) and has_control(value):
            problems.append(RowError(row_no, name, "control_character", shown(value)))
    return problems


def _record(row_no: int, values: dict, datum: str) -> tuple[dict | None, list[RowError]]:
    problems = _unusable(row_no, values)
    if problems:
        return None, problems
    kind = KINDS.get(str(values.get("kind", "")).strip().lower(), KINDS.get(str(values.get("kind", "")).strip()))
    if kind is None:
        problems.append(RowError(row_no, "kind", "unknown_kind", str(values.get("kind", ""))[:40]))
    texts = {}
    for name, limit in TEXTS.items():
        text = clean_text(str(values.get(name, "") or ""), single_line=True)
        if len(text) > limit:
            problems.append(RowError(row_no, name, "too_long", text[:40]))
        texts[name] = text
    if not texts["name"]:
        problems.append(RowError(row_no, "name", "required"))
    if texts["phone"] and not PHONE_RE.match(texts["phone"]):
        problems.append(RowError(row_no, "phone", "bad_phone", texts["phone"]))
    lat, lon = _number(values.get("lat")), _number(values.get("lon"))
    if lat is None or lon is None:
        problems.append(RowError(row_no, "lat" if lat is None else "lon", "not_a_number",
                                 str(values.get("lat" if lat is None else "lon", ""))[:40]))
    else:
        if datum == "GCJ02":
            lat, lon = gcj02_to_wgs84(lat, lon)
        if not CHINA.contains(lat, lon):
            code = "swapped" if CHINA.contains(lon, lat) else "outside_china"
            problems.append(RowError(row_no, "lat", code, f"{values.get('lat')}, {values.get('lon')}"))
    details: dict = {}
    for name in COUNTS:
        if values.get(name) in (None, ""):
            continue
        number = _number(values[name])
        if number is None or number < 0 or number != int(number):
            problems.append(RowError(row_no, name, "not_a_count", str(values[name])[:40]))
        elif number > MAX_COUNT:
            problems.append(RowError(row_no, name, "out_of_range", str(values[name])[:40]))
        else:
            details[name] = int(number)
    if "capacity" in details and details.get("occupancy", 0) > details["capacity"]:
        problems.append(RowError(row_no, "occupancy", "over_capacity", str(details["occupancy"])))
    if "beds" in details and details.get("free_beds", 0) > details["beds"]:
        problems.append(RowError(row_no, "free_beds", "over_capacity", str(details["free_beds"])))
    status = STATUSES.get(texts["status"], "available") if texts["status"] else "available"
    if texts["status"] and texts["status"] not in STATUSES:
        problems.append(RowError(row_no, "status", "unknown_status", texts["status"]))
    rid = str(values.get("id") or "").strip()
    if len(rid) > ID_LENGTH:
        problems.append(RowError(row_no, "id", "too_long", rid[:40]))
    if problems:
        return None, problems
    for name in ("specialty", "field", "hazard_class", "category"):
        if texts[name]:
            details[name] = texts[name]
    if kind in ("team", "equipment"):
        details["status"] = status
    rid = rid or str(uuid.uuid5(NAMESPACE, f"{kind}|{texts['name']}|{round(lat, 4)}|{round(lon, 4)}"))
    return {
        "id": rid, "kind": kind, "name": texts["name"], "lat": round(lat, 7), "lon": round(lon, 7),
        "contact": texts["contact"], "phone": texts["phone"], "division": texts["division"],
        "address": texts["address"], "details": details, "available": is_available(kind, details),
    }, []


def is_available(kind: str, details: dict) -> bool:
    """Whether "nearest available" may offer it: hazards and protected targets never."""
    if kind in ("hazard", "protected_target"):
        return False
    if kind in ("team", "equipment"):
        return details.get("status", "available") == "available"
    if kind == "shelter" and "capacity" in details:
        return details.get("occupancy", 0) < details["capacity"]
    if kind == "medical" and "free_beds" in details:
        return details["free_beds"] > 0
    if kind == "supply" and "quantity" in details:
        return details["quantity"] > 0
    return True


def export_geojson(points) -> str:
    """RFC 7946 GeoJSON (WGS-84) of ResourcePoints; import_geojson reads it back."""
    features = [{
        "type": "Feature", "id": p.id,
        "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]},
        "properties": {"id": p.id, "kind": p.kind, "name": p.name, "contact": p.contact, "phone": p.phone,
                       "division": p.division, "address": p.address,
                       **{k: v for k, v in p.details.items() if k in COLUMNS and not isinstance(v, list | dict)}},
    } for p in points]
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)
