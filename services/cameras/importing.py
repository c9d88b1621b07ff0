"""Importing the camera catalog: a CSV list, or a GB/T 28181 Catalog response
(the XML a video platform answers a catalog query with, in GB2312 or UTF-8).
All or nothing, problems as codes by row. Hostile XML is refused: the encoding
is decided from the bytes (UTF-8 or the GB family only), defusedxml forbids
DTDs, entities and external references, nothing is fetched; `import_catalog_file`
parses in a child process under a time and memory budget."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from services.imports.bounded import Budget, bounded_import, plain_result
from services.imports.formats import csv_rows, parse_xml, read_limited
from services.imports.text import has_control, shown
from services.input_checks import CHINA, clean_text
from services.stream_urls import DEFAULT_SCHEMES, url_problem
from services.text_match import decode_import

MAX_BYTES = 20 * 1024 * 1024
MAX_CAMERAS = 100_000
BUDGET = Budget(seconds=90.0, memory_bytes=2048 * 1024 * 1024)
TEXT_LIMITS = {"group_path": 500, "platform": 100}
COLUMNS = {"id": "id", "编号": "id", "设备编号": "id", "name": "name", "名称": "name", "group": "group_path",
           "group_path": "group_path", "分组": "group_path", "所属分组": "group_path", "lat": "lat",
           "纬度": "lat", "lon": "lon", "经度": "lon", "main_url": "main_url", "主码流": "main_url",
           "sub_url": "sub_url", "子码流": "sub_url", "ptz": "ptz", "云台": "ptz", "platform": "platform",
           "来源平台": "platform", "online": "online", "在线": "online"}
TRUE = {"1", "true", "yes", "是", "on", "在线", "有"}
FALSE = {"", "0", "false", "no", "否", "off", "离线", "无"}


@dataclass(frozen=True)
class CameraError:
    row: int
    field: str
    code: str
    value: str = ""


@dataclass
class CameraImport:
    records: list[dict] = field(default_factory=list)
    errors: list[CameraError] = field(default_factory=list)
    # not_found, too_large, empty, encoding, no_columns, not_xml, hostile_xml, not_catalog, too_many,
    # timeout, unreadable
    file_error: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors and not self.file_error


def import_catalog_file(path: Path, kind: str = "auto", url_template: str = "", *,
                        budget: Budget = BUDGET) -> CameraImport:
    """A CSV list or a catalog response ("csv", "xml" or "auto": from the first
    character), parsed in a child process under `budget`."""
    return bounded_import("services.cameras.importing:read_plain", [str(path), kind, url_template],
                          CameraImport, CameraError, budget)


def read_plain(path: str, kind: str, url_template: str) -> dict:
    """In the child: the checked file as plain data."""
    raw = read_limited(Path(path), MAX_BYTES)
    if isinstance(raw, str):
        return plain_result(CameraImport(file_error=raw))
    if kind == "auto":
        kind = "xml" if raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"<" else "csv"
    result = import_gb28181_catalog(raw, url_template) if kind == "xml" else import_camera_csv(raw)
    return plain_result(result)


def import_camera_csv(raw: bytes) -> CameraImport:
    if len(raw) > MAX_BYTES:
        return CameraImport(file_error="too_large")
    text = decode_import(raw)
    if text is None:
        return CameraImport(file_error="encoding")
    records, problem = csv_rows(text, MAX_CAMERAS + 1)
    if problem is not None:
        return CameraImport(errors=[CameraError(problem[0], "", problem[1])])
    header = records[0] if records else []
    names = [COLUMNS.get(h.strip().lower(), COLUMNS.get(h.strip(), "")) for h in header]
    if not {"id", "name"} <= set(names):
        return CameraImport(file_error="no_columns" if header else "empty")
    rows = [(n, {k: v.strip() for k, v in zip(names, values, strict=False) if k})
            for n, values in enumerate(records[1:], start=2) if any(v.strip() for v in values)]
    return _validate(rows)


def import_gb28181_catalog(raw: bytes, url_template: str = "") -> CameraImport:
    """Items of a Catalog response. The catalog carries no stream URLs: the media
    gateway's template gives them, e.g. rtsp://gateway:554/{id}."""
    if len(raw) > MAX_BYTES:
        return CameraImport(file_error="too_large")
    root, problem = parse_xml(raw)
    if root is None:
        return CameraImport(file_error=problem)
    if root.tag != "Response" or (root.findtext("CmdType") or "").strip() != "Catalog":
        return CameraImport(file_error="not_catalog")
    items = root.findall("./DeviceList/Item")
    if len(items) > MAX_CAMERAS:
        return CameraImport(file_error="too_many")
    rows = []
    for n, item in enumerate(items, start=1):
        device = (item.findtext("DeviceID") or "").strip()
        if len(device) == 20 and device[10:13] not in ("131", "132"):
            continue  # not a camera: GB/T 28181 type codes 131/132 are cameras; others are groups
        url = url_template.replace("{id}", device) if url_template else ""
        rows.append((n, {
            "id": device, "name": item.findtext("Name") or "",
            "group_path": "/".join(x for x in ((item.findtext("CivilCode") or "").strip(),
                                               (item.findtext("ParentID") or "").strip()) if x),
            "lat": item.findtext("Latitude") or "", "lon": item.findtext("Longitude") or "",
            "main_url": url, "sub_url": url,
            "ptz": (item.findtext("Info/PTZType") or item.findtext("PTZType") or "").strip() in ("1", "2"),
            "platform": (item.findtext("Manufacturer") or "").strip(),
            "online": (item.findtext("Status") or "ON").strip().upper() in ("ON", "OK"),
        }))
    if not rows:
        return CameraImport(file_error="empty")
    return _validate(rows)


def _flag(value, row: int, name: str, errors: list) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in TRUE or text in FALSE:
        return text in TRUE
    errors.append(CameraError(row, name, "not_yes_no", str(value)[:40]))
    return False


def _validate(rows: list[tuple[int, dict]]) -> CameraImport:
    if not rows:
        return CameraImport(file_error="empty")
    if len(rows) > MAX_CAMERAS:
        return CameraImport(file_error="too_many")
    records, errors, seen = [], [], {}
    for row, values in rows:
        problems = [CameraError(row, name, "control_character", shown(value)) for name, value in values.items()
                    if isinstance(value, str) and has_control(value)]
        if problems:
            errors += problems
            continue
        cid = clean_text(str(values.get("id", "")), single_line=True)
        name = clean_text(str(values.get("name", "")), single_line=True)
        if not cid or len(cid) > 64:
            problems.append(CameraError(row, "id", "required" if not cid else "too_long", cid[:40]))
        if not name or len(name) > 200:
            problems.append(CameraError(row, "name", "required" if not name else "too_long", name[:40]))
        lat, lon = _coordinate(values.get("lat")), _coordinate(values.get("lon"))
        if (lat is None) != (lon is None) or lat == "bad" or lon == "bad":
            problems.append(CameraError(row, "lat", "not_a_number", f"{values.get('lat')}, {values.get('lon')}"))
        elif lat is not None and not CHINA.contains(lat, lon):
            code = "swapped" if CHINA.contains(lon, lat) else "outside_china"
            problems.append(CameraError(row, "lat", code, f"{lat}, {lon}"))
        urls = {}
        for key in ("main_url", "sub_url"):
            url = str(values.get(key, "") or "").strip()
            if url and (url_problem(url, DEFAULT_SCHEMES) or len(url) > 1000 or any(c.isspace() for c in url)):
                problems.append(CameraError(row, key, "bad_url", url[:60]))
            urls[key] = url
        ptz = _flag(values.get("ptz", False), row, "ptz", problems)
        online = _flag(values.get("online", True), row, "online", problems)
        texts = {name: clean_text(str(values.get(name, ""))) for name in TEXT_LIMITS}
        problems += [CameraError(row, name, "too_long", texts[name][:40]) for name, limit in TEXT_LIMITS.items()
                     if len(texts[name]) > limit]
        if cid in seen:
            problems.append(CameraError(row, "id", "duplicate", str(seen[cid])))
        elif cid:
            seen[cid] = row  # a repeated id is reported even when its first row has other problems
        errors += problems
        if problems:
            continue
        records.append({
            "id": cid, "name": name, "group_path": texts["group_path"],
            "lat": lat, "lon": lon, "main_url": urls["main_url"] or urls["sub_url"],
            "sub_url": urls["sub_url"] or urls["main_url"], "ptz": ptz,
            "platform": texts["platform"], "online": online,
        })
    return CameraImport(records=[] if errors else records, errors=errors)


def _coordinate(value):
    """A float, None when empty, "bad" when not a number."""
    if value is None or str(value).strip() == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return "bad"
    return number if math.isfinite(number) else "bad"
