"""值班日报 on the platform: a watch room's report of one day, sent by a
workstation as a record and kept, one per room and day (sending it again
replaces the figures, field by field like every record without a timeline).
Who sent it is the token's account; `sent_by` is the name typed."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from server.db import Base, account_column, workstation_column
from server.merged_record import ACCOUNT_COLUMNS, MergedRecord
from server.op_checks import OpRejected, parse_time, text_check
from server.record_kind import ServerKind
from services.duty_log.contract import (
    BY_MAX,
    DATE,
    FIELDS,
    NOTES_MAX,
    SITE_MAX,
    TITLE_MAX,
    figures_problem,
)


class DailyReportRow(Base):
    __tablename__ = "daily_reports"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    site_code: Mapped[str] = mapped_column(String(SITE_MAX), index=True)
    report_date: Mapped[str] = mapped_column(String(10))
    title: Mapped[str] = mapped_column(String(TITLE_MAX))
    figures: Mapped[str] = mapped_column(Text, default="{}")
    notes: Mapped[str] = mapped_column(Text, default="")
    sent_by: Mapped[str] = mapped_column(String(BY_MAX), default="")
    sent_at: Mapped[str] = mapped_column(String(40), default="")
    updated_by_account: Mapped[str] = account_column()
    updated_workstation: Mapped[str] = workstation_column()
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)
    field_clock: Mapped[str] = mapped_column(Text, default="{}")


def check_value(name: str, value: Any) -> Any:
    if name == "site_code":
        return text_check(value, name, SITE_MAX, required=True)
    if name == "report_date":
        if not isinstance(value, str) or not DATE.match(value):
            raise OpRejected("report_date must be a date YYYY-MM-DD")
        return value
    if name == "title":
        return text_check(value, name, TITLE_MAX, required=True)
    if name == "notes":
        return text_check(value, name, NOTES_MAX)
    if name == "sent_by":
        return text_check(value, name, BY_MAX)
    if name == "sent_at":
        parse_time(value, name)
        return value
    if name == "figures":
        problem = figures_problem(value)
        if problem:
            raise OpRejected(problem)
        return json.dumps(value, ensure_ascii=False)
    raise OpRejected(f"unknown daily report field {str(name)[:32]!r}")


_RECORD = MergedRecord("daily_report", DailyReportRow, ("id", "site_code", "report_date", "title"), check_value,
                       {"figures": "{}"})
DAILY_REPORT = ServerKind("daily_report", DailyReportRow, _RECORD.handlers,
                          ("id", *FIELDS, "updated_at", "version", *ACCOUNT_COLUMNS),
                          json_columns={"figures": "{}"})
