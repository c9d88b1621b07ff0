"""The 值班 tab for GUI tests (not a test module): a DutyPanel on a workstation's
real duty services, shown and loaded, and the ways about it — a roster of
three shifts, a place reached by the arrow keys, the dialogs it opened."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from shiboken6 import Shiboken

from services.contacts.store import ContactStore
from services.duty.services import DutyServices
from tests.duty.scene import MORNING, PEOPLE, ZONE, fill
from tests.helpers import wait_until
from views.common.event_relay import DomainEventRelay
from views.duty.panel import DutyPanel

DAY = MORNING.astimezone(ZONE).date()  # 1 December 2026; MORNING is 09:00 there
SHIFTS = (("早班", "08:00", "16:00"), ("中班", "16:00", "00:00"), ("夜班", "00:00", "08:00"))
# fill() rotates four teams of six over the shifts in order of start: on 1 December the
# 夜班 (00:00) has team 0, the 早班 team 1, the 中班 team 2 (leader, chief, 3 officers, tech).
EARLY_TEAM, LATE_TEAM = PEOPLE[6:12], PEOPLE[12:18]
SITE_NAME = "重庆市应急管理局值班室"


def three_shifts(duty: DutyServices, first: date = DAY, last: date | None = None) -> None:
    """早班, 中班 and 夜班 of six posts each (18 places a day), filled from `first` to `last`
    (20 days unless told; none with last < first)."""
    for n, (name, start, end) in enumerate(SHIFTS):
        duty.roster.save_pattern(name, start, end, position=n)
    last = first + timedelta(days=19) if last is None else last
    if last >= first:
        assert fill(duty, first, last) == ((last - first).days + 1) * 18


def open_panel(qtbot, duty: DutyServices, runner, author: str = "张建国") -> DutyPanel:
    """The 值班 tab of the workstation `duty` belongs to (its own relay of the duty events and
    its directory), shown with the roster and the on-duty card read."""
    events, relay = duty.roster.events, DomainEventRelay()
    relay.attach(events)
    panel = DutyPanel(duty, ContactStore(duty.roster.mirror, events, duty.roster.clock), runner, relay, tz=ZONE,
                      author=author, site_name=SITE_NAME)
    panel.destroyed.connect(lambda *_: relay.detach(events))
    qtbot.addWidget(panel)
    panel.resize(1400, 800)
    panel.show()
    panel.refresh()
    wait_until(lambda: panel.month is not None and panel.card.on_duty is not None, 5, what="the roster and card")
    return panel


def opened(panel: DutyPanel, kind: type, what: str):
    """The newest open dialog of `kind` the panel opened."""
    return wait_until(lambda: next((d for d in reversed(panel.dialogs) if isinstance(d, kind)), None), 5, what=what)


def gone(dialog) -> None:
    """A dialog the panel opened is deleted once closed (kept hidden, it would go on reading)."""
    wait_until(lambda: not Shiboken.isValid(dialog), 5, what="the closed dialog to be deleted")


def go_to(panel: DutyPanel, qtbot, row: int, column: int) -> None:
    """To a place of the roster by the arrow keys, from the first."""
    panel.table.setFocus()
    panel.table.setCurrentIndex(panel.model.index(0, 0))
    for key, times in ((Qt.Key.Key_Down, row), (Qt.Key.Key_Right, column)):
        for _ in range(times):
            qtbot.keyClick(panel.table, key)
    assert panel.table.currentIndex() == panel.model.index(row, column)


def shown(model) -> list[list[str]]:
    """Every cell's text, by row."""
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def roster_snapshot(duty: DutyServices, first: date, last: date) -> dict:
    return {key: (c.person.name, c.person.phone, c.note) for key, c in duty.roster.month(first, last).cells.items()}
