"""Who is on duty now (带班领导, 值班长, 值班员, 技术保障) and the next handover,
from the roster and the sign-ins: a small card for the 值班 tab, the dashboard
and the commander's display. Read on a reader; refreshed when the roster, a
sign-in or a handover changes, and every half minute (shifts follow the clock)."""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout

from services.duty.contract import Post
from services.duty.shifts import OnDuty, ShiftService
from views.common.durations import remaining_text
from views.common.gui_op import GuiOp
from views.duty.messages import post_name
from widgets.plain_text import plain_label

REFRESH_MS = 30_000
COALESCE_MS = 250
WATCHED = ("shift_pattern", "roster_entry", "duty_signin", "handover", "duty_swap")


class OnDutyCard(QFrame):
    sig_shown = Signal(object)  # OnDuty, once on screen

    def __init__(self, shifts: ShiftService, runner, relay, *, tz: tzinfo, scale: float = 1.0, parent=None):
        super().__init__(parent)
        self.setObjectName("on_duty_card")
        self.shifts, self.runner, self.tz, self.scale = shifts, runner, tz, scale
        self.on_duty: OnDuty | None = None
        self._loading = self._again = False
        self.setStyleSheet(f"#on_duty_card {{ border: 1px solid #ccc; border-left: {int(6 * scale)}px solid #1565c0;"
                           f" background: #f7faff; }} QLabel {{ font-size: {int(10 * scale)}pt; }}")
        self.title = plain_label(objectName="on_duty_title")
        self.title.setStyleSheet(f"font-size: {int(12 * scale)}pt; font-weight: bold; color: #0d2847")
        self.next_label = plain_label(objectName="on_duty_next")
        self.next_label.setStyleSheet("color: #444")
        grid = QGridLayout()
        grid.setHorizontalSpacing(int(10 * scale))
        grid.setVerticalSpacing(int(2 * scale))
        self.names: dict[Post, QLabel] = {}
        for row, post in enumerate(Post):
            caption = QLabel(post_name(post))
            caption.setStyleSheet("color: #555")
            value = plain_label(objectName=f"on_duty_{post.value}", wordWrap=True)
            grid.addWidget(caption, row, 0)
            grid.addWidget(value, row, 1)
            self.names[post] = value
        grid.setColumnStretch(1, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(int(8 * scale), int(4 * scale), int(8 * scale), int(4 * scale))
        box.setSpacing(int(2 * scale))
        box.addWidget(self.title)
        box.addWidget(self.next_label)
        box.addLayout(grid)
        self._coalesce = QTimer(self, singleShot=True, interval=COALESCE_MS)
        self._coalesce.timeout.connect(self.refresh)
        self._timer = QTimer(self, interval=REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        if relay is not None:
            for entity in WATCHED:
                relay.records(entity).sig_changed.connect(lambda *_: self._coalesce.start())
        self.title.setText(self.tr("On duty: reading the roster…"))

    def refresh(self) -> None:
        if self._loading:
            self._again = True
            return
        self._loading = True
        GuiOp(self, self.runner, self.shifts.on_duty).as_read().success(self.show_on_duty) \
            .failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self.title.setText(self.tr("On duty: the roster could not be read (%1)").replace("%1", str(exc)))

    def show_on_duty(self, now: OnDuty) -> None:
        self._loading = False
        self.on_duty = now
        clock = self.shifts.clock.now()
        if now.shift is None:
            self.title.setText(self.tr("On duty: no shift under way"))
            for label in self.names.values():
                label.setText("—")
            self.next_label.setText(self.tr("Next shift starts %1").replace("%1", self._time(now.next_handover))
                                    if now.next_handover else self.tr("The watch room has no shifts yet."))
        else:
            shift = now.shift
            self.title.setText(self.tr("On duty: %1 %2 %3–%4").replace("%1", shift.pattern.name)
                               .replace("%2", shift.start.astimezone(self.tz).strftime("%m-%d"))
                               .replace("%3", self._time(shift.start)).replace("%4", self._time(shift.end)))
            left = remaining_text((now.next_handover - clock).total_seconds(), with_seconds=False)
            text = self.tr("Next handover %1 (in %2)").replace("%1", self._time(now.next_handover)).replace("%2", left)
            if now.handover is not None:
                text += self.tr(" · handed over, awaiting the incoming shift")
            self.next_label.setText(text)
            for post, label in self.names.items():
                label.setText(self._people(now, post))
        self.sig_shown.emit(now)
        if self._again:
            self._again = False
            self._coalesce.start()

    def _people(self, now: OnDuty, post: Post) -> str:
        names = []
        for name in now.names(post):
            signed = now.signed_in(name)
            names.append(name if signed is None else self.tr("%1 ✓").replace("%1", name) if signed.confirmed
                         else self.tr("%1 ✓ (not yet confirmed)").replace("%1", name))
        rostered = set(now.names(post))
        for signed in now.signins:  # a substitute who signed in without being on the roster
            if signed.post == post and signed.person_name not in rostered:
                names.append(self.tr("%1 ✓ (signed in)").replace("%1", signed.person_name))
                rostered.add(signed.person_name)
        return self.tr(", ").join(names) or self.tr("(vacant)")

    def _time(self, value) -> str:
        return value.astimezone(self.tz).strftime("%H:%M") if value else ""


def add_on_duty(dashboard, shifts: ShiftService, runner, relay, *, tz: tzinfo, scale: float = 1.0) -> OnDutyCard:
    """The card in the dashboard's duty row (态势概览, and the commander's display)."""
    card = OnDutyCard(shifts, runner, relay, tz=tz, scale=scale, parent=dashboard)
    dashboard.add_duty_widget(card)
    card.refresh()
    return card
