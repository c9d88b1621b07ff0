"""Monitoring alarms in the duty log: raised, escalated and every officer's step
at its own time, with the platform's account, in any room's log; a span that
holds none of an alarm's moments shows nothing of it; the view names each."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from offline_cache.database import open_mirror
from services.duty_log.alarm_items import alarm_items
from services.duty_log.log import LogKind
from services.monitoring.record_kinds import ALARM
from services.records.kind import upsert_records
from services.timefmt import to_db

T0 = datetime(2026, 12, 6, 8, 0, tzinfo=UTC)


def at(minutes: int) -> str:
    return (T0 + timedelta(minutes=minutes)).isoformat()


def alarm(**over) -> dict:
    record = {"id": "a1", "station_id": "s1", "station_name": "寸滩", "rule": "threshold", "level": "guarantee",
              "first_level": "alert", "state": "incident", "value": 180.7, "peak_value": 184.0, "threshold": 183.5,
              "reading_at": at(0), "raised_at": at(1), "escalated_at": at(30), "cleared_at": "", "repeats": 0,
              "acknowledged_at": at(5), "acknowledged_by": "陈晓", "acknowledged_by_account": "duty",
              "acknowledged_workstation": "ws-1", "closed_at": at(40), "closed_by": "王主任",
              "closed_by_account": "chief", "closed_workstation": "ws-2", "incident_id": "i1", "note": "已转事件处置",
              "updated_at": at(40), "version": 4, **over}
    return ALARM.from_platform(record, record["version"])


def test_an_alarms_moments_are_lines_of_the_log(tmp_path):
    mirror = open_mirror(tmp_path / "m.db")
    with mirror.write() as s:
        upsert_records(s, ALARM, [alarm(), alarm(id="a2", state="new", raised_at=at(-600), escalated_at="",
                                                 acknowledged_at="", closed_at="", reading_at=at(-601))])
    with mirror.read() as s:
        items = sorted(alarm_items(s, to_db(T0), to_db(T0 + timedelta(hours=1)), "ANY-ROOM"), key=lambda i: i.at)
    assert [(i.what, i.by, i.by_account) for i in items] == [
        ("raised", "", ""), ("acknowledged", "陈晓", "duty"), ("escalated", "", ""), ("incident", "王主任", "chief")]
    assert {i.kind for i in items} == {LogKind.ALARM} and {i.title for i in items} == {"寸滩"}
    assert (items[0].detail, items[0].to) == ("180.7", "alert")  # raised at its first level
    assert (items[2].detail, items[2].to) == ("183.5", "guarantee")  # escalated past the next threshold
    assert items[1].detail == "" and items[3].detail == "已转事件处置"
    assert items[3].incident_id == "i1"
    mirror.close()


def test_the_view_names_alarm_lines(qapp):
    from services.duty_log.log import LogItem
    from views.duty_log.names import alarm_detail, kind_name, what_name

    raised = LogItem(T0, LogKind.ALARM, "raised", "寸滩", "180.7", to="alert")
    assert kind_name(LogKind.ALARM) and what_name(raised) != "raised"
    assert "180.7" in alarm_detail(raised)
    assert what_name(LogItem(T0, LogKind.ALARM, "false", "寸滩")) != "false"
