"""交班 and 接班 through the handover package: the outgoing officer hands the
shift over with its items (built from the records, services/duty/handover_build.py,
plus what they add by hand); the incoming officer confirms each item or marks
it questioned with a note; the handover closes only when no item is left
pending, and once closed stays closed (services/duty/contract.py). Each
incident named gets a "交接班：移交 …" entry on its timeline, with an id derived
from the handover and the incident, so the platform's copy is the same entry."""

from __future__ import annotations

import json
from datetime import date, datetime

from sqlalchemy import select

from offline_cache.duty_schema import HandoverRow
from offline_cache.schema import IncidentRow
from services.duty.contract import (
    BY_HAND,
    HandoverState,
    ItemKind,
    ItemState,
    handover_entry_body,
    handover_entry_id,
    handover_id,
    incident_texts,
    item_can_mark,
    item_problem,
)
from services.duty.handover_build import build_items
from services.duty.model import Handover, HandoverItem, Shift, handover_of
from services.duty.record_kinds import search_text
from services.duty.refusals import DutyRefused, Refusal
from services.duty.room import DutyBase
from services.events import EntryAppended, IncidentChanged, RecordsChanged
from services.incidents.deadlines import ReportingRules
from services.input_checks import clean_text
from services.outbox import TIMELINE, queue
from services.text_match import like_pattern
from services.timefmt import to_db
from services.timeline import EntryKind, write_entry

ENTRY_EVENTS_MAX = 50  # beyond this many incidents, one bulk event instead of one each


class HandoverService(DutyBase):
    def __init__(self, *args, rules: ReportingRules, **kwargs):
        super().__init__(*args, **kwargs)
        self.rules = rules

    def build(self, shift: Shift, now: datetime | None = None) -> list[HandoverItem]:
        """The automatic items of the package of `shift`, as of now."""
        now = now or self.clock.now()
        coming = self.next_shift(shift.end - (shift.end - shift.start) / 2)
        return build_items(self.mirror, self.rules, shift, coming.end if coming else None, now)

    @staticmethod
    def hand_item(kind: ItemKind, text: str, detail: str = "", n: int = 0, now: datetime | None = None) -> HandoverItem:
        """An item the officer adds (待办, 设备故障, 领导批示)."""
        if kind not in BY_HAND:
            raise DutyRefused([Refusal("item_kind", kind.value)])
        text = clean_text(text, single_line=True)[:500]
        if not text:
            raise DutyRefused([Refusal("item_text")])
        stamp = (now.strftime("%Y%m%d%H%M%S%f") if now else "") + f"-{n}"
        return HandoverItem(f"{kind.value}:{stamp}"[:64], kind, text, clean_text(detail)[:500])

    def hand_over(self, shift: Shift, items: list[HandoverItem], author: str) -> Handover:
        """交班: the package of `shift` with its items, open for the incoming officer."""
        author = clean_text(author, single_line=True)[:100]
        hid = handover_id(self.room.code, shift.day.isoformat(), shift.pattern.id)
        plain = [i.as_dict() | {"state": ItemState.PENDING.value, "note": "", "by": "", "at": ""} for i in items]
        bad = [p for p in (item_problem(i) for i in plain) if p]
        if bad:
            raise DutyRefused([Refusal("item", bad[0])])
        now = self.clock.now()
        values = {"room": self.room.code, "day": shift.day.isoformat(), "pattern_id": shift.pattern.id,
                  "shift_label": shift.label[:64], "starts_at": to_db(shift.start), "ends_at": to_db(shift.end),
                  "handed_over_by": author, "items": plain}
        texts = incident_texts(plain)
        entries: list[tuple[str, str]] = []
        with self.mirror.write() as s:
            if s.scalar(select(HandoverRow.id).where(HandoverRow.id == hid)) is not None:
                raise DutyRefused([Refusal("handed_over", shift.label)])
            s.add(HandoverRow(id=hid, **{**values, "items": json.dumps(plain, ensure_ascii=False)},
                              state=HandoverState.OPEN.value, handed_over_at=to_db(now), closed_by="", closed_at="",
                              search_text=search_text(values["shift_label"], author, plain), updated_at=to_db(now),
                              version=1, sync_state="pending"))
            ids = list(texts)
            for start in range(0, len(ids), 500):
                for incident in s.scalars(select(IncidentRow).where(IncidentRow.id.in_(ids[start:start + 500]))):
                    entry = write_entry(s, incident, EntryKind.SYSTEM,
                                        handover_entry_body(values["shift_label"], author, texts[incident.id]), author,
                                        now, {"handover_id": hid}, handover_entry_id(hid, incident.id))
                    entries.append((incident.id, entry.id))
            queue(s, "handover", hid, "create", 0, {"id": hid, **values}, TIMELINE, now, hid)
        self._published(hid, entries)
        return self.get(hid)

    def mark(self, handover: str, marks: dict[str, tuple[ItemState, str]], author: str) -> Handover:
        """确认 or 存疑 (with a note) of items, by the incoming officer."""
        author = clean_text(author, single_line=True)[:100]
        now = self.clock.now()
        with self.mirror.write() as s:
            row = self._row(s, handover)
            if row.state == HandoverState.CLOSED.value:
                raise DutyRefused([Refusal("closed", row.shift_label)])
            items = json.loads(row.items)
            by_id = {i["id"]: i for i in items}
            sent = {}
            for item_id, (state, note) in marks.items():
                item = by_id.get(item_id)
                note = clean_text(note, single_line=True)[:500]
                if item is None or not item_can_mark(ItemState(item["state"]), ItemState(state)):
                    raise DutyRefused([Refusal("item_move", (item or {}).get("text", item_id), str(state))])
                if ItemState(state) == ItemState.QUESTIONED and not note:
                    raise DutyRefused([Refusal("note_required", item["text"])])
                item.update(state=ItemState(state).value, note=note, by=author, at=to_db(now))
                sent[item_id] = {"state": item["state"], "note": note, "by": author}
            if not sent:
                return handover_of(row)
            row.items = json.dumps(items, ensure_ascii=False)
            row.search_text = search_text(row.shift_label, row.handed_over_by, items)
            row.version, row.updated_at, row.sync_state = row.version + 1, to_db(now), "pending"
            queue(s, "handover", row.id, "update", row.version - 1, {"marks": sent}, TIMELINE, now, row.id)
        self.events.publish(RecordsChanged("handover", (handover,)))
        return self.get(handover)

    def close(self, handover: str, author: str) -> Handover:
        """接班完成: only when every item is confirmed or questioned."""
        author = clean_text(author, single_line=True)[:100]
        now = self.clock.now()
        with self.mirror.write() as s:
            row = self._row(s, handover)
            if row.state == HandoverState.CLOSED.value:
                raise DutyRefused([Refusal("closed", row.shift_label)])
            pending = sum(1 for i in json.loads(row.items) if i["state"] == ItemState.PENDING.value)
            if pending:
                raise DutyRefused([Refusal("items_open", row.shift_label, str(pending))])
            row.state, row.closed_by, row.closed_at = HandoverState.CLOSED.value, author, to_db(now)
            row.version, row.updated_at, row.sync_state = row.version + 1, to_db(now), "pending"
            queue(s, "handover", row.id, "advance", row.version - 1, {"state": HandoverState.CLOSED.value, "by": author},
                  TIMELINE, now, row.id)
        self.events.publish(RecordsChanged("handover", (handover,)))
        return self.get(handover)

    def get(self, handover: str) -> Handover:
        with self.mirror.read() as s:
            return handover_of(self._row(s, handover))

    def history(self, words: str = "", first: date | None = None, limit: int = 200) -> list[Handover]:
        """The room's handovers, newest first; `words` found in any item, note or name."""
        query = select(HandoverRow).where(HandoverRow.room == self.room.code)
        words = clean_text(words, single_line=True)
        if words:
            query = query.where(HandoverRow.search_text.like(like_pattern(words), escape="\\"))
        if first is not None:
            query = query.where(HandoverRow.day >= first.isoformat())
        with self.mirror.read() as s:
            return [handover_of(r) for r in s.scalars(query.order_by(HandoverRow.starts_at.desc()).limit(limit))]

    @staticmethod
    def _row(s, handover: str) -> HandoverRow:
        row = s.scalar(select(HandoverRow).where(HandoverRow.id == handover))
        if row is None:
            raise DutyRefused([Refusal("unknown_handover", handover)])
        return row

    def _published(self, hid: str, entries: list[tuple[str, str]]) -> None:
        self.events.publish(RecordsChanged("handover", (hid,)))
        if len(entries) > ENTRY_EVENTS_MAX:
            self.events.publish(IncidentChanged("", "bulk"))
            return
        for incident_id, entry_id in entries:
            self.events.publish(EntryAppended(incident_id, entry_id))
            self.events.publish(IncidentChanged(incident_id, "entry"))
