"""交班 and 接班 in the handover dialog, driven as the officers drive it, on real
mirrors with the real services: the package lists the incident whose report
falls due in the next shift and the items added by hand, each in its section;
交班 leaves the handover open; the incoming officer confirms some items and
questions one with a note, and 完成接班 is enabled only when none is pending;
the incident's timeline says it was handed over; the record exports as PDF.
Then across two workstations through a live platform: handed over at one,
confirmed and closed at the other, seen closed back at the first."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from services.clock import ManualClock
from services.duty.contract import HandoverState, ItemKind, ItemState
from services.sync import outbox_store
from tests.duty.scene import MORNING, ZONE, add_duty_users, fill, local_duty, station
from tests.gui.driving import answer_input, button, click, type_over
from tests.gui.duty_desk import DAY, gone, open_panel, opened
from tests.helpers import draft, wait_until
from tests.server.live_server import start_live_server
from views.common.task_runner import TaskRunner
from views.duty.handover_dialog import HandoverDialog
from views.duty.history_dialog import HistoryDialog

pytestmark = pytest.mark.gui

NIGHT = "2026-11-30 夜班"  # the shift before it, not handed over yet: “Hand over…” offers it
NOTE = "厂家说明早才能到，需跟进"


@pytest.fixture
def clock():
    return ManualClock(MORNING)


@pytest.fixture
def runner():
    r = TaskRunner()
    yield r
    r.shutdown()


def sections(dialog: HandoverDialog) -> dict[str, list[tuple[str, str]]]:
    """The tree as shown: {section heading: [(item text, state)]}."""
    tree = dialog.tree
    return {tree.topLevelItem(n).text(0): [(tree.topLevelItem(n).child(c).text(0), tree.topLevelItem(n).child(c).text(2))
                                           for c in range(tree.topLevelItem(n).childCount())]
            for n in range(tree.topLevelItemCount())}


def select(dialog: HandoverDialog, *texts: str) -> None:
    dialog.tree.clearSelection()
    for n in range(dialog.tree.topLevelItemCount()):
        section = dialog.tree.topLevelItem(n)
        for c in range(section.childCount()):
            if section.child(c).text(0) in texts:
                section.child(c).setSelected(True)
    assert len(dialog.selected_ids()) == len(texts), texts


def add_item(qtbot, dialog: HandoverDialog, kind_row: int, text: str) -> None:
    """Chooses the kind by the arrow keys (待办, 设备故障, 领导批示), types the text, Enter adds it."""
    dialog.kind.setFocus()
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Home)
    for _ in range(kind_row):
        qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)
    type_over(qtbot, dialog.text, text)
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return)


def hand_over_in_dialog(qtbot, view) -> HandoverDialog:
    """“Hand over…”: the night shift's package with a 待办 and a 设备故障 added, then 交班."""
    click(qtbot, view, "duty_hand_over")
    dialog = opened(view, HandoverDialog, "the handover dialog")
    wait_until(lambda: dialog.heading.text().startswith(f"Hand over {NIGHT}: 1 items"), 5,
               what=lambda: dialog.heading.text())
    assert dialog.hand_button.isVisible() and not dialog.close_button.isVisible()
    add_item(qtbot, dialog, 0, "联系供电公司确认抢修进度")
    add_item(qtbot, dialog, 1, "三号大屏无信号")
    assert dialog.text.text() == "" and len(dialog.items) == 3
    qtbot.mouseClick(dialog.hand_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: dialog.handover is not None, 5, what=lambda: f"the handover: {dialog.message.text()}")
    return dialog


def confirm_and_close(qtbot, dialog: HandoverDialog, confirmed: list[str], questioned: str) -> None:
    assert dialog.close_button.isVisible() and not dialog.close_button.isEnabled()
    select(dialog, *confirmed)
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: dialog.handover.outstanding == 1, 5, what=lambda: f"the confirmations: {dialog.message.text()}")
    assert not dialog.close_button.isEnabled()  # one item still pending
    select(dialog, questioned)
    prompt = answer_input(qtbot, NOTE)
    qtbot.mouseClick(dialog.question_button, Qt.MouseButton.LeftButton)
    assert prompt == ["What is in question?"]
    wait_until(lambda: dialog.handover.outstanding == 0, 5, what=lambda: f"the question: {dialog.message.text()}")
    assert dialog.close_button.isEnabled()
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: dialog.handover.state == HandoverState.CLOSED, 5, what=lambda: dialog.message.text())


def test_a_shift_is_handed_over_and_taken_over_in_the_dialog(qtbot, mirror, events, clock, runner, incident_service,
                                                             tmp_path):
    duty = local_duty(mirror, clock, events=events)
    duty.roster.add_default_patterns()
    fill(duty, DAY - timedelta(days=1), DAY)
    incident = incident_service.create_incident(draft(clock), "值班员")  # its first report falls due within the hour
    view = open_panel(qtbot, duty, runner, "张建国")
    dialog = hand_over_in_dialog(qtbot, view)
    reported = f"{incident.code} {incident.title}"
    assert sections(dialog) == {
        "Reports due in the next shift (1)": [(reported, "to confirm")],
        "Pending items (1)": [("联系供电公司确认抢修进度", "to confirm")],
        "Equipment faults (1)": [("三号大屏无信号", "to confirm")],
    }
    handed = duty.handovers.get(dialog.handover.id)
    assert (handed.state, handed.shift_label, handed.handed_over_by, handed.outstanding) == (
        HandoverState.OPEN, NIGHT, "张建国", 3)
    assert [i.kind for i in handed.items] == [ItemKind.REPORT_DUE, ItemKind.TODO, ItemKind.FAULT]
    assert dialog.heading.text() == f"Handover of {NIGHT} by 张建国 at 12-01 09:00: 3 items to confirm"
    assert not dialog.hand_button.isVisible()
    click(qtbot, view, "duty_history")  # kept and found by its words
    history = opened(view, HistoryDialog, "the handover records")
    wait_until(lambda: history.table.rowCount() == 1, 5, what="the record listed")
    assert [history.table.item(0, c).text() for c in range(5)] == [
        NIGHT, "张建国", "", "handed over, awaiting confirmation", "3 (3 to confirm)"]
    type_over(qtbot, history.search, "大屏")
    wait_until(lambda: history.count.text() == "1 handover records", 5, what=lambda: history.count.text())
    type_over(qtbot, history.search, "不存在的词")
    wait_until(lambda: history.count.text() == "No handover record found.", 5, what=lambda: history.count.text())
    with qtbot.waitSignal(history.finished, timeout=5000):
        qtbot.keyClick(history, Qt.Key.Key_Escape)
    gone(history)  # and it reads no more: the confirmations below change the handover
    # the incoming officer opens it (confirming is another person's act: their own dialog)
    confirming = HandoverDialog(duty.handovers, runner, tz=ZONE, author="李晓梅", handover=handed, parent=view)
    qtbot.addWidget(confirming)
    confirming.show()
    confirm_and_close(qtbot, confirming, [reported, "联系供电公司确认抢修进度"], "三号大屏无信号")
    closed = duty.handovers.get(handed.id)
    assert (closed.state, closed.closed_by) == (HandoverState.CLOSED, "李晓梅")
    assert [(i.state, i.note, i.by) for i in closed.items] == [
        (ItemState.CONFIRMED, "", "李晓梅"), (ItemState.CONFIRMED, "", "李晓梅"), (ItemState.QUESTIONED, NOTE, "李晓梅")]
    assert confirming.heading.text().endswith("taken over by 李晓梅")
    assert not confirming.confirm_button.isEnabled() and not confirming.close_button.isEnabled()
    assert sections(confirming)["Equipment faults (1)"] == [("三号大屏无信号", "questioned")]
    entries = [e.body for e in incident_service.timeline(incident.id) if e.body.startswith("交接班：移交")]
    assert entries == [f"交接班：移交 {NIGHT}（交班人：张建国）：{reported}"]
    path = tmp_path / "交接班记录.pdf"
    confirming.on_pdf(str(path))
    wait_until(lambda: confirming.message.text() == f"Saved to {path}.", 10, what=lambda: confirming.message.text())
    assert path.read_bytes().startswith(b"%PDF")
    view.on_confirm()  # nothing is left awaiting confirmation
    wait_until(lambda: view.status.text() == "No handover is awaiting confirmation.", 5, what=lambda: view.status.text())


# ---- two workstations --------------------------------------------------------------------------


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


def settled(runner: TaskRunner) -> None:
    wait_until(lambda: not runner.busy, 5, what="the views' reads and writes to finish")


def test_handed_over_at_one_workstation_and_taken_over_at_the_other(qtbot, hq, desk, clock):
    runner_a, runner_b = TaskRunner(), TaskRunner()
    try:
        incident = hq.client.incidents.create_incident(draft(clock), "值班员")
        reported = f"{incident.code} {incident.title}"
        a = open_panel(qtbot, hq.duty, runner_a, "张建国")
        b = open_panel(qtbot, desk.duty, runner_b, "李晓梅")
        handed = hand_over_in_dialog(qtbot, a)
        hid = handed.handover.id
        settled(runner_a)
        assert hq.sync() and desk.sync()
        assert [op.reason for op in outbox_store.rejected(hq.client.mirror)] == []
        click(qtbot, b, "duty_confirm")
        theirs = opened(b, HandoverDialog, "the handover to confirm at the other workstation")
        assert theirs.handover.id == hid and theirs.heading.text().startswith(f"Handover of {NIGHT} by 张建国")
        assert sections(theirs) == {"Reports due in the next shift (1)": [(reported, "to confirm")],
                                    "Pending items (1)": [("联系供电公司确认抢修进度", "to confirm")],
                                    "Equipment faults (1)": [("三号大屏无信号", "to confirm")]}
        confirm_and_close(qtbot, theirs, [reported, "联系供电公司确认抢修进度"], "三号大屏无信号")
        settled(runner_b)
        assert desk.sync() and [op.reason for op in outbox_store.rejected(desk.client.mirror)] == []
        click(qtbot, a, "duty_history")
        history = opened(a, HistoryDialog, "the handover records")
        wait_until(lambda: history.table.rowCount() == 1, 5, what="the record listed")
        assert history.table.item(0, 3).text() == "handed over, awaiting confirmation"  # not synced back yet
        assert hq.sync()
        wait_until(lambda: history.table.item(0, 3).text() == "taken over", 5,
                   what=lambda: f"the record closed at A: {history.table.item(0, 3).text()}")
        assert [history.table.item(0, c).text() for c in (0, 1, 2)] == [NIGHT, "张建国", "李晓梅"]
        ours = hq.duty.handovers.get(hid)
        assert (ours.state, ours.closed_by, ours.pending_sync) == (HandoverState.CLOSED, "李晓梅", False)
        assert [(i.state, i.note) for i in ours.items] == [
            (ItemState.CONFIRMED, ""), (ItemState.CONFIRMED, ""), (ItemState.QUESTIONED, NOTE)]
        for st in (hq, desk):  # the incident's timeline says so once on each workstation
            assert [e.body for e in st.client.incidents.timeline(incident.id) if e.body.startswith("交接班：移交")] == [
                f"交接班：移交 {NIGHT}（交班人：张建国）：{reported}"]
        at = history.table.visualItemRect(history.table.item(0, 0)).center()  # a double click opens the record
        qtbot.mouseClick(history.table.viewport(), Qt.MouseButton.LeftButton, pos=at)
        qtbot.mouseDClick(history.table.viewport(), Qt.MouseButton.LeftButton, pos=at)
        record = wait_until(lambda: next((d for d in a.dialogs if isinstance(d, HandoverDialog)
                                          and d.handover.state == HandoverState.CLOSED), None), 5, what="the record")
        assert record.heading.text().endswith("taken over by 李晓梅") and not record.close_button.isEnabled()
        assert button(record, "handover_pdf").isVisible()
    finally:
        runner_a.shutdown()
        runner_b.shutdown()
