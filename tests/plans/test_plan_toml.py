"""The editor's structured parts as TOML: every example plan written out and
read back unchanged, every problem of the structure and the form listed by
path (a TOML syntax error, an unknown group, a circle of sub-steps, a level
condition that cannot be evaluated, a key that belongs in the form), and a
plan saved through the editor's path leaves a running checklist as it was."""

from __future__ import annotations

import tomllib

from services.incidents.model import Casualties, Category, Severity
from services.plans.checklists import ChecklistService
from services.plans.contract import with_defaults
from services.plans.files import example_plans
from services.plans.plan_toml import assemble, dump_structure, parse_structure
from services.plans.response import Action
from services.plans.responses import ResponseService
from services.plans.store import PlanStore
from tests.helpers import draft

STRUCTURED = ("levels", "command", "checklist")


def form(plan: dict) -> dict:
    return {k: v for k, v in plan.items() if k not in STRUCTURED}


def test_every_example_plan_round_trips():
    for plan in example_plans():
        text = dump_structure(plan)
        assert {k: v for k, v in tomllib.loads(text).items()} == {k: plan[k] for k in STRUCTURED}
        rebuilt, problems = assemble(form(plan), text)
        assert problems == [] and with_defaults(rebuilt) == plan


def test_strings_that_need_escapes_survive():
    plan = example_plans()[0]
    plan["checklist"][0]["title"] = 'say "泵车"\\ now\n\tthen'
    plan["command"]["groups"][0]["contacts"] = ["c-1", "c 2"]
    assert tomllib.loads(dump_structure(plan))["checklist"][0]["title"] == 'say "泵车"\\ now\n\tthen'


def test_syntax_errors_are_one_problem_with_the_line():
    plan = example_plans()[0]
    text = dump_structure(plan).replace('level = "II"', 'level = "II', 1)
    _plan, problems = assemble(form(plan), text)
    assert [(p.path, p.code) for p in problems] == [("toml", "bad_syntax")]
    assert "line" in problems[0].detail


def test_every_problem_of_form_and_structure_by_path():
    plan = next(p for p in example_plans() if p["id"].endswith("a01"))  # 城市内涝
    text = dump_structure(plan)
    text = text.replace('group = "coord"', 'group = "pumps"', 1)
    text = text.replace('op = ">=", value = 10', 'op = "=~", value = 10', 1)
    text = text.replace('id = "s1a"\nparent = "s1"', 'id = "s1a"\nparent = "s1b"', 1)
    text = text.replace('id = "s1b"\nparent = "s1"', 'id = "s1b"\nparent = "s1a"', 1)
    text = 'title = "not here"\n' + text  # a form field typed into the structure
    fields = dict(form(plan), title="", types=["no_such_type"])
    _plan, problems = assemble(fields, text)
    found = {(p.path, p.code) for p in problems}
    assert ("title", "required") in found and ("types[0]", "unknown_type") in found
    assert ("title", "not_structure") in found
    assert any(p.code == "unknown_op" and p.path.startswith("levels[0].conditions") for p in problems)
    assert any(p.code == "unknown_group" and p.path.endswith(".group") for p in problems)
    assert any(p.code == "circular" for p in problems)
    _structure, only = parse_structure("")
    assert only == []


def test_an_empty_structure_is_a_plan_without_levels_or_steps():
    plan = example_plans()[0]
    rebuilt, problems = assemble(form(plan), "")
    assert problems == [] and rebuilt["levels"] == [] and rebuilt["checklist"] == []


def test_an_edit_saved_from_the_editor_leaves_a_running_checklist_alone(mirror, clock, events, incident_service):
    store = PlanStore(mirror, events, clock)
    store.save_many(example_plans(), share=False)
    chem = next(p for p in example_plans() if p["id"].endswith("a02"))
    incident = incident_service.create_incident(draft(
        clock, category=Category.ACCIDENT, type_code="hazardous_chemicals", severity=Severity.IV,
        casualties=Casualties(deaths=3)), "张三")
    ResponseService(mirror, events, clock).decide(incident.id, Action.START, level="III", reason="死亡 3 人",
                                                  author="张三", plan_id=chem["id"], plan_version="2026.1",
                                                  plan_title=chem["title"])
    checklists = ChecklistService(mirror, events, clock)
    before = [(s.key, s.title, s.plan_version) for s in checklists.steps(incident.id)]
    text = dump_structure(chem).replace("核实泄漏物质名称", "核实泄漏物质名称（新版）")
    edited, problems = assemble(dict(form(chem), plan_version="2026.2"), text)
    assert problems == []
    assert store.save_many([with_defaults(edited)]) == (0, 1)
    assert store.get(chem["id"]).plan_version == "2026.2"
    assert [(s.key, s.title, s.plan_version) for s in checklists.steps(incident.id)] == before
