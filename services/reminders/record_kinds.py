"""Duty reminders and their completions as synced record kinds: platform records
checked into mirror rows with the rules both ends share (contract.py)."""

from __future__ import annotations

import json

from offline_cache.duty_rollcall_schema import ReminderDoneRow, ReminderRow
from services.records.feed_checks import (
    FeedError,
    feed_accounts,
    feed_bool,
    feed_id,
    feed_text,
    feed_time,
)
from services.records.kind import RecordKind
from services.reminders.contract import BY_MAX, NOTE_MAX, SITE_MAX, TITLE_MAX, field_problem


def reminder_values(data: dict, version: int) -> dict:
    rid = feed_id(data, "reminder")
    where = f"reminder {rid}"
    values: dict = {"id": rid, "site_code": feed_text(data, "site_code", SITE_MAX, where, required=True),
                    "title": feed_text(data, "title", TITLE_MAX, where, required=True),
                    "active": feed_bool(data, "active", where, True)}
    for name in ("kind", "schedule", "times", "minute", "window_minutes"):
        problem = field_problem(name, data.get(name))
        if problem:
            raise FeedError(f"{where}: {problem}")
        values[name] = data[name]
    values["times"] = json.dumps(sorted(values["times"]))
    values["since"] = feed_time(data.get("since", ""), f"{where} since")
    values["updated_at"] = feed_time(data.get("updated_at", ""), f"{where} updated_at")
    values.update(feed_accounts(data, ("updated_by_account", "updated_workstation"), where))
    values["version"] = int(version)
    return values


def done_values(data: dict, version: int) -> dict:
    did = feed_id(data, "reminder completion")
    where = f"reminder completion {did}"
    values: dict = {"id": did, "reminder_id": feed_text(data, "reminder_id", 36, where, required=True),
                    "site_code": feed_text(data, "site_code", SITE_MAX, where, required=True),
                    "done_by": feed_text(data, "done_by", BY_MAX, where),
                    "note": feed_text(data, "note", NOTE_MAX, where)}
    for name in ("due_at", "done_at"):
        values[name] = feed_time(data.get(name, ""), f"{where} {name}", required=True)
    values["updated_at"] = feed_time(data.get("updated_at", ""), f"{where} updated_at")
    values.update(feed_accounts(data, ("done_by_account", "done_workstation"), where))
    values["version"] = int(version)
    return values


REMINDER = RecordKind("reminder", ReminderRow, reminder_values)
REMINDER_DONE = RecordKind("reminder_done", ReminderDoneRow, done_values)
