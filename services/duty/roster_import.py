"""导入排班 from the sheets watch rooms keep: CSV (UTF-8 or GBK) or Excel (.xlsx),
one row per person on a shift: 日期, 班次, 岗位, 姓名, 电话 (Chinese or English
headers). All or nothing, every problem by row and field, like the other imports.

The file is parsed in a child process under a time and memory budget
(services/imports/bounded.py), an Excel file only after its zip passed the
size and ratio check. The rows are then checked against this mirror: the
shift must be one of the room's (by name), the post one of the shift's posts
(several 值班员 fill its places in the sheet's order), the day within range,
and the roster's rules (services/duty/checks.py: no one on two overlapping
shifts, no more continuous duty than allowed, no published shift left vacant).

A name missing from the 通讯录 is accepted with a note when the row gives a
phone (the sheet's name and phone are entered as written, and the import says
which rows); without a phone such a row is refused. A name the 通讯录 holds
twice is told apart by the phone, else refused. A sheet over MAX_ROWS rows is
refused whole with its size: split it by month."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select

from offline_cache.database import Mirror
from offline_cache.schema import ContactRow
from services.duty.checks import Assignment, check_assignments, name_key
from services.duty.contract import PHONE, POST_BY_NAME, Pattern, Person, digits
from services.duty.refusals import Refusal
from services.imports.bounded import Budget, bounded_import, plain_result
from services.imports.sheets import read_sheet
from services.imports.text import has_control, shown
from services.input_checks import clean_text

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 10_000  # about a year of a room with three shifts of six posts
MAX_COLUMNS = 32
BUDGET = Budget(seconds=60.0, memory_bytes=1536 * 1024 * 1024)
COLUMNS = {"日期": "day", "值班日期": "day", "date": "day", "day": "day", "班次": "shift", "shift": "shift",
           "岗位": "post", "post": "post", "姓名": "name", "值班人员": "name", "人员": "name", "name": "name",
           "电话": "phone", "手机": "phone", "联系电话": "phone", "phone": "phone", "备注": "note", "note": "note"}
DATE_FORMS = (re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]00:00(?::00)?)?$"),
              re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"))


@dataclass(frozen=True)
class RosterError:
    row: int
    field: str
    # required, bad_date, bad_phone, unknown_post, too_long, control_character, field_too_long, bad_csv,
    # unknown_shift, too_many_for_post, not_in_directory_no_phone, ambiguous_name, overlap, too_long_duty,
    # day_range, published_vacant, duplicate
    code: str
    value: str = ""


@dataclass
class RosterImport:
    records: list[dict] = field(default_factory=list)
    errors: list[RosterError] = field(default_factory=list)
    # not_found, too_large, encoding, empty, no_columns, not_excel, zip_bomb, too_many, timeout, unreadable
    file_error: str = ""
    notes: list[tuple[int, str]] = field(default_factory=list)  # (row, name) entered as written

    @property
    def ok(self) -> bool:
        return not self.errors and not self.file_error


# ---- in the child: the file's rows, checked as text -------------------------------------

def parse_roster(path: Path, *, budget: Budget = BUDGET) -> RosterImport:
    return bounded_import("services.duty.roster_import:read_plain", [str(path)], RosterImport, RosterError, budget)


def read_plain(path: str) -> dict:
    return plain_result(read_file(Path(path)))


def read_file(path: Path) -> RosterImport:
    sheet = read_sheet(path, max_bytes=MAX_BYTES, max_rows=MAX_ROWS, max_columns=MAX_COLUMNS)
    if sheet.file_error:
        return RosterImport(file_error=sheet.file_error)
    if sheet.problem is not None:
        return RosterImport(errors=[RosterError(sheet.problem[0], "", sheet.problem[1])])
    return _from_rows(sheet.rows)


def parse_date(text: str) -> date | None:
    for form in DATE_FORMS:
        match = form.match(text.strip())
        if match:
            try:
                return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            except ValueError:
                return None
    return None


def _from_rows(rows: list[list[str]]) -> RosterImport:
    if not rows:
        return RosterImport(file_error="empty")
    names = [COLUMNS.get(h.strip().lower(), COLUMNS.get(h.strip(), "")) for h in rows[0]]
    if not {"day", "shift", "post", "name"} <= set(names):
        return RosterImport(file_error="no_columns")
    body = [(n, {k: (v or "").strip() for k, v in zip(names, values, strict=False) if k})
            for n, values in enumerate(rows[1:], start=2) if any((v or "").strip() for v in values)]
    if not body:
        return RosterImport(file_error="empty")
    if len(body) > MAX_ROWS:
        return RosterImport(file_error="too_many")
    records, errors = [], []
    for row, values in body:
        controls = [RosterError(row, k, "control_character", shown(v)) for k, v in values.items() if has_control(v)]
        if controls:
            errors += controls
            continue
        problems = []
        day = parse_date(values.get("day", ""))
        if not values.get("day"):
            problems.append(RosterError(row, "day", "required"))
        elif day is None:
            problems.append(RosterError(row, "day", "bad_date", values["day"][:40]))
        shift = clean_text(values.get("shift", ""), single_line=True)
        if not shift:
            problems.append(RosterError(row, "shift", "required"))
        post = POST_BY_NAME.get(clean_text(values.get("post", ""), single_line=True))
        if post is None:
            problems.append(RosterError(row, "post", "unknown_post" if values.get("post") else "required",
                                        values.get("post", "")[:40]))
        name = clean_text(values.get("name", ""), single_line=True)
        if not name:
            problems.append(RosterError(row, "name", "required"))
        elif len(name) > 100:
            problems.append(RosterError(row, "name", "too_long", name[:40]))
        phone = values.get("phone", "")
        if phone and (not PHONE.match(phone) or not digits(phone)):
            problems.append(RosterError(row, "phone", "bad_phone", phone[:40]))
        if len(values.get("note", "")) > 200:
            problems.append(RosterError(row, "note", "too_long", values["note"][:40]))
        errors += problems
        if not problems:
            records.append({"row": row, "day": day.isoformat(), "shift": shift, "post": post.value, "name": name,
                            "phone": phone, "note": clean_text(values.get("note", ""), single_line=True)})
    return RosterImport(records=records, errors=errors)  # the good rows too: check_rows checks them


# ---- on a reader: the rows against this mirror ---------------------------------------------

CODES = {"overlap": "overlap", "too_long": "too_long_duty", "day_range": "day_range",
         "published_vacant": "published_vacant", "unknown_cell": "too_many_for_post", "person": "bad_value"}


def check_rows(mirror: Mirror, room: str, patterns: list[Pattern], parsed: RosterImport, today: date,
               max_hours: float) -> RosterImport:
    """The parsed rows as roster cells, or every problem by row (the file's and the
    roster's together); nothing is written."""
    if parsed.file_error:
        return parsed
    by_name = {p.name: p for p in patterns if p.active}
    errors: list[RosterError] = list(parsed.errors)
    notes: list[tuple[int, str]] = []
    with mirror.read() as s:
        directory: dict[str, list[tuple[str, str]]] = {}
        for cid, cname, mobile, duty_phone in s.execute(select(ContactRow.id, ContactRow.name, ContactRow.mobile,
                                                               ContactRow.duty_phone).where(ContactRow.kind == "person")):
            directory.setdefault(name_key(cname), []).append((cid, digits(mobile) or digits(duty_phone)))
        slots: dict[tuple[str, str, str], int] = {}
        changes: list[tuple[int, Assignment]] = []
        for record in parsed.records:
            row, pattern = record["row"], by_name.get(record["shift"])
            if pattern is None:
                errors.append(RosterError(row, "shift", "unknown_shift", record["shift"][:40]))
                continue
            key = (record["day"], pattern.id, record["post"])
            slot = slots[key] = slots.get(key, -1) + 1
            person = _person(record, directory.get(name_key(record["name"]), []), errors, notes)
            if person is not None:
                changes.append((row, Assignment(date.fromisoformat(record["day"]), pattern.id,
                                                POST_BY_NAME[record["post"]], slot, person, record["note"])))
        _placed, problems = check_assignments(s, room, [a for _row, a in changes], patterns, today, max_hours)
    for n, refusals in problems.items():
        row = changes[n][0]
        errors += [RosterError(row, _field(r), CODES.get(r.code, r.code), _shown(r)) for r in refusals]
    errors.sort(key=lambda e: e.row)
    if errors:
        return RosterImport(errors=errors)
    records = [{"day": a.day.isoformat(), "pattern_id": a.pattern_id, "post": a.post.value, "slot": a.slot,
                "name": a.person.name, "phone": a.person.phone, "contact_id": a.person.contact_id, "note": a.note}
               for _row, a in changes]
    return RosterImport(records=records, notes=notes)


def _person(record: dict, found: list[tuple[str, str]], errors: list[RosterError],
            notes: list[tuple[int, str]]) -> Person | None:
    row, name, phone = record["row"], record["name"], record["phone"]
    if phone and len(found) > 1:
        found = [f for f in found if f[1] == digits(phone)] or found
    if len(found) == 1:
        return Person(name, phone, found[0][0])
    if len(found) > 1:
        errors.append(RosterError(row, "name", "ambiguous_name", name[:40]))
        return None
    if not phone:
        errors.append(RosterError(row, "name", "not_in_directory_no_phone", name[:40]))
        return None
    notes.append((row, name))
    return Person(name, phone, "")


def _field(refusal: Refusal) -> str:
    return {"day_range": "day", "unknown_cell": "post", "person": "name"}.get(refusal.code, "name")


def _shown(refusal: Refusal) -> str:
    if refusal.code == "overlap":
        return refusal.other[:60]
    if refusal.code == "too_long":
        return f"{refusal.hours:g}"
    return (refusal.subject or refusal.other)[:60]


def assignments_of(records: list[dict]) -> list[Assignment]:
    return [Assignment(date.fromisoformat(r["day"]), r["pattern_id"], POST_BY_NAME[r["post"]], r["slot"],
                       Person(r["name"], r["phone"], r["contact_id"]), r["note"]) for r in records]
