"""The duty side's words: posts, states, and why a change was refused
(services/duty/refusals.py), one sentence each, naming what it is about."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from services.duty.contract import HandoverState, ItemKind, ItemState, Post, SwapStatus
from services.duty.refusals import DutyRefused, Refusal
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
    other = _post_place(r.other) if r.code in ("vacant", "unknown_cell") else r.other
    return text.replace("%1", r.subject).replace("%2", other).replace("%3", f"{r.hours:g}")


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
