"""协同会商: a conference on the selected incident. Open it (inviting sites —
organisations of the 通讯录 — and people), see who has joined, who is muted,
who speaks (the platform keeps these flags; the conference bridge reports
them), watch each joined site's video in a tile, record 纪要 and 决定 into the
incident's timeline, invite more, close it. Every change is written on the
mirror writer (views/common/gui_op.py) and the panel follows from the answer."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services.cameras.store import Camera
from services.conference.service import Conference, ConferenceService, Participant
from services.contacts.store import ORG, ContactStore
from services.errors import NotFound
from services.incidents.model import EntryKind
from services.incidents.service import IncidentService
from views.common.event_relay import DomainEventRelay
from views.common.gui_op import GuiOp, show_write_error
from views.common.messages import ask, warn
from views.common.task_runner import TaskRunner
from views.contacts.picker import ContactPicker
from views.video.player import CameraPlayer
from widgets.video_tile import VideoTile

MAX_TILES = 9


def _hint(text: str, name: str) -> QLabel:
    label = QLabel(text, objectName=name, wordWrap=True, textFormat=Qt.TextFormat.PlainText)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setStyleSheet("color: #777777; font-size: 11pt;")
    return label


class InviteDialog(QDialog):
    """Sites (organisations) and people to invite."""

    def __init__(self, contacts: ContactStore, parent=None):
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Conference", "Invite to the conference"))
        self.picker = ContactPicker(contacts, (ORG, "person"), self, placeholder=QCoreApplication.translate(
            "Conference", "Find sites or people: name, phone or pinyin initials"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.picker)
        box.addWidget(buttons)
        self.resize(480, 420)

    def participants(self) -> list[Participant]:
        return [Participant(c.id, "site" if c.kind == ORG else "contact", c.name) for c in self.picker.chosen.values()]


class ConferencePanel(QWidget):
    def __init__(self, conferences: ConferenceService, incidents: IncidentService, contacts: ContactStore,
                 runner: TaskRunner, relay: DomainEventRelay, *, author: str = "", tz=None, decoder: str = "auto",
                 parent=None):
        super().__init__(parent)
        self.setObjectName("conference_panel")
        self.conferences, self.incidents, self.contacts, self.runner = conferences, incidents, contacts, runner
        self.author, self.tz, self.decoder = author, tz, decoder
        self.incident_id = ""
        self.current: Conference | None = None
        self.players: dict[str, CameraPlayer] = {}
        self.incident_label = QLabel(objectName="conference_incident", textFormat=Qt.TextFormat.PlainText)
        self.chooser = QComboBox(objectName="conference_chooser")
        self.chooser.currentIndexChanged.connect(self._chosen)
        self.open_button = QPushButton(self.tr("Open a conference…"), objectName="open_conference")
        self.open_button.clicked.connect(self.on_open)
        self.invite_button = QPushButton(self.tr("Invite…"), objectName="invite_button")
        self.invite_button.clicked.connect(self.on_invite)
        self.close_button = QPushButton(self.tr("Close the conference"), objectName="close_conference")
        self.close_button.clicked.connect(self.on_close)
        self.people = QTableWidget(0, 5, objectName="participants")
        self.people.setHorizontalHeaderLabels([self.tr("Participant"), self.tr("Kind"), self.tr("Joined"),
                                               self.tr("Muted"), self.tr("Speaking")])
        self.people.horizontalHeader().setStretchLastSection(True)
        self.people.verticalHeader().hide()
        self.people.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tiles_box = QWidget()
        self.tiles = QGridLayout(self.tiles_box)
        self.tiles.setSpacing(2)
        self.video_hint = _hint(self.tr("The video of each site appears here once it joins with a camera."),
                                "conference_video_hint")
        self.tiles.addWidget(self.video_hint, 0, 0)
        self.empty = _hint("", "conference_empty")  # what to do when there is no conference to show
        self.minutes = QPlainTextEdit(objectName="minutes_edit")
        self.minutes.setPlaceholderText(self.tr("Minutes or a decision (Ctrl+Enter: minutes)"))
        self.minutes.setMaximumHeight(90)
        self.minutes_button = QPushButton(self.tr("Record minutes"), objectName="record_minutes")
        self.minutes_button.clicked.connect(lambda: self.record(EntryKind.MINUTES))
        self.decision_button = QPushButton(self.tr("Record a decision"), objectName="record_decision")
        self.decision_button.clicked.connect(lambda: self.record(EntryKind.DECISION))
        QShortcut(QKeySequence("Ctrl+Return"), self.minutes, lambda: self.record(EntryKind.MINUTES))
        top = QHBoxLayout()
        for widget in (self.incident_label, self.chooser, self.open_button, self.invite_button, self.close_button):
            top.addWidget(widget)
        top.insertStretch(1, 1)
        record = QHBoxLayout()
        record.addWidget(self.minutes, 1)
        buttons = QVBoxLayout()
        buttons.addWidget(self.minutes_button)
        buttons.addWidget(self.decision_button)
        record.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.people)
        split.addWidget(self.tiles_box)
        split.setStretchFactor(1, 2)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addLayout(top)
        self.body = QStackedWidget(objectName="conference_body")
        self.body.addWidget(self.empty)
        self.body.addWidget(split)
        box.addWidget(self.body, 1)
        box.addLayout(record)
        self._reload = QTimer(self, singleShot=True, interval=150)
        self._reload.timeout.connect(self.reload)
        relay.records("conference").sig_changed.connect(lambda *_: self._reload.start())
        self._update_actions()
        self._show(None)
        self.reload()  # the open conferences, until an incident is selected

    # ---- which conference ---------------------------------------------------------

    def set_incident(self, incident_id: str) -> None:
        self.incident_id = incident_id or ""
        self._update_actions()
        self.reload()

    def reload(self) -> None:
        if not self.incident_id:
            self.runner.read(self.conferences.open_ones, on_done=self._listed, owner=self)
        else:
            self.runner.read(self.conferences.for_incident, self.incident_id, on_done=self._listed, owner=self)

    def _listed(self, conferences: list[Conference]) -> None:
        keep = self.current.id if self.current else ""
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for conference in conferences:
            state = self.tr("open") if conference.is_open else self.tr("closed")
            self.chooser.addItem(f"{conference.title}（{state}）", conference.id)
        index = max(0, self.chooser.findData(keep))
        self.chooser.setCurrentIndex(index if conferences else -1)
        self.chooser.blockSignals(False)
        self._show(next((c for c in conferences if c.id == self.chooser.currentData()), None))

    def _chosen(self) -> None:
        cid = self.chooser.currentData()
        if cid:
            self.runner.read(self.conferences.get, cid, on_done=self._show, owner=self)

    def _show(self, conference: Conference | None) -> None:
        self.current = conference
        people = conference.participants if conference else ()
        self.people.setRowCount(len(people))
        for row, person in enumerate(people):
            kind = self.tr("Site") if person.kind == "site" else self.tr("Person")
            cells = (person.name, kind, "✓" if person.joined else "—", self.tr("muted") if person.muted else "",
                     self.tr("speaking") if person.speaking else "")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if person.speaking:
                    item.setBackground(QColor("#e8f5e9"))
                self.people.setItem(row, column, item)
        self.people.resizeColumnsToContents()
        self._show_video([p for p in people if p.joined and p.video_url][:MAX_TILES])
        self.incident_label.setText(self.tr("Conference: %1").replace("%1", conference.title) if conference else "")
        if conference is None:
            self.empty.setText(self.empty_text())
        self.body.setCurrentWidget(self.body.widget(0 if conference is None else 1))
        self._update_actions()

    def empty_text(self) -> str:
        """What to do next when there is no conference to show."""
        if not self.incident_id:
            return self.tr("No conference is open. Select an incident in the log first, then click "
                           "“Open a conference…” to invite sites and people.")
        return self.tr("No conference on this incident yet. Click “Open a conference…” to invite sites and "
                       "people from the contacts; each site's video appears here once it joins.")

    def _show_video(self, people: list[Participant]) -> None:
        wanted = {p.id: p for p in people}
        for pid in [pid for pid in self.players if pid not in wanted or
                    self.players[pid].camera.main_url != wanted[pid].video_url]:
            player = self.players.pop(pid)
            player.stop()
            player.tile.deleteLater()
        columns = 1 if len(wanted) <= 1 else 2 if len(wanted) <= 4 else 3
        for n, person in enumerate(people):
            if person.id not in self.players:
                tile = VideoTile(self.tiles_box)
                tile.tz = self.tz
                camera = Camera(person.id, person.name, "", None, None, person.video_url, person.video_url, False, "",
                                True)
                self.tiles.addWidget(tile, n // columns, n % columns)
                tile.show()
                self.players[person.id] = CameraPlayer(tile, camera, decoder=self.decoder)
        self.video_hint.setVisible(not self.players)

    def stop_video(self) -> None:
        for player in self.players.values():
            player.stop()

    def _update_actions(self) -> None:
        is_open = self.current is not None and self.current.is_open
        self.open_button.setEnabled(bool(self.incident_id))
        for widget in (self.minutes_button, self.decision_button):
            widget.setEnabled(is_open)
        held_here = is_open and self.conferences.held_here(self.current)
        for widget in (self.invite_button, self.close_button):
            widget.setEnabled(held_here)
            widget.setToolTip("" if held_here or not is_open else
                              self.tr("Only the site that opened this conference may invite to it or close it."))

    # ---- actions ---------------------------------------------------------------------

    def on_open(self) -> bool:
        if not self.incident_id:
            return False
        try:
            incident = self.incidents.get(self.incident_id)
        except NotFound:
            return False
        title, ok = QInputDialog.getText(self, self.tr("Open a conference"), self.tr("Title:"),
                                         text=self.tr("Conference on %1").replace("%1", incident.title))
        if not ok:
            return False
        invite = InviteDialog(self.contacts, self)
        invitees = invite.participants() if invite.exec() else []
        return self.open_conference(title, invitees)

    def open_conference(self, title: str, invitees: list[Participant]) -> bool:
        """Written on the mirror writer; the panel shows it once stored. False: no incident."""
        if not self.incident_id:
            return False
        self._write(self.conferences.open, self.incident_id, title, invitees, self.author).success(self._opened).run()
        return True

    def _opened(self, conference: Conference) -> None:
        self.current = conference
        self.reload()

    def on_invite(self) -> None:
        if self.current is None:
            return
        dialog = InviteDialog(self.contacts, self)
        if dialog.exec():
            self._write(self.conferences.invite, self.current.id, dialog.participants()) \
                .success(lambda _c: self.reload()).run()

    def on_close(self) -> None:
        if self.current is None:
            return
        if ask(self, self.tr("Close the conference"),
               self.tr("Close “%1”? Its minutes stay on the incident's timeline.").replace("%1", self.current.title)):
            self.close_conference()

    def close_conference(self) -> bool:
        if self.current is None:
            return False
        self._write(self.conferences.close, self.current.id, self.author).success(lambda _c: self.reload()).run()
        return True

    def record(self, kind: EntryKind) -> bool:
        """Minutes or a decision onto the timeline; the box empties once stored
        (on failure the text stays, with the reason)."""
        if self.current is None or not self.current.is_open:
            return False
        text = self.minutes.toPlainText()
        self._write(self.conferences.record, self.current.id, kind, text, self.author) \
            .success(lambda _entry: self._recorded(text)).run()
        return True

    def _recorded(self, text: str) -> None:
        if self.minutes.toPlainText() == text:  # unless the officer typed on meanwhile
            self.minutes.clear()

    def _write(self, op, *args) -> GuiOp:
        return GuiOp(self, self.runner, op, *args).failure(self._failed)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, NotFound):
            warn(self, self.tr("Conference"), self.tr("The conference or its incident is gone."))
        else:
            show_write_error(self, exc, self.tr("Conference"))
        self.reload()
