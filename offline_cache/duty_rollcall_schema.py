"""The mirror's tables of roll calls, duty reminders and daily reports
(migration 0016), on the schema's Base (a module of their own so the duty
side's tables do not crowd offline_cache/schema.py; the record kinds import
it, so the metadata holds them wherever the registry is built)."""

from __future__ import annotations

from sqlalchemy import Boolean, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from offline_cache.schema import Base


def _account() -> Mapped[str]:
    return mapped_column(String(100), default="", server_default="")


def _workstation() -> Mapped[str]:
    return mapped_column(String(64), default="", server_default="")


class RollCallRow(Base):
    """查岗: a roll call of a watch room as the platform keeps it; `answered_here_at`
    is this workstation's own note of when its officer answered (never sent)."""

    __tablename__ = "rollcalls"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    site_code: Mapped[str] = mapped_column(String(32))
    message: Mapped[str] = mapped_column(String(200), default="")
    allowed_s: Mapped[int] = mapped_column(Integer)
    posted_at: Mapped[str] = mapped_column(String(40))
    deadline: Mapped[str] = mapped_column(String(40))
    state: Mapped[str] = mapped_column(String(16))
    answered_at: Mapped[str] = mapped_column(String(40), default="")
    answered_by: Mapped[str] = mapped_column(String(100), default="")
    answered_by_account: Mapped[str] = _account()
    answered_workstation: Mapped[str] = _workstation()
    answered_here_at: Mapped[str] = mapped_column(String(40), default="", server_default="")  # local only
    created_by_account: Mapped[str] = _account()
    created_workstation: Mapped[str] = _workstation()
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)
    sync_state: Mapped[str] = mapped_column(String(16), default="pending")

    __table_args__ = (Index("ix_rollcalls_site_posted", "site_code", "posted_at"),
                      Index("ix_rollcalls_posted", "posted_at"))


class ReminderRow(Base):
    """值班提醒: a timed task of a watch room (services/reminders/contract.py)."""

    __tablename__ = "reminders"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    site_code: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(24))
    schedule: Mapped[str] = mapped_column(String(8))
    times: Mapped[str] = mapped_column(Text, default="[]")
    minute: Mapped[int] = mapped_column(Integer, default=0)
    window_minutes: Mapped[int] = mapped_column(Integer, default=30)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    since: Mapped[str] = mapped_column(String(40), default="")
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_by_account: Mapped[str] = _account()
    updated_workstation: Mapped[str] = _workstation()
    sync_state: Mapped[str] = mapped_column(String(16), default="pending")

    __table_args__ = (Index("ix_reminders_site", "site_code"),)


class ReminderDoneRow(Base):
    """One occurrence of a reminder, done (its id: contract.done_id)."""

    __tablename__ = "reminder_done"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    reminder_id: Mapped[str] = mapped_column(String(36))
    site_code: Mapped[str] = mapped_column(String(32))
    due_at: Mapped[str] = mapped_column(String(40))
    done_at: Mapped[str] = mapped_column(String(40))
    done_by: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(String(200), default="")
    done_by_account: Mapped[str] = _account()
    done_workstation: Mapped[str] = _workstation()
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)
    sync_state: Mapped[str] = mapped_column(String(16), default="pending")

    __table_args__ = (Index("ix_reminder_done_due", "due_at"),
                      Index("ix_reminder_done_reminder", "reminder_id", "due_at"))


class DailyReportRow(Base):
    """值班日报: one per watch room and day, as sent to the platform."""

    __tablename__ = "daily_reports"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    site_code: Mapped[str] = mapped_column(String(32))
    report_date: Mapped[str] = mapped_column(String(10))
    title: Mapped[str] = mapped_column(String(200))
    figures: Mapped[str] = mapped_column(Text, default="{}")
    notes: Mapped[str] = mapped_column(Text, default="")
    sent_by: Mapped[str] = mapped_column(String(100), default="")
    sent_at: Mapped[str] = mapped_column(String(40), default="")
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_by_account: Mapped[str] = _account()
    updated_workstation: Mapped[str] = _workstation()
    sync_state: Mapped[str] = mapped_column(String(16), default="pending")

    __table_args__ = (Index("ix_daily_reports_site_date", "site_code", "report_date"),)
