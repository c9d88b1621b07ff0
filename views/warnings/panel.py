"""预警信息: the warnings panel. The list (in force / awaiting approval / all,
by colour and origin), the card of the chosen one, and what an officer does
with warnings: import CAP files, draft one (from scratch or from the incident
selected in the log), submit it, and, as a commander, issue or return it. The
list reads off the GUI thread and follows `relay.records("warning")`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services.warnings.contract import COLOURS
from services.warnings.model import EarlyWarning
from views.common.clearance_labels import Levels
from views.common.gui_op import GuiOp
from views.warnings import labels, roles
from views.warnings.actions import WarningActions
from views.warnings.card import WarningCard
from views.warnings.card_text import state_text
from widgets.empty_hint import EmptyHint
from widgets.level_badge import LEVEL_RANK_ROLE, LEVEL_ROLE, LevelBadgeDelegate
from widgets.plain_text import make_plain

RELOAD_MS = 200
SCOPES = ("active", "pending", "all")


class WarningsPanel(QWidget):
    sig_incident_wanted = Signal(str)
    sig_resource_wanted = Signal(str)
    sig_camera_wanted = Signal(str)

    def __init__(self, store, service, runner, relay, *, tz: tzinfo, now: Callable[[], datetime],
                 role: Callable[[], str | None] = lambda: None, parent: QWidget | None = None, **options):
        """options: what WarningActions needs beyond the panel's (incidents, check, export, sender ...)."""
        super().__init__(parent)
        self.setObjectName("warnings_panel")
        self.store, self.service, self.runner, self.tz, self.now, self.role = store, service, runner, tz, now, role
        self.warnings: list[EarlyWarning] = []
        self.selected_id = ""
        self.incident_id = ""  # the incident selected in the log (关联事件, 由事件起草)
        self.actions = WarningActions(self, service, runner, tz=tz, now=now, **options)
        self._reading = self._again = False
        self._build()
        self._soon = QTimer(self, singleShot=True, interval=RELOAD_MS)
        self._soon.timeout.connect(self.refresh)
        self._tick = QTimer(self, interval=60_000)  # warnings expire by the clock
        self._tick.timeout.connect(self._fill)
        self._tick.start()
        relay.records("warning").sig_changed.connect(lambda *_: self._soon.start())
        self.refresh()

    @property
    def author(self) -> str:
        return self.actions.author

    @author.setter
    def author(self, name: str) -> None:  # the duty wiring names the officer of every panel
        self.actions.author = name

    # ---- building ----------------------------------------------------------------

    def _build(self) -> None:
        self.scope_combo = QComboBox(objectName="warning_scope")
        for key, text in (("active", self.tr("In force")), ("pending", self.tr("Awaiting approval")),
                          ("all", self.tr("All, expired and drafts too"))):
            self.scope_combo.addItem(text, key)
        self.colour_combo = QComboBox(objectName="warning_colour_filter")
        self.colour_combo.addItem(self.tr("Every level"), "")
        for colour in COLOURS:
            self.colour_combo.addItem(labels.level_name(colour), colour)
        self.origin_combo = QComboBox(objectName="warning_origin_filter")
        self.origin_combo.addItem(self.tr("Any origin"), "")
        for origin in ("external", "local"):
            self.origin_combo.addItem(labels.origin_name(origin), origin)
        for combo in (self.scope_combo, self.colour_combo, self.origin_combo):
            combo.currentIndexChanged.connect(self._fill)
        self.import_button = QPushButton(self.tr("Import CAP…"), objectName="warning_import_button")
        self.import_button.setToolTip(self.tr("CAP 1.2 files: one alert, or an Atom/RSS feed of alerts (Ctrl+O)"))
        self.import_button.clicked.connect(self.actions.open_import)
        self.draft_button = QPushButton(self.tr("Draft a warning…"), objectName="warning_draft_button")
        self.draft_button.setToolTip(self.tr("From scratch, or from the incident selected in the log (Insert)"))
        self.draft_button.clicked.connect(self.draft)
        self.list = QTreeWidget(objectName="warning_list")
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([self.tr("Level"), self.tr("Event"), self.tr("Headline"), self.tr("Expires"),
                                   self.tr("State")])
        self.list.setColumnWidth(0, 90)
        # 密级 badge before the headline (none for 公开: most warnings are meant for the public)
        self.levels = Levels(*self.service.levels())
        self.list.setItemDelegateForColumn(2, LevelBadgeDelegate(self.list))
        self.list.currentItemChanged.connect(self._on_current)
        self.hint = EmptyHint(self.list)
        self.count_label = QLabel(objectName="warning_count")
        make_plain(self.count_label)
        self.card = WarningCard(self.tz)
        self.actions.attach(self.card, self)
        self.card.sig_incident_wanted.connect(self.sig_incident_wanted)
        self.card.sig_resource_wanted.connect(self.sig_resource_wanted)
        self.card.sig_camera_wanted.connect(self.sig_camera_wanted)
        filters = QHBoxLayout()
        for widget in (self.scope_combo, self.colour_combo, self.origin_combo):
            filters.addWidget(widget)
        filters.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.draft_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        top = QWidget()
        top_box = QVBoxLayout(top)
        top_box.setContentsMargins(0, 0, 0, 0)
        top_box.addLayout(filters)
        top_box.addLayout(buttons)
        top_box.addWidget(self.list, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(self.card)
        split.setSizes([300, 500])
        box = QVBoxLayout(self)
        box.setContentsMargins(2, 2, 2, 2)
        box.addWidget(split)
        scoped = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (("Ctrl+O", self.actions.open_import), ("Insert", self.draft),
                           ("Ctrl+I", lambda: self.card.buttons["new_incident"].click())):
            QShortcut(QKeySequence(keys), self, slot, context=scoped)

    # ---- reading -----------------------------------------------------------------

    def refresh(self) -> None:
        if self._reading:
            self._again = True
            return
        self._reading = True
        GuiOp(self, self.runner, self.store.all, True).as_read().success(self._loaded) \
            .failure(self._read_failed).run()

    def _read_failed(self, exc: BaseException) -> None:
        self._reading = False
        self.count_label.setText(self.tr("Warnings could not be read: %1").replace("%1", str(exc)))

    def _loaded(self, warnings: list[EarlyWarning]) -> None:
        self._reading = False
        self.warnings = warnings
        self._fill()
        if self._again:
            self._again = False
            self._soon.start()

    def shown(self) -> list[EarlyWarning]:
        now, scope = self.now(), self.scope_combo.currentData()
        colour, origin = self.colour_combo.currentData(), self.origin_combo.currentData()
        out = []
        for w in self.warnings:
            if scope == "active" and not w.active(now):
                continue
            if scope == "pending" and w.issue_state != "pending":
                continue
            if (colour and w.colour != colour) or (origin and w.origin != origin):
                continue
            out.append(w)
        return sorted(out, key=lambda w: (labels.colour_rank(w.colour), -w.sent.timestamp()))

    def _fill(self) -> None:
        now = self.now()
        shown = self.shown()
        self.list.blockSignals(True)
        self.list.clear()
        current = None
        for w in shown:
            item = QTreeWidgetItem([labels.level_name(w.colour), w.event, w.headline, labels.when(w.expires, self.tz),
                                    state_text(w, now)])
            item.setData(0, Qt.ItemDataRole.UserRole, w.id)
            line, fill = labels.COLOUR_HEX.get(w.colour, labels.COLOUR_HEX[""])
            item.setBackground(0, QBrush(QColor(fill)))
            item.setForeground(0, QBrush(QColor(labels.TEXT_ON.get(w.colour, "#fff"))))
            item.setToolTip(2, w.headline)
            item.setData(2, LEVEL_ROLE, self.levels.badge_text(w.level))
            item.setData(2, LEVEL_RANK_ROLE, w.level)
            self.list.addTopLevelItem(item)
            if w.id == self.selected_id:
                current = item
        self.list.blockSignals(False)
        self.count_label.setText(self.tr("%1 shown of %2").replace("%1", str(len(shown)))
                                 .replace("%2", str(len(self.warnings))))
        self.draft_button.setVisible(roles.may_draft(self.role()))
        self.hint.set_text(self._empty_text())
        if current is not None:
            self.list.setCurrentItem(current)
            self._show(self._by_id(self.selected_id))
        elif self.selected_id and self._by_id(self.selected_id) is not None:
            self._show(self._by_id(self.selected_id))  # filtered out of the list, still on the card
        elif self.selected_id:
            self.selected_id = ""
            self.card.clear()

    def _empty_text(self) -> str:
        if not self.warnings:
            return self.tr("No warnings yet. Import a CAP file (Ctrl+O), let the platform's feeds bring them, "
                           "or draft one (Insert).")
        if self.scope_combo.currentData() == "pending":
            return self.tr("Nothing awaits approval.")
        return self.tr("No warning matches these filters. Choose \"All\" to see expired ones and drafts.")

    def _by_id(self, warning_id: str) -> EarlyWarning | None:
        return next((w for w in self.warnings if w.id == warning_id), None)

    # ---- the card ----------------------------------------------------------------

    def _on_current(self, item: QTreeWidgetItem | None, _previous=None) -> None:
        if item is None:
            return
        warning = self._by_id(item.data(0, Qt.ItemDataRole.UserRole))
        if warning is not None:
            self.selected_id = warning.id
            self._show(warning)

    def _show(self, warning: EarlyWarning) -> None:
        self.card.show_warning(warning, now=self.now(), role=self.role(), chain=self.actions.chain_lines(
            warning, self.warnings))
        GuiOp(self, self.runner, self.store.inside, warning.id).as_read() \
            .success(lambda inside, wid=warning.id: self.card.show_inside(wid, inside)) \
            .failure(lambda _exc: self.card.inside_failed()).run()

    def show_warning(self, warning_id: str) -> None:
        """Another panel (the map) asked for this warning's card."""
        self.selected_id = warning_id
        warning = self._by_id(warning_id)
        if warning is None:
            self.refresh()
            return
        if warning not in self.shown():
            self.scope_combo.setCurrentIndex(SCOPES.index("all"))
            self.colour_combo.setCurrentIndex(0)
            self.origin_combo.setCurrentIndex(0)
        self._fill()

    def set_incident(self, incident_id: str) -> None:
        self.incident_id = incident_id

    def draft(self) -> None:
        if roles.may_draft(self.role()):
            self.actions.draft(self.incident_id)
