"""The 值班 tab driven as the officer drives it, on a real mirror with the real
duty services: the month and the week roster (every cell's person, vacant
places as “—”, ◀/▶/Today), the on-duty card naming who is on the shift under
way and its next handover; a place filled from the keyboard (Enter on it,
type, Enter), one left vacant from its menu, and a conflicting one refused
in the dialog (in Chinese, the UI's language) with nothing written. The
other duty dialogs: test_duty_views_actions.py and test_duty_views_handover.py."""

from __future__ import annotations

import subprocess
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QDialog

from app.i18n_build import I18N_DIR, lrelease
from services.clock import ManualClock
from services.duty.contract import Person, Post
from services.outbox import pending_count
from tests.duty.scene import MORNING, local_duty
from tests.gui.driving import button, choose_from_menu, right_click, type_over
from tests.gui.duty_desk import (
    DAY,
    EARLY_TEAM,
    LATE_TEAM,
    go_to,
    gone,
    open_panel,
    opened,
    roster_snapshot,
    shown,
    three_shifts,
)
from tests.helpers import wait_until
from views.common.task_runner import TaskRunner
from views.duty.cell_dialog import CellDialog

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
    three_shifts(services)
    return services


@pytest.fixture
def panel(qtbot, duty, runner):
    return open_panel(qtbot, duty, runner)


@pytest.fixture
def chinese(tmp_path_factory):
    """The UI's language: the catalogues compiled apart (the tree's .qm is the build's)."""
    out = tmp_path_factory.mktemp("i18n") / "watchroom_zh_CN.qm"
    subprocess.run([lrelease(), "-silent", *map(str, sorted(I18N_DIR.glob("*_zh_CN.ts"))), "-qm", str(out)],
                   check=True)
    translator = QTranslator()
    assert translator.load(str(out))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


# ---- the month and the week -------------------------------------------------------------------


def test_the_month_shows_every_cell_and_the_card_the_shift_under_way(qtbot, duty, runner, clock):
    early = next(p for p in duty.roster.patterns() if p.name == "早班")
    duty.roster.assign(DAY + timedelta(days=4), early.id, Post.TECH, 0, Person(""))  # left vacant
    view = open_panel(qtbot, duty, runner)
    model = view.model
    assert view.period.text() == "2026-12" and (model.rowCount(), model.columnCount()) == (18, 31)
    month = duty.roster.month(DAY, date(2026, 12, 31))
    expected = []
    for pattern in month.patterns:
        for post, count in pattern.posts:
            for slot in range(count):
                expected.append([(c.person.name or "—") if (c := month.cells.get((DAY + timedelta(days=n), pattern.id,
                                                                                  post, slot))) else "—"
                                 for n in range(31)])
    assert shown(model) == expected
    assert expected[5][4] == "—" and expected[0][0] == EARLY_TEAM[0].name  # the vacated cell, 早班's leader
    assert expected[2][1] == "王志强" and expected[17][1] == "谢琳"  # 2 December: 早班 officer 1 (team 0), 夜班 tech (team 3)
    assert all(row[20:] == ["—"] * 11 for row in expected)  # 21–31 December: not filled yet
    assert model.headerData(0, Qt.Orientation.Vertical) == "早班 08:00–16:00 · Leader on duty"
    assert model.headerData(3, Qt.Orientation.Vertical) == "早班 · Duty officer 2"
    assert view.status.text() == f"{11 * 18 + 1} places vacant · 0 of 31 days published"
    # the card: the 早班 under way, its people by post, the next handover at 16:00
    card = view.card
    assert card.title.text() == "On duty: 早班 12-01 08:00–16:00"
    assert card.names[Post.LEADER].text() == EARLY_TEAM[0].name
    assert card.names[Post.CHIEF].text() == EARLY_TEAM[1].name
    assert card.names[Post.OFFICER].text() == ", ".join(p.name for p in EARLY_TEAM[2:5])
    assert card.names[Post.TECH].text() == EARLY_TEAM[5].name
    assert card.next_label.text() == "Next handover 16:00 (in 07:00)"
    clock.advance(timedelta(hours=8))  # 17:00: the 中班 is under way
    card.refresh()
    wait_until(lambda: card.title.text() == "On duty: 中班 12-01 16:00–00:00", 5, what=lambda: card.title.text())
    assert card.names[Post.LEADER].text() == LATE_TEAM[0].name
    assert card.next_label.text() == "Next handover 00:00 (in 07:00)"


def test_the_week_view_and_the_period_buttons(panel, qtbot):
    view = panel

    def showing(period: str, days: int):
        wait_until(lambda: view.period.text() == period and view.model.columnCount() == days, 5,
                   what=lambda: f"{period} of {days} days, not {view.period.text()} of {view.model.columnCount()}")

    view.view_choice.setFocus()
    qtbot.keyClick(view.view_choice, Qt.Key.Key_Down)  # Month → Week
    showing("Week of 2026-11-30", 7)
    assert view.model.rowCount() == 18
    rows = shown(view.model)
    assert [row[0] for row in rows] == ["—"] * 18  # Monday 30 November: before the roster
    assert rows[0][1] == f"{EARLY_TEAM[0].name}\n{EARLY_TEAM[0].phone}"  # the week shows phones too
    assert view.model.headerData(1, Qt.Orientation.Horizontal) == "12/1\nTue"
    qtbot.mouseClick(button(view, "roster_next"), Qt.MouseButton.LeftButton)
    showing("Week of 2026-12-07", 7)
    assert shown(view.model)[0][0] == "马丽\n13900000018"  # 7 December: 早班 leader (team 3)
    qtbot.mouseClick(button(view, "roster_prev"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button(view, "roster_prev"), Qt.MouseButton.LeftButton)
    showing("Week of 2026-11-23", 7)
    qtbot.mouseClick(button(view, "roster_today"), Qt.MouseButton.LeftButton)
    showing("Week of 2026-11-30", 7)
    qtbot.keyClick(view.view_choice, Qt.Key.Key_Up)  # back to the month
    showing("2026-12", 31)
    qtbot.mouseClick(button(view, "roster_next"), Qt.MouseButton.LeftButton)
    showing("2027-01", 31)
    assert all(text == "—" for row in shown(view.model) for text in row)
    qtbot.mouseClick(button(view, "roster_prev"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button(view, "roster_prev"), Qt.MouseButton.LeftButton)
    showing("2026-11", 30)
    qtbot.mouseClick(button(view, "roster_today"), Qt.MouseButton.LeftButton)
    showing("2026-12", 31)


# ---- one cell -----------------------------------------------------------------------------------


def open_cell(view, qtbot, row: int, column: int, *, mouse: bool = False):
    """Enter on the place (or a double click on it) opens it."""
    if mouse:
        index = view.model.index(row, column)
        view.table.scrollTo(index)
        at = view.table.visualRect(index).center()
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=at)  # the press a double-click follows
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=at)
    else:
        go_to(view, qtbot, row, column)
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    dialog = opened(view, CellDialog, "the cell dialog")
    assert dialog.isVisible()
    return dialog


def test_a_cell_is_filled_from_the_keyboard(panel, duty, mirror, qtbot):
    view = panel
    dialog = open_cell(view, qtbot, 3, 1)  # 2 December, 早班, the second 值班员
    early = duty.roster.patterns()[0]
    assert dialog.place == (DAY + timedelta(days=1), early.id, "officer", 1)
    assert dialog.name.text() == view.model.index(3, 1).data() != "—"
    queued = pending_count(mirror)
    type_over(qtbot, dialog.name, "钱七")
    type_over(qtbot, dialog.phone, "13977777777")
    type_over(qtbot, dialog.note, "顶替病假")
    with qtbot.waitSignal(dialog.finished, timeout=5000) as closed:
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)  # Save
    assert closed.args == [QDialog.DialogCode.Accepted.value]
    gone(dialog)
    cell = duty.roster.month(DAY, DAY + timedelta(days=1)).cells[(DAY + timedelta(days=1), early.id, "officer", 1)]
    assert (cell.person.name, cell.person.phone, cell.note, cell.pending_sync) == ("钱七", "13977777777", "顶替病假", True)
    assert pending_count(mirror) == queued + 1  # one operation for the platform
    wait_until(lambda: view.model.index(3, 1).data() == "钱七", 5, what="the roster to show the change")
    # a right click on another place, “Leave vacant”
    menu = choose_from_menu(qtbot, 2)
    right_click(view.table, view.model.index(5, 2))  # 3 December, 早班, 技术保障
    assert menu == ["Who is on duty here…", "Offer a swap…", "Leave vacant"]
    wait_until(lambda: view.model.index(5, 2).data() == "—", 5, what="the place left vacant")
    assert duty.roster.month(DAY, DAY + timedelta(days=2)).cells[(DAY + timedelta(days=2), early.id, "tech", 0)] \
        .person.empty


def test_a_conflicting_cell_is_refused_in_the_dialog_and_nothing_is_written(chinese, qtbot, duty, runner, mirror):
    view = open_panel(qtbot, duty, runner)  # in Chinese
    before, queued = roster_snapshot(duty, DAY, DAY + timedelta(days=19)), pending_count(mirror)
    dialog = open_cell(view, qtbot, 4, 0, mouse=True)  # 1 December, 早班, the third 值班员 ...
    chief = EARLY_TEAM[1]  # ... given to the same shift's 值班长
    type_over(qtbot, dialog.name, chief.name)
    type_over(qtbot, dialog.phone, chief.phone)
    qtbot.keyClick(dialog.phone, Qt.Key.Key_Return)
    wait_until(lambda: "重叠" in dialog.message.text(), 5, what=lambda: f"the refusal, not {dialog.message.text()!r}")
    assert dialog.message.text() == f"{chief.name} 已在时间重叠的班次 2026-12-01 早班 值班。"
    assert dialog.isVisible() and dialog.name.text() == chief.name  # still open, as typed, to correct
    assert roster_snapshot(duty, DAY, DAY + timedelta(days=19)) == before and pending_count(mirror) == queued
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    gone(dialog)
    assert view.model.index(4, 0).data() == EARLY_TEAM[4].name
