"""相似案例: the ranking rules, closed-only, the 终报 and the outcome, bad data."""

from __future__ import annotations

from datetime import timedelta

import pytest

from services.cases.finder import CaseFinder, UnknownIncident
from services.cases.model import Reason
from services.incidents.model import Casualties, Category, EntryKind, Severity, Status
from tests.helpers import draft

HERE = (29.557, 106.577)  # 解放碑
NEAR = (29.580, 106.577)  # about 2.6 km north
FAR = (29.290, 106.259)  # 江津, about 43 km


def closed(service, clock, *, final: str | None = "终报：处置完毕。", hours: float = 3, **fields):
    """A closed incident; its 终报 `final` (None: closed without one)."""
    lat, lon = fields.pop("at", HERE) or (None, None)
    inc = service.create_incident(draft(clock, lat=lat, lon=lon, **fields), "值班员")
    service.change_status(inc.id, Status.RESPONDING, "值班员")
    clock.advance(timedelta(hours=hours))
    if final is not None:
        service.append_entry(inc.id, EntryKind.INITIAL_REPORT, "首报。", "值班员")
        service.append_entry(inc.id, EntryKind.FINAL_REPORT, final, "值班员")
    service.change_status(inc.id, Status.CLOSED, "值班员")
    clock.advance(timedelta(minutes=1))
    return inc


def target(service, clock, **fields):
    lat, lon = fields.pop("at", HERE) or (None, None)
    return service.create_incident(draft(clock, lat=lat, lon=lon, **fields), "值班员")


def ids(cases):
    return [c.incident_id for c in cases]


@pytest.fixture
def finder(mirror):
    return CaseFinder(mirror)


def test_same_type_outranks_a_nearer_same_grade_case_of_another_type(finder, incident_service, clock):
    other = closed(incident_service, clock, title="渝中区解放碑商场火灾", type_code="construction")
    same = closed(incident_service, clock, title="江津区几江仓库起火", at=FAR, severity=Severity.I)
    me = target(incident_service, clock, title="渝中区解放碑商场火灾")
    found = finder.similar(me.id)
    assert ids(found) == [same.id, other.id]
    assert Reason.SAME_TYPE in found[0].reasons and Reason.SAME_CATEGORY in found[1].reasons


def test_severity_then_distance_then_text(finder, incident_service, clock):
    far_same_grade = closed(incident_service, clock, title="仓库起火", at=FAR)
    near_other_grade = closed(incident_service, clock, title="仓库起火", at=NEAR, severity=Severity.IV)
    near_alike = closed(incident_service, clock, title="渝中区解放碑商场起火", at=NEAR)
    near_unalike = closed(incident_service, clock, title="居民楼厨房冒烟", at=NEAR)
    me = target(incident_service, clock, title="渝中区解放碑商场火灾")
    found = finder.similar(me.id)
    assert ids(found) == [near_alike.id, near_unalike.id, far_same_grade.id, near_other_grade.id]
    assert Reason.TITLE_ALIKE in found[0].reasons and Reason.TITLE_ALIKE not in found[1].reasons
    assert found[0].distance_km == pytest.approx(2.56, abs=0.1)
    assert Reason.SAME_SEVERITY in found[2].reasons and Reason.NEAR_SEVERITY in found[3].reasons


def test_only_closed_incidents_and_never_itself(finder, incident_service, clock):
    done = closed(incident_service, clock)
    open_one = target(incident_service, clock)
    cancelled = target(incident_service, clock)
    incident_service.change_status(cancelled.id, Status.CANCELLED, "值班员", "误报")
    exercise = closed(incident_service, clock, exercise=True)
    found = ids(finder.similar(open_one.id))
    assert found == [done.id]
    assert exercise.id not in found and cancelled.id not in found
    assert finder.similar(done.id) == []  # no other closed incident


def test_final_report_outcome_and_duration(finder, incident_service, clock):
    case = closed(incident_service, clock, final="终报：火灾已扑灭，1人轻伤送医。", hours=5,
                  casualties=Casualties(deaths=1, injured=2))
    me = target(incident_service, clock)
    (found,) = finder.similar(me.id)
    assert found.incident_id == case.id and found.final_report == "终报：火灾已扑灭，1人轻伤送医。"
    assert found.casualties == Casualties(deaths=1, injured=2)
    assert timedelta(hours=5) <= found.duration <= timedelta(hours=5, minutes=6)
    assert found.closed_at is not None and found.final_report_at is not None


def test_a_case_closed_without_final_report_still_has_its_closing_time(finder, incident_service, clock):
    case = closed(incident_service, clock, final=None)
    me = target(incident_service, clock)
    (found,) = finder.similar(me.id)
    assert found.incident_id == case.id and found.final_report == "" and found.final_report_at is None
    assert found.duration is not None


def test_report_texts_count(finder, incident_service, clock):
    alike = closed(incident_service, clock, title="甲", final="终报：商场火灾已扑灭，疏散群众200人。")
    unalike = closed(incident_service, clock, title="甲", final="终报：完毕。")
    me = target(incident_service, clock, title="乙")
    incident_service.append_entry(me.id, EntryKind.INITIAL_REPORT, "首报：商场火灾，正在疏散群众200人。", "值班员")
    found = finder.similar(me.id)
    assert ids(found) == [alike.id, unalike.id]
    assert Reason.REPORT_ALIKE in found[0].reasons and Reason.REPORT_ALIKE not in found[1].reasons


def test_ten_at_most_and_same_type_first_even_when_older(finder, incident_service, clock):
    same = [closed(incident_service, clock, title=f"火灾{n}") for n in range(12)]
    closed(incident_service, clock, title="火灾", type_code="construction")
    me = target(incident_service, clock)
    found = finder.similar(me.id)
    assert len(found) == 10 and set(ids(found)) <= {i.id for i in same}


def test_missing_positions_and_empty_texts_never_crash(finder, incident_service, clock, mirror):
    no_place = closed(incident_service, clock, at=None, title="仓库起火", final=None)
    located = closed(incident_service, clock, title="仓库起火")
    me = target(incident_service, clock, at=None, title="仓库起火")
    found = finder.similar(me.id)
    assert set(ids(found)) == {no_place.id, located.id}
    assert all(c.distance_km is None and Reason.DISTANCE not in c.reasons for c in found)
    # A broken row from an older version: NaN position, blank title, unknown severity and category.
    with mirror.write() as s:
        s.connection().exec_driver_sql(
            "UPDATE incidents SET lat = 'x', lon = NULL, title = '', severity = 'V', category = '??' WHERE id = ?",
            (located.id,))
        for kind, body, data in (("final_report", "", "{}"), ("status_change", "", "not json")):
            s.connection().exec_driver_sql(
                "INSERT INTO entries (id, incident_pk, kind, body, data, author, created_at, sync_state) "
                "SELECT ?, pk, ?, ?, ?, '', '2026-01-01T00:00:00.000+00:00', 'synced' FROM incidents WHERE id = ?",
                (f"{kind}-x", kind, body, data, no_place.id))
        s.connection().exec_driver_sql("UPDATE incidents SET title = '', summary = '' WHERE id = ?", (me.id,))
    me2 = me
    found = {c.incident_id: c for c in finder.similar(me2.id)}
    assert found[located.id].severity is None and found[located.id].category is None
    assert found[located.id].distance_km is None


def test_an_unknown_incident_is_said_so(finder):
    with pytest.raises(UnknownIncident):
        finder.similar("no-such-id")


def test_other_category_fills_when_the_type_has_too_few(finder, incident_service, clock):
    natural = closed(incident_service, clock, title="山体滑坡", type_code="landslide", category=Category.NATURAL)
    me = target(incident_service, clock)
    assert ids(finder.similar(me.id)) == [natural.id]


def test_an_older_case_next_door_is_not_lost_behind_newer_ones(finder, incident_service, clock, monkeypatch):
    from services.cases import finder as finding

    monkeypatch.setattr(finding, "SAME_TYPE_CANDIDATES", 3)
    old_next_door = closed(incident_service, clock, title="仓库起火", at=NEAR)
    newer_far = [closed(incident_service, clock, title="仓库起火", at=FAR) for _ in range(3)]
    fengjie = closed(incident_service, clock, title="仓库起火", at=(31.0, 109.4))  # beyond the nearby box
    me = target(incident_service, clock, title="仓库起火")
    # Three wanted: the three newest of the type are enough candidates, plus the one next door.
    assert ids(finder.similar(me.id, limit=3)) == [old_next_door.id, newer_far[2].id, newer_far[1].id]
    monkeypatch.setattr(finding, "NEARBY_WINDOW", 2)  # the next-door case is older than the window
    assert ids(finder.similar(me.id, limit=3)) == [newer_far[2].id, newer_far[1].id, fengjie.id]
