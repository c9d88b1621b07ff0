"""审计日志: the platform's audit records for an admin, read-only, newest first,
filtered by time range, account and action, a page at a time. The records
come from the platform (an admin-only route), never from the mirror; times in
the watch room's zone."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDateTime, Qt, QTimeZone
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services.audit.wire import RECORDS_PATH, AuditPage, AuditRecord
from widgets.plain_text import make_plain, tooltip

log = logging.getLogger(__name__)
PAGE = 100
Request = Callable[..., Awaitable]  # SyncEngine.request while logged in


class AuditPanel(QWidget):
    def __init__(
        self,
        request: Callable[[], Request | None],
        tz: ZoneInfo,
        now: Callable[[], datetime],
        parent: QWidget | None = None,
    ):
        """`request()`: the sync engine's authenticated request, or None when not logged in."""
        super().__init__(parent)
        self.setObjectName("audit_panel")
        self.request = request
        self.tz = tz
        self.pages: list[int] = [0]  # the `before` of each page seen; [-1] is the one shown
        self.next_before: int | None = None
        self._task: asyncio.Future | None = None
        self.records: list[AuditRecord] = []
        self._build(now())

    def _build(self, now: datetime) -> None:
        zone = QTimeZone(self.tz.key.encode())
        self.use_time = QCheckBox(self.tr("Time from"))
        self.since = QDateTimeEdit(QDateTime.fromSecsSinceEpoch(int((now - timedelta(days=1)).timestamp()), zone))
        self.until = QDateTimeEdit(QDateTime.fromSecsSinceEpoch(int((now + timedelta(hours=1)).timestamp()), zone))
        for edit in (self.since, self.until):
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
            edit.setTimeZone(zone)
            edit.setCalendarPopup(True)
        self.account = QLineEdit()
        self.account.setPlaceholderText(self.tr("any account"))
        self.account.setMaxLength(100)
        self.action = QComboBox()
        self.action.addItem(self.tr("All actions"), "")
        for code, label in action_labels().items():
            self.action.addItem(label, code)
        self.search = QPushButton(self.tr("Search"))
        self.search.clicked.connect(self.reload)
        self.account.returnPressed.connect(self.reload)
        filters = QHBoxLayout()
        for widget in (
            self.use_time,
            self.since,
            QLabel(self.tr("to")),
            self.until,
            QLabel(self.tr("Account")),
            self.account,
            QLabel(self.tr("Action")),
            self.action,
            self.search,
        ):
            filters.addWidget(widget)
        filters.addStretch(1)
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("No."),
                self.tr("Time"),
                self.tr("Action"),
                self.tr("Account"),
                self.tr("Workstation"),
                self.tr("Record"),
                self.tr("Detail"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)  # the detail takes what is left
        self.empty = QLabel()
        make_plain(self.empty)
        self.empty.setStyleSheet("font-weight: bold")
        self.newer = QPushButton(self.tr("Newer"))
        self.older = QPushButton(self.tr("Older"))
        self.newer.clicked.connect(self.show_newer)
        self.older.clicked.connect(self.show_older)
        self.page_label = QLabel()
        paging = QHBoxLayout()
        paging.addWidget(self.empty, 1)
        for widget in (self.page_label, self.newer, self.older):
            paging.addWidget(widget)
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "Read-only: the platform's audit records, newest first. Nothing here can be "
                "changed; `watchroom-server audit verify` checks that none was."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(paging)
        self._show_paging()

    # ---- asking the platform ---------------------------------------------------

    def params(self) -> dict:
        params: dict = {"limit": PAGE}
        if self.use_time.isChecked():
            params["since"] = _utc(self.since.dateTime())
            params["until"] = _utc(self.until.dateTime())
        if self.account.text().strip():
            params["account"] = self.account.text().strip()
        if self.action.currentData():
            params["action"] = self.action.currentData()
        if self.pages[-1]:
            params["before"] = self.pages[-1]
        return params

    def reload(self) -> None:
        self.pages = [0]
        self.fetch()

    def show_older(self) -> None:
        if self.next_before is not None:
            self.pages.append(self.next_before)
            self.fetch()

    def show_newer(self) -> None:
        if len(self.pages) > 1:
            self.pages.pop()
            self.fetch()

    def fetch(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._task = asyncio.ensure_future(self._fetch(self.params()))

    async def _fetch(self, params: dict) -> None:
        request = self.request()
        if request is None:
            self.show_problem(self.tr("Not logged in to the platform: the audit is kept there."))
            return
        try:
            response = await request("GET", RECORDS_PATH, params=params)
            page = AuditPage.model_validate_json(response.content)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # noqa: BLE001 - any failure is said in the panel
            status = getattr(exc, "status", None) or getattr(getattr(exc, "response", None), "status_code", None)
            log.info("audit records not read: %s", exc)
            if status == 403 or "403" in str(exc):
                self.show_problem(self.tr("Only an administrator may read the audit."))
            else:
                self.show_problem(self.tr("The audit could not be read from the platform: %1").replace("%1", str(exc)))
            return
        self.show_page(page)

    # ---- showing -----------------------------------------------------------------

    def show_page(self, page: AuditPage) -> None:
        self.records = list(page.records)
        self.next_before = page.next_before
        labels = action_labels()
        self.table.setRowCount(len(self.records))
        for row, r in enumerate(self.records):
            record = f"{entity_label(r.entity)} {r.entity_id}".strip()
            cells = [
                str(r.seq),
                self.local_time(r.at),
                labels.get(r.action, r.action),
                r.account or (self.tr("(not authenticated)") if r.action == "refused" else self.tr("platform")),
                r.workstation,
                record,
                detail_text(r.detail),
            ]
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)  # read-only
                item.setToolTip(
                    tooltip(value if col != 6 else r.detail + "\n" + self.tr("hash %1").replace("%1", r.hash))
                )
                self.table.setItem(row, col, item)
        if self.records:  # an empty table keeps its columns' widths
            self.table.resizeColumnsToContents()
        self._stretch_detail()
        self.empty.setText("" if self.records else self.tr("No audit records match."))
        self._show_paging()

    def _stretch_detail(self) -> None:
        """The detail column takes the rest of the width (set again: Qt does not
        re-stretch an empty table's header by itself)."""
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setStretchLastSection(True)

    def show_problem(self, text: str) -> None:
        self.records = []
        self.next_before = None
        self.table.setRowCount(0)
        self.empty.setText(text)
        self._show_paging()

    def _show_paging(self) -> None:
        self.page_label.setText(self.tr("Page %1").replace("%1", str(len(self.pages))))
        self.newer.setEnabled(len(self.pages) > 1)
        self.older.setEnabled(self.next_before is not None)

    def local_time(self, at: str) -> str:
        try:
            when = datetime.fromisoformat(at)
        except ValueError:
            return at
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        return when.astimezone(self.tz).strftime("%Y-%m-%d %H:%M:%S")


def _utc(value: QDateTime) -> str:
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), UTC).isoformat(timespec="milliseconds")


def detail_text(detail: str) -> str:
    """The detail's fields as "name: value" in the officer's words, one line (the raw JSON is in the tooltip)."""
    try:
        fields = json.loads(detail)
    except ValueError:
        return detail
    if not isinstance(fields, dict):
        return detail
    names, stages = detail_names(), stage_labels()
    return "；".join(f"{names.get(k, k)}: {stages.get(v, v) if k == 'stage' else v}"
                    for k, v in fields.items() if v not in ("", None) and k != "op_id")


def stage_labels() -> dict[str, str]:
    """Where a refusal happened (server/refusals.py `stage`), in the officer's words."""
    return {"http": QCoreApplication.translate("AuditPanel", "platform request"),
            "tls": QCoreApplication.translate("AuditPanel", "TLS handshake"),
            "cot": QCoreApplication.translate("AuditPanel", "CoT listener (TLS handshake)")}


def detail_names() -> dict[str, str]:
    return {"what": QCoreApplication.translate("AuditPanel", "what"),
            "target": QCoreApplication.translate("AuditPanel", "file or printer"),
            "count": QCoreApplication.translate("AuditPanel", "count"),
            "address": QCoreApplication.translate("AuditPanel", "address"),
            "role": QCoreApplication.translate("AuditPanel", "role"),
            "change": QCoreApplication.translate("AuditPanel", "feed seq"),
            "client_at": QCoreApplication.translate("AuditPanel", "workstation time"),
            "command": QCoreApplication.translate("AuditPanel", "command"),
            "state": QCoreApplication.translate("AuditPanel", "state"),
            "by": QCoreApplication.translate("AuditPanel", "by"),
            **refusal_names()}


def refusal_names() -> dict[str, str]:
    """The fields of a `refused` record (server/refusals.py)."""
    return {"status": QCoreApplication.translate("AuditPanel", "status"),
            "reason": QCoreApplication.translate("AuditPanel", "reason"),
            "stage": QCoreApplication.translate("AuditPanel", "stage"),
            "method": QCoreApplication.translate("AuditPanel", "method"),
            "path": QCoreApplication.translate("AuditPanel", "route"),
            "subject": QCoreApplication.translate("AuditPanel", "certificate subject"),
            "claimed_account": QCoreApplication.translate("AuditPanel", "account claimed"),
            "claimed_workstation": QCoreApplication.translate("AuditPanel", "workstation claimed"),
            "suppressed": QCoreApplication.translate("AuditPanel", "not recorded one by one")}


def action_labels() -> dict[str, str]:
    return {
        "change": QCoreApplication.translate("AuditPanel", "Change"),
        "login": QCoreApplication.translate("AuditPanel", "Log-in"),
        "login_failed": QCoreApplication.translate("AuditPanel", "Failed log-in"),
        "logout": QCoreApplication.translate("AuditPanel", "Log-out"),
        "export": QCoreApplication.translate("AuditPanel", "Export"),
        "print": QCoreApplication.translate("AuditPanel", "Print"),
        "rollcall_answer": QCoreApplication.translate("AuditPanel", "Roll-call answer"),
        "clearance": QCoreApplication.translate("AuditPanel", "Clearance change"),
        "admin": QCoreApplication.translate("AuditPanel", "Administration"),
        "wall_command": QCoreApplication.translate("AuditPanel", "Video wall command"),
        "refused": QCoreApplication.translate("AuditPanel", "Refused"),
    }


def entity_label(entity: str) -> str:
    names = {
        "incident": QCoreApplication.translate("AuditPanel", "Incident"),
        "entry": QCoreApplication.translate("AuditPanel", "Timeline entry"),
        "order": QCoreApplication.translate("AuditPanel", "Dispatch order"),
        "user": QCoreApplication.translate("AuditPanel", "Account"),
        "wall": QCoreApplication.translate("AuditPanel", "Video wall"),
        "rollcall": QCoreApplication.translate("AuditPanel", "Roll call"),
        "resource": QCoreApplication.translate("AuditPanel", "Resource"),
        "warning": QCoreApplication.translate("AuditPanel", "Warning"),
    }
    return names.get(entity, entity)
