"""Warnings as a synced record kind on this client: the platform's record
checked by the same contract as every other way in (services/warnings/wire.py)
into mirror row values; one bad field refuses the record (FeedError)."""

from __future__ import annotations

from offline_cache.warnings_schema import WarningRow
from services.records.feed_checks import FeedError, feed_accounts, feed_text, feed_time
from services.records.kind import RecordKind
from services.warnings.contract import WARNING_FIELDS
from services.warnings.rows import column_values
from services.warnings.wire import RecordProblem, warning_of

ENTITY = "warning"
ACCOUNTS = ("created_by_account", "created_workstation", "approved_by_account", "updated_by_account",
            "updated_workstation")


def warning_values(data: dict, version: int) -> dict:
    wid = data.get("id") if isinstance(data.get("id"), str) else "?"
    where = f"warning {wid[:36]}"
    try:
        w = warning_of({k: data.get(k) for k in WARNING_FIELDS if k in data})
    except RecordProblem as exc:
        raise FeedError(f"{where}: {exc}"[:300]) from None
    values = column_values(w)
    values["return_reason"] = feed_text(data, "return_reason", 500, where)
    values["updated_at"] = feed_time(data.get("updated_at", ""), f"{where} updated_at")
    values.update(feed_accounts(data, ACCOUNTS, where))
    values["version"] = int(version)
    return values


WARNING = RecordKind(ENTITY, WarningRow, warning_values)
