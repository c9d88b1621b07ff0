"""Searching closed incidents (the knowledge side of 案例): the incident search's
own rules (1-2 characters through the character index and LIKE, 3+ through the
trigram index), closed incidents only, each with its 终报."""

from __future__ import annotations

from datetime import timedelta

import pytest

from services.cases.finder import CaseFinder
from services.incidents.model import EntryKind, Status
from tests.helpers import draft


def closed(service, clock, title, final):
    inc = service.create_incident(draft(clock, title=title), "值班员")
    service.change_status(inc.id, Status.RESPONDING, "值班员")
    clock.advance(timedelta(hours=1))
    service.append_entry(inc.id, EntryKind.INITIAL_REPORT, "首报。", "值班员")
    service.append_entry(inc.id, EntryKind.FINAL_REPORT, final, "值班员")
    service.change_status(inc.id, Status.CLOSED, "值班员")
    return inc


@pytest.fixture
def finder(mirror):
    return CaseFinder(mirror)


def test_short_and_long_queries_over_closed_incidents_only(finder, incident_service, clock):
    fire = closed(incident_service, clock, "江北区观音桥仓库起火", "终报：明火已扑灭，无人员伤亡。")
    tanker = closed(incident_service, clock, "巴南区槽罐车泄漏", "终报：泄漏已封堵，交通恢复。")
    incident_service.create_incident(draft(clock, title="渝中区餐馆起火"), "值班员")  # open
    cancelled = incident_service.create_incident(draft(clock, title="误报起火"), "值班员")
    incident_service.change_status(cancelled.id, Status.CANCELLED, "值班员", "误报")

    def found(text):
        return [c.incident_id for c in finder.search(text)]

    assert found("仓") == [fire.id]  # one character (火 is in every fire's type name, 火灾)
    assert found("起火") == [fire.id]  # two
    assert found("槽罐车") == [tanker.id]  # three and more: the trigram index
    assert found("封堵") == [tanker.id]  # a word of the 终报 only
    assert found("明火已扑灭") == [fire.id]
    assert found("巴南 泄漏") == [tanker.id]  # every word
    assert found("") == [] and found("   ") == [] and found("不存在") == []
    (case,) = finder.search("仓库")
    assert case.final_report == "终报：明火已扑灭，无人员伤亡。" and case.duration is not None


def test_newest_first_and_bounded(finder, incident_service, clock):
    made = [closed(incident_service, clock, f"火灾{n}", "终报：完毕。") for n in range(5)]
    assert [c.incident_id for c in finder.search("火", limit=3)] == [i.id for i in reversed(made)][:3]


def test_markup_and_wildcards_are_text(finder, incident_service, clock):
    odd = closed(incident_service, clock, "<b>100%</b> 起火_", "终报：<img src=x>")
    assert [c.incident_id for c in finder.search("%")] == [odd.id]
    assert [c.incident_id for c in finder.search("_")] == [odd.id]
    assert finder.search("<b>")[0].final_report == "终报：<img src=x>"
