"""Plan files, all or nothing: TOML and JSON read by one schema in a bounded
child process; unknown types, circular sub-steps, a level condition that
cannot be evaluated, a file too large, broken syntax and a file that is not a
plan file each refused with a clear code, nothing to import."""

from __future__ import annotations

import json

from services.plans.files import MAX_BYTES, example_plans, import_plans, read_plans


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def codes(result) -> set[tuple[int, str, str]]:
    return {(e.row, e.field, e.code) for e in result.errors}


def test_toml_and_json_of_one_schema_read_alike(tmp_path):
    plans = example_plans()
    as_json = import_plans(write(tmp_path, "plans.json", json.dumps({"plan": plans}, ensure_ascii=False)))
    assert as_json.ok and as_json.records == plans
    from services.plans.files import EXAMPLES_DIR

    as_toml = import_plans(EXAMPLES_DIR / "urban_waterlogging.toml")
    assert as_toml.ok and [p["id"] for p in as_toml.records] == ["8d0f3c2a-5b7e-4f1d-9a6c-0e2b7d4c1a01"]


def test_every_problem_of_every_plan_is_listed_and_nothing_imported(tmp_path):
    text = """
[[plan]]
id = "a"
title = "一"
plan_type = "总体"
status = "published"
types = ["flood", "volcano"]
levels = [{ level = "I", conditions = { field = "deaths", op = "~", value = 3 } },
          { level = "II", conditions = { any = [{ field = "rain", op = ">", value = 100 }] } }]
checklist = [{ id = "s1", phase = "initial", title = "甲", parent = "s2" },
             { id = "s2", phase = "initial", title = "乙", parent = "s1" }]

[[plan]]
id = "a"
title = "二"
plan_type = "special"
status = "published"
categories = ["natural"]
"""
    result = import_plans(write(tmp_path, "bad.toml", text))
    assert not result.ok and result.records == []
    assert codes(result) == {
        (1, "plan_type", "unknown_plan_type"), (1, "types[1]", "unknown_type"),
        (1, "levels[0].conditions.op", "unknown_op"), (1, "levels[1].conditions.any[0].field", "unknown_field"),
        (1, "checklist[0].parent", "circular"), (1, "checklist[1].parent", "circular"), (2, "id", "duplicate")}


def test_files_that_are_not_plan_files_are_refused(tmp_path):
    big = tmp_path / "big.toml"
    with big.open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)
    assert import_plans(big).file_error == "too_large"
    assert import_plans(tmp_path / "missing.toml").file_error == "not_found"
    assert import_plans(write(tmp_path, "broken.toml", "[[plan]\nid = ")).file_error == "bad_syntax"
    assert import_plans(write(tmp_path, "broken.json", '{"plan": [')).file_error == "bad_syntax"
    assert import_plans(write(tmp_path, "other.json", '{"incidents": []}')).file_error == "not_plans"
    assert import_plans(write(tmp_path, "empty.toml", "plan = []")).file_error == "empty"
    deep = "[" * 100 + "]" * 100
    assert import_plans(write(tmp_path, "deep.json", '{"plan": ' + deep + "}")).file_error == "too_deep"
    (tmp_path / "gbk.toml").write_bytes("[[plan]]\ntitle = \"内涝\"".encode("gbk"))
    assert read_plans(tmp_path / "gbk.toml").file_error == "encoding"
    many = {"plan": [{"id": str(n)} for n in range(501)]}
    assert import_plans(write(tmp_path, "many.json", json.dumps(many))).file_error == "too_many"


CENTRE_TAXONOMY = """
version = 1
[[category]]
code = "natural"
name = "自然灾害"
name_en = "Natural disaster"
types = [{ code = "11B01", name = "城市内涝（本中心）", name_en = "Urban waterlogging", group = "水旱灾害" }]
[[category]]
code = "accident"
name = "事故灾难"
name_en = "Accident"
types = []
[[category]]
code = "public_health"
name = "公共卫生事件"
name_en = "Public health"
types = []
[[category]]
code = "social_safety"
name = "社会安全事件"
name_en = "Social security"
types = []
"""


def test_a_centres_own_type_codes_import_against_its_own_taxonomy(tmp_path):
    """Plans name the types of the taxonomy the workstation is configured with
    ([incidents] taxonomy_path); the import runs in the child with that file."""
    from services.plans.contract import use_taxonomy

    plan = {**example_plans()[0], "types": ["11B01"], "levels": [
        {"level": "IV", "conditions": {"field": "type", "op": "==", "value": "11B01"}}]}
    path = write(tmp_path, "own.json", json.dumps({"plan": [plan]}, ensure_ascii=False))
    assert ("types[0]", "unknown_type") in {(e.field, e.code) for e in import_plans(path).errors}
    taxonomy = write(tmp_path, "taxonomy.toml", CENTRE_TAXONOMY)
    use_taxonomy(taxonomy)
    try:
        result = import_plans(path)
        assert result.ok, result.errors
        assert result.records[0]["types"] == ["11B01"]
    finally:
        use_taxonomy(None)
