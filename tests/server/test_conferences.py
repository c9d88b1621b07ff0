"""会商 on the platform (SQLite and PostgreSQL): opened on an incident with
its invitations, participants' flags reported through the bridge endpoint,
closed; opening and closing on the incident's timeline."""

from __future__ import annotations

import uuid

from services.conference.rules import entry_id
from services.sync.wire import API_PREFIX
from tests.server.conftest import all_changes, create_op, entry_op, incident_payload, op, send


def test_a_conference_is_held_and_closed(client, tokens):
    duty = tokens["duty_officer"]
    incident = incident_payload()
    send(client, duty, [create_op(incident)])
    cid = str(uuid.uuid4())
    invite = [{"id": "site-wz", "kind": "site", "name": "万州区应急局"},
              {"id": "p1", "kind": "contact", "name": "王建国"}]
    payload = {"id": cid, "incident_id": incident["id"], "title": "关于山体滑坡的会商", "opened_by": "duty",
               "participants": invite}
    assert send(client, duty, [op("conference", cid, "create", payload)])[0]["status"] == "applied"
    joined = client.post(f"{API_PREFIX}/conferences/{cid}/participants/site-wz", headers=duty,
                         json={"joined": True, "video_url": "rtsp://127.0.0.1:8554/wz"})
    assert joined.status_code == 200
    assert client.post(f"{API_PREFIX}/conferences/{cid}/participants/site-wz", headers=duty,
                       json={"speaking": True}).status_code == 200
    assert client.post(f"{API_PREFIX}/conferences/{cid}/participants/nobody", headers=duty,
                       json={"joined": True}).status_code == 404
    assert client.post(f"{API_PREFIX}/conferences/{cid}/participants/p1", headers=tokens["viewer"],
                       json={"joined": True}).status_code == 403
    [more] = send(client, duty, [op("conference", cid, "update", {"invite": [{"id": "site-ql", "kind": "site",
                                                                              "name": "黔江区应急局"}]})])
    assert more["status"] == "applied"
    minutes = entry_op(incident["id"], "minutes", "各方同意先行转移下游群众")
    decision = entry_op(incident["id"], "decision", "启动三级应急响应")
    assert [r["status"] for r in send(client, duty, [minutes, decision])] == ["applied", "applied"]
    assert send(client, duty, [op("conference", cid, "update", {"close": True, "by": "duty"})])[0]["status"] == "applied"
    assert send(client, duty, [op("conference", cid, "update", {"invite": []})])[0]["status"] == "merged"
    changes = all_changes(client, duty)
    [record] = [c["data"] for c in changes if c["entity"] == "conference"][-1:]
    assert record["state"] == "closed" and record["closed_at"]
    wz = next(p for p in record["participants"] if p["id"] == "site-wz")
    assert wz["joined"] and wz["speaking"] and not wz["muted"] and wz["video_url"].startswith("rtsp://")
    assert [p["name"] for p in record["participants"]] == ["万州区应急局", "王建国", "黔江区应急局"]
    bodies = {c["data"]["id"]: c["data"]["body"] for c in changes if c["entity"] == "entry"}
    assert bodies[entry_id(cid, "opened")].startswith("会商开始：关于山体滑坡的会商")
    assert bodies[entry_id(cid, "closed")] == "会商结束：关于山体滑坡的会商"
    bad = [{"id": "x1", "incident_id": "nope", "title": "t", "participants": []},
           {"id": "x2", "incident_id": incident["id"], "title": "", "participants": []},
           {"id": "x3", "incident_id": incident["id"], "title": "t", "participants": [{"id": "a", "kind": "robot",
                                                                                      "name": "n"}]}]
    assert [r["status"] for r in send(client, duty, [op("conference", b["id"], "create", b) for b in bad])] \
        == ["rejected"] * 3
