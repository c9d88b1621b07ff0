"""The duty side's own lines in the duty log: a shift handed over (交班), its
handover closed (接班), and each officer's sign-in (签到, with an override's
reason). Read from the mirror's duty tables like the log's other sources."""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from offline_cache.duty_schema import DutySignInRow, HandoverRow
from services.duty_log.log import LogItem, LogKind, LogSource
from services.timefmt import from_db

HANDED_OVER, CLOSED, SIGNED_IN = "handed_over", "closed", "signed_in"


def handover_items(s: Session, start: str, end: str, site: str) -> Iterable[LogItem]:
    query = select(HandoverRow).where(
        HandoverRow.room == site,
        or_(and_(HandoverRow.handed_over_at >= start, HandoverRow.handed_over_at < end),
            and_(HandoverRow.closed_at >= start, HandoverRow.closed_at < end)))
    for row in s.scalars(query):
        count = len(json.loads(row.items or "[]"))
        for what, at, by in ((HANDED_OVER, row.handed_over_at, row.handed_over_by),
                             (CLOSED, row.closed_at, row.closed_by)):
            if at and start <= at < end:
                yield LogItem(from_db(at), LogKind.HANDOVER, what, row.shift_label, f"{count}", by,
                              row.updated_by_account, ref_id=row.id)


def signin_items(s: Session, start: str, end: str, site: str) -> Iterable[LogItem]:
    query = select(DutySignInRow).where(DutySignInRow.room == site, DutySignInRow.signed_at >= start,
                                        DutySignInRow.signed_at < end)
    for row in s.scalars(query):
        yield LogItem(from_db(row.signed_at), LogKind.HANDOVER, SIGNED_IN, row.post, row.override_reason,
                      row.person_name, row.account, ref_id=row.id)


DUTY_LOG_SOURCES: tuple[LogSource, ...] = (handover_items, signin_items)
