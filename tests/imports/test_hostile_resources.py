"""Resources (GeoJSON, CSV) from hostile files: every case ends in a result
code with Chinese words and nothing imported, never a raw Python error or a
hung reader. The files are made here; each case failed on the code before
the imports were bounded and hardened."""

from __future__ import annotations

import json

import pytest

from services.imports.bounded import Budget
from services.resources.importing import import_file
from services.resources.store import ResourceStore
from tests.imports.hostile import RESOURCES_HEADER, sparse

GOOD_ROW = "渝中区消防救援站,队伍,29.5570,106.5770,王队长,023-63800000\n"


def feature(lat, lon, **props) -> dict:
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": {"name": "南山避难场所", "kind": "shelter", **props}}


def collection(*features) -> dict:
    return {"type": "FeatureCollection", "features": list(features)}


def refused(path, code, mirror=None):
    result = import_file(path)
    assert not result.ok and result.records == []
    assert result.file_error == code or code in {e.code for e in result.errors}, (result.file_error, result.errors)
    if mirror is not None:
        assert ResourceStore(mirror).save_many(result.records) == (0, 0)
    return result


def test_geojson_nested_100000_deep_is_too_deep(tmp_path, mirror):
    path = tmp_path / "deep.geojson"
    path.write_text('{"type": "FeatureCollection", "features": ' + "[" * 100_000 + "]" * 100_000 + "}")
    refused(path, "too_deep", mirror)


def test_geojson_nested_past_the_limit_in_a_property_is_too_deep(tmp_path):
    nested: list = []
    for _ in range(40):
        nested = [nested]
    path = tmp_path / "deep-property.geojson"
    path.write_text(json.dumps(collection(feature(29.5, 106.5, address=nested))))
    refused(path, "too_deep")


@pytest.mark.parametrize("digits", [400, 5000])
def test_numbers_of_hundreds_or_thousands_of_digits(tmp_path, digits):
    path = tmp_path / "long-number.geojson"
    path.write_text(json.dumps(collection(feature(29.5, 106.5))).replace("29.5", "2" + "9" * digits))
    refused(path, "number_too_long")


def test_a_nested_value_where_text_goes_is_a_row_problem(tmp_path):
    path = tmp_path / "object-name.geojson"
    path.write_text(json.dumps(collection(feature(29.5, 106.5, address={"a": [1, 2]}))))
    [error] = refused(path, "not_text").errors
    assert (error.row, error.field) == (1, "address")


def test_a_csv_field_over_the_csv_limit_is_a_row_problem(tmp_path, mirror):
    path = tmp_path / "long-field.csv"
    path.write_text(RESOURCES_HEADER + GOOD_ROW + '"' + "长" * 200_000 + '",队伍,29.5,106.5,,\n', encoding="utf-8")
    [error] = refused(path, "field_too_long", mirror).errors
    assert error.row == 3


@pytest.mark.parametrize("row,field", [
    ("甲\x00乙,队伍,29.5,106.5,,\n", "name"),
    ("甲,队伍,29.5,106.5,王\x1b[31m队长,\n", "contact"),
    ("甲\u202e乙,队伍,29.5,106.5,,\n", "name"),
    ("甲,队\x7f伍,29.5,106.5,,\n", "kind"),
])
def test_nul_and_control_characters_never_reach_stored_text(tmp_path, mirror, row, field):
    path = tmp_path / "control.csv"
    path.write_text(RESOURCES_HEADER + GOOD_ROW + row, encoding="utf-8")
    [error] = refused(path, "control_character", mirror).errors
    assert (error.row, error.field) == (3, field)
    assert "\\x" in error.value or "\\u" in error.value  # shown escaped, never raw


def test_nul_in_an_id_of_geojson(tmp_path):
    path = tmp_path / "id.geojson"
    path.write_text(json.dumps(collection({**feature(29.5, 106.5), "id": "A\u0000B"})))
    refused(path, "control_character")


def test_an_id_longer_than_its_column_is_refused_not_cut(tmp_path):
    path = tmp_path / "long-id.csv"
    path.write_text("id,name,kind,lat,lon\n" + "A" * 37 + ",甲,team,29.5,106.5\n", encoding="utf-8")
    [error] = refused(path, "too_long").errors
    assert error.field == "id"


def test_a_count_past_any_real_one_is_out_of_range(tmp_path):
    path = tmp_path / "count.csv"
    path.write_text("name,kind,lat,lon,capacity\n甲,shelter,29.5,106.5," + "9" * 30 + "\n", encoding="utf-8")
    refused(path, "out_of_range")


def test_a_huge_file_is_refused_before_it_is_read(tmp_path):
    refused(sparse(tmp_path / "huge.csv", 40 * 1024**3), "too_large")


def test_a_fifo_is_not_read(tmp_path):
    import os

    os.mkfifo(tmp_path / "pipe.csv")
    refused(tmp_path / "pipe.csv", "not_found")


def test_a_parse_over_its_time_budget_is_stopped(tmp_path):
    path = tmp_path / "many.csv"
    path.write_text(RESOURCES_HEADER + GOOD_ROW.replace("渝中区", "{}") * 150_000, encoding="utf-8")
    result = import_file(path, budget=Budget(seconds=0.3))
    assert (result.file_error, result.records) == ("timeout", [])


def test_a_parse_over_its_memory_budget_is_stopped(tmp_path):
    path = tmp_path / "big.geojson"
    path.write_text(json.dumps(collection(*[feature(29.5, 106.5, name=f"点{n}", address="地" * 100)
                                            for n in range(40_000)])))
    result = import_file(path, budget=Budget(memory_bytes=100 * 1024 * 1024))
    assert (result.file_error, result.records) == ("too_large", [])


def test_a_sound_file_still_imports_through_the_bounded_reader(tmp_path, mirror):
    path = tmp_path / "good.csv"
    path.write_text(RESOURCES_HEADER + GOOD_ROW, encoding="utf-8")
    result = import_file(path)
    assert result.ok and ResourceStore(mirror).save_many(result.records) == (1, 0)


def test_a_utf16_csv_is_an_encoding_problem_not_garbage(tmp_path):
    path = tmp_path / "utf16.csv"
    path.write_text(RESOURCES_HEADER + GOOD_ROW, encoding="utf-16")
    refused(path, "encoding")
