"""Cameras as a synced record kind: platform records checked into mirror rows."""

from __future__ import annotations

from offline_cache.schema import CameraRow
from services.records.feed_checks import (
    FeedError,
    feed_accounts,
    feed_bool,
    feed_coordinate,
    feed_id,
    feed_text,
)
from services.records.kind import RecordKind
from services.stream_urls import DEFAULT_SCHEMES, url_problem

TEXT = {"name": 200, "group_path": 500, "main_url": 1000, "sub_url": 1000, "platform": 100}


def camera_values(data: dict, version: int, schemes: tuple[str, ...] = DEFAULT_SCHEMES) -> dict:
    """The mirror row of a platform camera; FeedError when it is unusable (a stream
    URL of a scheme this workstation does not open, too)."""
    cid = feed_id(data, "camera", limit=64)
    where = f"camera {cid}"
    values: dict = {"id": cid}
    for name, limit in TEXT.items():
        values[name] = feed_text(data, name, limit, where, required=name == "name")
    for name in ("main_url", "sub_url"):
        problem = url_problem(values[name], schemes)
        if problem:
            raise FeedError(f"{where} {name}: {problem}")
    for name in ("lat", "lon"):
        values[name] = feed_coordinate(data.get(name), name, where, optional=True)
    for name in ("ptz", "online"):
        values[name] = feed_bool(data, name, where)
    values["updated_at"] = str(data.get("updated_at", ""))[:32]
    values.update(feed_accounts(data, ("updated_by_account", "updated_workstation"), where))
    values["version"] = version
    return values


def camera_kind(schemes: tuple[str, ...] = DEFAULT_SCHEMES) -> RecordKind:
    """The camera kind of a workstation that opens streams of these schemes."""
    return RecordKind("camera", CameraRow, lambda data, version: camera_values(data, version, schemes))
