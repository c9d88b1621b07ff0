"""An incident's timeline, shared by the features that write on it: the kinds
of entry, the entry as the domain sees it, and writing one of this workstation
into the mirror. Incidents, dispatch orders and conferences all write their
entries here (orders and conferences with ids derived from what they record,
so the platform's copy and this one are the same entry)."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy.orm import Session

from offline_cache.schema import EntryRow, IncidentRow
from services.timefmt import to_db


class EntryKind(StrEnum):
    INITIAL_REPORT = "initial_report"  # 首报
    FOLLOW_UP_REPORT = "follow_up_report"  # 续报
    FINAL_REPORT = "final_report"  # 终报
    NOTE = "note"  # 备注
    CALL = "call"  # 来电
    STATUS_CHANGE = "status_change"  # 状态变更
    SYSTEM = "system"  # 系统事件
    DISPATCH = "dispatch"  # 调度指令 and its steps (services/dispatch)
    CONFERENCE = "conference"  # 会商 opened or closed (services/conference)
    MINUTES = "minutes"  # 会商纪要
    DECISION = "decision"  # 会商决定, or 响应决定 when it carries a response_id (is_response_decision)
    CHECKLIST = "checklist"  # 处置流程: a checklist step moved (services/plans/checklists.py)

    @property
    def is_report(self) -> bool:
        return self in REPORT_KINDS


def is_response_decision(kind: str, data: dict | None) -> bool:
    """A 响应决定 (start, raise, lower or end a plan's response, services/plans/responses.py
    and server/responses.py write it with its response_id), not a conference's 会商决定:
    one entry kind, told apart by what it records, so every place names it alike."""
    return kind == EntryKind.DECISION and isinstance(data, dict) and "response_id" in data


REPORT_KINDS = frozenset(
    {EntryKind.INITIAL_REPORT, EntryKind.FOLLOW_UP_REPORT, EntryKind.FINAL_REPORT}
)


@dataclass(frozen=True)
class TimelineEntry:
    id: str
    incident_id: str
    kind: EntryKind
    body: str
    author: str
    created_at: datetime
    data: dict
    pending_sync: bool
    author_account: str = ""  # the platform account that appended it ("" until the platform says)
    level: int = 1  # 密级 (services/clearance.py); a quoted entry keeps it in a report


def write_entry(s: Session, incident: IncidentRow, kind: str, body: str, author: str, now: datetime, data: dict,
                entry_id: str | None = None, level: int | None = None) -> EntryRow:
    """A timeline entry of this workstation, not yet confirmed by the platform. Orders and
    conferences write theirs here too, with ids derived from what they record. Its
    level (密级) is its incident's unless the officer marked it."""
    entry = EntryRow(
        id=entry_id or str(uuid.uuid4()),
        incident_pk=incident.pk,
        kind=str(kind),
        body=body,
        data=json.dumps(data, ensure_ascii=False),
        author=author,
        created_at=to_db(now),
        sync_state="pending",
        level=incident.level if level is None else level,
    )
    s.add(entry)
    s.flush()
    return entry
