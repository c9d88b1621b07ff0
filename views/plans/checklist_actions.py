"""A checklist step's one-click action (the template's `action`): notify a call
group of the contacts, issue a dispatch order or open a conference, pre-filled
from the template, then the step closed as 已完成 with what was done recorded on
it (the order's, the notice's or the conference's id). The features stay
independent of each other (services/), so the calls meet here; the step is
checked first, so a step that may not be completed now does nothing at all.
Runs on the mirror writer (GuiOp). A report action needs the officer's text:
see checklist_report.py."""

from __future__ import annotations

from services.conference.rules import MAX_PARTICIPANTS
from services.conference.service import ConferenceService, Participant
from services.contacts.store import GROUP, ORG, PERSON, ContactStore
from services.dispatch.lifecycle import Priority, TargetKind
from services.dispatch.service import DispatchService, OrderDraft
from services.notifications.service import NotificationService
from services.plans.checklist import CLOSED, DONE, refusal
from services.plans.checklists import ChecklistService, Step, StepRefused

DIRECT_KINDS = frozenset({"notify", "order", "conference"})  # done at once; "report" asks the officer first


def completable(step: Step, checklists: ChecklistService) -> Step:
    """The step as the mirror holds it now, when it may be completed; StepRefused
    otherwise (no action, closed already, open sub-steps)."""
    if not step.action:
        raise StepRefused("no_action")
    current = next((s for s in checklists.steps(step.incident_id) if s.id == step.id), None)
    if current is None or current.state in CLOSED:
        raise StepRefused("stale")
    problem = refusal(current.state, DONE, "", current.open_children)
    if problem:
        raise StepRefused(problem)
    return current


def invitees(action: dict, contacts: ContactStore) -> list[Participant]:
    """Whom a conference action invites: the contacts it names, the members of its
    call group and the command group's contacts copied onto the step, each once:
    organisations as sites, people as contacts. Ids the 通讯录 no longer holds are left out."""
    ids = [*action.get("contacts", []), *([action["call_group"]] if action.get("call_group") else []),
           *action.get("group_contacts", [])]
    found = contacts.get_many(dict.fromkeys(ids))
    members = [m for c in found if c.kind == GROUP for m in c.members]
    people: dict[str, Participant] = {}
    for contact in [*found, *contacts.get_many(dict.fromkeys(members))]:
        if contact.kind in (ORG, PERSON) and contact.id not in people:
            people[contact.id] = Participant(contact.id, "site" if contact.kind == ORG else "contact", contact.name)
    return list(people.values())[:MAX_PARTICIPANTS]


def conference_title(action: dict, incident_title: str) -> str:
    """The action's title, else "<incident title> 会商" (200 characters at most, as a conference's)."""
    return ((action.get("title") or "").strip() or f"{incident_title} 会商".strip())[:200]


def run_action(step: Step, *, checklists: ChecklistService, dispatch: DispatchService,
               notices: NotificationService, author: str, conferences: ConferenceService | None = None,
               contacts: ContactStore | None = None, incident_title=None) -> Step:
    """Does the step's action and records it; StepRefused when the step cannot be
    completed now (closed, open sub-steps), carries no action, or one this call cannot do.
    `incident_title`: incident id -> its title (a conference's default title)."""
    current = completable(step, checklists)
    action = current.action or {}
    kind = action.get("kind")
    if kind == "order":
        order = dispatch.issue(OrderDraft(
            incident_id=step.incident_id, target_kind=TargetKind(action["target_kind"]),
            target_name=action["target_name"], content=action["content"], target_id=action.get("target_id", ""),
            priority=Priority(action.get("priority", "high"))), author)
        done = f"order:{order.id}"
    elif kind == "notify":
        notice = notices.send(step.incident_id, "sms", action["text"], [action["group"]], author)
        done = f"notice:{notice.id}"
    elif kind == "conference" and conferences is not None and contacts is not None:
        title = conference_title(action, incident_title(step.incident_id) if incident_title else "")
        conference = conferences.open(step.incident_id, title, invitees(action, contacts), author)
        done = f"conference:{conference.id}"
    else:
        raise StepRefused("not_here")
    return checklists.move(step.id, DONE, author=author, action=done)
