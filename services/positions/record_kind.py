"""Live positions as a synced record kind: the platform's latest fix per unit,
checked by the same contract as the platform's (services/positions/contract.py)."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from offline_cache.positions_schema import PositionRow
from services.events import Event
from services.positions.contract import (
    ENTITY,
    SOURCES,
    PositionProblem,
    add_to_track,
    check_fix,
    record_id,
)
from services.records.feed_checks import FeedError, feed_accounts, feed_id, feed_time
from services.records.kind import RecordKind, upsert_records


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
    except PositionProblem as exc:
        raise FeedError(f"position {pid}: {exc}") from None
    if record_id(source, uid) != pid:
        raise FeedError(f"position {pid}: id is not its unit's")
    return {
        "id": pid, "source": source, "uid": uid, "resource_id": fix.resource_id, "callsign": fix.callsign,
        "cot_type": fix.cot_type, "lat": fix.lat, "lon": fix.lon, "speed": fix.speed, "course": fix.course,
        "at": feed_time(data.get("at"), f"position {pid}", required=True),
        "stale": feed_time(data.get("stale"), f"position {pid}", required=True),
        "updated_at": str(data.get("updated_at", ""))[:40],
        **feed_accounts(data, ("reported_by_account", "reported_workstation"), f"position {pid}"),
        "version": int(version),
    }


def apply_positions(s: Session, kind: RecordKind, rows: list[dict]) -> list[Event]:
    """Each unit's short track is the fixes this mirror received (the feed sends
    only the latest fix, coalesced): a newer fix is added to it, an older or
    repeated one leaves it as it is."""
    latest = list({v["id"]: v for v in rows}.values())
    ids = [v["id"] for v in latest]
    kept = {}
    for start in range(0, len(ids), 2000):
        kept.update({r.id: r for r in s.execute(select(PositionRow.id, PositionRow.at, PositionRow.track)
                                                .where(PositionRow.id.in_(ids[start:start + 2000])))})
    out = []
    for values in latest:
        old = kept.get(values["id"])
        if old is not None and old.at >= values["at"]:
            continue  # a fix as old as the one kept (a snapshot after the feed, a replay)
        track = json.loads(old.track) if old is not None else []
        point = [values["at"], values["lat"], values["lon"]]
        out.append({**values, "track": json.dumps(add_to_track(track, point))})
    return upsert_records(s, kind, out)


POSITION = RecordKind(ENTITY, PositionRow, position_values, apply=apply_positions)
