"""A grey sentence in the middle of an empty list saying what to do next ("no
orders yet — F6 issues one"). It sits on the view's viewport, shows itself
while the model has no rows and a text is set, and lets clicks through."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel

MARGIN = 16


class EmptyHint(QLabel):
    def __init__(self, view: QAbstractItemView, text: str = ""):
        super().__init__(view.viewport())
        self.setObjectName("empty_hint")
        self.view = view
        self.setTextFormat(Qt.TextFormat.PlainText)  # it may quote what the officer typed
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet("color: #777777; font-size: 11pt; background: transparent;")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setText(text)
        view.viewport().installEventFilter(self)
        model = view.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.layoutChanged):
            signal.connect(self.update_visibility)
        self._fit()
        self.update_visibility()

    def set_text(self, text: str) -> None:
        self.setText(text)
        self.update_visibility()

    @property
    def showing(self) -> bool:
        """Whether the hint is up (it is, while the list is empty and there is a text)."""
        return bool(self.text()) and self.view.model().rowCount() == 0

    def update_visibility(self, *_args) -> None:
        self.setVisible(self.showing)

    def _fit(self) -> None:
        self.setGeometry(self.view.viewport().rect().adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize:
            self._fit()
        return False
