"""The duty side between workstations through a live platform: the shift chain
(taken over only after the shift before handed over, or with a recorded
override), the handover with its confirmations across two workstations and
its timeline entries made once, swaps through their life with the roles
enforced by the platform, and a sign-in at a backup site without a link that
the platform confirms when the link returns."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from services.duty.contract import (
    HandoverState,
    ItemKind,
    ItemState,
    Person,
    Post,
    SwapStatus,
    handover_entry_id,
)
from services.duty.refusals import DutyRefused
from services.sync import outbox_store
from tests.duty.scene import MORNING, PEOPLE, add_duty_users, fill, station
from tests.faultproxy import FaultProxy
from tests.helpers import draft, order_draft
from tests.server.live_server import start_live_server

DAY = date(2026, 12, 1)


@pytest.fixture
def clock():
    from services.clock import ManualClock

    return ManualClock(MORNING)


@pytest.fixture
def live(tmp_path, clock):
    server = start_live_server("sqlite:///" + str(tmp_path / "platform.db"), clock=clock.now)
    add_duty_users(server)
    yield server
    server.stop()


@pytest.fixture
def hq(tmp_path, live, clock):
    """The 值班长's workstation, with the room's shifts and a roster from yesterday to tomorrow."""
    chief = station(tmp_path / "hq.db", [live.url], clock, user="chief", password="chief-pw")
    chief.duty.roster.add_default_patterns()
    fill(chief.duty, DAY - timedelta(days=1), DAY + timedelta(days=1))
    assert chief.sync()
    yield chief
    chief.close()


@pytest.fixture
def desk(tmp_path, live, clock, hq):
    officer = station(tmp_path / "desk.db", [live.url], clock, user="duty", password="duty-pw")
    assert officer.sync()
    yield officer
    officer.close()


def rejected(st) -> list[str]:
    return [op.reason for op in outbox_store.rejected(st.client.mirror)]


def test_a_shift_is_taken_over_only_after_the_one_before_handed_over(hq, desk, clock):
    shift = desk.duty.shifts.shift_at(clock.now())
    assert shift.label == "2026-12-01 白班"
    with pytest.raises(DutyRefused) as refused:
        desk.duty.shifts.sign_in(shift, Post.OFFICER, PEOPLE[12].name, "duty")
    assert [(r.code, r.subject, r.other) for r in refused.value.refusals] == [
        ("chain", "2026-12-01 白班", "2026-11-30 夜班")]
    forced = desk.duty.shifts.sign_in(shift, Post.OFFICER, PEOPLE[12].name, "duty",
                                      override_reason="夜班交班人突发疾病送医，经带班领导同意直接接班")
    assert forced.override_reason and not forced.confirmed
    assert desk.sync() and rejected(desk) == []
    assert desk.duty.shifts.signin(forced.id).confirmed  # the platform's copy came back
    assert hq.sync()
    seen = hq.duty.shifts.signins(shift)
    assert [(s.person_name, s.account, s.override_reason[:4]) for s in seen] == [(PEOPLE[12].name, "duty", "夜班交班")]
    # the day shift hands over; the night shift is taken over without an override
    hq.duty.handovers.hand_over(shift, [], PEOPLE[12].name)
    assert hq.sync() and desk.sync()
    clock.set(shift.end)
    night = desk.duty.shifts.shift_at(clock.now())
    taken = desk.duty.shifts.sign_in(night, Post.CHIEF, PEOPLE[19].name, "duty")
    assert taken.override_reason == ""
    assert desk.sync() and rejected(desk) == [] and desk.duty.shifts.signin(taken.id).confirmed
    now = hq.duty.shifts.on_duty()
    assert hq.sync() and now.shift.label == "2026-12-01 夜班"
    assert hq.duty.shifts.on_duty().signins[0].person_name == PEOPLE[19].name


def test_the_handover_is_confirmed_at_another_workstation(hq, desk, clock):
    incident = hq.client.incidents.create_incident(draft(clock), "值班员")
    order = hq.client.dispatch.issue(order_draft(incident.id), "值班员")
    shift = hq.duty.shifts.shift_at(clock.now())
    items = hq.duty.handovers.build(shift)
    assert [i.kind for i in items] == [ItemKind.REPORT_DUE, ItemKind.ORDER]
    assert items[1].ref == order.id and items[1].due_kind == "ack"
    items += [hq.duty.handovers.hand_item(ItemKind.FAULT, "三号大屏无信号", "已报修", 1, clock.now()),
              hq.duty.handovers.hand_item(ItemKind.INSTRUCTION, "市领导批示：加强夜间巡查", "", 2, clock.now())]
    handed = hq.duty.handovers.hand_over(shift, items, "张建国")
    entry_id = handover_entry_id(handed.id, incident.id)
    assert [e.body for e in hq.client.incidents.timeline(incident.id) if e.id == entry_id] == [
        f"交接班：移交 2026-12-01 白班（交班人：张建国）：{incident.code} {incident.title}；渝中区消防救援站："
        "立即前往解放碑东口，搜救被困人员"]
    assert hq.sync() and rejected(hq) == []
    assert desk.sync()
    theirs = desk.duty.handovers.get(handed.id)
    assert theirs.state == HandoverState.OPEN and theirs.outstanding == 4
    with pytest.raises(DutyRefused):
        desk.duty.handovers.close(handed.id, "李晓梅")  # items still pending
    with pytest.raises(DutyRefused):  # questioned needs a note
        desk.duty.handovers.mark(handed.id, {"fault:1": (ItemState.QUESTIONED, "")}, "李晓梅")
    marks = {i.id: (ItemState.CONFIRMED, "") for i in theirs.items}
    marks[theirs.items[2].id] = (ItemState.QUESTIONED, "厂家说明早才能到，需跟进")
    desk.duty.handovers.mark(handed.id, marks, "李晓梅")
    desk.duty.handovers.close(handed.id, "李晓梅")
    assert desk.sync() and rejected(desk) == []
    assert hq.sync()
    ours = hq.duty.handovers.get(handed.id)
    assert ours.state == HandoverState.CLOSED and ours.closed_by == "李晓梅" and not ours.pending_sync
    assert [(i.state, i.note) for i in ours.items][2] == (ItemState.QUESTIONED, "厂家说明早才能到，需跟进")
    with pytest.raises(DutyRefused):
        hq.duty.handovers.mark(handed.id, {theirs.items[2].id: (ItemState.CONFIRMED, "")}, "张建国")
    # one timeline entry on each workstation, the same on both
    for st in (hq, desk):
        assert [e.id for e in st.client.incidents.timeline(incident.id)].count(entry_id) == 1
    assert [e.body for e in desk.client.incidents.timeline(incident.id) if e.id == entry_id][0].startswith("交接班：移交")
    assert hq.duty.handovers.history("大屏")[0].id == handed.id  # kept and searchable
    assert desk.duty.handovers.history("跟进")[0].id == handed.id and hq.duty.handovers.history("不存在的词") == []


def test_a_swap_through_its_life_with_the_roles(hq, desk, clock):
    day, _night = hq.duty.roster.patterns()
    tomorrow = DAY + timedelta(days=1)
    cell = hq.duty.roster.month(tomorrow, tomorrow).cells[(tomorrow, day.id, "officer", 0)]
    giver, taker = cell.person, Person("替班 钱七", "13977777777")
    offer = desk.duty.swaps.offer(cell.id, taker, "家中老人住院", giver.name)
    with pytest.raises(DutyRefused) as reason:
        desk.duty.swaps.step(offer.id, SwapStatus.DECLINED, "钱七")
    assert reason.value.refusals[0].code == "reason_required"
    desk.duty.swaps.step(offer.id, SwapStatus.ACCEPTED, "钱七")
    desk.duty.swaps.step(offer.id, SwapStatus.APPROVED, "自批")  # the role is not known here yet ...
    assert desk.sync()
    assert any("approve or reject a swap" in r for r in rejected(desk))  # ... the platform refuses it
    desk.duty.identity.role = "duty_officer"  # once known, it is refused here at once
    with pytest.raises(DutyRefused) as not_approver:
        desk.duty.swaps.step(offer.id, SwapStatus.REJECTED, "自批", "不行")
    assert not_approver.value.refusals[0].code == "not_approver"
    assert hq.sync()
    assert hq.duty.swaps.get(offer.id).status == SwapStatus.ACCEPTED
    hq.duty.swaps.step(offer.id, SwapStatus.APPROVED, "值班长 李晓梅")
    assert hq.duty.roster.cell(cell.id).person == taker
    assert hq.sync() and rejected(hq) == [] and desk.sync()
    assert desk.duty.roster.cell(cell.id).person.name == "替班 钱七"
    swap = desk.duty.swaps.get(offer.id)
    assert swap.status == SwapStatus.APPROVED
    assert [(s.status, s.account) for s in swap.steps] == [
        (SwapStatus.OFFERED, "duty"), (SwapStatus.ACCEPTED, "duty"), (SwapStatus.APPROVED, "chief")]
    with pytest.raises(DutyRefused):
        desk.duty.swaps.step(offer.id, SwapStatus.WITHDRAWN, giver.name)  # forward only
    undo = desk.duty.swaps.reverse(offer.id, "老人已出院", giver.name)
    assert (undo.reverses, undo.taker.name) == (offer.id, giver.name)
    desk.duty.swaps.step(undo.id, SwapStatus.ACCEPTED, giver.name)
    assert desk.sync() and hq.sync()
    hq.duty.swaps.step(undo.id, SwapStatus.APPROVED, "值班长 李晓梅")
    assert hq.sync() and desk.sync()
    assert desk.duty.roster.cell(cell.id).person.name == giver.name
    assert desk.duty.swaps.get(offer.id).status == SwapStatus.APPROVED  # the first stays approved


def test_a_sign_in_at_a_backup_site_without_a_link_is_confirmed_when_it_returns(tmp_path, live, hq, clock):
    proxy = FaultProxy(int(live.url.rsplit(":", 1)[1])).start()
    backup = station(tmp_path / "shelter.db", [proxy.url()], clock, user="duty2", password="duty2-pw")
    try:
        assert backup.sync()  # the shelter's warm mirror, up to date
        shift = hq.duty.shifts.shift_at(clock.now())
        hq.duty.handovers.hand_over(hq.duty.shifts.chain(shift).previous, [], "夜班值班员")
        assert hq.sync()
        assert backup.sync()
        proxy.cut()  # the link to the platform is gone
        signed = backup.duty.shifts.sign_in(shift, Post.OFFICER, "王志强", "duty2", workstation="shelter-laptop")
        assert not signed.confirmed and not backup.sync()
        assert backup.duty.shifts.on_duty().signed_in("王志强") is not None  # on duty here, offline
        assert backup.duty.shifts.current_officer("duty2", "shelter-laptop").person_name == "王志强"
        assert hq.sync() and hq.duty.shifts.signins(shift) == []
        proxy.restore()
        assert backup.sync() and rejected(backup) == []
        assert backup.duty.shifts.signin(signed.id).confirmed
        assert hq.sync()
        [seen] = hq.duty.shifts.signins(shift)
        assert (seen.person_name, seen.account, seen.workstation, seen.confirmed) == (
            "王志强", "duty2", "shelter-laptop", True)
        # a sign-in claiming another account is refused, with the reason, when it reaches the platform
        backup.duty.shifts.sign_in(shift, Post.TECH, "冒名", "chief")
        assert backup.sync()
        assert any("its own account" in r for r in rejected(backup))
    finally:
        backup.close()
        proxy.stop()
