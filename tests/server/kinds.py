"""A good create (or append) of every record kind the platform syncs, shaped as
the client sends it, for tests that loop over the kinds."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import timedelta

from tests.server.conftest import T0, incident_payload, iso, op


def _id() -> str:
    return str(uuid.uuid4())


def incident(_incident_id: str, **over) -> dict:
    payload = incident_payload(code=f"2026-{uuid.uuid4().int % 10**6:06d}", **over)
    return op("incident", payload["id"], "create", payload)


def entry(incident_id: str, **over) -> dict:
    eid = _id()
    payload = {"id": eid, "incident_id": incident_id, "kind": "note", "body": "回访报警人", "data": {"x": 1},
               "author": "duty", "created_at": iso(T0), **over}
    return op("entry", payload["id"], "append", payload)


def resource(_incident_id: str, **over) -> dict:
    payload = {"id": _id(), "kind": "team", "name": "渝中区消防救援站", "lat": 29.55, "lon": 106.57,
               "contact": "王队长", "phone": "023-6000000", "available": True,
               "details": {"headcount": 35, "specialty": "城市搜救"}, **over}
    return op("resource", payload["id"], "create", payload)


def camera(_incident_id: str, **over) -> dict:
    payload = {"id": _id(), "name": "解放碑东口", "group_path": "渝中区/解放碑", "lat": 29.56, "lon": 106.58,
               "main_url": "rtsp://127.0.0.1:8554/cam1", "sub_url": "", "ptz": False, "platform": "GB28181",
               "online": True, **over}
    return op("camera", payload["id"], "create", payload)


def contact(_incident_id: str, **over) -> dict:
    payload = {"id": _id(), "kind": "group", "name": "防汛值班群", "members": ["p1", "p2"], **over}
    return op("contact", payload["id"], "create", payload)


def order(incident_id: str, **over) -> dict:
    payload = {"id": _id(), "incident_id": incident_id, "target_kind": "team", "target_id": "r1",
               "target_name": "渝中区消防救援站", "content": "立即前往解放碑东口救援", "priority": "urgent",
               "required_arrival": iso(T0 + timedelta(minutes=20)), "ack_deadline": iso(T0 + timedelta(minutes=5)),
               "issued_by": "duty", "issued_at": iso(T0), **over}
    return op("order", payload["id"], "create", payload)


def notification(incident_id: str, **over) -> dict:
    payload = {"id": _id(), "incident_id": incident_id, "channel": "sms", "text": "请立即到指挥中心集合",
               "sender": "陈晓", "recipients": [{"contact_id": "p1", "name": "王建国", "phone": "139 0000 1111"}],
               **over}
    return op("notification", payload["id"], "create", payload)


def conference(incident_id: str, **over) -> dict:
    payload = {"id": _id(), "incident_id": incident_id, "title": "关于山体滑坡的会商", "opened_by": "duty",
               "participants": [{"id": "site-wz", "kind": "site", "name": "万州区应急局"}], **over}
    return op("conference", payload["id"], "create", payload)


# entity -> a builder of a good op, given the id of an incident that exists
GOOD: dict[str, Callable[..., dict]] = {
    "incident": incident, "entry": entry, "resource": resource, "camera": camera, "contact": contact,
    "order": order, "notification": notification, "conference": conference,
}  # fmt: skip
