"""导入排班: every problem by row and field, in Chinese in the dialog, and nothing
half-imported — overlapping shifts (in the sheet, or with the roster already
there), unknown posts and shifts, dates that are not dates or out of range,
names missing from the 通讯录 (accepted with a note when the row gives a
phone, refused without one), a name the 通讯录 holds twice, more people than
a post has places, control characters; a sheet in GBK is read; an empty sheet
and a 50,000-row sheet are refused whole, the latter quickly."""

from __future__ import annotations

import time
from datetime import date

import pytest
from openpyxl import Workbook

from services.clock import ManualClock
from services.contacts.store import ContactStore
from services.duty.roster_import import check_rows, parse_roster
from services.outbox import pending_count
from tests.duty.scene import MORNING, local_duty

HEADER = "日期,班次,岗位,姓名,电话\n"
GOOD_ROWS = ["2026-12-01,白班,带班领导,王建国,", "2026-12-01,白班,值班长,李晓梅,13900000002",
             "2026-12-01,白班,值班员,周静,13900000003", "2026-12-01,白班,值班员,吴伟,13900000004",
             "2026/12/1,夜班,值班员,赵国庆,13900000005", "2026年12月2日,白班,技术保障,孙军,13900000006"]


@pytest.fixture
def duty(mirror):
    services = local_duty(mirror, ManualClock(MORNING))
    services.roster.add_default_patterns()
    ContactStore(mirror).save_many([
        {"id": "p-wang", "kind": "person", "name": "王建国", "mobile": "13900000001"},
        {"id": "p-li", "kind": "person", "name": "李晓梅", "mobile": "13900000002"},
        {"id": "p-zhao-1", "kind": "person", "name": "赵国庆", "mobile": "13900000005"},
        {"id": "p-zhao-2", "kind": "person", "name": "赵国庆", "mobile": "13800000005"},
        {"id": "p-liu-1", "kind": "person", "name": "刘丽华", "mobile": "13900000007"},
        {"id": "p-liu-2", "kind": "person", "name": "刘丽华", "mobile": "13900000008"},
    ], share=False)
    return services


def run(duty, mirror, path):
    parsed = parse_roster(path)
    return check_rows(mirror, duty.room.code, duty.roster.patterns(), parsed, date(2026, 12, 1), 24)


def write(tmp_path, rows: list[str], name="roster.csv", encoding="utf-8") -> object:
    path = tmp_path / name
    path.write_bytes((HEADER + "\n".join(rows) + "\n").encode(encoding))
    return path


def problems(result) -> list[tuple[int, str, str]]:
    return [(e.row, e.field, e.code) for e in result.errors]


def test_a_good_sheet_imports_with_notes_for_names_not_in_the_directory(duty, mirror, tmp_path):
    result = run(duty, mirror, write(tmp_path, GOOD_ROWS))
    assert result.ok, problems(result)
    assert result.notes == [(4, "周静"), (5, "吴伟"), (7, "孙军")]  # entered as written, with their phones
    by_name = {r["name"]: r for r in result.records}
    assert by_name["王建国"]["contact_id"] == "p-wang" and by_name["赵国庆"]["contact_id"] == "p-zhao-1"
    assert (by_name["周静"]["slot"], by_name["吴伟"]["slot"]) == (0, 1)  # the post's places in the sheet's order
    assert duty.roster.save_import(result.records) == (6, 0)
    assert duty.roster.save_import(result.records) == (0, 0)  # the same sheet again changes nothing
    day, _night = duty.roster.patterns()
    cell = duty.roster.month(date(2026, 12, 1), date(2026, 12, 1)).cells[(date(2026, 12, 1), day.id, "leader", 0)]
    assert cell.person.name == "王建国" and cell.person.phone == "" and cell.person.contact_id == "p-wang"


def test_a_sheet_in_gbk_is_read(duty, mirror, tmp_path):
    result = run(duty, mirror, write(tmp_path, GOOD_ROWS, encoding="gbk"))
    assert result.ok and len(result.records) == 6 and result.records[0]["name"] == "王建国"


def test_an_excel_sheet_is_read(duty, mirror, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["日期", "班次", "岗位", "姓名", "电话"])
    sheet.append([date(2026, 12, 1), "白班", "值班员", "王建国", "13900000001"])
    book.save(tmp_path / "roster.xlsx")
    result = run(duty, mirror, tmp_path / "roster.xlsx")
    assert result.ok and result.records[0]["day"] == "2026-12-01"


def test_every_problem_is_listed_by_row_and_nothing_is_imported(duty, mirror, tmp_path):
    day, _night = duty.roster.patterns()
    from services.duty.contract import Person, Post

    for on in (date(2026, 12, 2), date(2026, 12, 3)):
        duty.roster.assign(on, day.id, Post.OFFICER, 0, Person("郭强", "13900000009"))
    queued = pending_count(mirror)
    rows = [
        "2026-12-01,白班,值班员,王建国,",          # 2: the same person twice on one shift:
        "2026-12-01,白班,值班长,王建国,",          # 3: both rows are named
        "2026-12-01,白班,值班主任,李晓梅,",        # 4: unknown post
        "2031-01-01,白班,值班员,李晓梅,",          # 5: out of range
        "2026-13-01,白班,值班员,李晓梅,",          # 6: not a date
        "2026-12-01,早班,值班员,李晓梅,",          # 7: unknown shift
        "2026-12-01,白班,值班员,不在册,",          # 8: not in the directory, no phone
        "2026-12-01,白班,值班员,刘丽华,",          # 9: twice in the directory, no phone to tell them apart
        "2026-12-01,白班,值班员,孙军,13900000006", # 10: a fourth 值班员 where there are three places
        "2026-12-01,白班,技术保障,周\x00静,1390",  # 11: control character
        "2026-12-02,夜班,值班员,郭强,13900000009", # 12: 郭强 would be on 33 hours in a row
        "2026-12-01,白班,值班员,,13900000010",     # 13: no name
    ]
    result = run(duty, mirror, write(tmp_path, rows))
    assert not result.ok and result.records == []
    assert problems(result) == [
        (2, "name", "overlap"), (3, "name", "overlap"), (4, "post", "unknown_post"), (5, "day", "day_range"), (6, "day", "bad_date"),
        (7, "shift", "unknown_shift"), (8, "name", "not_in_directory_no_phone"), (9, "name", "ambiguous_name"),
        (10, "post", "too_many_for_post"), (11, "name", "control_character"), (12, "name", "too_long_duty"),
        (13, "name", "required")]
    assert [e.value for e in result.errors if e.row == 11] == ["周\\x00静"]
    assert pending_count(mirror) == queued


def test_an_empty_sheet_is_refused(duty, mirror, tmp_path):
    assert run(duty, mirror, write(tmp_path, [])).file_error == "empty"
    (tmp_path / "blank.csv").write_bytes(b"")
    assert run(duty, mirror, tmp_path / "blank.csv").file_error == "empty"
    (tmp_path / "other.csv").write_text("名称,类型\n应急局,单位\n", encoding="utf-8")
    assert run(duty, mirror, tmp_path / "other.csv").file_error == "no_columns"
    (tmp_path / "utf16.csv").write_bytes(HEADER.encode("utf-16"))
    assert run(duty, mirror, tmp_path / "utf16.csv").file_error == "encoding"


def test_a_50000_row_sheet_is_refused_whole_and_quickly(duty, mirror, tmp_path):
    rows = [f"2026-12-{1 + n % 28:02d},白班,值班员,值班员{n},139{n:08d}" for n in range(50_000)]
    path = write(tmp_path, rows)
    started = time.monotonic()
    result = run(duty, mirror, path)
    assert result.file_error == "too_many" and result.records == []
    assert time.monotonic() - started < 20
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["日期", "班次", "岗位", "姓名", "电话"])
    for row in rows:
        sheet.append(row.split(","))
    book.save(tmp_path / "big.xlsx")
    assert run(duty, mirror, tmp_path / "big.xlsx").file_error == "too_many"
