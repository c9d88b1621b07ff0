"""会商 in the watch room: open a conference on an incident, invite sites and
people, record minutes (纪要) and decisions (决定) into the incident's
timeline, close it. Participants' flags are the platform's: they arrive with
sync (the conference bridge reports them); this site can report its own."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from offline_cache.database import Mirror
from offline_cache.schema import ConferenceRow, IncidentRow
from services.clock import Clock, SystemClock
from services.conference.rules import CLOSED, OPEN, closed_body, entry_id, opened_body, participant
from services.errors import NotFound
from services.events import EntryAppended, EventBus, IncidentChanged, RecordsChanged
from services.input_checks import Problem, ValidationError, check_length, clean_text
from services.outbox import URGENT, queue
from services.timefmt import from_db, to_db
from services.timeline import EntryKind, TimelineEntry, write_entry


@dataclass(frozen=True)
class Participant:
    id: str
    kind: str  # site or contact
    name: str
    video_url: str = ""
    joined: bool = False
    muted: bool = False
    speaking: bool = False


@dataclass(frozen=True)
class Conference:
    id: str
    incident_id: str
    title: str
    state: str
    opened_by: str
    opened_at: datetime
    closed_at: datetime | None
    participants: tuple[Participant, ...]
    pending_sync: bool = False
    opened_site: str = ""  # the site whose conference it is ("" until the platform says: ours)

    @property
    def is_open(self) -> bool:
        return self.state == OPEN


def _conference(row: ConferenceRow) -> Conference:
    people = tuple(Participant(p.get("id", ""), p.get("kind", "site"), p.get("name", ""), p.get("video_url", ""),
                               bool(p.get("joined")), bool(p.get("muted")), bool(p.get("speaking")))
                   for p in json.loads(row.participants or "[]"))
    return Conference(row.id, row.incident_id, row.title, row.state, row.opened_by, from_db(row.opened_at),
                      from_db(row.closed_at or None), people, row.sync_state == "pending", row.opened_site)


class ConferenceService:
    def __init__(self, mirror: Mirror, append_entry: Callable[..., TimelineEntry],
                 events: EventBus | None = None, clock: Clock | None = None, *, site_code: str = ""):
        """`append_entry`: the incident log's (IncidentService.append_entry), for minutes
        and decisions, which follow the rules of every officer's entry. `site_code`: this
        site, which may invite to and close only its own conferences (the platform's rule)."""
        self.mirror, self.append_entry, self.site_code = mirror, append_entry, site_code
        self.events = events or EventBus()
        self.clock = clock or SystemClock()

    def open(self, incident_id: str, title: str, invitees: list[Participant], author: str) -> Conference:
        title = clean_text(title, single_line=True)
        problems: list[Problem] = []
        if not title:
            problems.append(Problem("title", "required"))
        check_length(problems, "title", title, 200)
        if problems:
            raise ValidationError(problems)
        now = self.clock.now()
        cid = str(uuid.uuid4())
        people = [participant(p.id, p.kind, p.name, p.video_url) for p in invitees]
        with self.mirror.write() as s:
            incident = self._incident(s, incident_id)
            row = ConferenceRow(id=cid, incident_id=incident_id, title=title, state=OPEN, opened_by=author,
                                opened_at=to_db(now), closed_at="", participants=json.dumps(people, ensure_ascii=False),
                                updated_at=to_db(now), version=1, sync_state="pending")
            s.add(row)
            eid = self._entry(s, incident, cid, "opened", opened_body(title, [p["name"] for p in people]), author, now)
            queue(s, "conference", cid, "create", 0, {"id": cid, "incident_id": incident_id, "title": title,
                                                       "opened_by": author, "participants": people}, URGENT, now, cid)
        self._published(cid, incident_id, eid)
        return self.get(cid)

    def held_here(self, conference: Conference) -> bool:
        """Whether this site may invite to or close it (the platform refuses others)."""
        return conference.opened_site in ("", self.site_code)

    def _check_held_here(self, row: ConferenceRow) -> None:
        if row.opened_site not in ("", self.site_code):
            raise ValidationError([Problem("conference", "other_site")])

    def invite(self, conference_id: str, invitees: list[Participant]) -> Conference:
        now = self.clock.now()
        with self.mirror.write() as s:
            row = self._row(s, conference_id)
            self._check_held_here(row)
            current = json.loads(row.participants)
            known = {p["id"] for p in current}
            added = [participant(p.id, p.kind, p.name, p.video_url) for p in invitees if p.id not in known]
            row.participants = json.dumps(current + added, ensure_ascii=False)
            row.version, row.updated_at, row.sync_state = row.version + 1, to_db(now), "pending"
            queue(s, "conference", conference_id, "update", 0, {"invite": added}, URGENT, now, conference_id)
        self.events.publish(RecordsChanged("conference", (conference_id,)))
        return self.get(conference_id)

    def close(self, conference_id: str, author: str) -> Conference:
        now = self.clock.now()
        with self.mirror.write() as s:
            row = self._row(s, conference_id)
            self._check_held_here(row)
            if row.state == CLOSED:
                raise ValidationError([Problem("state", "closed")])
            row.state, row.closed_at = CLOSED, to_db(now)
            row.version, row.updated_at, row.sync_state = row.version + 1, to_db(now), "pending"
            incident = self._incident(s, row.incident_id)
            eid = self._entry(s, incident, conference_id, "closed", closed_body(row.title), author, now)
            queue(s, "conference", conference_id, "update", 0, {"close": True, "by": author}, URGENT, now,
                  conference_id)
            incident_id = row.incident_id
        self._published(conference_id, incident_id, eid)
        return self.get(conference_id)

    def record(self, conference_id: str, kind: EntryKind, text: str, author: str) -> TimelineEntry:
        """纪要 or 决定 of the conference, on its incident's timeline."""
        if kind not in (EntryKind.MINUTES, EntryKind.DECISION):
            raise ValidationError([Problem("kind", "not_allowed")])
        conference = self.get(conference_id)
        # urgent, as the conference's own operations: minutes reach the platform before its close
        return self.append_entry(conference.incident_id, kind, text, author,
                                           context={"conference_id": conference_id}, urgent=True)

    def get(self, conference_id: str) -> Conference:
        with self.mirror.read() as s:
            return _conference(self._row(s, conference_id))

    def for_incident(self, incident_id: str) -> list[Conference]:
        with self.mirror.read() as s:
            return [_conference(r) for r in s.scalars(select(ConferenceRow).where(
                ConferenceRow.incident_id == incident_id).order_by(ConferenceRow.opened_at.desc()))]

    def open_ones(self) -> list[Conference]:
        with self.mirror.read() as s:
            return [_conference(r) for r in s.scalars(select(ConferenceRow).where(ConferenceRow.state == OPEN)
                                                      .order_by(ConferenceRow.opened_at.desc()))]

    @staticmethod
    def _row(s, conference_id: str) -> ConferenceRow:
        row = s.scalar(select(ConferenceRow).where(ConferenceRow.id == conference_id))
        if row is None:
            raise NotFound(f"conference {conference_id}")
        return row

    @staticmethod
    def _incident(s, incident_id: str) -> IncidentRow:
        incident = s.scalar(select(IncidentRow).where(IncidentRow.id == incident_id))
        if incident is None:
            raise NotFound(f"incident {incident_id}")
        return incident

    @staticmethod
    def _entry(s, incident: IncidentRow, conference_id: str, what: str, body: str, author: str, now) -> str:
        return write_entry(s, incident, EntryKind.CONFERENCE, body, author, now, {"conference_id": conference_id},
                           entry_id(conference_id, what)).id

    def _published(self, conference_id: str, incident_id: str, entry: str) -> None:
        self.events.publish(RecordsChanged("conference", (conference_id,)))
        self.events.publish(EntryAppended(incident_id, entry))
        self.events.publish(IncidentChanged(incident_id, "entry"))
