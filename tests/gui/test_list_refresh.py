"""A live change reaches a list however far the officer has scrolled: what is
loaded is read again on a reader thread (never the GUI thread) and only the
difference is applied, so the selected row and the rows on screen stay put."""

from __future__ import annotations

import threading
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QTableView

from services.incidents.repository import IncidentQuery
from tests.helpers import draft
from tests.map.helpers import wait_until
from views.common.event_relay import DomainEventRelay
from views.common.lazy_table_model import Column, KeepOnScreen, LazyTableModel
from views.common.task_runner import TaskRunner

pytestmark = pytest.mark.gui


@pytest.fixture
def runner():
    r = TaskRunner()
    yield r
    r.shutdown()


def test_a_refresh_far_down_the_list_keeps_selection_and_screen(qtbot, runner):
    rows = [{"id": f"r{n:05d}", "n": n} for n in range(1300, 0, -1)]  # newest first
    threads: list[str] = []

    def read(offset: int, limit: int) -> list[dict]:
        threads.append(threading.current_thread().name)
        return [dict(r) for r in rows[offset:offset + limit]]

    model = LazyTableModel([Column("N", lambda r: str(r["n"]))], read, key=lambda r: r["id"],
                           runner=runner, background_loader=lambda: read)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    KeepOnScreen(view, model)
    view.resize(400, 300)
    view.show()
    model.reload(keep_loaded=False)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 1300  # seven pages: more than a synchronous reload keeps
    view.setCurrentIndex(model.index(1100, 0))
    view.verticalScrollBar().setValue(1090)
    top, selected = model.key_of(view.rowAt(0)), model.key_of(1100)
    resets, threads[:] = [], []
    model.modelReset.connect(lambda: resets.append(1))

    rows[:0] = [{"id": "new2", "n": 1302}, {"id": "new1", "n": 1301}]  # from another workstation
    del rows[500]  # one that no longer matches the filter
    rows[900]["n"] = -1  # one that changed
    with qtbot.waitSignal(model.sig_merged, timeout=5000):
        model.refresh()

    assert threads and all(name != threading.main_thread().name for name in threads)
    assert resets == []  # rows inserted and removed, never a reset
    assert model.rowCount() == 1301 and model.key_of(0) == "new2" and model.key_of(1) == "new1"
    assert model.key_of(view.currentIndex().row()) == selected
    assert model.data(model.index(model.row_for(rows[900]["id"]), 0)) == "-1"
    assert model.key_of(view.rowAt(0)) == top


def test_a_new_incident_far_down_the_incident_list(qtbot, mirror, events, clock, incident_service, runner):
    from services.demo_data import DemoGenerator
    from services.incidents.bulk import load_batch
    from views.incident_log.view import IncidentLogView

    relay = DomainEventRelay()
    relay.attach(events)
    demo = DemoGenerator(incident_service.taxonomy, site_code="CQ").generate(
        1300, clock.now(), span=__import__("datetime").timedelta(days=30), entries_per_incident=1)
    load_batch(mirror, demo.incidents, demo.entries)
    view = IncidentLogView(incident_service, runner, relay, author="值班员", tz=ZoneInfo("Asia/Shanghai"))
    qtbot.addWidget(view)
    view.resize(1400, 800)
    view.show()
    qtbot.waitUntil(lambda: view._count == 1300)
    while view.model.canFetchMore():
        view.model.fetchMore()
    table = view.table
    table.setCurrentIndex(view.model.index(1150, 0))
    table.verticalScrollBar().setValue(1140)
    top, selected = view.model.key_of(table.rowAt(0)), view.model.key_of(1150)
    y = table.rowViewportPosition(table.rowAt(0))
    pages_read_on_gui = []
    gui_loader = view.model._loader  # what the model reads with on the GUI thread (a page, a new filter)
    view.model._loader = lambda *a: pages_read_on_gui.append(a) or gui_loader(*a)

    new = runner.write(incident_service.create_incident, draft(clock, title="新接报事件"), "值班员").result(5)
    assert wait_until(lambda: view.model.row_for(new.id) == 0 and view._count == 1301, 5)
    assert view.model.rowCount() == 1301  # every loaded page kept, however far down
    assert view.model.key_of(table.currentIndex().row()) == selected
    assert view.model.key_of(table.rowAt(0)) == top and table.rowViewportPosition(table.rowAt(0)) == y
    assert pages_read_on_gui == []  # the refresh read on a reader thread
    assert incident_service.count(IncidentQuery()) == 1301
    relay.detach(events)
