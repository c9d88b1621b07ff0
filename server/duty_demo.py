"""The demo's duty side (`make demo`): the room's two shifts (白班 08:30–17:30,
夜班 17:30–08:30), this month's roster filled from the demo 通讯录 by a
four-team rota and published, the last shifts handed over and taken over,
and the demo duty officer (account `duty`) signed in to the shift under way,
all with their feed rows so every workstation receives them by the ordinary
sync. Made up, like the rest of the demo."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from server.change_log import record_change
from server.db import Database
from server.duty_demo_extras import seed_duty_extras
from server.duty_roster import iso
from server.duty_tables import (
    DutySignInRow,
    DutySwapRow,
    HandoverRow,
    RosterEntryRow,
    RosterPublicationRow,
    ShiftPatternRow,
)
from services.duty import contract

ZONE = "Asia/Shanghai"
SHIFTS = (("白班", "08:30", "17:30"), ("夜班", "17:30", "08:30"))


def _people(count: int) -> list[contract.Person]:
    """Distinct people of the demo 通讯录 (its ids, so the roster names them)."""
    from services.demo_contacts import demo_contacts

    seen, found = set(), []
    for record in demo_contacts():
        if record["kind"] == "person" and record["name"] not in seen:
            seen.add(record["name"])
            found.append(contract.Person(record["name"], record["mobile"], record["id"]))
    while len(found) < count:  # never short of people, whatever the 通讯录 holds
        found.append(contract.Person(f"演示值班员{len(found) + 1}", f"1390000{len(found):04d}"))
    return found[:count]


def seed_demo_roster(db: Database, _count: int = 1, room: str = "CQ", now: datetime | None = None) -> int:
    """Fills an empty room's duty records; returns the roster cells made (0 if it had shifts)."""
    now = now or datetime.now(UTC)
    stamp = iso(now)
    zone = ZoneInfo(ZONE)
    with Session(db.write) as s, s.begin():
        seed_duty_extras(s, room, zone, now)  # reminders and a roll call, each once
        if s.scalar(select(func.count()).select_from(ShiftPatternRow).where(ShiftPatternRow.room == room)):
            return 0
        posts = [[p.value, n] for p, n in contract.DEFAULT_POSTS]
        patterns = []
        for n, (name, start, end) in enumerate(SHIFTS):
            pid = str(uuid.uuid5(uuid.NAMESPACE_URL, f"watchroom-demo-shift:{room}:{name}"))
            s.add(ShiftPatternRow(id=pid, room=room, name=name, start_time=start, end_time=end, zone=ZONE,
                                  posts=json.dumps(posts), position=n, active=True, updated_at=stamp, version=1))
            patterns.append(contract.Pattern(pid, name, start, end, ZONE, tuple((p, c) for p, c in posts)))
        s.flush()
        for p in patterns:
            record_change(s, "shift_pattern", p.id, stamp)
        today = now.astimezone(zone).date()
        first = today.replace(day=1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        teams = _people(24)
        cells = 0
        shifts = contract.instances(patterns, first - timedelta(days=1), last)
        for index, (start, end, day, pattern) in enumerate(shifts):
            team = teams[(index % 4) * 6:(index % 4) * 6 + 6]
            seat = 0
            for post, count in pattern.posts:
                for slot in range(count):
                    person = team[seat]
                    seat += 1
                    cid = contract.cell_id(room, day.isoformat(), pattern.id, post, slot)
                    s.add(RosterEntryRow(id=cid, room=room, day=day.isoformat(), pattern_id=pattern.id, post=post,
                                         slot=slot, person_name=person.name, phone=person.phone,
                                         contact_id=person.contact_id, note="", starts_at=iso(start), ends_at=iso(end),
                                         updated_at=stamp, version=1, person_clock="{}"))
                    cells += 1
        s.flush()
        for cid in s.scalars(select(RosterEntryRow.id).where(RosterEntryRow.room == room)):
            record_change(s, "roster_entry", cid, stamp)
        publication = str(uuid.uuid4())
        s.add(RosterPublicationRow(id=publication, room=room, first_day=first.isoformat(), last_day=last.isoformat(),
                                   published_by="演示值班长", published_at=stamp, updated_at=stamp, version=1))
        s.flush()
        record_change(s, "roster_publish", publication, stamp)
        _handed_over(s, room, shifts, now, stamp)
        _swap_awaiting_approval(s, room, shifts, teams, now, stamp)
    return cells


def _swap_awaiting_approval(s: Session, room: str, shifts: list, teams: list, now: datetime, stamp: str) -> None:
    """A 调班 for the day after tomorrow, offered and accepted, awaiting the 值班长's approval."""
    coming = [(start, day, p) for start, _end, day, p in shifts if start > now + timedelta(days=2)]
    if not coming:
        return
    start, day, pattern = coming[0]
    entry = s.get(RosterEntryRow, contract.cell_id(room, day.isoformat(), pattern.id, contract.Post.OFFICER.value, 1))
    if entry is None:
        return
    rostered = {r.person_name for r in s.scalars(select(RosterEntryRow).where(
        RosterEntryRow.room == room, RosterEntryRow.starts_at >= iso(start - timedelta(hours=16)),
        RosterEntryRow.starts_at <= iso(start + timedelta(hours=16))))}
    taker = next((p for p in teams if p.name not in rostered), None)
    if taker is None:
        return
    offered, accepted = now - timedelta(hours=3), now - timedelta(hours=1)
    steps = [{"status": "offered", "by": entry.person_name, "at": iso(offered), "reason": "家中老人住院需陪护"},
             {"status": "accepted", "by": taker.name, "at": iso(accepted), "reason": ""}]
    sid = str(uuid.uuid5(uuid.NAMESPACE_URL, f"watchroom-demo-swap:{room}:{entry.id}"))
    s.add(DutySwapRow(id=sid, room=room, entry_id=entry.id, from_name=entry.person_name, from_phone=entry.phone,
                      from_contact_id=entry.contact_id, to_name=taker.name, to_phone=taker.phone,
                      to_contact_id=taker.contact_id, reason="家中老人住院需陪护", status="accepted",
                      steps=json.dumps(steps, ensure_ascii=False), created_at=iso(offered), updated_at=stamp,
                      version=2))
    s.flush()
    record_change(s, "duty_swap", sid, stamp)


def _handed_over(s: Session, room: str, shifts: list, now: datetime, stamp: str) -> None:
    """The three shifts before the one under way handed over and taken over; the
    demo account `duty` signed in to the one under way, as its rostered officer."""
    done = [(start, end, day, p) for start, end, day, p in shifts if end <= now][-3:]
    current = next(((start, end, day, p) for start, end, day, p in shifts if start <= now < end), None)
    for start, end, day, pattern in done:
        hid = contract.handover_id(room, day.isoformat(), pattern.id)
        items = [{"id": "todo:demo-1", "kind": "todo", "text": "关注主城区降雨，整点查看雨情", "detail": "",
                  "state": "confirmed", "note": "", "by": "演示值班员", "at": iso(end)},
                 {"id": "instruction:demo-1", "kind": "instruction", "text": "做好汛期24小时值班值守", "detail": "",
                  "state": "confirmed", "note": "", "by": "演示值班员", "at": iso(end)}]
        s.add(HandoverRow(id=hid, room=room, day=day.isoformat(), pattern_id=pattern.id,
                          shift_label=f"{day.isoformat()} {pattern.name}", starts_at=iso(start), ends_at=iso(end),
                          state="closed", handed_over_by="演示值班员", handed_over_at=iso(end - timedelta(minutes=10)),
                          closed_by="演示值班员", closed_at=iso(end), items=json.dumps(items, ensure_ascii=False),
                          updated_at=stamp, version=1))
        s.flush()
        record_change(s, "handover", hid, stamp)
    if current is None:
        return
    start, _end, day, pattern = current
    officer = s.scalar(select(RosterEntryRow).where(RosterEntryRow.id == contract.cell_id(
        room, day.isoformat(), pattern.id, contract.Post.OFFICER.value, 0)))
    if officer is None:
        return
    previous = done[-1] if done else None
    sid = str(uuid.uuid4())
    s.add(DutySignInRow(id=sid, room=room, day=day.isoformat(), pattern_id=pattern.id, post=officer.post,
                        person_name=officer.person_name, contact_id=officer.contact_id, account="duty",
                        workstation="", signed_at=iso(max(start, now - timedelta(minutes=5))), override_reason="",
                        follows_handover=contract.handover_id(room, previous[2].isoformat(), previous[3].id)
                        if previous else "", confirmed_at=stamp, updated_at=stamp, version=1,
                        updated_by_account="duty"))
    s.flush()
    record_change(s, "duty_signin", sid, stamp)

