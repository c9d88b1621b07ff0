"""Why the duty side refuses a change, as codes with what they name; the UI
says them in Chinese (views/duty/messages.py). Nothing is written when one is
raised: the roster, the swap or the handover stays as it was."""

from __future__ import annotations

from dataclasses import dataclass

TIMES_FIXED = "times are fixed"  # a pattern's times, once made (`pattern`'s other)
REVERSED = "reversed"  # what an approved swap becomes when undone (`swap_move`'s other)


@dataclass(frozen=True)
class Refusal:
    # the codes views/duty/messages.py names: overlap, too_long, vacant, published_vacant, pattern,
    # not_editor, not_approver, chain, no_shift, unknown_cell, unknown_entry, swap_move, reason_required,
    # item_move, items_open, closed, person_required, unknown_pattern, day_range, not_party ...
    code: str
    subject: str = ""  # the person or shift it is about
    other: str = ""  # the other shift (an overlap), a post, a state
    hours: float = 0.0

    def __str__(self) -> str:
        parts = [self.code, self.subject, self.other] + ([f"{self.hours:g}h"] if self.hours else [])
        return ":".join(p for p in parts if p)


class DutyRefused(ValueError):
    def __init__(self, refusals: list[Refusal]):
        super().__init__("; ".join(str(r) for r in refusals))
        self.refusals = refusals
