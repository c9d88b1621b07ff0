"""Live positions as a synced record kind: the platform's latest fix per unit,
checked by the same contract as the platform's (services/positions/contract.py)."""

from __future__ import annotations

import json

from offline_cache.positions_schema import PositionRow
from services.positions.contract import (
    ENTITY,
    SOURCES,
    PositionProblem,
    check_fix,
    check_track,
    record_id,
)
from services.records.feed_checks import FeedError, feed_accounts, feed_id, feed_time
from services.records.kind import RecordKind


def position_values(data: dict, version: int) -> dict:
    pid = feed_id(data, "position")
    source, uid = data.get("source"), data.get("uid")
    if source not in SOURCES or not isinstance(uid, str):
        raise FeedError(f"position {pid}: bad source or uid")
    try:
        fix = check_fix({name: data.get(name) for name in
                         ("lat", "lon", "speed", "course", "callsign", "cot_type")}
                        | {"time": data.get("at"), "stale": data.get("stale")},
                        None, source=source, uid=uid, resource_id=data.get("resource_id", ""))
        track = check_track(data.get("track", []))
    except PositionProblem as exc:
        raise FeedError(f"position {pid}: {exc}") from None
    if record_id(source, uid) != pid:
        raise FeedError(f"position {pid}: id is not its unit's")
    return {
        "id": pid, "source": source, "uid": uid, "resource_id": fix.resource_id, "callsign": fix.callsign,
        "cot_type": fix.cot_type, "lat": fix.lat, "lon": fix.lon, "speed": fix.speed, "course": fix.course,
        "at": feed_time(data.get("at"), f"position {pid}", required=True),
        "stale": feed_time(data.get("stale"), f"position {pid}", required=True),
        "track": json.dumps(track),
        "updated_at": str(data.get("updated_at", ""))[:40],
        **feed_accounts(data, ("reported_by_account", "reported_workstation"), f"position {pid}"),
        "version": int(version),
    }


POSITION = RecordKind(ENTITY, PositionRow, position_values)
