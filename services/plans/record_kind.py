"""Plans as a synced record kind: what the platform keeps of each plan,
checked field by field with the contract (services/plans/contract.py) into
mirror rows; one bad field refuses the page, as for every kind."""

from __future__ import annotations

import json

from offline_cache.plans_schema import PlanRow
from services.plans.contract import FIELDS, check_field, default_codes
from services.records.feed_checks import FeedError, feed_accounts, feed_id, feed_time
from services.records.kind import RecordKind

JSON_FIELDS = ("categories", "types", "levels", "command", "checklist")


def plan_values(data: dict, version: int) -> dict:
    pid = feed_id(data, "plan")
    where = f"plan {pid}"
    codes = default_codes()
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
