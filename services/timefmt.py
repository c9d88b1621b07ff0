"""Times are stored as UTC ISO-8601 text with milliseconds, so text order is time order."""

from __future__ import annotations

from datetime import UTC, datetime


def to_db(value: datetime) -> str:
    return value.astimezone(UTC).isoformat(timespec="milliseconds")


def from_db(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None
