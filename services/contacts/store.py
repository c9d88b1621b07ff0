"""应急通讯录 in the mirror: the organisation tree with its people, call groups,
and search by name, by phone digits or by pinyin initials (“cqyj” finds
重庆应急…). Saved with their operations for the platform, like resources."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import func, or_, select

from offline_cache.database import Mirror
from offline_cache.schema import ContactRow
from services.clock import Clock, SystemClock
from services.events import EventBus, RecordsChanged
from services.records.writer import RecordTable, save_records
from services.text_match import like_pattern

FIELDS = ("kind", "name", "parent_id", "role", "duty_phone", "mobile", "members", "notes")
ORG, PERSON, GROUP = "org", "person", "group"


def initials(name: str) -> str:
    """拼音首字母 of a name (letters and digits kept as they are), lower case."""
    # pypinyin's phrase tables take a while to load: only when a name needs them.
    from pypinyin import Style, lazy_pinyin

    return "".join(lazy_pinyin(name, style=Style.FIRST_LETTER, errors=lambda s: list(s))).lower()[:100]


def _stored(values: dict) -> dict:
    stored = dict(values)
    if "members" in stored:
        stored["members"] = json.dumps(stored["members"])
    if "name" in stored:
        stored["initials"] = initials(stored["name"])
    return stored


TABLE = RecordTable("contact", ContactRow, FIELDS, {"parent_id": "", "role": "", "duty_phone": "", "mobile": "",
                                                    "members": "[]", "notes": ""}, _stored)


@dataclass(frozen=True)
class Contact:
    id: str
    kind: str
    name: str
    parent_id: str = ""
    role: str = ""
    duty_phone: str = ""
    mobile: str = ""
    members: tuple[str, ...] = ()
    notes: str = ""
    pending_sync: bool = False
    path: tuple[str, ...] = field(default=(), compare=False)  # the organisations above, outermost first

    @property
    def phone(self) -> str:
        """The number to call or text first: the duty phone, else the mobile."""
        return self.duty_phone or self.mobile


def _contact(row: ContactRow) -> Contact:
    return Contact(row.id, row.kind, row.name, row.parent_id, row.role, row.duty_phone, row.mobile,
                   tuple(json.loads(row.members or "[]")), row.notes, row.sync_state == "pending")


class ContactStore:
    def __init__(self, mirror: Mirror, events: EventBus | None = None, clock: Clock | None = None):
        self.mirror, self.events, self.clock = mirror, events, clock or SystemClock()

    def save_many(self, records: Iterable[dict], *, share: bool = True) -> tuple[int, int]:
        created, updated, changed = save_records(self.mirror, TABLE, list(records), self.clock.now(), share=share)
        if changed and self.events is not None:
            self.events.publish(RecordsChanged("contact", tuple(changed)))
        return created, updated

    def all(self) -> list[Contact]:
        with self.mirror.read() as s:
            return [_contact(r) for r in s.scalars(select(ContactRow).order_by(ContactRow.kind, ContactRow.name))]

    def get_many(self, ids: Iterable[str]) -> list[Contact]:
        wanted = list(ids)
        with self.mirror.read() as s:
            found = {r.id: _contact(r) for start in range(0, len(wanted), 2000)
                     for r in s.scalars(select(ContactRow).where(ContactRow.id.in_(wanted[start:start + 2000])))}
        return [found[i] for i in wanted if i in found]

    def search(self, term: str, limit: int = 100) -> list[Contact]:
        """By name, pinyin initials (letters) or phone (digits)."""
        term = term.strip()
        if not term:
            return []
        conditions = [ContactRow.name.like(like_pattern(term), escape="\\")]
        if re.fullmatch(r"[A-Za-z]+", term):
            conditions.append(ContactRow.initials.like(like_pattern(term.lower()), escape="\\"))
        digits = re.sub(r"\D", "", term)
        if len(digits) >= 3:
            pattern = like_pattern(digits)
            conditions += [_digits(ContactRow.duty_phone).like(pattern, escape="\\"),
                           _digits(ContactRow.mobile).like(pattern, escape="\\")]
        with self.mirror.read() as s:
            rows = s.scalars(select(ContactRow).where(or_(*conditions))
                             .order_by(ContactRow.kind.desc(), ContactRow.name).limit(limit))
            return [_contact(r) for r in rows]

    def recipients(self, ids: Iterable[str]) -> list[Contact]:
        """People to notify: the people named and the members of the groups named, once each."""
        chosen = self.get_many(ids)
        member_ids = [m for c in chosen if c.kind == GROUP for m in c.members]
        people = [c for c in chosen if c.kind == PERSON] + [c for c in self.get_many(member_ids) if c.kind == PERSON]
        seen: set[str] = set()
        return [p for p in people if not (p.id in seen or seen.add(p.id))]


def _digits(column):
    """A phone column without its spaces, dashes, brackets and plus (SQL side)."""
    for char in (" ", "-", "(", ")", "+"):
        column = func.replace(column, char, "")
    return column
