"""Notifications (短信 / 语音通知) sent by the platform for a watch room, with a
delivery status per recipient. The gateway is pluggable; the default one
writes each message to a log file and reports "logged": nothing pretends a
text was sent. A deployment plugs in its SMS/voice gateway (`--notify-gateway
module:Class`, a class with `name` and `send(channel, phone, text)`)."""

from __future__ import annotations

import importlib
import json
import re
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy.orm import Session

from server.change_log import record_change, timeline_entry
from server.db import IncidentRow, NotificationRow
from server.op_checks import OpRejected, received, same_id, text_check
from server.record_kind import ServerKind
from services.notifications.rules import CHANNELS, entry_body, entry_id
from services.sync.wire import Op, OpResult

PHONE = re.compile(r"^[0-9+\-() ]{3,40}$")
MAX_RECIPIENTS = 500


class Gateway(Protocol):
    name: str

    def send(self, channel: str, phone: str, text: str) -> tuple[str, str]:
        """(status, detail): status is "delivered", "sent", "failed" or "logged"."""


class LogGateway:
    """Writes each message to a file and says so: the reference platform has no
    SMS or voice line."""

    name = "log"

    def __init__(self, path: Path):
        self.path = Path(path)
        self._lock = threading.Lock()

    def send(self, channel: str, phone: str, text: str) -> tuple[str, str]:
        line = json.dumps({"at": datetime.now(UTC).isoformat(), "channel": channel, "phone": phone, "text": text},
                          ensure_ascii=False)
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as fh:
                fh.write(line + "\n")
        return "logged", f"written to {self.path.name}; not sent (no SMS/voice gateway configured)"


def load_gateway(spec: str, default_log: Path) -> Gateway:
    """"log" or "log:PATH" for the log gateway, "module:Class" for a deployment's own."""
    if not spec or spec == "log":
        return LogGateway(default_log)
    if spec.startswith("log:"):
        return LogGateway(Path(spec[4:]))
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)()


def create_notification(s: Session, op: Op, now: str) -> OpResult:
    payload = op.payload
    allowed = {"id", "incident_id", "channel", "text", "sender", "recipients"}
    if not set(payload) <= allowed or not {"id", "channel", "text", "recipients"} <= set(payload):
        raise OpRejected('a notification is {"id", "incident_id", "channel", "text", "sender", "recipients"}')
    same_id(op)
    if payload["channel"] not in CHANNELS:
        raise OpRejected(f"unknown channel {str(payload['channel'])[:20]!r}")
    text = text_check(payload["text"], "text", 500, required=True)
    sender = text_check(payload.get("sender", ""), "sender", 100)
    incident_id = text_check(payload.get("incident_id", ""), "incident_id", 36)
    recipients = _checked_recipients(payload["recipients"])
    if s.get(NotificationRow, op.entity_id) is not None:
        return OpResult(op_id=op.op_id, status="duplicate", reason="notification already sent")
    if incident_id and s.get(IncidentRow, incident_id) is None:
        raise OpRejected("incident unknown")
    gateway: Gateway = s.info["gateway"]
    for recipient in recipients:
        try:
            recipient["status"], recipient["detail"] = gateway.send(payload["channel"], recipient["phone"], text)
        except Exception as exc:  # noqa: BLE001 - one recipient's failure is reported, not fatal
            recipient["status"], recipient["detail"] = "failed", str(exc)[:200]
        recipient["at"] = now
    at = received(op, now)
    row = NotificationRow(id=op.entity_id, incident_id=incident_id, channel=payload["channel"], text=text,
                          sender=sender, created_at=at, recipients=json.dumps(recipients, ensure_ascii=False),
                          gateway=gateway.name, updated_at=now, version=1)
    s.add(row)
    s.flush()
    if incident_id:
        timeline_entry(s, entry_id=entry_id(row.id), incident_id=incident_id, kind="dispatch",
                       body=entry_body(payload["channel"], text, recipients),
                       data={"notification_id": row.id}, author=sender, created_at=at, now=now)
    return OpResult(op_id=op.op_id, status="applied", seq=record_change(s, "notification", row.id, now))


def _checked_recipients(value: Any) -> list[dict]:
    if not isinstance(value, list) or not 0 < len(value) <= MAX_RECIPIENTS:
        raise OpRejected(f"recipients must be a list of 1 to {MAX_RECIPIENTS}")
    out = []
    for item in value:
        if not isinstance(item, dict) or set(item) - {"contact_id", "name", "phone"}:
            raise OpRejected('each recipient is {"contact_id", "name", "phone"}')
        phone = item.get("phone", "")
        if not isinstance(phone, str) or not PHONE.match(phone):
            raise OpRejected(f"recipient {str(item.get('name'))[:20]!r} has no usable phone number")
        out.append({"contact_id": text_check(item.get("contact_id", ""), "contact_id", 36),
                    "name": text_check(item.get("name", ""), "name", 100), "phone": phone})
    return out


NOTIFICATION = ServerKind("notification", NotificationRow, {"create": create_notification},
                          ("id", "incident_id", "channel", "text", "sender", "created_at", "recipients",
                           "gateway", "updated_at", "version"),
                          json_columns={"recipients": "[]"}, references=("incident",))
