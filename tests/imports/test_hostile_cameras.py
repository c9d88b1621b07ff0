"""The camera catalog (CSV, GB/T 28181 XML) from hostile files: an encoding
that hides a DOCTYPE (UTF-7), UTF-16, entity expansion, over-long fields and
control characters all end in a code and nothing imported."""

from __future__ import annotations

import pytest

from services.cameras.importing import import_catalog_file, import_gb28181_catalog
from services.cameras.store import CameraStore
from tests.imports.hostile import (
    CAMERAS_HEADER,
    ENTITY_CATALOG,
    sparse,
    utf7_catalog,
    utf16_catalog,
)

SOUND = ('<?xml version="1.0" encoding="{enc}"?><Response><CmdType>Catalog</CmdType><DeviceList><Item>'
         "<DeviceID>50010300001320000001</DeviceID><Name>解放碑</Name><Status>ON</Status></Item>"
         "</DeviceList></Response>")


def refused(path, code, mirror=None, kind="auto"):
    result = import_catalog_file(path, kind, "rtsp://10.0.0.5:554/{id}")
    assert not result.ok and result.records == []
    assert result.file_error == code or code in {e.code for e in result.errors}, (result.file_error, result.errors)
    if mirror is not None:
        CameraStore(mirror).save_many(result.records)
        assert CameraStore(mirror).all() == []
    return result


def test_utf7_hiding_a_doctype_and_entities_is_refused(tmp_path, mirror):
    path = tmp_path / "utf7.xml"
    path.write_bytes(utf7_catalog())
    assert b"<!" not in path.read_bytes()  # nothing for a byte search to find
    refused(path, "encoding", mirror)


@pytest.mark.parametrize("bom", [True, False])
def test_utf16_catalogs_are_refused(tmp_path, bom):
    path = tmp_path / "utf16.xml"
    path.write_bytes(utf16_catalog(bom))
    refused(path, "encoding", kind="xml")


@pytest.mark.parametrize("declared", ["UTF-8", "GB2312", "GBK", "GB18030"])
def test_entities_in_an_accepted_encoding_are_hostile(tmp_path, declared):
    raw = (f'<?xml version="1.0" encoding="{declared}"?>' + ENTITY_CATALOG).encode(
        "utf-8" if declared == "UTF-8" else "gb18030")
    path = tmp_path / "entities.xml"
    path.write_bytes(raw)
    refused(path, "hostile_xml")


@pytest.mark.parametrize("declared", ["ISO-8859-1", "UTF-32", "cp037", "x-unknown"])
def test_only_the_encodings_a_catalog_may_use(tmp_path, declared):
    path = tmp_path / "latin.xml"
    path.write_bytes(SOUND.format(enc=declared).encode("ascii", "ignore"))
    refused(path, "encoding")


@pytest.mark.parametrize("declared,codec", [("UTF-8", "utf-8"), ("GB2312", "gb2312"), ("gbk", "gbk")])
def test_sound_catalogs_in_their_encodings_still_import(tmp_path, declared, codec):
    path = tmp_path / "sound.xml"
    path.write_bytes(SOUND.format(enc=declared).encode(codec))
    result = import_catalog_file(path, "auto", "rtsp://gw/{id}")
    assert result.ok and [r["name"] for r in result.records] == ["解放碑"]


def test_a_deeply_nested_catalog_is_no_raw_error(tmp_path):
    path = tmp_path / "deep.xml"
    path.write_bytes(b"<Response>" + b"<a>" * 200_000 + b"</a>" * 200_000 + b"</Response>")
    refused(path, "not_catalog")


def test_nul_in_a_device_id_and_a_stream_url(tmp_path, mirror):
    path = tmp_path / "nul.csv"
    path.write_text(CAMERAS_HEADER + "A1,东口,29.5,106.5,rtsp://10.0.0.1/a\x00b\nA\x002,西口,,,\n", encoding="utf-8")
    result = refused(path, "control_character", mirror)
    assert {(e.row, e.field) for e in result.errors} == {(2, "main_url"), (3, "id")}


def test_a_csv_field_over_the_csv_limit(tmp_path):
    path = tmp_path / "long.csv"
    path.write_text(CAMERAS_HEADER + "A1," + "名" * 140_000 + ",,,\n", encoding="utf-8")
    refused(path, "field_too_long")


def test_a_group_path_longer_than_its_column_is_refused_not_cut(tmp_path):
    path = tmp_path / "group.csv"
    path.write_text("编号,名称,分组\nA1,东口," + "组" * 501 + "\n", encoding="utf-8")
    [error] = refused(path, "too_long").errors
    assert error.field == "group_path"


def test_a_huge_catalog_is_refused_before_it_is_read(tmp_path):
    refused(sparse(tmp_path / "huge.xml", 30 * 1024**3), "too_large")


def test_the_pure_parser_answers_codes_too():
    assert import_gb28181_catalog(utf7_catalog()).file_error == "encoding"
    assert import_gb28181_catalog(b"<?xml version='1.0'?><!DOCTYPE x><Response/>").file_error == "hostile_xml"


@pytest.mark.parametrize("url", ["file:///etc/passwd", "pipe:cat /etc/shadow", "concat:a.ts|b.ts",
                                 "javascript:alert(1)"])
def test_stream_urls_that_open_local_files_or_programs_are_refused(tmp_path, url):
    path = tmp_path / "urls.csv"
    path.write_text(CAMERAS_HEADER + f"A1,东口,29.5,106.5,{url}\n", encoding="utf-8")
    [error] = refused(path, "bad_url").errors
    assert error.field == "main_url"
