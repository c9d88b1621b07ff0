"""Notifications on the platform (SQLite and PostgreSQL): each recipient gets
a delivery status from the gateway; the reference log gateway writes the
message down and says "logged", never "sent"; the incident's timeline says so."""

from __future__ import annotations

import json
import uuid

from server.notifications import LogGateway
from tests.server.conftest import all_changes, create_op, incident_payload, op, send


def notification(incident_id: str = "", **over) -> dict:
    payload = {"id": str(uuid.uuid4()), "incident_id": incident_id, "channel": "sms", "text": "请立即到指挥中心集合",
               "sender": "陈晓", "recipients": [{"contact_id": "p1", "name": "王建国", "phone": "139 0000 1111"},
                                                {"contact_id": "p2", "name": "李晓梅", "phone": "138-0000-2222"}]}
    payload.update(over)
    return payload


class Refusing:
    name = "carrier"

    def send(self, channel, phone, text):
        if phone.startswith("138"):
            raise ConnectionError("carrier refused")
        return "sent", "accepted by the carrier"


def test_the_log_gateway_logs_and_says_so(client, tokens, app, tmp_path):
    app.state.gateway = LogGateway(tmp_path / "notifications.log")
    duty = tokens["duty_officer"]
    incident = incident_payload()
    send(client, duty, [create_op(incident)])
    payload = notification(incident["id"])
    assert send(client, duty, [op("notification", payload["id"], "create", payload)])[0]["status"] == "applied"
    assert send(client, duty, [op("notification", payload["id"], "create", payload)])[0]["status"] == "duplicate"
    lines = [json.loads(x) for x in (tmp_path / "notifications.log").read_text(encoding="utf-8").splitlines()]
    assert [x["phone"] for x in lines] == ["139 0000 1111", "138-0000-2222"]  # written once
    changes = all_changes(client, duty)
    [record] = [c["data"] for c in changes if c["entity"] == "notification"]
    assert record["gateway"] == "log" and {r["status"] for r in record["recipients"]} == {"logged"}
    assert "not sent" in record["recipients"][0]["detail"]
    [entry] = [c["data"] for c in changes if c["entity"] == "entry" and c["data"]["kind"] == "dispatch"]
    assert "短信通知 王建国、李晓梅" in entry["body"] and "未实际发送" in entry["body"]


def test_a_recipient_the_gateway_refuses_is_reported_failed(client, tokens, app):
    app.state.gateway = Refusing()
    duty = tokens["duty_officer"]
    payload = notification(channel="voice")
    assert send(client, duty, [op("notification", payload["id"], "create", payload)])[0]["status"] == "applied"
    [record] = [c["data"] for c in all_changes(client, duty) if c["entity"] == "notification"]
    assert [r["status"] for r in record["recipients"]] == ["sent", "failed"]
    bad = [notification(channel="pigeon"), notification(text=""), notification(recipients=[]),
           notification(recipients=[{"contact_id": "x", "name": "无号码", "phone": ""}]),
           notification(incident_id="no-such-incident")]
    assert [r["status"] for r in send(client, duty, [op("notification", p["id"], "create", p) for p in bad])] \
        == ["rejected"] * 5
