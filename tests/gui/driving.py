"""Driving widgets as an officer does, for GUI tests (not a test module): typing
Chinese through the input method, the menu key and right clicks as the
platform delivers them, answering the small modal prompts and context menus
that run their own event loop, finding a named button."""

from __future__ import annotations

import re

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QPushButton

TRIES = 300  # of 10 ms each: how long a prompt or menu may take to come up


def type_text(qtbot, widget, text: str) -> None:
    """ASCII on the keys; Chinese as the input method commits it (QTest's key clicks
    know no key for a Chinese character)."""
    for run in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
        if run.isascii():
            qtbot.keyClicks(widget, run)
        else:
            event = QInputMethodEvent()
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)


def type_over(qtbot, edit, text: str) -> None:
    """Focus, Ctrl+A, then type: what was in the field is replaced."""
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, edit, text)


def answer_input(qtbot, text: str) -> list[str]:
    """Types `text` into the QInputDialog about to open, then presses Enter. Returns a list
    that holds the prompt's label once answered (assert on it after the call that opened it)."""
    seen: list[str] = []

    def answer(left: int = TRIES) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            if left > 0:
                QTimer.singleShot(10, lambda: answer(left - 1))
            return
        edit = dialog.findChild(QLineEdit)
        type_text(qtbot, edit, text)
        seen.append(dialog.labelText())
        qtbot.keyClick(edit, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)
    return seen


def choose_from_menu(qtbot, row: int) -> list[str]:
    """Picks the `row`th action (from 0) of the menu about to pop up, by the arrow keys and
    Enter. Returns a list that holds the menu's action texts once chosen."""
    seen: list[str] = []

    def pick(left: int = TRIES) -> None:
        menu = QApplication.activePopupWidget()
        if menu is None:
            if left > 0:
                QTimer.singleShot(10, lambda: pick(left - 1))
            return
        seen.extend(a.text() for a in menu.actions())
        for _ in range(row + 1):
            qtbot.keyClick(menu, Qt.Key.Key_Down)
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(0, pick)
    return seen


def menu_key(widget) -> None:
    """The menu key on `widget`, as the platform delivers it: a keyboard context-menu event to
    the window, which Qt passes on to the focused widget at its cursor rectangle (QTest's key
    clicks make none)."""
    widget.setFocus()
    assert QApplication.focusWidget() is widget
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(0, 0), QPoint(0, 0))
    QApplication.sendEvent(widget.window().windowHandle(), event)


def right_click(view, index) -> None:
    """A right click on an item view's `index`, as the platform delivers it: a mouse
    context-menu event to the viewport under the pointer (QTest's right click makes none)."""
    view.scrollTo(index)
    at = view.visualRect(index).center()
    QApplication.sendEvent(view.viewport(),
                           QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, view.viewport().mapToGlobal(at)))


def button(widget, name: str) -> QPushButton:
    found = widget.findChild(QPushButton, name)
    assert found is not None, f"no button {name!r} in {widget.objectName()}"
    return found


def click(qtbot, widget, name: str) -> None:
    qtbot.mouseClick(button(widget, name), Qt.MouseButton.LeftButton)
