"""Update/Cancel chains in the mirror (services/warnings/chains.py decides):
which records a reference names, and the standing a message gets or gives.
The platform does the same on its copy and its feed brings the result."""

from __future__ import annotations

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from offline_cache.warnings_schema import WarningRow
from services.warnings.chains import chain_moves
from services.warnings.model import EarlyWarning, Reference
from services.warnings.wire import reference_id, utc_text


def resolve(s: Session, ref: Reference) -> WarningRow | None:
    """The record a reference names: an external one by its derived id, one issued here by its triplet."""
    return s.scalar(select(WarningRow).where(or_(
        WarningRow.id == reference_id(ref),
        and_(WarningRow.sender == ref.sender, WarningRow.identifier == ref.identifier,
             WarningRow.sent == utc_text(ref.sent)))).limit(1))


def existing_ids(s: Session, ids: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(ids), 2000):
        found.update(s.scalars(select(WarningRow.id).where(WarningRow.id.in_(ids[start:start + 2000]))))
    return found


def referrer_map(s: Session) -> dict[str, list[tuple[str, str]]]:
    """Referenced record id -> (id, msg_type) of the messages in force that reference it
    (Updates and Cancels are few: the partial index holds only them)."""
    out: dict[str, list[tuple[str, str]]] = {}
    rows = s.execute(select(WarningRow.id, WarningRow.msg_type, WarningRow.reference_ids).where(
        WarningRow.reference_ids != "", WarningRow.issue_state.in_(("received", "issued"))))
    for rid, msg_type, refs in rows:
        for key in refs.split():
            out.setdefault(key, []).append((rid, msg_type))
    return out


def apply_moves(s: Session, w: EarlyWarning, now: str) -> tuple[list[str], int, int]:
    """Ends what `w` updates or cancels (those still standing): (ids changed, replaced, cancelled)."""
    changed: list[str] = []
    replaced = cancelled = 0
    for ref, (_rid, standing, by) in zip(w.references, chain_moves(w), strict=False):
        row = resolve(s, ref)
        if row is None or row.standing != "standing" or row.id == w.id:
            continue
        row.standing, row.replaced_by = standing, by
        row.version += 1
        row.updated_at = now
        changed.append(row.id)
        replaced += standing == "superseded"
        cancelled += standing == "cancelled"
    return changed, replaced, cancelled
