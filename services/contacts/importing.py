"""Importing the 应急通讯录 from CSV (UTF-8 or GBK) or Excel (.xlsx): one row
per organisation, person or call group. All or nothing, every problem by row
and field. Ids are derived from the names and the organisation path, so
importing a corrected file again updates instead of duplicating.

Columns (Chinese or English): 类型/kind (单位, 人员, 群组), 名称/name,
上级单位/parent ("市应急局/指挥中心"), 职务/role, 值班电话/duty_phone,
手机/mobile, 成员/members (a group's people, by name: 张三、李四), 备注/notes.

`import_contacts` parses in a child process under a time and memory budget;
an Excel file is opened by openpyxl only after its zip passed the size and
ratio check (services/imports/formats.py)."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from services.imports.bounded import Budget, bounded_import, plain_result
from services.imports.sheets import read_sheet
from services.imports.text import has_control, shown
from services.input_checks import clean_text

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 50_000
MAX_COLUMNS = 64  # read from a sheet, whatever its dimension claims
NAME_LENGTH = 100  # a name, and each organisation of a parent path
BUDGET = Budget(seconds=90.0, memory_bytes=2048 * 1024 * 1024)
COLUMNS = {"类型": "kind", "kind": "kind", "名称": "name", "姓名": "name", "name": "name", "上级单位": "parent",
           "所属单位": "parent", "parent": "parent", "职务": "role", "role": "role", "值班电话": "duty_phone",
           "duty_phone": "duty_phone", "手机": "mobile", "mobile": "mobile", "成员": "members",
           "members": "members", "备注": "notes", "notes": "notes"}
KINDS = {"单位": "org", "机构": "org", "org": "org", "人员": "person", "person": "person", "群组": "group",
         "group": "group"}
PHONE = re.compile(r"^[0-9+\-() ]{3,40}$")
SEPARATORS = re.compile(r"[、，,;；\s]+")
_NAMESPACE = uuid.UUID("0b6f3a1e-8f2d-4c1b-9c55-3d7e2a9b6c42")


@dataclass(frozen=True)
class ContactError:
    row: int
    field: str
    # required, unknown_kind, bad_phone, too_long, duplicate, unknown_member, ambiguous_member,
    # control_character, field_too_long, bad_csv
    code: str
    value: str = ""


@dataclass
class ContactImport:
    records: list[dict] = field(default_factory=list)
    errors: list[ContactError] = field(default_factory=list)
    # not_found, too_large, encoding, empty, no_columns, not_excel, zip_bomb, too_many, timeout, unreadable
    file_error: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors and not self.file_error


def contact_id(kind: str, path: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"{kind}:{path}"))


def import_contacts(path: Path, *, budget: Budget = BUDGET) -> ContactImport:
    """The checked file, parsed in a child process under `budget`."""
    return bounded_import("services.contacts.importing:read_plain", [str(path)], ContactImport, ContactError,
                          budget)


def read_plain(path: str) -> dict:
    """In the child: read_file's result as plain data."""
    return plain_result(read_file(Path(path)))


def read_file(path: Path) -> ContactImport:
    sheet = read_sheet(path, max_bytes=MAX_BYTES, max_rows=MAX_ROWS, max_columns=MAX_COLUMNS)
    if sheet.file_error:
        return ContactImport(file_error=sheet.file_error)
    if sheet.problem is not None:
        return ContactImport(errors=[ContactError(sheet.problem[0], "", sheet.problem[1])])
    return _from_rows(sheet.rows)


def _from_rows(rows: list[list[str]]) -> ContactImport:
    if not rows:
        return ContactImport(file_error="empty")
    names = [COLUMNS.get(h.strip().lower(), COLUMNS.get(h.strip(), "")) for h in rows[0]]
    if not {"kind", "name"} <= set(names):
        return ContactImport(file_error="no_columns")
    body = [(n, {k: (v or "").strip() for k, v in zip(names, values, strict=False) if k})
            for n, values in enumerate(rows[1:], start=2) if any((v or "").strip() for v in values)]
    if not body:
        return ContactImport(file_error="empty")
    if len(body) > MAX_ROWS:
        return ContactImport(file_error="too_many")
    return _validate(body)


def _validate(body: list[tuple[int, dict]]) -> ContactImport:
    errors: list[ContactError] = []
    records: dict[str, dict] = {}
    seen: dict[str, int] = {}
    people_by_name: dict[str, list[str]] = {}
    groups: list[tuple[int, dict, str]] = []
    for row, values in body:
        controls = [ContactError(row, name, "control_character", shown(value)) for name, value in values.items()
                    if has_control(value)]
        if controls:
            errors += controls
            continue
        kind = KINDS.get(values.get("kind", "").lower(), KINDS.get(values.get("kind", ""), ""))
        name = clean_text(values.get("name", ""), single_line=True)
        parts = [p for p in (clean_text(x, single_line=True) for x in values.get("parent", "").split("/")) if p]
        parent = "/".join(parts)
        problems = []
        if not kind:
            problems.append(ContactError(row, "kind", "unknown_kind", values.get("kind", "")[:20]))
        if not name:
            problems.append(ContactError(row, "name", "required"))
        elif len(name) > NAME_LENGTH:
            problems.append(ContactError(row, "name", "too_long", name[:40]))
        if len(parent) > 500 or any(len(p) > NAME_LENGTH for p in parts):
            problems.append(ContactError(row, "parent", "too_long", parent[:40]))
        for phone in ("duty_phone", "mobile"):
            value = values.get(phone, "")
            if value and not PHONE.match(value):
                problems.append(ContactError(row, phone, "bad_phone", value[:40]))
        for text_field, limit in (("role", 100), ("notes", 500)):
            if len(values.get(text_field, "")) > limit:
                problems.append(ContactError(row, text_field, "too_long", values[text_field][:40]))
        key = f"{kind}:{parent}/{name}" if kind != "group" else f"group:{name}"
        if not problems and key in seen:
            problems.append(ContactError(row, "name", "duplicate", str(seen[key])))
        errors += problems
        if problems:
            continue
        seen[key] = row
        parent_id = _orgs(records, parent)
        cid = contact_id(kind, f"{parent}/{name}" if kind != "group" else name)
        records[cid] = {"id": cid, "kind": kind, "name": name, "parent_id": parent_id,
                        "role": values.get("role", ""), "duty_phone": values.get("duty_phone", ""),
                        "mobile": values.get("mobile", ""), "members": [], "notes": values.get("notes", "")}
        if kind == "person":
            people_by_name.setdefault(name, []).append(cid)
        elif kind == "group":
            groups.append((row, values, cid))
    for row, values, cid in groups:
        for member in (m for m in SEPARATORS.split(values.get("members", "")) if m):
            found = people_by_name.get(member, [])
            if len(found) != 1:
                errors.append(ContactError(row, "members", "unknown_member" if not found else "ambiguous_member",
                                           member[:40]))
            else:
                records[cid]["members"].append(found[0])
    return ContactImport(records=[] if errors else list(records.values()), errors=errors)


def _orgs(records: dict[str, dict], path: str) -> str:
    """The id of the organisation at `path`, adding it (and those above) if the file did not list them."""
    parent_id = ""
    parts = path.split("/") if path else []
    for depth in range(len(parts)):
        here = "/".join(parts[:depth])
        cid = contact_id("org", f"{here}/{parts[depth]}")
        records.setdefault(cid, {"id": cid, "kind": "org", "name": parts[depth], "parent_id": parent_id, "role": "",
                                 "duty_phone": "", "mobile": "", "members": [], "notes": ""})
        parent_id = cid
    return parent_id
