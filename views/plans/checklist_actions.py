"""A checklist step's one-click action (the template's `action`): notify a call
group of the contacts or issue a dispatch order, pre-filled from the template,
then the step closed as 已完成 with what was done recorded on it (the order's or
the notice's id). The features stay independent of each other (services/), so
the two calls meet here; the step is checked first, so a step that may not be
completed now does nothing at all. Runs on the mirror writer (GuiOp)."""

from __future__ import annotations

from services.dispatch.lifecycle import Priority, TargetKind
from services.dispatch.service import DispatchService, OrderDraft
from services.notifications.service import NotificationService
from services.plans.checklist import CLOSED, DONE, refusal
from services.plans.checklists import ChecklistService, Step, StepRefused


def run_action(step: Step, *, checklists: ChecklistService, dispatch: DispatchService,
               notices: NotificationService, author: str) -> Step:
    """Does the step's action and records it; StepRefused when the step cannot be
    completed now (closed, open sub-steps) or carries no action."""
    action = step.action
    if not action:
        raise StepRefused("no_action")
    current = next((s for s in checklists.steps(step.incident_id) if s.id == step.id), None)
    if current is None or current.state in CLOSED:
        raise StepRefused("stale")
    problem = refusal(current.state, DONE, "", current.open_children)
    if problem:
        raise StepRefused(problem)
    if action["kind"] == "order":
        order = dispatch.issue(OrderDraft(
            incident_id=step.incident_id, target_kind=TargetKind(action["target_kind"]),
            target_name=action["target_name"], content=action["content"], target_id=action.get("target_id", ""),
            priority=Priority(action.get("priority", "high"))), author)
        done = f"order:{order.id}"
    else:
        notice = notices.send(step.incident_id, "sms", action["text"], [action["group"]], author)
        done = f"notice:{notice.id}"
    return checklists.move(step.id, DONE, author=author, action=done)
