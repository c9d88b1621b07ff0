"""Daily reports as a synced record kind: what the platform keeps of each room's
day, checked into mirror rows."""

from __future__ import annotations

import json

from offline_cache.duty_rollcall_schema import DailyReportRow
from services.duty_log.contract import BY_MAX, DATE, NOTES_MAX, SITE_MAX, TITLE_MAX, figures_problem
from services.records.feed_checks import FeedError, feed_accounts, feed_id, feed_text, feed_time
from services.records.kind import RecordKind


def daily_report_values(data: dict, version: int) -> dict:
    rid = feed_id(data, "daily report")
    where = f"daily report {rid}"
    values: dict = {"id": rid, "site_code": feed_text(data, "site_code", SITE_MAX, where, required=True),
                    "title": feed_text(data, "title", TITLE_MAX, where, required=True),
                    "notes": feed_text(data, "notes", NOTES_MAX, where),
                    "sent_by": feed_text(data, "sent_by", BY_MAX, where)}
    date = data.get("report_date")
    if not isinstance(date, str) or not DATE.match(date):
        raise FeedError(f"{where}: bad report_date")
    values["report_date"] = date
    problem = figures_problem(data.get("figures"))
    if problem:
        raise FeedError(f"{where}: {problem}")
    values["figures"] = json.dumps(data["figures"], ensure_ascii=False)
    values["sent_at"] = feed_time(data.get("sent_at", ""), f"{where} sent_at")
    values["updated_at"] = feed_time(data.get("updated_at", ""), f"{where} updated_at")
    values.update(feed_accounts(data, ("updated_by_account", "updated_workstation"), where))
    values["version"] = int(version)
    return values


DAILY_REPORT = RecordKind("daily_report", DailyReportRow, daily_report_values)
