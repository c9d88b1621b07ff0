"""The 值班 tab's duty actions driven as the officers drive them, on a real
mirror with the real duty services: a swap offered from the roster's menu
(the menu key), listed, accepted and approved, the approval refused to an
officer with the reason shown and the empty list's hint; the sign-in refused
while the shift before has not handed over unless an override reason is
typed, then recorded with it; a bad roster sheet listed by row and field
with nothing imported."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from services.clock import ManualClock
from services.duty.contract import Post, SwapStatus
from services.outbox import pending_count
from tests.duty.scene import MORNING, local_duty
from tests.gui.driving import button, choose_from_menu, click, menu_key, type_over
from tests.gui.duty_desk import DAY, EARLY_TEAM, go_to, gone, open_panel, opened, three_shifts
from tests.helpers import wait_until
from views.common.task_runner import TaskRunner
from views.duty.fill_dialogs import RosterImportDialog
from views.duty.signin_dialog import SignInDialog
from views.duty.swap_dialog import OfferSwapDialog, SwapsDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def clock():
    return ManualClock(MORNING)  # 09:00 on 1 December: the 早班 (08:00–16:00) is under way


@pytest.fixture
def runner():
    r = TaskRunner()
    yield r
    r.shutdown()


@pytest.fixture
def duty(mirror, clock, events):
    services = local_duty(mirror, clock, events=events)
    services.identity.account = "duty"  # the platform account this workstation logged in with
    return services


# ---- swaps --------------------------------------------------------------------------------------


def swap_rows(dialog) -> list[tuple[str, ...]]:
    return [tuple(dialog.table.item(r, c).text() for c in (1, 2, 3)) for r in range(dialog.table.rowCount())]


def test_a_swap_is_offered_listed_accepted_and_approved_by_the_chief_only(qtbot, duty, runner):
    three_shifts(duty)
    view = open_panel(qtbot, duty, runner, author=EARLY_TEAM[2].name)
    click(qtbot, view, "duty_swaps")
    swaps = opened(view, SwapsDialog, "the swaps dialog")
    wait_until(lambda: swaps.hint.isVisible(), 5, what="the empty list's hint")
    assert swaps.hint.text().startswith("No swaps yet. To offer one, right-click your place")
    # 周静 offers their place on 5 December's 早班 from the roster's context menu
    giver = EARLY_TEAM[2]
    index = view.model.index(2, 4)
    assert index.data() == giver.name
    go_to(view, qtbot, 2, 4)
    menu = choose_from_menu(qtbot, 1)
    menu_key(view.table)
    assert menu == ["Who is on duty here…", "Offer a swap…", "Leave vacant"]
    offer = opened(view, OfferSwapDialog, "the offer dialog")
    assert offer.cell.person.name == giver.name and offer.cell.day == DAY + timedelta(days=4)  # the current place's
    type_over(qtbot, offer.name, "钱七")
    type_over(qtbot, offer.phone, "13977777777")
    type_over(qtbot, offer.reason, "家中老人住院")
    with qtbot.waitSignal(offer.finished, timeout=5000) as closed:
        qtbot.keyClick(offer.reason, Qt.Key.Key_Return)
    assert closed.args == [QDialog.DialogCode.Accepted.value] and duty.swaps.listed()[0].reason == "家中老人住院"
    wait_until(lambda: swap_rows(swaps) == [(giver.name, "钱七", "offered")], 5, what=lambda: str(swap_rows(swaps)))
    assert not swaps.hint.isVisible()
    assert swaps.table.item(0, 0).text().startswith("12-05 08:00 Duty officer")

    def step(name: str) -> None:
        qtbot.mouseClick(swaps.table.viewport(), Qt.MouseButton.LeftButton,
                         pos=swaps.table.visualRect(swaps.table.model().index(0, 1)).center())
        qtbot.mouseClick(button(swaps, name), Qt.MouseButton.LeftButton)

    def state(expected: str) -> None:
        wait_until(lambda: swap_rows(swaps)[0][2] == expected, 5,
                   what=lambda: f"the swap {expected}: {swap_rows(swaps)} {swaps.message.text()}")

    step("swap_accepted")
    state("accepted")
    assert swaps.message.text() == ""
    duty.identity.role = "duty_officer"  # as the platform said at log-in: an officer does not approve
    step("swap_approved")
    wait_until(lambda: swaps.message.text(), 5, what="the refusal")
    assert swaps.message.text() == ("Account duty (duty_officer) may not approve or reject swaps: only the duty "
                                    "chief or an admin may.")
    assert swap_rows(swaps)[0][2] == "accepted" and duty.swaps.listed()[0].status == SwapStatus.ACCEPTED
    assert view.model.index(2, 4).data() == giver.name  # the roster did not move
    duty.identity.role = "duty_chief"
    step("swap_approved")
    state("approved")
    assert swaps.message.text() == "" and duty.swaps.listed()[0].status == SwapStatus.APPROVED
    wait_until(lambda: view.model.index(2, 4).data() == "钱七", 5, what="the roster to show the swap")
    with qtbot.waitSignal(swaps.finished, timeout=5000):
        qtbot.keyClick(swaps, Qt.Key.Key_Escape)
    gone(swaps)
    approved = duty.swaps.listed()[0]
    undo = duty.swaps.reverse(approved.id, "老人已出院", "周静")  # a change the closed list no longer reads
    assert view.findChildren(SwapsDialog) == [] and undo.reverses == approved.id


# ---- signing in -------------------------------------------------------------------------------


def test_taking_over_before_the_handover_needs_an_override_reason(qtbot, duty, runner):
    three_shifts(duty)
    view = open_panel(qtbot, duty, runner)
    click(qtbot, view, "duty_sign_in")
    dialog = opened(view, SignInDialog, "the sign-in dialog")
    wait_until(lambda: dialog.person.count() == 6, 5, what="the shift's roster in the dialog")
    assert [dialog.shift.itemText(n) for n in range(dialog.shift.count())] == [
        "2026-12-01 早班 08:00–16:00", "2026-12-01 中班 16:00–00:00"]
    assert dialog.chain.text().startswith("The shift before (2026-12-01 夜班) has not handed over yet.")
    dialog.person.setFocus()
    qtbot.keyClick(dialog.person, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.person, Qt.Key.Key_Down)  # the first 值班员 of the 早班
    assert dialog.person.currentText() == EARLY_TEAM[2].name and dialog.post.currentData() == "officer"
    assert dialog.account.text() == "duty"
    type_over(qtbot, dialog.password, "duty-pw")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    wait_until(lambda: "cannot be taken over yet" in dialog.message.text(), 5, what=lambda: dialog.message.text())
    assert dialog.message.text().startswith("2026-12-01 早班 cannot be taken over yet: the shift before it "
                                            "(2026-12-01 夜班) has not handed over.")
    shift = duty.shifts.shift_at(duty.shifts.clock.now())
    assert dialog.isVisible() and duty.shifts.signins(shift) == []
    reason = "夜班交班人突发疾病送医，经带班领导同意直接接班"
    type_over(qtbot, dialog.override, reason)
    signed = []
    view.sig_signed_in.connect(lambda *args: signed.append(args))
    with qtbot.waitSignal(dialog.finished, timeout=5000) as closed:
        qtbot.keyClick(dialog.override, Qt.Key.Key_Return)
    [(signin, account, password)] = signed
    assert (account, password) == ("duty", "duty-pw") and closed.args == [QDialog.DialogCode.Accepted.value]
    gone(dialog)
    [kept] = duty.shifts.signins(shift)
    assert kept.id == signin.id
    assert (kept.person_name, kept.post, kept.account, kept.override_reason, kept.confirmed) == (
        EARLY_TEAM[2].name, Post.OFFICER, "duty", reason, False)
    wait_until(lambda: view.card.names[Post.OFFICER].text().startswith(f"{EARLY_TEAM[2].name} ✓ (not yet confirmed)"),
               5, what=lambda: view.card.names[Post.OFFICER].text())


# ---- importing --------------------------------------------------------------------------------


def test_a_bad_roster_sheet_lists_its_problems_by_row_and_imports_nothing(qtbot, duty, runner, mirror, tmp_path):
    three_shifts(duty, last=DAY - timedelta(days=1))  # the shifts, nobody on them yet
    sheet = tmp_path / "roster.csv"
    sheet.write_text("日期,班次,岗位,姓名,电话\n"
                     "2026-12-02,早班,值班员,钱七,13977777777\n"  # on the same shift as row 7 ...
                     "2026-13-01,早班,值班员,孙八,13900000001\n"
                     "2026-12-02,午班,值班员,孙八,13900000001\n"
                     "2026-12-02,早班,队长,孙八,13900000001\n"
                     "2026-12-02,中班,值班员,周九,\n"
                     "2026-12-02,早班,值班长,钱七,13977777777\n", encoding="utf-8")  # ... as another post
    view = open_panel(qtbot, duty, runner)
    queued = pending_count(mirror)
    click(qtbot, view, "duty_import")
    dialog = opened(view, RosterImportDialog, "the import dialog")
    type_over(qtbot, dialog.path_edit, str(sheet))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: dialog.errors.isVisible(), 5, what=lambda: f"the problems, not {dialog.message.text()!r}")
    assert dialog.message.text() == "Nothing was imported: 6 problems. Correct the file and import it again."
    problems = [tuple(dialog.errors.item(r, c).text() for c in range(4)) for r in range(dialog.errors.rowCount())]
    assert problems == [  # by row of the sheet (the header is row 1), the field, the problem, the value
        ("2", "Name", "is already on the overlapping shift named", "2026-12-02 早班"),
        ("3", "Date", "is not a date (2026-12-01, 2026/12/1 or 2026年12月1日)", "2026-13-01"),
        ("4", "Shift", "is not one of this watch room's shifts", "午班"),
        ("5", "Post", "is not a post (带班领导, 值班长, 值班员, 技术保障)", "队长"),
        ("6", "Name", "is not in the directory and the row gives no phone", "周九"),
        ("7", "Name", "is already on the overlapping shift named", "2026-12-02 早班"),
    ]
    assert duty.roster.month(DAY, DAY + timedelta(days=30)).cells == {} and pending_count(mirror) == queued
    assert dialog.import_button.isEnabled()
