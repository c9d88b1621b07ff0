"""The platform's monitoring tables: stations, every reading ever received,
the alarm engine's state per station, and alarms. Made by the schema's
baseline revision (server/schema/migrations/versions/); a change here needs a revision."""

from __future__ import annotations

from sqlalchemy import Float, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from server.db import Base, account_column, workstation_column


class StationRow(Base):
    __tablename__ = "stations"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    code: Mapped[str] = mapped_column(String(16), default="", index=True)  # STCD
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(16))
    org: Mapped[str] = mapped_column(String(100), default="")
    place: Mapped[str] = mapped_column(String(200), default="")
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(16), default="")
    thresholds: Mapped[str] = mapped_column(Text, default="{}")
    rules: Mapped[str] = mapped_column(Text, default="{}")
    level: Mapped[str] = mapped_column(String(16), default="")
    field_clock: Mapped[str] = mapped_column(Text, default="{}")
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_by_account: Mapped[str] = account_column()
    updated_workstation: Mapped[str] = workstation_column()


class ReadingRow(Base):
    """Kept for good; `id` is station@epoch-ms (contract.reading_id), so a reading
    posted twice is one row."""

    __tablename__ = "readings"
    __table_args__ = (Index("ix_readings_station_t", "station_id", "t"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    station_id: Mapped[str] = mapped_column(String(36))
    time: Mapped[str] = mapped_column(String(40))
    t: Mapped[float] = mapped_column(Float)
    value: Mapped[float] = mapped_column(Float)
    received_at: Mapped[str] = mapped_column(String(40))


class StationStateRow(Base):
    """Where the alarm engine stands for a station (not synced)."""

    __tablename__ = "station_states"

    station_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    level: Mapped[str] = mapped_column(String(16), default="")
    pending_level: Mapped[str] = mapped_column(String(16), default="")
    pending_since: Mapped[float] = mapped_column(Float, default=0.0)
    last_t: Mapped[float | None] = mapped_column(Float, nullable=True)
    last_value: Mapped[float | None] = mapped_column(Float, nullable=True)
    rate_on: Mapped[int] = mapped_column(Integer, default=0)


class AlarmRow(Base):
    __tablename__ = "alarms"
    __table_args__ = (Index("ix_alarms_station_state", "station_id", "rule", "state"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    station_id: Mapped[str] = mapped_column(String(36))
    station_name: Mapped[str] = mapped_column(String(100), default="")
    rule: Mapped[str] = mapped_column(String(16))
    level: Mapped[str] = mapped_column(String(16))
    first_level: Mapped[str] = mapped_column(String(16))
    state: Mapped[str] = mapped_column(String(16))
    value: Mapped[float] = mapped_column(Float)
    peak_value: Mapped[float] = mapped_column(Float)
    threshold: Mapped[float] = mapped_column(Float)
    reading_at: Mapped[str] = mapped_column(String(40))
    raised_at: Mapped[str] = mapped_column(String(40))
    escalated_at: Mapped[str] = mapped_column(String(40), default="")
    cleared_at: Mapped[str] = mapped_column(String(40), default="")
    repeats: Mapped[int] = mapped_column(Integer, default=0)
    acknowledged_at: Mapped[str] = mapped_column(String(40), default="")
    acknowledged_by: Mapped[str] = mapped_column(String(100), default="")
    acknowledged_by_account: Mapped[str] = account_column()
    acknowledged_workstation: Mapped[str] = workstation_column()
    closed_at: Mapped[str] = mapped_column(String(40), default="")
    closed_by: Mapped[str] = mapped_column(String(100), default="")
    closed_by_account: Mapped[str] = account_column()
    closed_workstation: Mapped[str] = workstation_column()
    incident_id: Mapped[str] = mapped_column(String(36), default="")
    note: Mapped[str] = mapped_column(String(500), default="")
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)


STATION_COLUMNS = ("id", "code", "name", "kind", "org", "place", "lat", "lon", "unit", "thresholds", "rules",
                   "level", "updated_at", "version", "updated_by_account", "updated_workstation")
READING_COLUMNS = ("id", "station_id", "time", "value")
ALARM_COLUMNS = ("id", "station_id", "station_name", "rule", "level", "first_level", "state", "value", "peak_value",
                 "threshold", "reading_at", "raised_at", "escalated_at", "cleared_at", "repeats", "acknowledged_at",
                 "acknowledged_by", "acknowledged_by_account", "acknowledged_workstation", "closed_at", "closed_by",
                 "closed_by_account", "closed_workstation", "incident_id", "note", "updated_at", "version")
