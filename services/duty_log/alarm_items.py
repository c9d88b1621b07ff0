"""Monitoring alarms in the duty log: raised (with level and value), escalated,
and each step an officer took (确认, 处置, 转为事件, 误报), who from the platform's
account where it recorded one. Read from the mirror's alarms table like the
log's other sources."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from offline_cache.monitoring_schema import AlarmRow
from services.duty_log.log import LogItem, LogKind, LogSource
from services.timefmt import from_db

# Besides the AlarmState values of the officer's steps. A raised line's detail is the
# reading, an escalation's the new level's threshold, a closing step's the note.
RAISED, ESCALATED = "raised", "escalated"


def alarm_items(s: Session, start: str, end: str, _site: str) -> Iterable[LogItem]:
    """Alarms are the platform's, not a room's: every room's log shows them."""
    columns = (AlarmRow.raised_at, AlarmRow.escalated_at, AlarmRow.acknowledged_at, AlarmRow.closed_at)
    query = select(AlarmRow).where(or_(*[(c >= start) & (c < end) for c in columns]))
    for row in s.scalars(query):
        # what -> (time, name typed, account, detail, level)
        steps = ((RAISED, row.raised_at, "", "", f"{row.value:g}", row.first_level),
                 (ESCALATED, row.escalated_at, "", "", f"{row.threshold:g}", row.level),
                 ("acknowledged", row.acknowledged_at, row.acknowledged_by, row.acknowledged_by_account, "", row.level),
                 (row.state if row.closed_at else "", row.closed_at, row.closed_by, row.closed_by_account, row.note,
                  row.level))
        for what, at, by, account, detail, level in steps:
            if what and at and start <= at < end:
                yield LogItem(from_db(at), LogKind.ALARM, what, row.station_name, detail, by, account,
                              incident_id=row.incident_id, ref_id=row.id, to=level)

ALARM_LOG_SOURCES: tuple[LogSource, ...] = (alarm_items,)
