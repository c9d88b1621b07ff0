"""Incident use cases. Each write is one mirror transaction that also queues the
outbox operation the sync engine will push; events go out after the commit."""

from __future__ import annotations

import json
import uuid
from dataclasses import asdict
from datetime import datetime

from sqlalchemy import Integer, func, select, update

from offline_cache.database import Mirror
from offline_cache.schema import CodeCounterRow, EntryRow, IncidentRow
from services.clearance import LEVEL_FIELD, MIRROR_CLEARANCE_KEY
from services.clock import Clock, SystemClock
from services.errors import NotFound
from services.events import EntryAppended, EventBus, IncidentChanged
from services.incidents import repository as repo
from services.incidents import search_page
from services.incidents.contract import INCIDENT_FIELDS
from services.incidents.deadlines import Deadline, ReportingRules
from services.incidents.levels import check_level, workstation_levels
from services.incidents.model import (
    ALLOWED_TRANSITIONS,
    Casualties,
    EntryKind,
    Incident,
    IncidentChanges,
    IncidentDraft,
    Severity,
    Status,
    TimelineEntry,
)
from services.incidents.numbering import format_number, number_prefix
from services.incidents.repository import IncidentQuery
from services.incidents.taxonomy import Taxonomy
from services.incidents.validation import (
    BODY_MAX,
    CHINA,
    DIVISION_MAX,
    PLACE_MAX,
    TITLE_MAX,
    Problem,
    Region,
    ValidationError,
    check_casualties,
    check_coordinates,
    check_length,
    clean_text,
    normalise_draft,
    validate_draft,
)
from services.outbox import TIMELINE, URGENT, queue
from services.timefmt import to_db
from services.timeline import write_entry


class AmbiguousNumber(LookupError):
    """A number without its site code that several sites' incidents carry."""

    def __init__(self, ref: str, numbers: list[str]):
        super().__init__(f"{ref} names {len(numbers)} incidents: {', '.join(numbers)}")
        self.ref, self.numbers = ref, numbers


OFFICER_ENTRY_KINDS = frozenset(
    {
        EntryKind.INITIAL_REPORT,
        EntryKind.FOLLOW_UP_REPORT,
        EntryKind.FINAL_REPORT,
        EntryKind.NOTE,
        EntryKind.CALL,
        EntryKind.MINUTES,
        EntryKind.DECISION,
    }
)


class IncidentService:
    def __init__(
        self,
        mirror: Mirror,
        taxonomy: Taxonomy,
        rules: ReportingRules,
        *,
        site_code: str,
        events: EventBus | None = None,
        clock: Clock | None = None,
        region: Region | None = CHINA,
    ):
        self.mirror = mirror
        self.taxonomy = taxonomy
        self.rules = rules
        self.site_code = site_code
        self.events = events or EventBus()
        self.clock = clock or SystemClock()
        self.region = region

    # ---- reads -------------------------------------------------------------

    def get(self, incident_id: str) -> Incident:
        with self.mirror.read() as s:
            row = repo.incident_row(s, incident_id)
            if row is None:
                raise NotFound(incident_id)
            return repo.to_incident(row, repo.response_levels(s, [incident_id]).get(incident_id, ""))

    def find(self, ref: str) -> str:
        """The id of the one incident `ref` names (an id or a number); NotFound, or
        AmbiguousNumber when a number without its site code names several."""
        with self.mirror.read() as s:
            found = repo.matching_reference(s, ref)
        if not found:
            raise NotFound(ref)
        if len(found) > 1:
            raise AmbiguousNumber(ref, [code for _id, code in found])
        return found[0][0]

    def timeline(self, incident_id: str) -> list[TimelineEntry]:
        with self.mirror.read() as s:
            row = repo.incident_row(s, incident_id)
            if row is None:
                raise NotFound(incident_id)
            return repo.timeline(s, row)

    def list_page(self, query: IncidentQuery, offset: int, limit: int) -> list[Incident]:
        with self.mirror.read() as s:
            return search_page.page(s, query, offset, limit)

    def count(self, query: IncidentQuery) -> int:
        with self.mirror.read() as s:
            return repo.count(s, query)

    def located_open(self) -> list[tuple[str, str, str, str, float, float]]:
        """Open incidents that have a position: (id, code, title, severity, lat, lon), for the map."""
        with self.mirror.read() as s:
            rows = s.execute(
                select(IncidentRow.id, IncidentRow.code, IncidentRow.title, IncidentRow.severity,
                       IncidentRow.lat, IncidentRow.lon)
                .where(IncidentRow.status.in_([Status.RECEIVED.value, Status.RESPONDING.value]),
                       IncidentRow.lat.is_not(None), IncidentRow.lon.is_not(None))
            ).all()
        return [tuple(r) for r in rows]

    def search(self, text: str, limit: int = 200) -> list[Incident]:
        return self.list_page(IncidentQuery(text=text), 0, limit)

    def deadline(self, incident: Incident, now: datetime | None = None) -> Deadline | None:
        return self.rules.deadline(incident, now or self.clock.now())

    # ---- writes ------------------------------------------------------------

    def create_incident(self, draft: IncidentDraft, author: str) -> Incident:
        """Logs a new incident (接报). Submitting the same draft twice returns the
        incident created the first time."""
        draft = normalise_draft(draft)
        now = self.clock.now()
        problems = validate_draft(draft, self.taxonomy, now, self.region)
        check_level(problems, draft.level, self.mirror.meta(MIRROR_CLEARANCE_KEY))
        if problems:
            raise ValidationError(problems)
        itype = self.taxonomy.type(draft.type_code) if draft.type_code else None
        with self.mirror.write() as s:
            existing = repo.incident_row(s, draft.id)
            if existing is not None:
                return repo.to_incident(existing)
            code = self._next_code(s, now)
            row = IncidentRow(
                id=draft.id,
                site_code=self.site_code,
                code=code,
                title=draft.title,
                category=draft.category.value,
                type_code=draft.type_code,
                type_name=itype.name if itype else "",
                severity=draft.severity.value,
                status=Status.RECEIVED.value,
                occurred_at=to_db(draft.occurred_at),
                reported_at=to_db(now),
                place=draft.place,
                lat=draft.lat,
                lon=draft.lon,
                division=draft.division,
                deaths=draft.casualties.deaths,
                injured=draft.casualties.injured,
                missing=draft.casualties.missing,
                trapped=draft.casualties.trapped,
                source=draft.source.value,
                reporter=draft.reporter,
                reporter_phone=draft.reporter_phone,
                exercise=draft.exercise,
                summary=draft.summary,
                level=draft.level,
                created_by=author,
                updated_at=to_db(now),
                version=1,
                sync_state="pending",
            )
            s.add(row)
            s.flush()
            entry = write_entry(s, row, EntryKind.SYSTEM, "", author, now, {"event": "created"})
            self._queue(s, "incident", row.id, "create", 0, {**_incident_payload(row), LEVEL_FIELD: row.level},
                        URGENT, now, row.id)
            self._queue_entry(s, row, entry, now)
            incident = repo.to_incident(row)
        self.events.publish(IncidentChanged(incident.id, "created"))
        self.events.publish(EntryAppended(incident.id, entry.id))
        return incident

    def append_entry(
        self,
        incident_id: str,
        kind: EntryKind,
        body: str,
        author: str,
        *,
        entry_id: str | None = None,
        casualties: Casualties | None = None,
        severity: Severity | None = None,
        attachment: dict | None = None,
        context: dict | None = None,
        urgent: bool = False,
        level: int | None = None,
    ) -> TimelineEntry:
        """Appends a report, note or call to the timeline. Reports may carry new
        casualty figures or a new grading, which update the incident too; any
        entry may carry a picture (services.incidents.attachments)."""
        if kind not in OFFICER_ENTRY_KINDS:
            raise ValidationError([Problem("kind", "not_allowed")])
        body = clean_text(body)
        problems: list[Problem] = []
        if not body:
            problems.append(Problem("body", "required"))
        check_length(problems, "body", body, BODY_MAX)
        if casualties is not None:
            check_casualties(problems, casualties)
        if level is not None:
            check_level(problems, level, self.mirror.meta(MIRROR_CLEARANCE_KEY))
        if problems:
            raise ValidationError(problems)
        entry_id = entry_id or str(uuid.uuid4())
        now = self.clock.now()
        changed = False
        with self.mirror.write() as s:
            row = self._locked_row(s, incident_id)
            existing = s.scalar(select(EntryRow).where(EntryRow.id == entry_id))
            if existing is not None:
                return repo.to_entry(existing, incident_id)
            self._check_report_order(row, kind)
            data: dict = {}
            if kind.is_report:
                data = {"severity": severity.value if severity else row.severity}
                if casualties is not None:
                    data["casualties"] = asdict(casualties)
                changed = self._apply_report(row, kind, now, casualties, severity)
            if attachment is not None:
                data["attachment"] = attachment
            if context:  # what the entry belongs to, e.g. {"conference_id": ...}
                data.update(context)
            entry = write_entry(s, row, kind, body, author, now, data, entry_id, level)
            self._queue_entry(s, row, entry, now, URGENT if urgent else TIMELINE)
            if changed:
                self._queue_update(s, row, now, ["deaths", "injured", "missing", "trapped", "severity"])
            result = repo.to_entry(entry, row.id)
        self.events.publish(EntryAppended(incident_id, result.id))
        self.events.publish(IncidentChanged(incident_id, "report" if kind.is_report else "entry"))
        return result

    def levels(self) -> tuple[int, dict[int, str]]:
        """This workstation's clearance and the centre's level names (services/incidents/levels.py)."""
        return workstation_levels(self.mirror.meta)

    def set_level(self, incident_id: str, level: int, author: str) -> Incident:
        """Marks an incident's 密级 (services/incidents/levels.py); the timeline
        records the change. Raising it above what another workstation may see
        withdraws the incident from that workstation's mirror at its next exchange."""
        problems: list[Problem] = []
        check_level(problems, level, self.mirror.meta(MIRROR_CLEARANCE_KEY))
        if problems:
            raise ValidationError(problems)
        now = self.clock.now()
        with self.mirror.write() as s:
            row = self._locked_row(s, incident_id)
            if row.level == level:
                return repo.to_incident(row)
            data = {"event": "level", "from": row.level, "to": level}
            row.level, row.updated_at, row.sync_state = level, to_db(now), "pending"
            row.version += 1
            entry = write_entry(s, row, EntryKind.SYSTEM, "", author, now, data)
            self._queue_entry(s, row, entry, now)
            self._queue(s, "incident", row.id, "update", row.version - 1, {"fields": {}, LEVEL_FIELD: level},
                        TIMELINE, now, row.id)
            incident = repo.to_incident(row)
        self.events.publish(EntryAppended(incident_id, entry.id))
        self.events.publish(IncidentChanged(incident_id, "updated"))
        return incident

    def change_status(self, incident_id: str, status: Status, author: str, reason: str = "") -> Incident:
        reason = clean_text(reason)
        problems: list[Problem] = []
        check_length(problems, "reason", reason, BODY_MAX)
        if status == Status.CANCELLED and not reason:
            problems.append(Problem("reason", "required"))
        if problems:
            raise ValidationError(problems)
        now = self.clock.now()
        with self.mirror.write() as s:
            row = self._locked_row(s, incident_id)
            old = Status(row.status)
            if status not in ALLOWED_TRANSITIONS[old]:
                raise ValidationError([Problem("status", "invalid_transition")])
            row.status = status.value
            row.updated_at = to_db(now)
            row.version += 1
            row.sync_state = "pending"
            data = {"from": old.value, "to": status.value}
            entry = write_entry(s, row, EntryKind.STATUS_CHANGE, reason, author, now, data)
            self._queue_entry(s, row, entry, now)
            self._queue_update(s, row, now, ["status"])
            incident = repo.to_incident(row)
        self.events.publish(EntryAppended(incident_id, entry.id))
        self.events.publish(IncidentChanged(incident_id, "status"))
        return incident

    def update_incident(self, incident_id: str, changes: IncidentChanges, author: str) -> Incident:
        """Corrects mutable fields; the timeline records which ones changed."""
        now = self.clock.now()
        problems: list[Problem] = []
        title = clean_text(changes.title, single_line=True) if changes.title is not None else None
        if title is not None:
            if not title:
                problems.append(Problem("title", "required"))
            check_length(problems, "title", title, TITLE_MAX)
        if changes.place is not None:
            check_length(problems, "place", changes.place, PLACE_MAX)
        if changes.division is not None:
            check_length(problems, "division", changes.division, DIVISION_MAX)
        if changes.summary is not None:
            check_length(problems, "summary", changes.summary, BODY_MAX)
        if changes.lat is not None or changes.lon is not None:
            check_coordinates(problems, changes.lat, changes.lon, self.region)
        if changes.casualties is not None:
            check_casualties(problems, changes.casualties)
        itype = None
        if changes.type_code is not None:
            itype = self.taxonomy.type(changes.type_code)
            if itype is None:
                problems.append(Problem("type", "unknown"))
        if problems:
            raise ValidationError(problems)
        with self.mirror.write() as s:
            row = self._locked_row(s, incident_id)
            if itype is not None and itype.category != row.category:
                raise ValidationError([Problem("type", "wrong_category")])
            before = _incident_payload(row)
            if title is not None:
                row.title = title
            if changes.severity is not None:
                row.severity = changes.severity.value
            if itype is not None:
                row.type_code, row.type_name = itype.code, itype.name
            for name in ("place", "division", "summary"):
                value = getattr(changes, name)
                if value is not None:
                    setattr(row, name, clean_text(value, single_line=name != "summary"))
            if changes.lat is not None or changes.lon is not None:
                row.lat, row.lon = changes.lat, changes.lon
            if changes.casualties is not None:
                _set_casualties(row, changes.casualties)
            after = _incident_payload(row)
            fields = sorted(k for k in after if after[k] != before[k])
            if not fields:
                return repo.to_incident(row)
            row.updated_at = to_db(now)
            row.version += 1
            row.sync_state = "pending"
            data = {"event": "updated", "fields": fields, "before": {k: before[k] for k in fields}}
            entry = write_entry(s, row, EntryKind.SYSTEM, "", author, now, data)
            self._queue_entry(s, row, entry, now)
            self._queue_update(s, row, now, fields)
            incident = repo.to_incident(row)
        self.events.publish(EntryAppended(incident_id, entry.id))
        self.events.publish(IncidentChanged(incident_id, "updated"))
        return incident

    # ---- helpers -----------------------------------------------------------

    def _locked_row(self, s, incident_id: str) -> IncidentRow:
        row = repo.incident_row(s, incident_id)
        if row is None:
            raise NotFound(incident_id)
        return row

    def _next_code(self, s, now: datetime) -> str:
        """This site's next number of the year, `CQ-2026-0042` (numbering.py)."""
        year = now.year
        s.execute(
            CodeCounterRow.__table__.insert()
            .prefix_with("OR IGNORE")
            .values(site_code=self.site_code, year=year, next_number=1)
        )
        # Codes of this site may also arrive through sync (a re-installed
        # workstation, a restored mirror): never hand out one already taken.
        prefix = number_prefix(self.site_code, year)
        taken = s.scalar(
            select(func.max(func.cast(func.substr(IncidentRow.code, len(prefix) + 1), Integer))).where(
                IncidentRow.site_code == self.site_code, IncidentRow.code.like(f"{prefix}%")
            )
        )
        number = s.scalar(
            update(CodeCounterRow)
            .where(CodeCounterRow.site_code == self.site_code, CodeCounterRow.year == year)
            .values(next_number=func.max(CodeCounterRow.next_number, (taken or 0) + 1) + 1)
            .returning(CodeCounterRow.next_number)
        )
        return format_number(self.site_code, year, number - 1)

    @staticmethod
    def _check_report_order(row: IncidentRow, kind: EntryKind) -> None:
        last = EntryKind(row.last_report_kind) if row.last_report_kind else None
        problem = report_order_problem(last, kind)
        if problem is not None:
            raise ValidationError([problem])

    @staticmethod
    def _apply_report(row, kind, now, casualties, severity) -> bool:
        """The report's effect on the incident. The last report's time and kind are
        derived: the platform sets the same from the entry and sends them in its
        feed, so they mark nothing pending. New figures or a new grading are the
        officer's edit: True, and the caller queues the update that carries them."""
        row.last_report_at = to_db(now)
        row.last_report_kind = kind.value
        before = (row.deaths, row.injured, row.missing, row.trapped, row.severity)
        if casualties is not None:
            _set_casualties(row, casualties)
        if severity is not None:
            row.severity = severity.value
        if before == (row.deaths, row.injured, row.missing, row.trapped, row.severity):
            return False
        row.updated_at = to_db(now)
        row.version += 1
        row.sync_state = "pending"
        return True


    def _queue_entry(self, s, row: IncidentRow, entry: EntryRow, now: datetime,
                     priority: int = TIMELINE) -> None:
        payload = {
            "id": entry.id,
            "incident_id": row.id,
            "kind": entry.kind,
            "body": entry.body,
            "data": json.loads(entry.data),
            "author": entry.author,
            "created_at": entry.created_at,
            LEVEL_FIELD: entry.level,
        }
        self._queue(s, "entry", entry.id, "append", 0, payload, priority, now, row.id)

    def _queue_update(self, s, row: IncidentRow, now: datetime, fields: list[str]) -> None:
        full = _incident_payload(row)
        payload = {"fields": {k: full[k] for k in fields}}
        self._queue(s, "incident", row.id, "update", row.version - 1, payload, TIMELINE, now,
                    row.id)

    @staticmethod
    def _queue(s, entity, entity_id, op, base_version, payload, priority, now, record_key) -> None:
        queue(s, entity, entity_id, op, base_version, payload, priority, now, record_key)


def report_order_problem(last_report: EntryKind | None, kind: EntryKind) -> Problem | None:
    """Why `kind` cannot be sent after `last_report`: 首报 first and once, 续报 after
    it, nothing after 终报. Forms ask first so nobody types a refused report."""
    if not kind.is_report:
        return None
    if last_report == EntryKind.FINAL_REPORT:
        return Problem("kind", "final_reported")
    if kind == EntryKind.INITIAL_REPORT and last_report is not None:
        return Problem("kind", "initial_exists")
    if kind != EntryKind.INITIAL_REPORT and last_report is None:
        return Problem("kind", "initial_missing")
    return None


def _set_casualties(row: IncidentRow, c: Casualties) -> None:
    row.deaths, row.injured, row.missing, row.trapped = c.deaths, c.injured, c.missing, c.trapped


def _incident_payload(row: IncidentRow) -> dict:
    return {name: getattr(row, name) for name in INCIDENT_FIELDS}
