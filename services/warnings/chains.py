"""Update and Cancel chains, the same at a workstation and on the platform: an
Update replaces the messages it references (`superseded`, with `replaced_by`),
a Cancel ends them (`cancelled`); a Cancel is itself an ending, never shown as
a warning. Standings only move forward (standing -> superseded/cancelled), so
messages arriving out of order (an Update before what it updates) end the same.
Drafts and pending warnings have no effect until issued. Pure Python."""

from __future__ import annotations

from collections.abc import Iterable

from services.warnings.model import EarlyWarning
from services.warnings.wire import reference_id


def in_force(w: EarlyWarning) -> bool:
    """A message whose chain effects count: received from outside, or issued here."""
    return w.issue_state in ("received", "issued")


def arrival_standing(w: EarlyWarning, referrers: Iterable[tuple[str, str]] = ()) -> tuple[str, str]:
    """(standing, replaced_by) of a message as it is stored, given the known
    messages in force that reference it ((id, msg_type) each)."""
    if w.msg_type == "Cancel":
        return "cancelled", ""
    standing, replaced_by = "standing", ""
    for rid, msg_type in sorted(referrers):
        if msg_type == "Cancel":
            return "cancelled", ""
        if msg_type == "Update" and standing == "standing":
            standing, replaced_by = "superseded", rid
    return standing, replaced_by


def chain_moves(w: EarlyWarning) -> list[tuple[str, str, str]]:
    """(referenced id, its new standing, replaced_by) for each message `w` ends;
    apply each only to a record still `standing`."""
    if not in_force(w) or w.msg_type not in ("Update", "Cancel"):
        return []
    if w.msg_type == "Update":
        return [(reference_id(r), "superseded", w.id) for r in w.references]
    return [(reference_id(r), "cancelled", "") for r in w.references]
