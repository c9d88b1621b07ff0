"""The whole main window, fed records whose names, titles, places, bodies and
the operator's name are crafted markup: every panel is shown with them, then
every label, widget tooltip and item tooltip in the application is looked at.
None renders a crafted string as markup, and the places that quote the records
(the incident's title in the detail pane, the list's tooltips, the dispatch
board's tooltip, the status bar, the contacts and camera panels) show each
exactly as typed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel

from services.dispatch.lifecycle import Priority, TargetKind
from services.dispatch.service import OrderDraft
from services.incidents.model import EntryKind
from tests.gui.record_text import (
    EVIL_NAME,
    EVIL_PLACE,
    EVIL_TITLE,
    EVILS,
    became_markup,
    label_shows,
    tooltip_shows,
)
from tests.helpers import draft, wait_until

ITEMS_LOOKED_AT = 400  # per model: enough for every row these few records make


def write_config(tmp_path: Path) -> Path:
    cfg = tmp_path / "config.toml"
    operator = EVIL_TITLE.replace('"', '\\"')
    cfg.write_text(
        'config_version = 1\n[site]\ncode = "CQ"\n'
        f'[operator]\nname = "{operator}"\n'
        '[mirror]\npath = "mirror.db"\n[logging]\nfile = "watchroom.log"\n',
        encoding="utf-8",
    )
    return cfg


def _count(method, parent) -> int:
    try:
        return method(parent)
    except TypeError:  # a list model: no columns, no children (the method is private there)
        return 1 if method.__name__ == "columnCount" else 0


def model_indexes(model, parent=QModelIndex(), budget=None):  # noqa: B008
    budget = budget if budget is not None else [ITEMS_LOOKED_AT]
    for row in range(model.rowCount(parent)):
        for column in range(max(1, _count(model.columnCount, parent))):
            if budget[0] <= 0:
                return
            budget[0] -= 1
            index = model.index(row, column, parent)
            yield index
            if column == 0 and _count(model.rowCount, index) > 0:
                yield from model_indexes(model, index, budget)


def sweep() -> tuple[list[str], list[str]]:
    """(what rendered a crafted string as markup, what showed one as text)."""
    bad: list[str] = []
    quoted: list[str] = []

    def look(where: str, text: str, rendered: str, as_markup: bool) -> None:
        if as_markup:
            bad.append(f"{where}: {text[:120]!r}")
        elif any(evil in rendered for evil in EVILS):
            quoted.append(where)

    for widget in QApplication.allWidgets():
        name = f"{type(widget).__name__}#{widget.objectName()}"
        if isinstance(widget, QLabel):
            look(name, widget.text(), label_shows(widget), became_markup(widget.text(), widget.textFormat()))
        tip = widget.toolTip()
        look(f"{name} tooltip", tip, tooltip_shows(tip), became_markup(tip))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            for index in model_indexes(widget.model()):
                value = index.data(Qt.ItemDataRole.ToolTipRole)
                if isinstance(value, str):
                    look(f"{name} item tooltip", value, tooltip_shows(value), became_markup(value))
    return bad, quoted


@pytest.fixture
def window(qtbot, tmp_path):
    from app.composition import build_context
    from app.config import load_config
    from app.main_window import MainWindow

    ctx = build_context(load_config(write_config(tmp_path)))
    clock = ctx.incidents.clock
    incident = ctx.incidents.create_incident(
        draft(clock, title=EVIL_TITLE, place=EVIL_PLACE, summary=EVIL_NAME, reporter=EVIL_NAME), EVIL_NAME)
    ctx.incidents.append_entry(incident.id, EntryKind.NOTE, EVIL_PLACE, EVIL_NAME)
    ctx.resources.save_many([{"id": "r-evil", "kind": "team", "name": EVIL_NAME, "lat": 29.56, "lon": 106.55,
                              "available": True, "contact": EVIL_TITLE, "address": EVIL_PLACE, "details": {}}])
    ctx.cameras.save_many([{"id": "c-evil", "name": EVIL_NAME, "group_path": f"重庆市/{EVIL_TITLE}",
                            "lat": 29.561, "lon": 106.551, "main_url": "rtsp://127.0.0.1/a", "sub_url": "",
                            "ptz": False, "platform": EVIL_PLACE, "online": True}])
    ctx.contacts.save_many([{"id": "p-evil", "kind": "person", "name": EVIL_NAME, "role": EVIL_TITLE,
                             "mobile": "13800000000", "notes": EVIL_PLACE}])
    ctx.dispatch.issue(OrderDraft(incident.id, TargetKind.TEAM, EVIL_NAME, f"{EVIL_TITLE}\n{EVIL_PLACE}",
                                  target_id="r-evil", priority=Priority.URGENT), EVIL_NAME)
    ctx.notices.send(incident.id, "sms", EVIL_TITLE, ["p-evil"], EVIL_NAME)
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.resize(1600, 1000)
    w.show()
    w.incident = incident
    yield w
    w.close()
    ctx.close()


def test_no_record_text_becomes_markup_anywhere_in_the_window(window, qtbot):
    incident = window.incident
    log = window.incident_log
    assert wait_until(lambda: log.model.rowCount() == 1, what="the incident listed")
    log.select_incident(incident.id)
    assert wait_until(lambda: log.detail.current_id == incident.id, what="the detail pane")
    window.dispatch_board.set_incident(incident.id)
    assert wait_until(lambda: window.dispatch_board.model.order_count() == 1, what="the order on the board")
    contacts = window.contacts_panel
    assert wait_until(lambda: _pick_contact(contacts), what="the contact's details")
    catalog = window.camera_catalog
    assert wait_until(lambda: _camera_tooltip(catalog) is not None, what="the camera in the catalog")

    assert label_shows(log.detail.title) == EVIL_TITLE
    assert label_shows(window.operator_label).endswith(EVIL_TITLE)
    title_tip = log.model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)
    place_tip = log.model.index(0, 5).data(Qt.ItemDataRole.ToolTipRole)
    assert (tooltip_shows(title_tip), tooltip_shows(place_tip)) == (EVIL_TITLE, EVIL_PLACE)
    assert EVIL_TITLE in _camera_tooltip(catalog)
    bad, quoted = sweep()
    assert bad == []
    assert len(quoted) >= 8, quoted  # the sweep did meet the crafted records


def _pick_contact(contacts) -> bool:
    tree = contacts.findChild(QAbstractItemView)
    items = [i for i in tree.findItems("*", Qt.MatchFlag.MatchWildcard | Qt.MatchFlag.MatchRecursive)
             if EVIL_NAME in i.text(0)] if hasattr(tree, "findItems") else []
    if items:
        tree.setCurrentItem(items[0])
    return bool(items) and EVIL_PLACE in label_shows(contacts.details)


def _camera_tooltip(catalog) -> str | None:
    tree = catalog.findChild(QAbstractItemView)
    if tree is None or not hasattr(tree, "findItems"):
        return None
    items = tree.findItems(EVIL_NAME, Qt.MatchFlag.MatchContains | Qt.MatchFlag.MatchRecursive)
    return tooltip_shows(items[0].toolTip(0)) if items else None
