"""Writing warnings at this workstation: imports of checked CAP documents
(services/warnings/cap_check.py), drafts and their approval (草稿 → 待审核 →
已签发, services/warnings/contract.py ISSUE_MOVES), and the incident a warning
led to. Each write is the mirror row and its operation for the platform in one
transaction; the platform checks the same rules again (roles included) and
its feed is the final word. A repeated alert (same sender, identifier, sent)
is the same record everywhere, so it adds nothing."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import select

from offline_cache.bulk_insert import insert_many
from offline_cache.database import Mirror
from offline_cache.warnings_schema import WarningRow
from services.clearance import LEVEL_FIELD, level_problem, mark_problem, workstation_levels
from services.clock import Clock, SystemClock
from services.errors import NotFound
from services.events import EventBus, RecordsChanged
from services.outbox import RECORD, URGENT, queue
from services.timefmt import to_db
from services.warnings.chains import arrival_standing
from services.warnings.contract import ISSUE_MOVES
from services.warnings.local_chain import apply_moves, existing_ids, referrer_map
from services.warnings.model import EarlyWarning
from services.warnings.rows import column_values, warning_of_row
from services.warnings.wire import (
    CHECK_MAX,
    MAX_CHECKS,
    RecordProblem,
    record_of,
    reference_id,
    triplet_id,
    warning_of,
)

ENTITY = "warning"
APPROVERS = frozenset({"commander", "admin"})
REASON_MAX = 500


class CheckedDocument(Protocol):
    """What import needs of W1's CapResult (or a result rebuilt from a child process)."""

    valid: bool
    warnings: list[EarlyWarning]


@dataclass(frozen=True)
class ImportOutcome:
    added: int = 0
    repeated: int = 0
    replaced: int = 0  # earlier warnings an Update superseded
    cancelled: int = 0  # earlier warnings a Cancel ended
    ids: tuple[str, ...] = ()  # the records added
    refused: tuple[str, ...] = ()  # "identifier: reason" of warnings the record contract refused


class WarningRefused(ValueError):
    """This move is not allowed now; `code`: not_draft, bad_move, not_approver, no_reason, issued."""

    def __init__(self, code: str, detail: str = ""):
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code


class WarningService:
    def __init__(self, mirror: Mirror, events: EventBus | None = None, clock: Clock | None = None, *,
                 role: Callable[[], str] | None = None, region_code: str = "", agency_code: str = ""):
        """`role`: the signed-in account's role, when known (the platform checks it again)."""
        self.mirror, self.events, self.clock = mirror, events, clock or SystemClock()
        self.role, self.region_code, self.agency_code = role, region_code, agency_code

    def _publish(self, ids: list[str]) -> None:
        if self.events is not None and ids:
            self.events.publish(RecordsChanged(ENTITY, tuple(dict.fromkeys(ids))))

    # ---- import ---------------------------------------------------------------------

    def import_checked(self, result: CheckedDocument, source_name: str) -> ImportOutcome:
        """The warnings of a valid document into the mirror, Update/Cancel chains
        applied; an invalid document adds nothing (its findings are the caller's to show)."""
        if not result.valid:
            return ImportOutcome()
        now = self.clock.now()
        stamp = to_db(now)
        found = [replace(w, id=triplet_id(w.sender, w.identifier, w.sent), origin="external", issue_state="received",
                         source_name=(source_name or w.source_name)[:200],
                         checks=tuple(c[:CHECK_MAX] for c in w.checks[:MAX_CHECKS])) for w in result.warnings]
        refused: list[str] = []
        added: list[EarlyWarning] = []
        changed: list[str] = []
        replaced = cancelled = 0
        with self.mirror.write() as s:
            seen = existing_ids(s, [w.id for w in found])
            referring = referrer_map(s)
            rows = []
            for w in found:
                if w.id in seen:
                    continue
                seen.add(w.id)
                standing, by = arrival_standing(w, referring.get(w.id, ()))
                try:
                    w = warning_of(record_of(replace(w, standing=standing, replaced_by=by)))
                except RecordProblem as exc:
                    refused.append(f"{w.identifier[:80]}: {exc}")
                    continue
                for ref in w.references:
                    referring.setdefault(reference_id(ref), []).append((w.id, w.msg_type))
                rows.append({**column_values(w), "updated_at": stamp, "version": 1, "sync_state": "pending"})
                added.append(w)
            if rows:
                insert_many(s, WarningRow.__tablename__, rows)
            for w in added:
                queue(s, ENTITY, w.id, "create", 0, record_of(w), RECORD, now, w.id)
            for w in added:
                if w.msg_type in ("Update", "Cancel"):
                    ids, r, c = apply_moves(s, w, stamp)
                    changed += ids
                    replaced, cancelled = replaced + r, cancelled + c
        ids = tuple(w.id for w in added)
        self._publish([*ids, *changed])
        return ImportOutcome(len(added), len(found) - len(added) - len(refused), replaced, cancelled, ids,
                             tuple(refused))

    # ---- drafts and approval ----------------------------------------------------------

    def next_identifier(self, when: datetime) -> str:
        """A GB/T 35965.1 identifier for a warning drafted here (region + agency + time +
        the first sequence digit not used within that second); ValueError when the
        [warnings] region or agency code is missing or malformed."""
        from services.warnings.identifiers import new_identifier

        with self.mirror.read() as s:
            for sequence in range(10):
                identifier = new_identifier(self.region_code, self.agency_code, when, sequence)
                if s.scalar(select(WarningRow.pk).where(WarningRow.identifier == identifier)) is None:
                    return identifier
        raise ValueError("ten warnings drafted within one second")

    def levels(self) -> tuple[int, dict[int, str]]:
        """This workstation's clearance and the level names (what the draft form offers)."""
        return workstation_levels(self.mirror.meta)

    def save_draft(self, warning: EarlyWarning) -> EarlyWarning:
        """A new draft or a draft edited again, at the warning's 密级 (sent with the op);
        RecordProblem for a field the contract refuses, WarningRefused once it was
        submitted or for a level above this workstation's clearance."""
        level = warning.level
        problem = mark_problem(level, self.mirror.meta)
        if problem:
            raise WarningRefused("above_clearance" if not level_problem(level) else "level", problem)
        now = self.clock.now()
        w = replace(warning, id=warning.id or str(uuid.uuid4()), origin="local", issue_state="draft",
                    standing="standing", replaced_by="", signature="", signed_by="")
        if not w.identifier:
            w = replace(w, identifier=self.next_identifier(now))
        w = warning_of(record_of(w))
        with self.mirror.write() as s:
            row = s.scalar(select(WarningRow).where(WarningRow.id == w.id))
            if row is None:
                s.add(WarningRow(**column_values(w), level=level, updated_at=to_db(now), version=1,
                                 sync_state="pending"))
                base = 0
            else:
                if row.origin != "local" or row.issue_state != "draft":
                    raise WarningRefused("not_draft", row.issue_state)
                for name, value in column_values(replace(w, incident_id=w.incident_id or row.incident_id)).items():
                    setattr(row, name, value)
                row.return_reason, row.updated_at, row.sync_state = "", to_db(now), "pending"
                row.level = level
                base, row.version = row.version, row.version + 1
            s.flush()
            queue(s, ENTITY, w.id, "create", base, {**record_of(w), LEVEL_FIELD: level}, RECORD, now, w.id)
        self._publish([w.id])
        return replace(w, level=level)

    def submit(self, warning_id: str) -> EarlyWarning:
        return self._move(warning_id, "pending")

    def approve(self, warning_id: str) -> EarlyWarning:
        """签发: the warning is issued now; an Update or Cancel takes effect on what it references."""
        return self._move(warning_id, "issued")

    def return_draft(self, warning_id: str, reason: str) -> EarlyWarning:
        """退回 with a reason: back to draft for its author to change."""
        reason = (reason or "").strip()
        if not reason:
            raise WarningRefused("no_reason")
        return self._move(warning_id, "draft", reason[:REASON_MAX])

    def _move(self, warning_id: str, to: str, reason: str = "") -> EarlyWarning:
        if to in ("issued",) or (to == "draft" and reason):
            role = self.role() if self.role is not None else ""
            if self.role is not None and role not in APPROVERS:
                raise WarningRefused("not_approver", role)
        now = self.clock.now()
        changed = [warning_id]
        with self.mirror.write() as s:
            row = self._row(s, warning_id)
            if to not in ISSUE_MOVES.get(row.issue_state, ()):
                raise WarningRefused("bad_move", f"{row.issue_state} -> {to}")
            payload: dict[str, Any] = {"to": to, "reason": reason, "at": to_db(now)}
            row.issue_state, row.return_reason = to, reason
            if to == "issued":
                row.sent = to_db(now)
            base, row.version = row.version, row.version + 1
            row.updated_at, row.sync_state = to_db(now), "pending"
            s.flush()
            w = warning_of_row(row)
            if to == "issued":
                ids, _r, _c = apply_moves(s, w, to_db(now))
                changed += ids
            queue(s, ENTITY, warning_id, "advance", base, payload, URGENT if to == "issued" else RECORD, now,
                  warning_id)
        self._publish(changed)
        return w

    def link_incident(self, warning_id: str, incident_id: str) -> EarlyWarning:
        """The incident opened from (or tied to) this warning."""
        if not isinstance(incident_id, str) or not 0 < len(incident_id) <= 36:
            raise RecordProblem("incident_id is a record id")
        now = self.clock.now()
        with self.mirror.write() as s:
            row = self._row(s, warning_id)
            row.incident_id = incident_id
            base, row.version = row.version, row.version + 1
            row.updated_at, row.sync_state = to_db(now), "pending"
            s.flush()
            w = warning_of_row(row)
            queue(s, ENTITY, warning_id, "update", base, {"fields": {"incident_id": incident_id}}, RECORD, now,
                  warning_id)
        self._publish([warning_id])
        return w

    @staticmethod
    def _row(s, warning_id: str) -> WarningRow:
        row = s.scalar(select(WarningRow).where(WarningRow.id == warning_id))
        if row is None:
            raise NotFound(f"warning {warning_id}")
        return row
