"""The duty side on the platform (issue 14), on SQLite and PostgreSQL: only the
值班长 (duty_chief) and admin keep the roster and approve swaps, whatever the
payload says; the roster's conflicts are refused with a reason; a swap only
moves forward and approval moves the people; a sign-in is its token's own
account's and follows the shift chain; a handover's confirmations merge
forward and a closed handover stays closed."""

from __future__ import annotations

import uuid
from datetime import timedelta

from services.duty import contract
from tests.server.conftest import T0, all_changes, create_op, incident_payload, iso, op, send

ROOM = "CQ"
DAY = "2026-11-22"  # T0 is 16:00 in Shanghai: the day shift 08:30–17:30 is under way


def pattern_op(name="白班", start="08:30", end="17:30", **over) -> dict:
    pid = over.pop("id", str(uuid.uuid4()))
    payload = {"id": pid, "room": ROOM, "name": name, "start_time": start, "end_time": end, "zone": "Asia/Shanghai",
               "posts": [["leader", 1], ["chief", 1], ["officer", 2], ["tech", 1]], "position": 0, "active": True,
               **over}
    return op("shift_pattern", pid, "create", payload)


def cell_op(pattern_id: str, name: str, *, day=DAY, post="officer", slot=0, phone="13900000000", **over) -> dict:
    cid = contract.cell_id(ROOM, day, pattern_id, post, slot)
    payload = {"id": cid, "room": ROOM, "day": day, "pattern_id": pattern_id, "post": post, "slot": slot,
               "person_name": name, "phone": phone, "contact_id": "", "note": "", **over}
    return op("roster_entry", cid, "create", payload)


def statuses(results) -> list[str]:
    return [r["status"] for r in results]


def shifts(client, tokens) -> tuple[str, str]:
    day, night = pattern_op(), pattern_op("夜班", "17:30", "08:30")
    assert statuses(send(client, tokens["duty_chief"], [day, night])) == ["applied", "applied"]
    return day["entity_id"], night["entity_id"]


def test_only_the_duty_chief_and_admin_keep_the_roster(client, tokens):
    day = pattern_op()
    refused = send(client, tokens["duty_officer"], [day])[0]
    assert refused["status"] == "rejected" and "duty_chief" in refused["reason"]
    assert statuses(send(client, tokens["admin"], [day])) == ["applied"]
    for role in ("duty_officer", "commander"):
        result = send(client, tokens[role], [cell_op(day["entity_id"], "张三")])[0]
        assert result["status"] == "rejected" and "may not change the roster" in result["reason"], role
    assert statuses(send(client, tokens["duty_chief"], [cell_op(day["entity_id"], "张三")])) == ["applied"]
    changes = [c["data"] for c in all_changes(client, tokens["viewer"]) if c["entity"] == "roster_entry"]
    assert changes[0]["person_name"] == "张三" and changes[0]["updated_by_account"] == "chief"


def test_roster_conflicts_are_refused_with_a_reason(client, tokens):
    day, night = shifts(client, tokens)
    chief = tokens["duty_chief"]
    assert statuses(send(client, chief, [cell_op(day, "张三")])) == ["applied"]
    overlap = send(client, chief, [cell_op(day, "张三", slot=1)])[0]
    assert overlap["status"] == "rejected" and "overlapping shift 2026-11-22 白班" in overlap["reason"]
    assert statuses(send(client, chief, [cell_op(night, "张三")])) == ["applied"]  # 24 h in a row: allowed
    too_long = send(client, chief, [cell_op(day, "张三", day="2026-11-23")])[0]
    assert too_long["status"] == "rejected" and "33 hours without a break" in too_long["reason"]
    other = send(client, chief, [cell_op(day, "张三", slot=1, phone="13911111111")])[0]
    assert other["status"] == "applied"  # another 张三: a different phone
    no_place = send(client, chief, [cell_op(day, "李四", slot=2)])[0]
    assert no_place["status"] == "rejected" and "no place 3" in no_place["reason"]
    far = send(client, chief, [cell_op(day, "李四", day="2030-01-01")])[0]
    assert far["status"] == "rejected" and "out of range" in far["reason"]
    forged = cell_op(day, "李四", post="leader")
    forged["payload"]["id"] = forged["entity_id"] = str(uuid.uuid4())
    assert "its cell's" in send(client, chief, [forged])[0]["reason"]
    long_shift = send(client, chief, [pattern_op("长班", "08:00", "08:00", posts=[["officer", 1]])])[0]
    assert long_shift["status"] == "applied"  # 24 hours: the default maximum
    times = send(client, chief, [op("shift_pattern", day, "update", {"fields": {"end_time": "18:00"}})])[0]
    assert times["status"] == "rejected" and "fixed" in times["reason"]


def test_a_publication_needs_every_post_filled_and_keeps_them_filled(client, tokens, server_clock):
    day, night = shifts(client, tokens)
    chief = tokens["duty_chief"]
    publication = {"id": str(uuid.uuid4()), "room": ROOM, "first_day": DAY, "last_day": DAY, "published_by": "值班长"}
    refused = send(client, chief, [op("roster_publish", publication["id"], "create", publication)])[0]
    assert refused["status"] == "rejected" and "10 posts are vacant" in refused["reason"]
    people = iter(f"值班员{n}" for n in range(20))
    cells = [cell_op(p, next(people), post=post, slot=slot, phone=f"1390000{n:04d}")
             for n, (p, post, slot) in enumerate((p, post, slot) for p in (day, night)
                                                 for post, count in (("leader", 1), ("chief", 1), ("officer", 2),
                                                                     ("tech", 1)) for slot in range(count))]
    assert set(statuses(send(client, chief, cells))) == {"applied"}
    assert statuses(send(client, chief, [op("roster_publish", publication["id"], "create", publication)])) == [
        "applied"]
    server_clock.advance(minutes=1)
    vacate = op("roster_entry", cells[0]["entity_id"], "update",
                {"fields": {"person_name": "", "phone": "", "contact_id": "", "note": ""}}, at=T0 + timedelta(minutes=1))
    result = send(client, chief, [vacate])[0]
    assert result["status"] == "rejected" and "published" in result["reason"]


def swap_op(entry_id: str, to_name: str, **over) -> dict:
    sid = str(uuid.uuid4())
    payload = {"id": sid, "room": ROOM, "entry_id": entry_id, "from_name": "张三", "from_phone": "13900000000",
               "to_name": to_name, "to_phone": "13922222222", "reason": "家中有事", "by": "张三", **over}
    return op("duty_swap", sid, "create", payload)


def step_op(swap_id: str, status: str, reason: str = "", by: str = "某人") -> dict:
    return op("duty_swap", swap_id, "advance", {"status": status, "by": by, "reason": reason})


def test_a_swap_moves_forward_and_only_an_approver_approves(client, tokens):
    day, _night = shifts(client, tokens)
    cell = cell_op(day, "张三")
    send(client, tokens["duty_chief"], [cell])
    offer = swap_op(cell["entity_id"], "王五")
    duty = tokens["duty_officer"]
    assert statuses(send(client, duty, [offer])) == ["applied"]
    sid = offer["entity_id"]
    assert "reason" in send(client, duty, [step_op(sid, "declined")])[0]["reason"]  # a refusal gives its reason
    assert statuses(send(client, duty, [step_op(sid, "accepted", by="王五")])) == ["applied"]
    refused = send(client, duty, [step_op(sid, "approved")])[0]
    assert refused["status"] == "rejected" and "approve" in refused["reason"]
    assert statuses(send(client, tokens["duty_chief"], [step_op(sid, "approved", by="值班长")])) == ["applied"]
    late = send(client, duty, [step_op(sid, "withdrawn")])[0]
    assert late["status"] == "merged" and "approved" in late["reason"]  # forward only: nothing changes
    latest = {c["entity_id"]: c["data"] for c in all_changes(client, duty)}
    assert latest[cell["entity_id"]]["person_name"] == "王五"
    swap = latest[sid]
    assert [(s["status"], s["account"]) for s in swap["steps"]] == [
        ("offered", "duty"), ("accepted", "duty"), ("approved", "chief")]
    # undone only by a new swap, through the same steps
    back = swap_op(cell["entity_id"], "张三", from_name="王五", reverses=sid)
    assert statuses(send(client, duty, [back, step_op(back["entity_id"], "accepted")])) == ["applied", "applied"]
    assert statuses(send(client, tokens["admin"], [step_op(back["entity_id"], "approved")])) == ["applied"]
    latest = {c["entity_id"]: c["data"] for c in all_changes(client, duty)}
    assert latest[cell["entity_id"]]["person_name"] == "张三" and latest[sid]["status"] == "approved"


def test_an_approval_that_would_double_book_is_refused(client, tokens):
    day, night = shifts(client, tokens)
    chief = tokens["duty_chief"]
    mine, theirs = cell_op(day, "张三"), cell_op(day, "王五", slot=1, phone="13922222222")
    send(client, chief, [mine, theirs])
    offer = swap_op(mine["entity_id"], "王五")  # 王五 is on the same shift already
    send(client, tokens["duty_officer"], [offer, step_op(offer["entity_id"], "accepted")])
    refused = send(client, chief, [step_op(offer["entity_id"], "approved")])[0]
    assert refused["status"] == "rejected" and "overlapping" in refused["reason"]


def test_an_exchange_moves_both_people(client, tokens):
    day, night = shifts(client, tokens)
    chief = tokens["duty_chief"]
    mine, theirs = cell_op(day, "张三"), cell_op(night, "王五", day="2026-11-23", phone="13922222222")
    send(client, chief, [mine, theirs])
    exchange = swap_op(mine["entity_id"], "王五", counter_entry_id=theirs["entity_id"])
    steps = [exchange, step_op(exchange["entity_id"], "accepted", by="王五")]
    assert statuses(send(client, tokens["duty_officer"], steps)) == ["applied", "applied"]
    assert statuses(send(client, chief, [step_op(exchange["entity_id"], "approved")])) == ["applied"]
    latest = {c["entity_id"]: c["data"] for c in all_changes(client, chief)}
    assert (latest[mine["entity_id"]]["person_name"], latest[theirs["entity_id"]]["person_name"]) == ("王五", "张三")
    assert latest[theirs["entity_id"]]["phone"] == "13900000000"


def signin_op(pattern_id: str, account: str, *, day=DAY, override="", **over) -> dict:
    sid = str(uuid.uuid4())
    payload = {"id": sid, "room": ROOM, "day": day, "pattern_id": pattern_id, "post": "officer",
               "person_name": "李四", "contact_id": "", "account": account, "workstation": "ws-1",
               "signed_at": iso(T0), "override_reason": override, "follows_handover": "", **over}
    return op("duty_signin", sid, "create", payload)


def handover_op(pattern_id: str, items: list[dict], *, day=DAY, label="2026-11-22 白班") -> dict:
    hid = contract.handover_id(ROOM, day, pattern_id)
    payload = {"id": hid, "room": ROOM, "day": day, "pattern_id": pattern_id, "shift_label": label,
               "starts_at": iso(T0), "ends_at": iso(T0), "handed_over_by": "张三", "items": items}
    return op("handover", hid, "create", payload)


def test_a_shift_is_taken_over_after_the_one_before_handed_over(client, tokens):
    day, night = shifts(client, tokens)
    duty = tokens["duty_officer"]
    before = send(client, duty, [signin_op(night, "duty")])[0]
    assert before["status"] == "rejected" and "has not handed over" in before["reason"]
    other = send(client, duty, [signin_op(night, "chief", override="x")])[0]
    assert other["status"] == "rejected" and "its own account" in other["reason"]
    forced = signin_op(night, "duty", override="交班人突发疾病，经带班领导同意接班")
    assert statuses(send(client, duty, [forced])) == ["applied"]
    incident = incident_payload()
    item = {"id": f"incident:{incident['id']}", "kind": "incident", "text": "CQ-2026-0001 Landslide at Wulong",
            "incident_id": incident["id"], "ref": incident["id"]}
    todo = {"id": "todo:1", "kind": "todo", "text": "检查备用发电机"}
    handed = handover_op(day, [item, todo])
    assert statuses(send(client, duty, [create_op(incident), handed])) == ["applied", "applied"]
    assert statuses(send(client, duty, [signin_op(night, "duty")])) == ["applied"]
    latest = {c["entity_id"]: c["data"] for c in all_changes(client, duty)}
    assert latest[forced["entity_id"]]["override_reason"].startswith("交班人突发疾病")
    assert latest[forced["entity_id"]]["confirmed_at"] and latest[forced["entity_id"]]["updated_by_account"] == "duty"
    entry = latest[contract.handover_entry_id(handed["entity_id"], incident["id"])]
    assert entry["body"] == "交接班：移交 2026-11-22 白班（交班人：张三）：CQ-2026-0001 Landslide at Wulong"
    assert entry["kind"] == "system" and entry["author_account"] == "duty"


def test_a_handover_closes_only_when_every_item_is_answered_and_stays_closed(client, tokens):
    day, _night = shifts(client, tokens)
    duty = tokens["duty_officer"]
    items = [{"id": "todo:1", "kind": "todo", "text": "检查备用发电机"}, {"id": "fault:1", "kind": "fault",
                                                                     "text": "三号大屏信号中断"}]
    handed = handover_op(day, items)
    hid = handed["entity_id"]
    send(client, duty, [handed])
    close = op("handover", hid, "advance", {"state": "closed", "by": "李四"})
    refused = send(client, duty, [close])[0]
    assert refused["status"] == "rejected" and "2 items" in refused["reason"]
    question = op("handover", hid, "update", {"marks": {"fault:1": {"state": "questioned", "note": "", "by": "李四"}}})
    assert "note" in send(client, duty, [question])[0]["reason"]
    marks = {"todo:1": {"state": "confirmed", "note": "", "by": "李四"},
             "fault:1": {"state": "questioned", "note": "厂家明早到场", "by": "李四"}}
    assert statuses(send(client, duty, [op("handover", hid, "update", {"marks": marks})])) == ["applied"]
    again = op("handover", hid, "update", {"marks": {"todo:1": {"state": "questioned", "note": "?", "by": "王五"}}})
    assert send(client, duty, [again])[0]["status"] == "merged"  # confirmed stays confirmed
    assert statuses(send(client, duty, [op("handover", hid, "advance", {"state": "closed", "by": "李四"})])) == [
        "applied"]
    late = op("handover", hid, "update", {"marks": {"fault:1": {"state": "confirmed", "note": "", "by": "王五"}}})
    assert send(client, duty, [late])[0]["status"] == "merged"
    record = {c["entity_id"]: c["data"] for c in all_changes(client, duty)}[hid]
    assert record["state"] == "closed" and record["closed_by"] == "李四"
    assert [(i["state"], i["note"]) for i in record["items"]] == [("confirmed", ""), ("questioned", "厂家明早到场")]
    twice = handover_op(day, items)
    assert send(client, duty, [twice])[0]["status"] == "duplicate"


def test_the_maximum_duty_is_the_platforms_setting(tmp_path, key_file):
    from fastapi.testclient import TestClient

    from server.app import add_user, create_app
    from tests.server.conftest import PASSWORD, login

    app = create_app(f"sqlite:///{tmp_path / 'twelve.db'}", key_file=key_file, duty_max_hours=12,
                     clock=lambda: T0)
    add_user(app.state.db, "chief", PASSWORD, "duty_chief")
    with TestClient(app) as client:
        chief = {"Authorization": "Bearer " + login(client, "chief").json()["access_token"]}
        long_shift = send(client, chief, [pattern_op("长白班", "08:00", "21:00")])[0]
        assert long_shift["status"] == "rejected" and "maximum of 12 hours" in long_shift["reason"]
        day, night = pattern_op("白班", "08:00", "17:00"), pattern_op("晚班", "17:00", "23:00")
        assert statuses(send(client, chief, [day, night])) == ["applied", "applied"]
        assert statuses(send(client, chief, [cell_op(day["entity_id"], "张三")])) == ["applied"]
        both = send(client, chief, [cell_op(night["entity_id"], "张三")])[0]
        assert both["status"] == "rejected" and "15 hours without a break; at most 12" in both["reason"]
