"""The duty side's words: posts, states, and why a change was refused
(services/duty/refusals.py), one sentence each, naming what it is about."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from services.duty.contract import HandoverState, ItemKind, ItemState, Post, SwapStatus
from services.duty.refusals import REVERSED, TIMES_FIXED, DutyRefused, Refusal
from views.common.gui_op import write_error_text

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def post_name(post: str) -> str:
    return {
        Post.LEADER: translate("Duty", "Leader on duty"),
        Post.CHIEF: translate("Duty", "Duty chief"),
        Post.OFFICER: translate("Duty", "Duty officer"),
        Post.TECH: translate("Duty", "Technical support"),
    }.get(post, post)


def swap_status_name(status: SwapStatus) -> str:
    return {
        SwapStatus.OFFERED: translate("Duty", "offered"),
        SwapStatus.ACCEPTED: translate("Duty", "accepted"),
        SwapStatus.DECLINED: translate("Duty", "declined"),
        SwapStatus.APPROVED: translate("Duty", "approved"),
        SwapStatus.REJECTED: translate("Duty", "not approved"),
        SwapStatus.WITHDRAWN: translate("Duty", "withdrawn"),
    }[status]


def item_kind_name(kind: ItemKind) -> str:
    return {
        ItemKind.INCIDENT: translate("Duty", "Open incidents"),
        ItemKind.REPORT_DUE: translate("Duty", "Reports due in the next shift"),
        ItemKind.ORDER: translate("Duty", "Dispatch orders awaiting acknowledgement or overdue"),
        ItemKind.CONFERENCE: translate("Duty", "Open conferences"),
        ItemKind.REFUSED_OP: translate("Duty", "Operations the platform refused"),
        ItemKind.REFUSED_RECORD: translate("Duty", "Platform records this workstation refused"),
        ItemKind.TODO: translate("Duty", "Pending items"),
        ItemKind.FAULT: translate("Duty", "Equipment faults"),
        ItemKind.INSTRUCTION: translate("Duty", "Superiors' instructions"),
        ItemKind.MORE: translate("Duty", "Further items"),
    }[kind]


def item_state_name(state: ItemState) -> str:
    return {ItemState.PENDING: translate("Duty", "to confirm"), ItemState.CONFIRMED: translate("Duty", "confirmed"),
            ItemState.QUESTIONED: translate("Duty", "questioned")}[state]


def handover_state_name(state: HandoverState) -> str:
    return {HandoverState.OPEN: translate("Duty", "handed over, awaiting confirmation"),
            HandoverState.CLOSED: translate("Duty", "taken over")}[state]


def due_text(kind: str) -> str:
    return {"initial": translate("Duty", "initial report due"), "follow_up": translate("Duty", "follow-up report due"),
            "ack": translate("Duty", "acknowledgement due"), "arrival": translate("Duty", "arrival due")}.get(kind, "")


def refusal_text(r: Refusal) -> str:
    """One sentence for one refusal."""
    texts = {
        "overlap": translate("Duty", "%1 is already on duty on the overlapping shift %2."),
        "too_long": translate("Duty", "%1 would be on duty %3 hours without a break, more than the room allows."),
        "vacant": translate("Duty", "%1: a post is vacant (%2)."),
        "published_vacant": translate("Duty", "The roster of %1 is published: its posts may not be left vacant. "
                                              "Put someone in instead, or arrange a swap."),
        "pattern": translate("Duty", "The shift %1 cannot be saved: %2"),
        "not_editor": translate("Duty", "Account %1 (%2) may not change the roster: only the duty chief or an "
                                        "admin may."),
        "not_approver": translate("Duty", "Account %1 (%2) may not approve or reject swaps: only the duty chief "
                                          "or an admin may."),
        "chain": translate("Duty", "%1 cannot be taken over yet: the shift before it (%2) has not handed over. "
                                   "Wait for its handover, or take over with an override and its reason."),
        "not_current": translate("Duty", "%1 is not under way or about to start: sign in to the current shift."),
        "no_shift": translate("Duty", "This watch room has no shifts yet."),
        "unknown_cell": translate("Duty", "The shift %1 has no such place for the post %2."),
        "unknown_entry": translate("Duty", "The roster place of this swap is no longer in the local database."),
        "unknown_pattern": translate("Duty", "The shift is not one of this watch room's (retired or unknown)."),
        "day_range": translate("Duty", "%1 is too far from today for the roster."),
        "person": translate("Duty", "%1: %2"),
        "person_required": translate("Duty", "Give the person's name."),
        "account_required": translate("Duty", "Give the platform account to sign in with."),
        "swap_move": translate("Duty", "The swap is %1 already; it cannot be %2 now."),
        "reason_required": translate("Duty", "Give a reason when declining or not approving a swap."),
        "not_party": translate("Duty", "%1 cannot take part in this swap (the same person, or not on that shift)."),
        "unknown_swap": translate("Duty", "The swap is no longer in the local database."),
        "item_move": translate("Duty", "The item “%1” is marked already."),
        "note_required": translate("Duty", "Say what is questioned about “%1”."),
        "items_open": translate("Duty", "The handover of %1 still has %2 items to confirm or question."),
        "closed": translate("Duty", "The handover of %1 is closed: it stays as it is."),
        "handed_over": translate("Duty", "%1 has handed over already."),
        "unknown_handover": translate("Duty", "The handover is no longer in the local database."),
        "item": translate("Duty", "An item cannot be handed over: %1"),
        "item_text": translate("Duty", "Write what the item is."),
        "item_kind": translate("Duty", "Only pending items, equipment faults and instructions are added by hand."),
        "rota": translate("Duty", "A rota repeats a cycle of 1 to 62 days over at most a year."),
        "rota_empty": translate("Duty", "The days of the cycle from %1 hold nobody to repeat."),
    }
    text = texts.get(r.code) or translate("Duty", "Refused: %1").replace("%1", str(r))
    other = r.other
    if r.code in ("vacant", "unknown_cell"):
        other = _post_place(r.other)
    elif r.code == "swap_move":
        other = _swap_state(r.other)
        r = Refusal(r.code, _swap_state(r.subject), r.other, r.hours)
    elif r.code in ("pattern", "person"):
        other = problem_text(r.other)
    return text.replace("%1", r.subject).replace("%2", other).replace("%3", f"{r.hours:g}")


def _swap_state(value: str) -> str:
    if value == REVERSED:
        return translate("Duty", "undone")
    return swap_status_name(SwapStatus(value)) if value in set(SwapStatus) else value


FIELD_NAMES = {
    "name": QT_TRANSLATE_NOOP("Duty", "Name"),
    "person_name": QT_TRANSLATE_NOOP("Duty", "Name"),
    "phone": QT_TRANSLATE_NOOP("Duty", "Phone"),
    "note": QT_TRANSLATE_NOOP("Duty", "Note"),
    "contact_id": QT_TRANSLATE_NOOP("Duty", "Directory entry"),
    "start_time": QT_TRANSLATE_NOOP("Duty", "Start"),
    "end_time": QT_TRANSLATE_NOOP("Duty", "End"),
    "zone": QT_TRANSLATE_NOOP("Duty", "Time zone"),
    "room": QT_TRANSLATE_NOOP("Duty", "Watch room"),
}
PROBLEMS = (  # the contract's sentences (shared with the platform), said in the officer's language
    (re.compile(r"^(\w+) must be text of 1 to (\d+) characters$"),
     QT_TRANSLATE_NOOP("Duty", "%1 must be 1 to %2 characters.")),
    (re.compile(r"^(\w+) must be text of at most (\d+) characters$"),
     QT_TRANSLATE_NOOP("Duty", "%1 must be at most %2 characters.")),
    (re.compile(r"^(\w+) must be a time of day as HH:MM$"),
     QT_TRANSLATE_NOOP("Duty", "%1 must be a time of day such as 08:30.")),
    (re.compile(r"^zone .* is not a known time zone$"), QT_TRANSLATE_NOOP("Duty", "The time zone is not known.")),
    (re.compile(r"^a ([\d.]+)-hour shift is longer than the configured maximum of ([\d.]+) hours$"),
     QT_TRANSLATE_NOOP("Duty", "A shift of %1 hours is longer than the maximum of %2 hours.")),
    (re.compile(r"^posts"), QT_TRANSLATE_NOOP("Duty", "Each post needs a known post and 1 to 9 people.")),
    (re.compile(r"^phone is not a phone number$"), QT_TRANSLATE_NOOP("Duty", "The phone number is not valid.")),
    (re.compile(re.escape(TIMES_FIXED)),
     QT_TRANSLATE_NOOP("Duty", "A shift's times cannot change once made: retire it and add a new one.")),
)


def problem_text(problem: str) -> str:
    """A field problem from services/duty/contract.py in the officer's language (as it is, when unknown)."""
    for pattern, text in PROBLEMS:
        found = pattern.match(problem)
        if found is None:
            continue
        values = list(found.groups())
        if values and values[0] in FIELD_NAMES:
            values[0] = translate("Duty", FIELD_NAMES[values[0]])
        out = translate("Duty", text)
        for n, value in enumerate(values, 1):
            out = out.replace(f"%{n}", value)
        return out
    return problem


def _post_place(other: str) -> str:
    post, _, place = other.partition(":")
    if not place:
        return post_name(post)
    return translate("Duty", "%1, place %2").replace("%1", post_name(post)).replace("%2", place)


def duty_error_text(exc: BaseException, limit: int = 12) -> str:
    """What went wrong with a duty change, for the officer; nothing was changed."""
    if isinstance(exc, DutyRefused):
        lines = [refusal_text(r) for r in exc.refusals[:limit]]
        if len(exc.refusals) > limit:
            lines.append(translate("Duty", "… and %1 more.").replace("%1", str(len(exc.refusals) - limit)))
        return "\n".join(lines)
    return write_error_text(exc)
