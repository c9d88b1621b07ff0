"""Conferences (会商) as a synced record kind: platform records checked into mirror rows."""

from __future__ import annotations

import json

from offline_cache.schema import ConferenceRow
from services.conference.rules import CLOSED, FLAGS, MAX_PARTICIPANTS, OPEN, PARTICIPANT_KINDS
from services.records.feed_checks import FeedError, feed_accounts, feed_time
from services.records.kind import RecordKind
from services.stream_urls import DEFAULT_SCHEMES, url_problem


def conference_values(data: dict, version: int, schemes: tuple[str, ...] = DEFAULT_SCHEMES) -> dict:
    cid = data.get("id")
    if not isinstance(cid, str) or not cid or len(cid) > 36:
        raise FeedError("conference without a usable id")
    values: dict = {"id": cid}
    for name, limit in (("incident_id", 36), ("title", 200), ("opened_by", 100)):
        value = data.get(name, "")
        if not isinstance(value, str) or len(value) > limit:
            raise FeedError(f"conference {cid}: bad {name}")
        values[name] = value
    if data.get("state") not in (OPEN, CLOSED):
        raise FeedError(f"conference {cid}: bad state")
    values["state"] = data["state"]
    people = data.get("participants")
    if not isinstance(people, list) or not all(
            isinstance(p, dict) and p.get("kind") in PARTICIPANT_KINDS
            and all(isinstance(p.get(k, ""), str) and len(p.get(k, "")) <= 1000 for k in ("id", "name", "video_url"))
            and all(isinstance(p.get(f, False), bool) for f in FLAGS) for p in people):
        raise FeedError(f"conference {cid}: bad participants")
    if len(people) > MAX_PARTICIPANTS:
        raise FeedError(f"conference {cid}: more than {MAX_PARTICIPANTS} participants")
    for p in people:
        problem = url_problem(p.get("video_url", ""), schemes)
        if problem:
            raise FeedError(f"conference {cid} video_url: {problem}")
    values["participants"] = json.dumps(people, ensure_ascii=False)
    for name in ("opened_at", "closed_at", "updated_at"):
        values[name] = feed_time(data.get(name, ""), f"conference {cid} {name}")
    values.update(feed_accounts(data, ("opened_by_account", "opened_workstation", "opened_site", "updated_by_account",
                                       "updated_workstation"), f"conference {cid}"))
    values["version"] = int(version)
    return values


def conference_kind(schemes: tuple[str, ...] = DEFAULT_SCHEMES) -> RecordKind:
    """The conference kind of a workstation that opens streams of these schemes."""
    return RecordKind("conference", ConferenceRow, lambda data, version: conference_values(data, version, schemes))
