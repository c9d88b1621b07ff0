"""通知: a text or voice message to people and call groups, sent by the platform
through its gateway. Written here first (待发送, queued ahead of ordinary work)
so nothing is lost offline; each recipient's status comes back with sync."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from offline_cache.database import Mirror
from offline_cache.schema import NotificationRow
from services.clock import Clock, SystemClock
from services.contacts.store import ContactStore
from services.events import EventBus, RecordsChanged
from services.input_checks import Problem, ValidationError, check_length, clean_text
from services.notifications.rules import CHANNELS
from services.outbox import URGENT, queue
from services.timefmt import from_db, to_db

TEXT_MAX = 500


@dataclass(frozen=True)
class Recipient:
    contact_id: str
    name: str
    phone: str
    status: str = "queued"  # services/notifications/rules.STATUSES
    detail: str = ""


@dataclass(frozen=True)
class Notification:
    id: str
    incident_id: str
    channel: str
    text: str
    sender: str
    created_at: datetime
    recipients: tuple[Recipient, ...]
    gateway: str = ""
    pending_sync: bool = False


def _notification(row: NotificationRow) -> Notification:
    recipients = tuple(Recipient(r.get("contact_id", ""), r.get("name", ""), r.get("phone", ""),
                                 r.get("status", "queued"), r.get("detail", ""))
                       for r in json.loads(row.recipients or "[]"))
    return Notification(row.id, row.incident_id, row.channel, row.text, row.sender, from_db(row.created_at),
                        recipients, row.gateway, row.sync_state == "pending")


class NotificationService:
    def __init__(self, mirror: Mirror, contacts: ContactStore, events: EventBus | None = None,
                 clock: Clock | None = None):
        self.mirror, self.contacts = mirror, contacts
        self.events = events or EventBus()
        self.clock = clock or SystemClock()

    def send(self, incident_id: str, channel: str, text: str, contact_ids: Iterable[str], author: str) -> Notification:
        text = clean_text(text)
        problems: list[Problem] = []
        if channel not in CHANNELS:
            problems.append(Problem("channel", "unknown"))
        if not text:
            problems.append(Problem("text", "required"))
        check_length(problems, "text", text, TEXT_MAX)
        people = self.contacts.recipients(contact_ids)
        if not people:
            problems.append(Problem("recipients", "required"))
        if any(not p.phone for p in people):  # the form names them (without_phone)
            problems.append(Problem("recipients", "no_phone"))
        if problems:
            raise ValidationError(problems)
        now = self.clock.now()
        recipients = [{"contact_id": p.id, "name": p.name, "phone": p.phone} for p in people]
        notification_id = str(uuid.uuid4())
        payload = {"id": notification_id, "incident_id": incident_id, "channel": channel, "text": text,
                   "sender": author, "recipients": recipients}
        with self.mirror.write() as s:
            s.add(NotificationRow(id=notification_id, incident_id=incident_id, channel=channel, text=text,
                                  sender=author, created_at=to_db(now),
                                  recipients=json.dumps([{**r, "status": "queued"} for r in recipients],
                                                        ensure_ascii=False),
                                  gateway="", updated_at=to_db(now), version=1, sync_state="pending"))
            queue(s, "notification", notification_id, "create", 0, payload, URGENT, now, notification_id)
        self.events.publish(RecordsChanged("notification", (notification_id,)))
        return self.get(notification_id)

    def without_phone(self, contact_ids: Iterable[str]) -> list[str]:
        """The names of the people these would reach who have no number to text or call."""
        return [p.name for p in self.contacts.recipients(contact_ids) if not p.phone]

    def get(self, notification_id: str) -> Notification:
        with self.mirror.read() as s:
            return _notification(s.scalar(select(NotificationRow).where(NotificationRow.id == notification_id)))

    def recent(self, incident_id: str = "", limit: int = 200) -> list[Notification]:
        stmt = select(NotificationRow).order_by(NotificationRow.created_at.desc()).limit(limit)
        if incident_id:
            stmt = stmt.where(NotificationRow.incident_id == incident_id)
        with self.mirror.read() as s:
            return [_notification(r) for r in s.scalars(stmt)]
