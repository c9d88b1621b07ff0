"""Resource imports: all or nothing, every problem by row and field, GBK and
BOM, GCJ-02 converted, malformed files refused with a reason."""

from __future__ import annotations

import json

import pytest

from services.geo.datum import gcj02_to_wgs84, wgs84_to_gcj02
from services.resources.importing import export_geojson, import_csv, import_file, import_geojson
from services.resources.store import ResourceStore

HEADER = "名称,类型,纬度,经度,联系人,电话,人数,容量,已安置\n"
GOOD = "渝中区消防救援站,队伍,29.5570,106.5770,王队长,023-63800000,35,,\n" \
       "南山体育馆避难场所,避难场所,29.5300,106.6100,李主任,023-62900000,,3000,120\n"


def test_utf8_bom_and_gbk_files_give_the_same_records():
    utf8 = import_csv(("\ufeff" + HEADER + GOOD).encode("utf-8"))
    gbk = import_csv((HEADER + GOOD).encode("gbk"))
    assert utf8.ok and gbk.ok and len(utf8.records) == 2
    assert utf8.records == gbk.records
    team, shelter = utf8.records
    assert (team["kind"], team["details"]["headcount"], team["available"]) == ("team", 35, True)
    assert shelter["details"] == {"capacity": 3000, "occupancy": 120}
    assert import_csv((HEADER + GOOD).encode()).records[0]["id"] == team["id"]  # stable: re-import updates


@pytest.mark.parametrize("row,field,code", [
    (",队伍,29.5,106.5,,,,,", "name", "required"),
    ("甲,坦克,29.5,106.5,,,,,", "kind", "unknown_kind"),
    ("甲,队伍,abc,106.5,,,,,", "lat", "not_a_number"),
    ("甲,队伍,106.5,29.5,,,,,", "lat", "swapped"),
    ("甲,队伍,48.8,2.35,,,,,", "lat", "outside_china"),
    ("甲,队伍,29.5,106.5,,电话号码,,,", "phone", "bad_phone"),
    ("甲,队伍,29.5,106.5,,,-3,,", "headcount", "not_a_count"),
    ("甲,避难场所,29.5,106.5,,,,100,150", "occupancy", "over_capacity"),
])
def test_one_bad_row_refuses_the_whole_file_and_says_where(row, field, code):
    result = import_csv((HEADER + GOOD + row + "\n").encode())
    assert not result.ok and result.records == []
    assert [(e.row, e.field, e.code) for e in result.errors] == [(4, field, code)]


def test_duplicate_ids_in_one_file():
    text = "id,name,kind,lat,lon\nA1,甲,team,29.5,106.5\nA1,乙,team,29.6,106.6\n"
    [error] = import_csv(text.encode()).errors
    assert (error.row, error.field, error.code, error.value) == (3, "id", "duplicate", "2")


@pytest.mark.parametrize("raw,code", [
    (b"", "empty"),
    (b"\xff\xfe\x00\x01\x02\x80\x81", "encoding"),
    ("名称,备注\n甲,乙\n".encode(), "no_columns"),
])
def test_malformed_csv_files(raw, code):
    assert import_csv(raw).file_error == code


@pytest.mark.parametrize("raw,code", [
    (b"{not json", "not_json"),
    (b'{"type": "Feature"}', "not_geojson"),
    (b'[1, 2]', "not_geojson"),
    (b'{"type": "FeatureCollection", "features": []}', "empty"),
])
def test_malformed_geojson_files(raw, code):
    assert import_geojson(raw).file_error == code


def test_geojson_rows_that_are_not_points():
    data = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [106.5, 29.5]},
         "properties": {"name": "甲", "kind": "team"}},
        {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[106, 29], [107, 30]]},
         "properties": {"name": "乙", "kind": "team"}},
    ]}
    result = import_geojson(json.dumps(data).encode())
    assert [(e.row, e.code) for e in result.errors] == [(2, "not_a_point")] and result.records == []


def test_gcj02_input_is_stored_as_wgs84():
    wgs = (29.5630, 106.5516)
    gcj = wgs84_to_gcj02(*wgs)
    text = f"name,kind,lat,lon\n甲,team,{gcj[0]},{gcj[1]}\n"
    [record] = import_csv(text.encode(), datum="GCJ02").records
    assert (record["lat"], record["lon"]) == pytest.approx(wgs, abs=1e-6)
    assert import_csv(text.encode(), datum="BD09").file_error == "unknown_datum"


def test_known_gcj02_points():
    # Tiananmen: WGS-84 39.908692, 116.397477 is GCJ-02 39.910095, 116.403721.
    assert wgs84_to_gcj02(39.908692, 116.397477) == pytest.approx((39.910095, 116.403721), abs=2e-5)
    assert gcj02_to_wgs84(39.910095, 116.403721) == pytest.approx((39.908692, 116.397477), abs=2e-5)
    assert wgs84_to_gcj02(48.8584, 2.2945) == (48.8584, 2.2945)  # outside China: unchanged


def test_export_reads_back_the_same(mirror, tmp_path):
    store = ResourceStore(mirror)
    store.save_many(import_csv((HEADER + GOOD).encode()).records)
    path = tmp_path / "out.geojson"
    path.write_text(export_geojson(store.points()), encoding="utf-8")
    again = import_file(path)
    assert again.ok
    assert sorted((r["id"], r["name"], r["lat"], r["details"].get("capacity")) for r in again.records) == \
        sorted((p.id, p.name, p.lat, p.details.get("capacity")) for p in store.points())


def test_a_missing_or_oversized_file(tmp_path):
    assert import_file(tmp_path / "nope.csv").file_error == "not_found"
