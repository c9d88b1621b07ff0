"""The contact directory (CSV, Excel) from hostile files: zip bombs are
refused before openpyxl opens anything, over-long CSV fields and control
characters are row problems, a huge file is never read."""

from __future__ import annotations

import io
import time
import zipfile

import pytest

from services.contacts.importing import import_contacts
from services.contacts.store import ContactStore
from services.imports.formats import MAX_ZIP_ENTRIES
from tests.imports.hostile import CONTACTS_HEADER, sparse, xlsx, xlsx_bomb


def refused(path, code, mirror=None):
    result = import_contacts(path)
    assert not result.ok and result.records == []
    assert result.file_error == code or code in {e.code for e in result.errors}, (result.file_error, result.errors)
    if mirror is not None:
        assert ContactStore(mirror).save_many(result.records) == (0, 0)
    return result


@pytest.mark.parametrize("padding_mib", [150, 60])  # over the unpacked total; under it, over the ratio
def test_a_zip_bomb_workbook_is_refused_before_openpyxl(tmp_path, mirror, padding_mib):
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(xlsx_bomb(padding_mib))
    assert path.stat().st_size < 1024 * 1024
    started = time.monotonic()
    refused(path, "zip_bomb", mirror)
    assert time.monotonic() - started < 30  # refused from the zip directory, not after unpacking


def test_a_workbook_of_too_many_entries_is_refused(tmp_path):
    path = tmp_path / "entries.xlsx"
    path.write_bytes(xlsx_bomb(0, entries=MAX_ZIP_ENTRIES + 1))
    refused(path, "zip_bomb")


def test_an_encrypted_or_unusual_zip_is_not_excel(tmp_path):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_LZMA) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    path = tmp_path / "lzma.xlsx"
    path.write_bytes(out.getvalue())
    refused(path, "not_excel")


def test_a_sound_workbook_still_imports(tmp_path, mirror):
    path = tmp_path / "good.xlsx"
    path.write_bytes(xlsx([["单位", "应急局", "", "", "023-67700000", "", "", ""],
                           ["人员", "王建国", "应急局", "主任", "", "13900001111", "", ""]]))
    result = import_contacts(path)
    assert result.ok, (result.file_error, result.errors)
    assert ContactStore(mirror).save_many(result.records) == (2, 0)


def test_a_cell_with_control_characters_in_excel(tmp_path):
    """XML cannot carry C0 controls, but C1 ones (\x9b is a terminal's CSI) and
    bidirectional overrides it can."""
    path = tmp_path / "escape.xlsx"
    path.write_bytes(xlsx([["人员", "王\u202e建国", "应急局", "", "", "", "", "备注\x9b2J"]]))
    result = refused(path, "control_character")
    assert {(e.row, e.field) for e in result.errors} == {(2, "name"), (2, "notes")}


def test_nul_in_a_csv_row(tmp_path, mirror):
    path = tmp_path / "nul.csv"
    path.write_text(",".join(CONTACTS_HEADER) + "\n人员,王\x00建国,,,,,,\n", encoding="utf-8")
    refused(path, "control_character", mirror)


def test_a_csv_field_over_the_csv_limit(tmp_path):
    path = tmp_path / "long.csv"
    path.write_text(",".join(CONTACTS_HEADER) + "\n人员,王建国,,,,,," + "备" * 140_000 + "\n", encoding="utf-8")
    [error] = refused(path, "field_too_long").errors
    assert error.row == 2


def test_an_organisation_name_past_its_column_in_a_parent_path(tmp_path):
    path = tmp_path / "parent.csv"
    path.write_text(",".join(CONTACTS_HEADER) + "\n人员,王建国," + "局" * 101 + "/指挥中心,,,,,\n", encoding="utf-8")
    [error] = refused(path, "too_long").errors
    assert error.field == "parent"


def test_a_huge_file_is_refused_before_it_is_read(tmp_path):
    refused(sparse(tmp_path / "huge.csv", 30 * 1024**3), "too_large")
    refused(sparse(tmp_path / "huge.xlsx", 30 * 1024**3), "too_large")
