"""会商 on the platform: opened on an incident with its invitations, more
invitations, the participants' join / mute / speaking flags (reported by the
conference bridge or the sites themselves), closed. Opening and closing go on
the incident's timeline; minutes and decisions are the watch room's entries."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

from server.change_log import record_change, timeline_entry
from server.db import ConferenceRow, IncidentRow
from server.op_checks import OpRejected, received, text_check
from server.record_kind import ServerKind
from services.conference.rules import (
    CLOSED,
    FLAGS,
    MAX_PARTICIPANTS,
    OPEN,
    PARTICIPANT_KINDS,
    closed_body,
    entry_id,
    opened_body,
    participant,
)
from services.sync.wire import Op, OpResult

URL_SCHEMES = ("rtsp://", "rtsps://", "http://", "https://", "")


def _participants(value: Any) -> list[dict]:
    if not isinstance(value, list) or len(value) > MAX_PARTICIPANTS:
        raise OpRejected(f"participants must be a list of at most {MAX_PARTICIPANTS}")
    out = []
    for item in value:
        if not isinstance(item, dict) or item.get("kind") not in PARTICIPANT_KINDS:
            raise OpRejected("each participant is {id, kind: site|contact, name, video_url}")
        url = text_check(item.get("video_url", ""), "video_url", 1000)
        if url and not url.startswith(URL_SCHEMES[:-1]):
            raise OpRejected("video_url must be an rtsp or http(s) URL")
        out.append(participant(text_check(item.get("id", ""), "id", 64, required=True), item["kind"],
                               text_check(item.get("name", ""), "name", 100, required=True), url))
    return out


def open_conference(s: Session, op: Op, now: str) -> OpResult:
    payload = op.payload
    if not set(payload) <= {"id", "incident_id", "title", "opened_by", "participants"} or payload.get("id") != op.entity_id:
        raise OpRejected('a conference is {"id", "incident_id", "title", "opened_by", "participants"}')
    title = text_check(payload.get("title", ""), "title", 200, required=True)
    opened_by = text_check(payload.get("opened_by", ""), "opened_by", 100)
    people = _participants(payload.get("participants", []))
    if s.get(ConferenceRow, op.entity_id) is not None:
        return OpResult(op_id=op.op_id, status="duplicate", reason="conference already open")
    incident_id = text_check(payload.get("incident_id", ""), "incident_id", 36, required=True)
    if s.get(IncidentRow, incident_id) is None:
        raise OpRejected("incident unknown")
    at = received(op, now)
    row = ConferenceRow(id=op.entity_id, incident_id=incident_id, title=title, state=OPEN, opened_by=opened_by,
                        opened_at=at, participants=json.dumps(people, ensure_ascii=False), updated_at=now, version=1)
    s.add(row)
    s.flush()
    _entry(s, row, "opened", opened_body(title, [p["name"] for p in people]), opened_by, at, now)
    return OpResult(op_id=op.op_id, status="applied", seq=record_change(s, "conference", row.id, now))


def update_conference(s: Session, op: Op, now: str) -> OpResult:
    """{"invite": [participants]} or {"close": true, "by": name} or {"participant": id, flags...}."""
    row = s.get(ConferenceRow, op.entity_id)
    if row is None:
        raise OpRejected("conference unknown")
    payload = op.payload
    if "participant" in payload:
        return set_flags(s, row, payload, now, op.op_id)
    if row.state == CLOSED:
        return OpResult(op_id=op.op_id, status="merged", reason="conference already closed")
    if payload.get("close") is True:
        row.state, row.closed_at = CLOSED, received(op, now)
        by = text_check(payload.get("by", ""), "by", 100)
        _entry(s, row, "closed", closed_body(row.title), by, row.closed_at, now)
    elif "invite" in payload:
        current = json.loads(row.participants)
        known = {p["id"] for p in current}
        current += [p for p in _participants(payload["invite"]) if p["id"] not in known]
        if len(current) > MAX_PARTICIPANTS:
            raise OpRejected(f"at most {MAX_PARTICIPANTS} participants")
        row.participants = json.dumps(current, ensure_ascii=False)
    else:
        raise OpRejected('an update is {"invite": [...]}, {"close": true} or {"participant": id, ...flags}')
    return _changed(s, row, now, op.op_id)


def set_flags(s: Session, row: ConferenceRow, payload: dict, now: str, op_id: str) -> OpResult:
    if not set(payload) <= {"participant", "video_url", *FLAGS}:
        raise OpRejected("participant flags are joined, muted, speaking (and video_url)")
    people = json.loads(row.participants)
    person = next((p for p in people if p["id"] == payload["participant"]), None)
    if person is None:
        raise OpRejected("not a participant of this conference")
    for flag in FLAGS:
        if flag in payload:
            if not isinstance(payload[flag], bool):
                raise OpRejected(f"{flag} must be true or false")
            person[flag] = payload[flag]
    if "video_url" in payload:
        url = text_check(payload["video_url"], "video_url", 1000)
        if url and not url.startswith(URL_SCHEMES[:-1]):
            raise OpRejected("video_url must be an rtsp or http(s) URL")
        person["video_url"] = url
    row.participants = json.dumps(people, ensure_ascii=False)
    return _changed(s, row, now, op_id)


def _changed(s: Session, row: ConferenceRow, now: str, op_id: str) -> OpResult:
    row.version += 1
    row.updated_at = now
    s.flush()
    return OpResult(op_id=op_id, status="applied", seq=record_change(s, "conference", row.id, now))


def _entry(s: Session, row: ConferenceRow, what: str, body: str, author: str, at: str, now: str) -> None:
    timeline_entry(s, entry_id=entry_id(row.id, what), incident_id=row.incident_id, kind="conference", body=body,
                   data={"conference_id": row.id}, author=author, created_at=at, now=now)


CONFERENCE = ServerKind("conference", ConferenceRow, {"create": open_conference, "update": update_conference},
                        ("id", "incident_id", "title", "state", "opened_by", "opened_at", "closed_at",
                         "participants", "updated_at", "version"),
                        json_columns={"participants": "[]"}, references=("incident",))
