"""应急通讯录: import from CSV and Excel (all or nothing, problems by row),
the organisation tree, search by name, phone and pinyin initials, groups
expanded into people, and platform records checked on the way in."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from services.contacts.importing import import_contacts
from services.contacts.record_kind import contact_values
from services.contacts.store import ContactStore
from services.records.feed_checks import FeedError

GOOD = """类型,名称,上级单位,职务,值班电话,手机,成员,备注
单位,重庆市应急管理局,,,023-67700000,,,
单位,指挥中心,重庆市应急管理局,,023-67700110,,,
人员,王建国,重庆市应急管理局/指挥中心,主任,,139 0000 1111,,
人员,李晓梅,重庆市应急管理局/指挥中心,值班员,,138-0000-2222,,
人员,张强,渝中区应急管理局,局长,023-63800000,,,
群组,防汛值班群,,,,,王建国、李晓梅,汛期
"""


def test_a_good_file_builds_the_tree_and_search_finds_by_initials_and_phone(tmp_path, mirror):
    path = tmp_path / "通讯录.csv"
    path.write_bytes(GOOD.encode("gbk"))
    result = import_contacts(path)
    assert result.ok, result.errors
    store = ContactStore(mirror)
    assert store.save_many(result.records) == (7, 0)  # 渝中区应急管理局 added as the organisation above 张强
    again = import_contacts(path)
    assert store.save_many(again.records) == (0, 0)  # the same file again: same ids, nothing new
    by_name = {c.name: c for c in store.all()}
    centre, wang = by_name["指挥中心"], by_name["王建国"]
    assert wang.parent_id == centre.id and centre.parent_id == by_name["重庆市应急管理局"].id
    assert by_name["张强"].parent_id == by_name["渝中区应急管理局"].id
    assert [c.name for c in store.search("wjg")] == ["王建国"]  # 拼音首字母
    assert [c.name for c in store.search("00002222")] == ["李晓梅"]  # phone digits, whatever the dashes
    assert {c.name for c in store.search("应急")} == {"重庆市应急管理局", "渝中区应急管理局"}
    group = by_name["防汛值班群"]
    assert [p.name for p in store.recipients([group.id, wang.id])] == ["王建国", "李晓梅"]  # once each


def test_every_problem_is_listed_and_nothing_imported(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("类型,名称,上级单位,值班电话,成员\n"
                    "部门,甲,,,\n"
                    "人员,,单位A,,\n"
                    "人员,乙,单位A,call me,\n"
                    "人员,乙,单位A,,\n"
                    "人员,乙,单位A,,\n"
                    "群组,群,,,乙、丙\n", encoding="utf-8")
    result = import_contacts(path)
    assert result.records == []
    assert [(e.row, e.field, e.code) for e in result.errors] == [
        (2, "kind", "unknown_kind"), (3, "name", "required"), (4, "duty_phone", "bad_phone"),
        (6, "name", "duplicate"), (7, "members", "unknown_member")]


def test_excel_files_and_broken_ones(tmp_path):
    book = Workbook()
    sheet = book.active
    for row in [["类型", "名称", "上级单位", "手机"], ["单位", "市消防救援支队", None, None],
                ["人员", "赵队长", "市消防救援支队", 13912345678]]:
        sheet.append(row)
    path = tmp_path / "通讯录.xlsx"
    book.save(path)
    result = import_contacts(path)
    assert result.ok and {r["name"] for r in result.records} == {"市消防救援支队", "赵队长"}
    assert next(r for r in result.records if r["name"] == "赵队长")["mobile"] == "13912345678"
    broken = tmp_path / "坏.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    assert import_contacts(broken).file_error == "not_excel"
    assert import_contacts(tmp_path / "none.csv").file_error == "not_found"
    headless = tmp_path / "x.csv"
    headless.write_text("a,b\n1,2\n", encoding="utf-8")
    assert import_contacts(headless).file_error == "no_columns"


def test_platform_contacts_are_checked():
    good = {"id": "c1", "kind": "person", "name": "王建国", "parent_id": "o1", "role": "主任", "duty_phone": "",
            "mobile": "13900001111", "members": [], "notes": ""}
    assert contact_values(good, 1)["initials"] == "wjg"
    for bad in ({"kind": "robot"}, {"name": " "}, {"mobile": "call"}, {"members": "all"}, {"id": ""}):
        with pytest.raises(FeedError):
            contact_values({**good, **bad}, 1)
