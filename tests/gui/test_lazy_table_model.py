"""The generic lazy table model: paging, sorting through the source, in-place updates."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from services.incidents.model import Severity
from services.incidents.repository import IncidentQuery
from tests.helpers import draft
from views.common.lazy_table_model import KEY_ROLE, Column, LazyTableModel

pytestmark = pytest.mark.gui

CUSTOM_ROLE = Qt.ItemDataRole.UserRole + 10


class Source:
    """A list standing in for a query; records what the model asked for."""

    def __init__(self, n: int):
        self.rows = [{"id": f"r{i:04d}", "n": i} for i in range(n)]
        self.calls: list[tuple[int, int]] = []
        self.sorts: list[tuple[str, bool]] = []
        self.fail = False

    def load(self, offset: int, limit: int) -> list[dict]:
        self.calls.append((offset, limit))
        if self.fail:
            raise OSError("disk gone")
        return self.rows[offset : offset + limit]

    def on_sort(self, key: str, descending: bool) -> None:
        self.sorts.append((key, descending))
        self.rows.sort(key=lambda r: r[key], reverse=descending)


def make(source: Source, page_size: int = 200) -> LazyTableModel:
    columns = [
        Column("ID", lambda r: r["id"]),
        Column("N", lambda r: str(r["n"]), "n", {CUSTOM_ROLE: lambda r: r["n"] * 2}),
    ]
    return LazyTableModel(
        columns, source.load, key=lambda r: r["id"], on_sort=source.on_sort, page_size=page_size
    )


def test_fetches_page_by_page_until_a_short_page(qapp):
    source = Source(450)
    model = make(source)
    assert model.rowCount() == 0 and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 200 and model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 450
    assert not model.canFetchMore()
    assert source.calls == [(0, 200), (200, 200), (400, 200)]


def test_a_view_loads_more_when_scrolled_to_the_bottom(qtbot):
    source = Source(450)
    model = make(source, page_size=50)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(300, 200)
    view.show()
    qtbot.waitUntil(lambda: model.rowCount() >= 50)
    before = model.rowCount()
    assert before < 450
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > before)


def test_sort_asks_the_source_and_reloads(qapp):
    source = Source(30)
    model = make(source)
    model.reload()
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert source.sorts == [("n", True)]
    assert model.data(model.index(0, 1)) == "29"
    model.sort(0, Qt.SortOrder.AscendingOrder)  # column without a sort key: ignored
    assert source.sorts == [("n", True)]
    assert not model.is_sortable(0) and model.is_sortable(1)


def test_refresh_row_updates_in_place(qtbot):
    source = Source(10)
    model = make(source)
    model.reload()
    with qtbot.waitSignal(model.dataChanged) as blocker:
        assert model.refresh_row("r0003", {"id": "r0003", "n": 99})
    top_left, bottom_right = blocker.args[:2]
    assert (top_left.row(), bottom_right.row()) == (3, 3)
    assert (top_left.column(), bottom_right.column()) == (0, 1)
    assert model.data(model.index(3, 1)) == "99"
    assert model.row_for("r0003") == 3 and model.item(3)["n"] == 99
    assert not model.refresh_row("missing", {"id": "missing", "n": 0})


def test_roles_and_headers(qapp):
    model = make(Source(3))
    model.reload()
    index = model.index(2, 1)
    assert model.data(index, CUSTOM_ROLE) == 4
    assert model.data(index, KEY_ROLE) == "r0002"
    assert model.data(index, Qt.ItemDataRole.ToolTipRole) is None
    assert model.headerData(1, Qt.Orientation.Horizontal) == "N"


def test_rows_shifted_by_inserts_are_not_repeated(qapp):
    source = Source(20)
    model = make(source, page_size=10)
    model.fetchMore()
    source.rows.insert(0, {"id": "new", "n": -1})  # pushes r0009 onto the next page
    model.fetchMore()
    keys = [model.key_of(r) for r in range(model.rowCount())]
    assert len(keys) == len(set(keys)) == 19


def test_reload_keeps_what_was_loaded(qapp):
    source = Source(100)
    model = make(source, page_size=20)
    model.fetchMore()
    model.fetchMore()
    model.fetchMore()
    model.reload()
    assert model.rowCount() == 60
    model.reload(keep_loaded=False)
    assert model.rowCount() == 20


def test_a_failing_source_reports_and_stops(qtbot):
    source = Source(10)
    source.fail = True
    model = make(source)
    with qtbot.waitSignal(model.sig_load_failed) as blocker:
        model.fetchMore()
    assert isinstance(blocker.args[0], OSError)
    assert model.rowCount() == 0 and not model.canFetchMore()


def test_pages_of_real_incidents(qapp, incident_service, clock):
    """The adapter over the real service: pages, then a re-sort through the query."""
    for severity in [Severity.IV, Severity.I, Severity.III] * 5:
        incident_service.create_incident(draft(clock, severity=severity), "值班员")
    state = {"query": IncidentQuery()}

    def on_sort(key: str, descending: bool) -> None:
        state["query"] = replace(state["query"], sort=key, descending=descending)

    model = LazyTableModel(
        [
            Column("code", lambda i: i.code, "code"),
            Column("sev", lambda i: i.severity.value, "severity"),
        ],
        lambda o, n: incident_service.list_page(state["query"], o, n),
        key=lambda i: i.id,
        on_sort=on_sort,
        page_size=4,
    )
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 15
    model.sort(1, Qt.SortOrder.AscendingOrder)
    while model.canFetchMore():
        model.fetchMore()
    values = [model.data(model.index(r, 1)) for r in range(model.rowCount())]
    assert values == ["I"] * 5 + ["III"] * 5 + ["IV"] * 5
