"""Full-text search: FTS5 trigram for 3+ characters, LIKE for 1–2."""

from __future__ import annotations

from services.incidents.model import EntryKind, Status
from services.incidents.repository import IncidentQuery
from tests.helpers import draft


def make(incident_service, clock, title, place="", note=None, type_code="road_traffic"):
    inc = incident_service.create_incident(
        draft(clock, title=title, place=place, type_code=type_code), "a"
    )
    if note:
        incident_service.append_entry(inc.id, EntryKind.NOTE, note, "a")
    return inc


def test_three_plus_characters_use_fts_over_incidents_and_entries(incident_service, clock):
    a = make(incident_service, clock, "江北区观音桥餐馆火灾")
    b = make(incident_service, clock, "南岸区边坡垮塌", note="现场发现燃气管道泄漏")
    make(incident_service, clock, "巴南区货车侧翻")
    assert [i.id for i in incident_service.search("观音桥")] == [a.id]
    assert [i.id for i in incident_service.search("燃气管道")] == [b.id]
    assert incident_service.search("不存在的词") == []


def test_short_chinese_queries_fall_back_to_like(incident_service, clock):
    a = make(incident_service, clock, "江北区观音桥餐馆火灾", type_code="fire")
    b = make(incident_service, clock, "巴南区货车侧翻", note="车内有人被困")
    assert {i.id for i in incident_service.search("火")} == {a.id}
    assert {i.id for i in incident_service.search("被困")} == {b.id}


def test_terms_combine_and_special_characters_are_literal(incident_service, clock):
    a = make(incident_service, clock, "江北区 100% 停电")
    make(incident_service, clock, "江北区火灾")
    assert [i.id for i in incident_service.search("江北区 停电")] == [a.id]
    assert [i.id for i in incident_service.search("%")] == [a.id]
    assert incident_service.search('"') == []
    assert incident_service.search("_") == []


def test_search_combines_with_filters(incident_service, clock):
    a = make(incident_service, clock, "九龙坡区火灾一")
    b = make(incident_service, clock, "九龙坡区火灾二")
    incident_service.change_status(b.id, Status.RESPONDING, "a")
    q = IncidentQuery(text="九龙坡", statuses=frozenset({Status.RESPONDING}))
    assert [i.id for i in incident_service.list_page(q, 0, 50)] == [b.id]
    assert incident_service.count(IncidentQuery(text="九龙坡")) == 2
    assert a.id in {i.id for i in incident_service.search("火灾一")}


def test_updated_title_is_found_and_old_title_is_not(incident_service, clock):
    from services.incidents.model import IncidentChanges

    a = make(incident_service, clock, "大渡口区旧标题")
    incident_service.update_incident(a.id, IncidentChanges(title="大渡口区新标题"), "a")
    assert [i.id for i in incident_service.search("新标题")] == [a.id]
    assert incident_service.search("旧标题") == []
