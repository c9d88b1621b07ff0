"""知识检索 (a tab of the plans panel): one box searching plan texts and
regulation texts together, one or two Chinese characters working as in the
incident search; each hit with its title, kind (预案/法规) and the text around
the match. Enter on a hit opens the plan or the regulation. Also a
regulation's text (RegulationView), read-only unless an admin edits it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services.plans.knowledge import PLAN, Hit
from services.plans.regulations import Regulation
from widgets.empty_hint import EmptyHint

HIT_ROLE = Qt.ItemDataRole.UserRole


def kind_name(kind: str) -> str:
    return QCoreApplication.translate("Knowledge", "Plan") if kind == PLAN else \
        QCoreApplication.translate("Knowledge", "Regulation")


class KnowledgeSearch(QWidget):
    sig_search = Signal(str)  # the term, once the officer pauses
    sig_open = Signal(str, str)  # kind, id
    sig_new_regulation = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("knowledge_search")
        self.box = QLineEdit(objectName="knowledge_box", clearButtonEnabled=True)
        self.box.setPlaceholderText(QCoreApplication.translate(
            "Knowledge", "Search plans and regulations (one character works: 涝)"))
        self.new_button = QPushButton(QCoreApplication.translate("Knowledge", "New &regulation…"),
                                      objectName="new_regulation")
        self.new_button.clicked.connect(self.sig_new_regulation)
        self.results = QTreeWidget(objectName="knowledge_results")
        self.results.setColumnCount(3)
        self.results.setHeaderLabels([QCoreApplication.translate("Knowledge", "Title"),
                                      QCoreApplication.translate("Knowledge", "Kind"),
                                      QCoreApplication.translate("Knowledge", "Where it matches")])
        self.results.setRootIsDecorated(False)
        self.results.setWordWrap(True)
        header = self.results.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.results.setColumnWidth(0, 260)
        self.results.itemActivated.connect(self._activated)
        self.hint = EmptyHint(self.results)
        self.timer = QTimer(self, singleShot=True, interval=200)
        self.timer.timeout.connect(lambda: self.sig_search.emit(self.box.text()))
        self.box.textChanged.connect(lambda: self.timer.start())
        self.box.returnPressed.connect(self.open_first)
        top = QHBoxLayout()
        top.addWidget(self.box, 1)
        top.addWidget(self.new_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(top)
        box.addWidget(self.results, 1)
        self.show_hits("", [])

    def show_hits(self, term: str, hits: list[Hit]) -> None:
        if term != self.box.text():
            return  # an answer to an older query
        self.results.clear()
        for hit in hits:
            item = QTreeWidgetItem([hit.title, kind_name(hit.kind), hit.snippet or QCoreApplication.translate(
                "Knowledge", "(in the title)")])
            item.setData(0, HIT_ROLE, (hit.kind, hit.id))
            item.setToolTip(2, hit.snippet)
            self.results.addTopLevelItem(item)
        self.hint.set_text(
            QCoreApplication.translate("Knowledge", "Type a word to search the texts of every plan and regulation "
                                       "this workstation holds (offline too).") if not term.strip() else
            QCoreApplication.translate("Knowledge", "No plan or regulation mentions “%1”.").replace("%1", term.strip()))
        if hits:
            self.results.setCurrentItem(self.results.topLevelItem(0))

    def open_first(self) -> None:
        """Enter in the box: the highlighted hit opens (the first unless the officer moved)."""
        if self.timer.isActive():
            self.timer.stop()
            self.sig_search.emit(self.box.text())
            return
        item = self.results.currentItem() or self.results.topLevelItem(0)
        if item is not None:
            self._activated(item)

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        kind, record_id = item.data(0, HIT_ROLE)
        self.sig_open.emit(kind, record_id)


class RegulationView(QWidget):
    sig_edit = Signal(str)  # regulation id

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("regulation_view")
        self.regulation_id = ""
        self.header = QLabel(objectName="regulation_header", wordWrap=True, textFormat=Qt.TextFormat.PlainText,
                             textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        self.edit_button = QPushButton(QCoreApplication.translate("Knowledge", "E&dit regulation…"), objectName="edit_regulation")
        self.edit_button.clicked.connect(lambda: self.regulation_id and self.sig_edit.emit(self.regulation_id))
        self.text = QPlainTextEdit(objectName="regulation_text", readOnly=True)
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(top)
        box.addWidget(self.text, 1)
        self.show_regulation(None)

    def show_regulation(self, regulation: Regulation | None, plan_titles: dict[str, str] | None = None) -> None:
        self.regulation_id = regulation.id if regulation is not None else ""
        self.edit_button.setEnabled(regulation is not None)
        if regulation is None:
            self.header.setText(QCoreApplication.translate(
                "Knowledge", "Open a regulation from the knowledge search or from a plan's attached regulations."))
            self.text.setPlainText("")
            return
        titles = plan_titles or {}
        lines = [regulation.title,
                 QCoreApplication.translate("Knowledge", "%1 · %2 · effective %3").replace(
                     "%1", regulation.issuer or "—").replace("%2", regulation.doc_number or "—").replace(
                     "%3", regulation.effective_date or "—"),
                 QCoreApplication.translate("Knowledge", "Attached to: %1").replace(
                     "%1", "、".join(titles.get(p, p) for p in regulation.plan_ids) or "—")]
        if regulation.pending_sync:
            lines.append(QCoreApplication.translate("Knowledge", "Not yet sent to the platform"))
        self.header.setText("\n".join(lines))
        self.text.setPlainText(regulation.full_text.strip() or QCoreApplication.translate("Knowledge", "(no text)"))
