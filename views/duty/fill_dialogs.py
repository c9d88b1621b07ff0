"""Filling the roster in bulk: 按轮班周期填充 (the days of a cycle repeated over
a period) and 导入排班 (a CSV or Excel sheet: 日期, 班次, 岗位, 姓名, 电话), both
all or nothing with every refusal listed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QVBoxLayout,
)

from services.duty.roster import RosterService
from services.duty.roster_import import RosterImport, check_rows, parse_roster
from views.common.checked_import import CheckedImportDialog
from views.common.gui_op import GuiOp
from views.duty.messages import duty_error_text
from widgets.plain_text import plain_label


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class RotaDialog(QDialog):
    """The cells of `cycle` days from a first day, repeated up to a last day."""

    def __init__(self, roster: RosterService, runner, first: date, last: date, parent=None):
        super().__init__(parent)
        self.setObjectName("duty_rota_dialog")
        self.roster, self.runner = roster, runner
        self.setWindowTitle(self.tr("Fill by repeating a rota"))
        self.source = QDateEdit(_qdate(first), calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.cycle = QSpinBox(minimum=1, maximum=62, value=4, objectName="rota_cycle")
        self.until = QDateEdit(_qdate(last), calendarPopup=True, displayFormat="yyyy-MM-dd")
        form = QFormLayout()
        form.addRow(self.tr("The rota starts on"), self.source)
        form.addRow(self.tr("Days in one cycle"), self.cycle)
        form.addRow(self.tr("Repeat it up to"), self.until)
        hint = plain_label(self.tr("Fill the days of one cycle by hand first; they are copied onto the days that "
                                   "follow, cycle after cycle. Nothing is saved if any copy would break a rule."),
                           wordWrap=True)
        self.message = plain_label(objectName="rota_message", wordWrap=True)
        self.message.setStyleSheet("color: #c00000")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.on_fill)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(hint)
        box.addLayout(form)
        box.addWidget(self.message)
        box.addWidget(buttons)

    def on_fill(self) -> None:
        first = _day(self.source.date())
        cycle = self.cycle.value()
        self.message.setText(self.tr("Filling…"))
        GuiOp(self, self.runner, self.roster.repeat_rota, first, cycle, first, _day(self.until.date())) \
            .success(lambda _ids: self.accept()).failure(lambda exc: self.message.setText(duty_error_text(exc))).run()


def check_sheet(roster: RosterService, path: Path) -> RosterImport:
    """On a reader: the sheet parsed in a bounded child, then checked against the roster."""
    parsed = parse_roster(path)
    return check_rows(roster.mirror, roster.room.code, roster.patterns(), parsed,
                      roster.room.local_day(roster.clock.now()), roster.room.max_hours)


class RosterImportDialog(CheckedImportDialog):
    ROW_PROBLEMS = ("required", "bad_date", "bad_phone", "unknown_post", "too_long", "unknown_shift",
                    "too_many_for_post", "not_in_directory_no_phone", "ambiguous_name", "overlap", "too_long_duty",
                    "day_range", "published_vacant", "bad_value")

    def __init__(self, roster: RosterService, runner, parent=None):
        super().__init__(runner, parent, title=QCoreApplication.translate("RosterImportDialog", "Import the roster"),
                         file_label=QCoreApplication.translate(
                             "RosterImportDialog", "Roster sheet (CSV or Excel: date, shift, post, name, phone)"),
                         file_filter=QCoreApplication.translate("RosterImportDialog", "Roster sheets (*.csv *.xlsx)"))
        self.setObjectName("duty_import_dialog")
        self.roster = roster
        self.notes: list[tuple[int, str]] = []

    def reader(self) -> Callable[[Path], object]:
        return partial(check_sheet, self.roster)

    def saver(self) -> Callable[[list[dict]], tuple[int, int]]:
        return self.roster.save_import

    def _checked(self, result) -> None:
        self.notes = list(getattr(result, "notes", []))
        super()._checked(result)

    def _saved(self, counts: tuple[int, int]) -> None:
        super()._saved(counts)
        if self.notes:
            rows = self.tr(", ").join(f"{row} {name}" for row, name in self.notes[:20])
            self.message.setText(self.message.text() + "\n" + self.tr(
                "%1 names are not in the directory and were entered with the sheet's name and phone (rows: %2).")
                .replace("%1", str(len(self.notes))).replace("%2", rows))

    def file_problem(self, code: str) -> str:
        return {
            "empty": self.tr("The sheet holds no rows."),
            "no_columns": self.tr("The sheet needs the columns 日期, 班次, 岗位 and 姓名 (电话 and 备注 may follow)."),
            "too_many": self.tr("The sheet has more than 10,000 rows, about a year of a roster: import it a month "
                                "or a quarter at a time."),
            "not_excel": self.tr("The file is not an Excel workbook."),
        }.get(code, code)

    def row_problem(self, error) -> str:
        return {
            "required": self.tr("must not be empty"),
            "bad_date": self.tr("is not a date (2026-12-01, 2026/12/1 or 2026年12月1日)"),
            "bad_phone": self.tr("is not a phone number"),
            "unknown_post": self.tr("is not a post (带班领导, 值班长, 值班员, 技术保障)"),
            "too_long": self.tr("is too long"),
            "unknown_shift": self.tr("is not one of this watch room's shifts"),
            "too_many_for_post": self.tr("one more than the shift has places for this post"),
            "not_in_directory_no_phone": self.tr("is not in the directory and the row gives no phone"),
            "ambiguous_name": self.tr("is in the directory more than once: give the phone to tell them apart"),
            "overlap": self.tr("is already on the overlapping shift named"),
            "too_long_duty": self.tr("would be on duty this many hours without a break, more than allowed"),
            "day_range": self.tr("is too far from today for the roster"),
            "published_vacant": self.tr("would leave a post of a published shift vacant"),
            "bad_value": self.tr("is not usable"),
        }.get(error.code, error.code)

    def field_name(self, name: str) -> str:
        return {"day": self.tr("Date"), "shift": self.tr("Shift"), "post": self.tr("Post"), "name": self.tr("Name"),
                "phone": self.tr("Phone"), "note": self.tr("Note")}.get(name, name)
