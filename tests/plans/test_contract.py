"""The plan contract: every problem of a plan listed by its path, the condition
language checked without eval and evaluated by gravity, the example plans valid."""

from __future__ import annotations

import copy

import pytest

from services.plans.conditions import Fact, check_condition, evaluate
from services.plans.contract import MAX_STEP_DEPTH, check_plan, default_codes
from services.plans.files import example_plans


@pytest.fixture(scope="module")
def examples():
    return example_plans()


def problems(plan) -> set[tuple[str, str]]:
    return {(p.path, p.code) for p in check_plan(plan)}


def minimal(**changes) -> dict:
    plan = {"id": "p1", "title": "测试预案", "plan_type": "special", "status": "draft", "types": ["flood"],
            "levels": [{"level": "IV", "conditions": {"field": "deaths", "op": ">=", "value": 1}}],
            "command": {"groups": [{"id": "g", "name": "综合协调组"}]},
            "checklist": [{"id": "a", "phase": "initial", "title": "核实", "group": "g", "due_minutes": 5}]}
    plan.update(changes)
    return plan


def test_the_example_plans_are_valid_and_marked_as_examples(examples):
    assert len(examples) == 2
    for plan in examples:
        assert check_plan(plan) == []
        assert plan["example"] and "示例" in plan["title"]
        assert {lv["level"] for lv in plan["levels"]} == {"I", "II", "III", "IV"}
        assert any(step.get("parent") for step in plan["checklist"])


def test_a_minimal_plan_is_valid():
    assert check_plan(minimal()) == []


def test_every_field_problem_is_listed_by_path():
    bad = minimal(title="", plan_type="emergency", status="live", categories=["weather"], types=["flood", "x"],
                  issuer="单位" * 60, plan_version=7, full_text="正文\x00", example="yes", colour="red")
    assert problems(bad) == {
        ("title", "required"), ("plan_type", "unknown_plan_type"), ("status", "unknown_status"),
        ("categories[0]", "unknown_category"), ("types[1]", "unknown_type"), ("issuer", "too_long"),
        ("plan_version", "not_text"), ("full_text", "control_character"), ("example", "not_bool"),
        ("colour", "unknown_key")}
    assert problems({"id": "p"}) >= {("title", "required"), ("plan_type", "required"), ("status", "required")}
    assert problems("plan") == {("plan", "not_object")}
    assert problems(minimal(types=[], categories=[])) == {("categories", "applies_to_nothing")}


def test_levels_and_conditions_that_cannot_be_evaluated_are_refused():
    levels = [
        {"level": "V", "conditions": {"field": "deaths", "op": ">=", "value": 1}},
        {"level": "III", "conditions": {"field": "weather", "op": ">=", "value": 1}},
        {"level": "II", "conditions": {"field": "deaths", "op": "=>", "value": "ten"}},
        {"level": "II", "conditions": {"all": [{"field": "type", "op": "in", "value": ["flood", "lava"]},
                                               {"field": "severity", "op": ">=", "value": "V"}]}},
        {"level": "I"},
        {"level": "IV", "conditions": {"any": []}},
    ]
    assert problems(minimal(levels=levels)) == {
        ("levels[0].level", "bad_level"), ("levels[1].conditions.field", "unknown_field"),
        ("levels[2].conditions.op", "unknown_op"), ("levels[2].conditions.value", "bad_number"),
        ("levels[3].level", "duplicate"), ("levels[3].conditions.all[0].value[1]", "unknown_type"),
        ("levels[3].conditions.all[1].value", "bad_severity"), ("levels[4].conditions", "required"),
        ("levels[5].conditions.any", "condition_empty_group"), ("levels", "too_many")}
    deep = {"field": "deaths", "op": ">", "value": 0}
    for _ in range(8):
        deep = {"all": [deep]}
    assert ("levels[0].conditions.all[0].all[0].all[0].all[0].all[0]", "condition_too_deep") in problems(
        minimal(levels=[{"level": "I", "conditions": deep}]))
    mixed = {"all": [deep], "field": "deaths"}
    assert problems(minimal(levels=[{"level": "I", "conditions": mixed}])) == {
        ("levels[0].conditions", "condition_mixed")}
    wide = {"any": [{"field": "deaths", "op": ">", "value": n} for n in range(100)]}
    found: list = []
    codes = default_codes()
    check_condition(wide, "c", found, types=codes.types, categories=codes.categories)
    assert [p.code for p in found] == ["condition_too_large"]


def test_circular_too_deep_and_dangling_sub_steps_are_refused():
    steps = [{"id": "a", "phase": "initial", "title": "一", "parent": "c"},
             {"id": "b", "phase": "initial", "title": "二", "parent": "a"},
             {"id": "c", "phase": "initial", "title": "三", "parent": "b"},
             {"id": "d", "phase": "closing", "title": "四", "parent": "zz"}]
    found = problems(minimal(checklist=steps))
    assert {("checklist[0].parent", "circular"), ("checklist[1].parent", "circular"),
            ("checklist[2].parent", "circular"), ("checklist[3].parent", "unknown_parent")} == found
    chain = [{"id": f"s{n}", "phase": "operations", "title": f"步骤{n}", "parent": f"s{n - 1}" if n else ""}
             for n in range(MAX_STEP_DEPTH + 1)]
    assert problems(minimal(checklist=chain)) == {(f"checklist[{MAX_STEP_DEPTH}].parent", "too_deep")}


def test_step_fields_are_checked():
    steps = [{"id": "a", "phase": "later", "title": "", "group": "nobody", "due_minutes": -5, "owner": "x"},
             {"id": "a", "phase": "initial", "title": "二", "due_minutes": True},
             {"id": "b", "phase": "closing", "title": "三", "parent": "a"}]
    assert problems(minimal(checklist=steps)) == {
        ("checklist[0].phase", "bad_phase"), ("checklist[0].title", "required"), ("checklist[0].group", "unknown_group"),
        ("checklist[0].due_minutes", "bad_minutes"), ("checklist[0]", "unknown_key"), ("checklist[1].id", "duplicate"),
        ("checklist[1].due_minutes", "bad_minutes"), ("checklist[2].phase", "phase_differs_from_parent")}


def test_command_structure_is_checked():
    command = {"headquarters": "指挥部", "groups": [{"id": "g", "name": ""}, {"id": "g", "name": "组",
                                                                              "contacts": ["", 5]}, "组"]}
    assert problems(minimal(command=command, checklist=[])) == {
        ("command.groups[0].name", "required"), ("command.groups[1].id", "duplicate"),
        ("command.groups[1].contacts", "bad_contacts"), ("command.groups[2]", "not_object")}


def test_conditions_evaluate_by_gravity_and_name_what_held(examples):
    cond = {"all": [{"field": "type", "op": "in", "value": ["flood"]}, {"field": "severity", "op": ">=",
                                                                         "value": "III"}]}
    figures = {"type": "flood", "severity": "II", "deaths": 0}
    assert evaluate(cond, figures) == (True, (Fact("type", "in", ["flood"], "flood"),
                                              Fact("severity", ">=", "III", "II")))
    assert evaluate(cond, {**figures, "severity": "IV"}) == (False, ())
    assert evaluate({"any": [{"field": "deaths", "op": ">=", "value": 3},
                             {"field": "injured", "op": ">", "value": 9}]},
                    {"deaths": 1, "injured": 10}) == (True, (Fact("injured", ">", 9, 10),))
    assert evaluate({"field": "missing", "op": "<", "value": 1}, {}) == (False, ())


def test_the_check_leaves_the_plan_as_it_was(examples):
    plan = copy.deepcopy(examples[0])
    check_plan(plan)
    assert plan == examples[0]
