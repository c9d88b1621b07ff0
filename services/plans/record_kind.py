"""Plans, incidents' responses and their checklist steps as synced record kinds: what the platform keeps of each plan,
checked field by field with the contract (services/plans/contract.py) into
mirror rows; one bad field refuses the page, as for every kind."""

from __future__ import annotations

import json

from sqlalchemy.orm import Session

from offline_cache.checklist_schema import ChecklistStepRow
from offline_cache.plans_schema import PlanRow, ResponseRow
from services.events import Event, IncidentChanged, RecordsChanged
from services.plans.checklist import ENTITY, REMARK_MAX, STATES, action_done_problem, step_record_id
from services.plans.checklist import REASON_MAX as STEP_REASON_MAX
from services.plans.contract import (
    FIELDS,
    LEVELS,
    NOTE,
    PHASES,
    check_action,
    check_field,
    platform_codes,
)
from services.plans.response import ACTIVE, ENDED, REASON_MAX, response_id
from services.records.feed_checks import FeedError, feed_accounts, feed_id, feed_text, feed_time
from services.records.kind import RecordKind, upsert_records

JSON_FIELDS = ("categories", "types", "levels", "command", "checklist")


def plan_values(data: dict, version: int) -> dict:
    pid = feed_id(data, "plan")
    where = f"plan {pid}"
    codes = platform_codes()  # the platform's word: a centre's own type codes included
    values: dict = {"id": pid}
    for name in FIELDS:
        if name not in data:
            raise FeedError(f"{where}: no {name}")
        problems: list = []
        check_field(name, data[name], codes, problems)
        if problems:
            first = problems[0]
            raise FeedError(f"{where}: {first.path} {first.code} {first.detail}"[:200])
        values[name] = json.dumps(data[name], ensure_ascii=False) if name in JSON_FIELDS else data[name]
    values["updated_at"] = feed_time(data.get("updated_at", ""), f"{where} updated_at")
    values.update(feed_accounts(data, ("updated_by_account", "updated_workstation"), where))
    values["version"] = int(version)
    return values


PLAN = RecordKind("plan", PlanRow, plan_values)


def response_values(data: dict, version: int) -> dict:
    rid = feed_id(data, "response")
    where = f"response {rid}"
    values: dict = {"id": rid}
    for name, limit, required in (("incident_id", 36, True), ("plan_id", 36, True), ("plan_version", 32, False),
                                  ("plan_title", 200, False), ("reason", REASON_MAX, False),
                                  ("decided_by", 100, False)):
        values[name] = feed_text(data, name, limit, where, required=required)
    if values["id"] != response_id(values["incident_id"]):
        raise FeedError(f"{where}: not the id of its incident's response")
    if data.get("level") not in LEVELS or data.get("state") not in (ACTIVE, ENDED):
        raise FeedError(f"{where}: bad level or state")
    values["level"], values["state"] = data["level"], data["state"]
    for name in ("started_at", "changed_at"):
        values[name] = feed_time(data.get(name), f"{where} {name}", required=True)
    values["ended_at"] = feed_time(data.get("ended_at", ""), f"{where} ended_at")
    values["updated_at"] = feed_time(data.get("updated_at", ""), f"{where} updated_at")
    values.update(feed_accounts(data, ("decided_by_account", "decided_workstation"), where))
    values["version"] = int(version)
    return values


def apply_responses(s: Session, kind: RecordKind, rows: list[dict]) -> list[Event]:
    """Responses upserted; their incidents announced too, so the list, card and
    dashboard show the level the platform says."""
    events = upsert_records(s, kind, rows)
    changed = {i for e in events if isinstance(e, RecordsChanged) for i in e.ids}
    incidents = sorted({r["incident_id"] for r in rows if r["id"] in changed})
    return events + [IncidentChanged(iid, "response") for iid in incidents]


RESPONSE = RecordKind("response", ResponseRow, response_values, apply_responses)


def step_values(data: dict, version: int) -> dict:
    sid = feed_id(data, "checklist step")
    where = f"checklist step {sid}"
    values: dict = {"id": sid}
    for name, limit, required in (("incident_id", 36, True), ("plan_id", 36, False), ("plan_version", 32, False),
                                  ("step_key", 36, True), ("parent_key", 36, False), ("title", NOTE, True),
                                  ("responsible", 100, False), ("reason", STEP_REASON_MAX, False),
                                  ("remark", REMARK_MAX, False), ("action_done", 200, False),
                                  ("changed_by", 100, False)):
        values[name] = feed_text(data, name, limit, where, required=required)
    if values["id"] != step_record_id(values["incident_id"], values["step_key"]):
        raise FeedError(f"{where}: not the id of its incident's step")
    if data.get("phase") not in PHASES or data.get("state") not in STATES:
        raise FeedError(f"{where}: bad phase or state")
    values["phase"], values["state"] = data["phase"], data["state"]
    position = data.get("position")
    if isinstance(position, bool) or not isinstance(position, int) or not 0 <= position <= 10_000:
        raise FeedError(f"{where}: bad position")
    values["position"] = position
    values["action"] = feed_text(data, "action", 4000, where)
    kind = None
    if values["action"]:
        problems: list = []
        try:
            action = json.loads(values["action"])
            check_action(action, "action", problems, resolved=True)
        except ValueError:
            problems.append(None)
        if problems:
            raise FeedError(f"{where}: bad action")
        kind = action["kind"]
    if action_done_problem(values["action_done"], kind):
        raise FeedError(f"{where}: bad action_done")
    for name in ("due_at", "changed_at", "updated_at"):
        values[name] = feed_time(data.get(name, ""), f"{where} {name}")
    values.update(feed_accounts(data, ("updated_by_account", "updated_workstation"), where))
    values["version"] = int(version)
    return values


CHECKLIST_STEP = RecordKind(ENTITY, ChecklistStepRow, step_values)
