"""The plan library in the mirror: saved with its operations, listed by type and
status, searched in Chinese (short queries too), and plans proposed for an
incident with the gravest level whose conditions hold."""

from __future__ import annotations

import copy
import uuid

import pytest
from sqlalchemy import text

from services.incidents.model import Casualties, Category, Severity
from services.plans.files import example_plans
from services.plans.store import PlanStore
from tests.helpers import draft

FLOOD, CHEM = "8d0f3c2a-5b7e-4f1d-9a6c-0e2b7d4c1a01", "8d0f3c2a-5b7e-4f1d-9a6c-0e2b7d4c1a02"


@pytest.fixture
def plans(mirror, clock, events):
    store = PlanStore(mirror, events, clock)
    store.save_many(example_plans())
    return store


def incident(service, clock, **kw):
    return service.create_incident(draft(clock, **kw), "张三")


def test_saved_plans_are_queued_for_the_platform_and_announced(mirror, clock, events):
    seen = []
    events.subscribe(lambda e: seen.append(e))
    store = PlanStore(mirror, events, clock)
    assert store.save_many(example_plans()) == (2, 0)
    assert store.save_many(example_plans()) == (0, 0)  # the same file again changes nothing
    with mirror.read() as s:
        assert s.execute(text("SELECT count(*) FROM outbox WHERE entity = 'plan'")).scalar() == 2
    assert any(getattr(e, "entity", "") == "plan" for e in seen)
    plan = store.get(FLOOD)
    assert plan.title == "城市内涝灾害应急预案（示例）" and plan.pending_sync
    assert plan.as_record() == {k: v for k, v in example_plans()[1].items()}


def test_the_library_is_filtered_and_searched_in_chinese(plans):
    assert {p.id for p in plans.list()} == {FLOOD, CHEM}
    assert [p.id for p in plans.list(term="涝")] == [FLOOD]  # one character
    assert [p.id for p in plans.list(term="泄漏")] == [CHEM]  # two characters
    assert [p.id for p in plans.list(term="下穿通道")] == [FLOOD]  # the trigram index, in the full text
    assert [p.id for p in plans.list(term="应急预案")] and len(plans.list(term="应急预案")) == 2
    assert plans.list(term="地震") == []
    assert plans.list(term='"%_\\') == []  # quotes and LIKE's wildcards are only text
    assert plans.list(plan_type="overall") == []
    assert len(plans.list(plan_type="special", status="published")) == 2
    changed = copy.deepcopy(example_plans()[0])
    changed.update(full_text="新的正文：地铁站进水", status="abolished")
    plans.save_many([changed])
    assert [p.id for p in plans.list(term="地铁站进水")] == [CHEM]  # the index follows an edit
    assert plans.list(term="堵漏") == []
    assert [p.id for p in plans.list(status="abolished")] == [CHEM]


def test_proposals_give_the_gravest_level_whose_conditions_hold_with_the_reason(plans, incident_service, clock):
    chem = incident(incident_service, clock, category=Category.ACCIDENT, type_code="hazardous_chemicals",
                    severity=Severity.IV, casualties=Casualties(deaths=3))
    [proposal] = plans.propose(chem)
    assert (proposal.plan_id, proposal.level, proposal.plan_version) == (CHEM, "III", "2026.1")
    assert [(f.field, f.op, f.value, f.actual) for f in proposal.facts] == [("deaths", ">=", 3, 3)]
    grave = incident(incident_service, clock, category=Category.ACCIDENT, type_code="hazardous_chemicals",
                     severity=Severity.IV, casualties=Casualties(deaths=12, injured=40))
    assert [(p.level, p.facts[0].field) for p in plans.propose(grave)] == [("I", "deaths")]
    flood = incident(incident_service, clock, category=Category.NATURAL, type_code="flood", severity=Severity.II)
    [proposal] = plans.propose(flood)
    assert proposal.level == "II" and [f.field for f in proposal.facts] == ["severity"]
    fire = incident(incident_service, clock)
    assert plans.propose(fire) == []


def test_only_published_plans_are_proposed_and_category_plans_follow_type_plans(plans, incident_service, clock):
    general = {"id": str(uuid.uuid4()), "title": "自然灾害救助应急预案", "plan_type": "overall",
               "status": "published", "categories": ["natural"],
               "levels": [{"level": "I", "conditions": {"field": "deaths", "op": ">=", "value": 30}},
                          {"level": "IV", "conditions": {"field": "trapped", "op": ">=", "value": 1}}]}
    draft_plan = {**general, "id": str(uuid.uuid4()), "title": "草案", "status": "draft", "types": ["flood"]}
    plans.save_many([general, draft_plan])
    flood = incident(incident_service, clock, category=Category.NATURAL, type_code="flood", severity=Severity.IV,
                     casualties=Casualties(trapped=12))
    assert [(p.title, p.level, p.by_type) for p in plans.propose(flood)] == [
        ("城市内涝灾害应急预案（示例）", "III", True), ("自然灾害救助应急预案", "IV", False)]
    quake = incident(incident_service, clock, category=Category.NATURAL, type_code="earthquake")
    assert [(p.title, p.level) for p in plans.propose(quake)] == [("自然灾害救助应急预案", None)]
