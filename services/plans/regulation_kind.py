"""Regulations (法规/规章) as a synced record kind: what the platform keeps of
each, checked field by field with the contract (regulation_contract.py) into
mirror rows; one bad field refuses the page, as for every kind."""

from __future__ import annotations

import json

from offline_cache.regulations_schema import RegulationRow
from services.plans.regulation_contract import ENTITY, FIELDS, check_field
from services.records.feed_checks import FeedError, feed_accounts, feed_id, feed_time
from services.records.kind import RecordKind


def regulation_values(data: dict, version: int) -> dict:
    rid = feed_id(data, ENTITY)
    where = f"regulation {rid}"
    values: dict = {"id": rid}
    for name in FIELDS:
        if name not in data:
            raise FeedError(f"{where}: no {name}")
        problems: list = []
        check_field(name, data[name], problems)
        if problems:
            first = problems[0]
            raise FeedError(f"{where}: {first.path} {first.code} {first.detail}"[:200])
        values[name] = json.dumps(data[name], ensure_ascii=False) if name == "plan_ids" else data[name]
    values["updated_at"] = feed_time(data.get("updated_at", ""), f"{where} updated_at")
    values.update(feed_accounts(data, ("updated_by_account", "updated_workstation"), where))
    values["version"] = int(version)
    return values


REGULATION = RecordKind(ENTITY, RegulationRow, regulation_values)
