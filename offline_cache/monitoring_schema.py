"""The mirror's monitoring tables (migration 0021): stations with their latest
reading, a window of raw readings, hourly aggregates of older ones, and the
platform's alarms. On the schema's Base; the record kinds import it."""

from __future__ import annotations

from sqlalchemy import Float, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from offline_cache.schema import Base


def _account() -> Mapped[str]:
    return mapped_column(String(100), default="", server_default="")


def _workstation() -> Mapped[str]:
    return mapped_column(String(64), default="", server_default="")


class StationRow(Base):
    """监测站 as the platform keeps it; latest_* follow the readings this mirror holds."""

    __tablename__ = "stations"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    code: Mapped[str] = mapped_column(String(16), default="")
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(16))
    org: Mapped[str] = mapped_column(String(100), default="")
    place: Mapped[str] = mapped_column(String(200), default="")
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(16), default="")
    thresholds: Mapped[str] = mapped_column(Text, default="{}")
    rules: Mapped[str] = mapped_column(Text, default="{}")
    level: Mapped[str] = mapped_column(String(16), default="")  # the level it stands at, by the platform
    latest_t: Mapped[float | None] = mapped_column(Float, nullable=True)
    latest_value: Mapped[float | None] = mapped_column(Float, nullable=True)
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)
    sync_state: Mapped[str] = mapped_column(String(16), default="synced")


class ReadingRow(Base):
    """One reading: `t` in epoch seconds (UTC), so a chart reads arrays straight."""

    __tablename__ = "readings"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(64), unique=True)  # contract.reading_id
    station_id: Mapped[str] = mapped_column(String(36))
    t: Mapped[float] = mapped_column(Float)
    value: Mapped[float] = mapped_column(Float)
    sync_state: Mapped[str] = mapped_column(String(16), default="synced")

    __table_args__ = (Index("ix_readings_station_t", "station_id", "t"), Index("ix_readings_t", "t"))


class ReadingHourRow(Base):
    """Readings older than the window, one row per station and hour (min, max, mean)."""

    __tablename__ = "reading_hours"

    station_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    t: Mapped[float] = mapped_column(Float, primary_key=True)  # the hour's start
    low: Mapped[float] = mapped_column(Float)
    high: Mapped[float] = mapped_column(Float)
    mean: Mapped[float] = mapped_column(Float)
    n: Mapped[int] = mapped_column(Integer)


class AlarmRow(Base):
    """告警 raised by the platform; its steps (contract.AlarmState) carry who and when."""

    __tablename__ = "alarms"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    station_id: Mapped[str] = mapped_column(String(36))
    station_name: Mapped[str] = mapped_column(String(100), default="")
    rule: Mapped[str] = mapped_column(String(16))
    level: Mapped[str] = mapped_column(String(16))
    first_level: Mapped[str] = mapped_column(String(16))
    state: Mapped[str] = mapped_column(String(16))
    value: Mapped[float] = mapped_column(Float)  # the reading that raised it
    peak_value: Mapped[float] = mapped_column(Float)
    threshold: Mapped[float] = mapped_column(Float)
    reading_at: Mapped[str] = mapped_column(String(40))
    raised_at: Mapped[str] = mapped_column(String(40))
    escalated_at: Mapped[str] = mapped_column(String(40), default="")
    cleared_at: Mapped[str] = mapped_column(String(40), default="")
    repeats: Mapped[int] = mapped_column(Integer, default=0)
    acknowledged_at: Mapped[str] = mapped_column(String(40), default="")
    acknowledged_by: Mapped[str] = mapped_column(String(100), default="")
    acknowledged_by_account: Mapped[str] = _account()
    acknowledged_workstation: Mapped[str] = _workstation()
    closed_at: Mapped[str] = mapped_column(String(40), default="")
    closed_by: Mapped[str] = mapped_column(String(100), default="")
    closed_by_account: Mapped[str] = _account()
    closed_workstation: Mapped[str] = _workstation()
    incident_id: Mapped[str] = mapped_column(String(36), default="")
    note: Mapped[str] = mapped_column(String(500), default="")
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)
    sync_state: Mapped[str] = mapped_column(String(16), default="synced")

    __table_args__ = (Index("ix_alarms_state_raised", "state", "raised_at"),
                      Index("ix_alarms_station", "station_id"), Index("ix_alarms_raised", "raised_at"))


class AlarmPromptRow(Base):
    """Which alarm was popped up at which colour on this workstation (local, never
    synced), so a restart does not pop it again (views/monitoring/alarm_prompt.py)."""

    __tablename__ = "alarm_prompts"

    alarm_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    colour: Mapped[str] = mapped_column(String(16), primary_key=True)
    shown_at: Mapped[str] = mapped_column(String(40))
