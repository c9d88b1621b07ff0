"""Badge delegates and widgets paint the colours their values call for."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

from widgets.badges import (
    COUNTDOWN_COLOURS,
    COUNTDOWN_ROLE,
    EXERCISE_COLOURS,
    SEVERITY_COLOURS,
    SEVERITY_ROLE,
    TAG_ROLE,
    UNGRADED_COLOURS,
    CountdownLabel,
    DeadlineBadgeDelegate,
    ExerciseMark,
    SeverityBadgeDelegate,
    TaggedTextDelegate,
    countdown_of,
)
from widgets.timeline import STYLES, TimelineItem, TimelineView

pytestmark = pytest.mark.gui


def paint_cell(delegate, text: str, roles: dict[int, object]) -> QImage:
    model = QStandardItemModel(1, 1)
    item = QStandardItem(text)
    for role, value in roles.items():
        item.setData(value, role)
    model.setItem(0, 0, item)
    image = QImage(220, 32, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 220, 32)
    option.font = QApplication.font()
    option.palette = QApplication.palette()
    painter = QPainter(image)
    delegate.paint(painter, option, model.index(0, 0))
    painter.end()
    return image


def count_colour(image: QImage, colour: str, tolerance: int = 6) -> int:
    want = QColor(colour)
    n = 0
    for y in range(image.height()):
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            if (
                abs(c.red() - want.red()) <= tolerance
                and abs(c.green() - want.green()) <= tolerance
                and abs(c.blue() - want.blue()) <= tolerance
            ):
                n += 1
    return n


@pytest.mark.parametrize("code", ["I", "II", "III", "IV"])
def test_severity_pill_has_its_grade_colour(qapp, code):
    image = paint_cell(SeverityBadgeDelegate(), code, {SEVERITY_ROLE: code})
    assert count_colour(image, SEVERITY_COLOURS[code][0]) > 100
    others = [c for k, (c, _) in SEVERITY_COLOURS.items() if k != code]
    assert all(count_colour(image, c) < 5 for c in others)


def test_ungraded_is_grey(qapp):
    image = paint_cell(SeverityBadgeDelegate(), "Ungraded", {SEVERITY_ROLE: "ungraded"})
    assert count_colour(image, UNGRADED_COLOURS[0]) > 100


@pytest.mark.parametrize("state", ["ok", "near", "overdue"])
def test_countdown_colour_follows_state(qapp, state):
    image = paint_cell(DeadlineBadgeDelegate(), "", {COUNTDOWN_ROLE: (state, "-00:05:00")})
    assert count_colour(image, COUNTDOWN_COLOURS[state][0]) > 100
    others = [c for k, (c, _) in COUNTDOWN_COLOURS.items() if k != state]
    assert all(count_colour(image, c) < 5 for c in others)


def test_countdown_without_deadline_paints_no_pill(qapp):
    image = paint_cell(DeadlineBadgeDelegate(), "", {COUNTDOWN_ROLE: ("", "")})
    assert all(count_colour(image, bg) == 0 for bg, _ in COUNTDOWN_COLOURS.values())


def test_countdown_of_accepts_pairs_only(qapp):
    assert countdown_of(("near", "00:10:00")) == ("near", "00:10:00")
    assert countdown_of(None) is None
    assert countdown_of(42) is None


def test_tagged_text_paints_the_tag_only_when_given(qapp):
    tagged = paint_cell(TaggedTextDelegate(), "2026-0001", {TAG_ROLE: "演练"})
    plain = paint_cell(TaggedTextDelegate(), "2026-0001", {TAG_ROLE: ""})
    assert count_colour(tagged, EXERCISE_COLOURS[0]) > 100
    assert count_colour(plain, EXERCISE_COLOURS[0]) == 0


def test_exercise_mark_widget_shows_the_callers_text(qtbot):
    mark = ExerciseMark("演练")
    qtbot.addWidget(mark)
    mark.show()
    assert mark.text() == "演练"
    assert count_colour(mark.grab().toImage(), EXERCISE_COLOURS[0]) > 50


def test_countdown_label_keeps_state(qtbot):
    label = CountdownLabel()
    qtbot.addWidget(label)
    label.set_countdown("overdue", "首报已超时")
    label.show()
    assert label.state == "overdue"
    assert count_colour(label.grab().toImage(), COUNTDOWN_COLOURS["overdue"][0]) > 50


def test_timeline_shows_cards_with_pending_marker(qtbot):
    view = TimelineView(pending_text="待同步", empty_text="暂无记录")
    qtbot.addWidget(view)
    assert "暂无记录" in view.toPlainText()
    view.set_items(
        [
            TimelineItem(
                "1", "2026-11-22 16:00", "首报", "report", "值班员 陈晓", "商场起火<b>", True
            ),
            TimelineItem(
                "2", "2026-11-22 16:30", "备注", "note", "值班员 刘洋", "已通知消防", False
            ),
        ]
    )
    text = view.toPlainText()
    assert "首报" in text and "商场起火<b>" in text and "已通知消防" in text
    assert text.count("待同步") == 1
    assert STYLES["report"][0] in view.toHtml()
