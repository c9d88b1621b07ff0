"""Field units moving on the map (实时位置): position changes from the feed are
collected and drawn in one batch every BATCH_MS, never one repaint per fix;
the units are read on the task runner, and a slow timer greys those whose fix
has gone stale even when nothing new arrives. A click on a unit reads its
card (views/map/unit_card.py) and hands it out as sig_card."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC
from datetime import tzinfo as TzInfo

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from services.positions.store import PositionStore, UnitPosition
from views.common.event_relay import DomainEventRelay
from views.common.task_runner import TaskRunner
from widgets.map_view.view import MapView

BATCH_MS = 500  # positions arrive in bursts; the map moves at most twice a second
STALE_CHECK_MS = 15_000


class UnitsLayer(QObject):
    sig_card = Signal(str, float, float)  # a clicked unit's card (escaped HTML) and where it is (lat, lon)

    def __init__(self, view: MapView, store: PositionStore, runner: TaskRunner, relay: DomainEventRelay,
                 to_map: Callable[[float, float], tuple[float, float]], parent: QObject | None = None, *,
                 resources=None, orders_of: Callable[[str], list] | None = None, tz: TzInfo | None = None):
        super().__init__(parent)
        self.view, self.store, self.runner, self.to_map = view, store, runner, to_map
        self.resources, self.orders_of, self.tz = resources, orders_of, tz or UTC
        self.changed: set[str] = set()
        self.shown: dict[str, bool] = {}  # id -> stale, as drawn
        self._batch = QTimer(self, singleShot=True, interval=BATCH_MS)
        self._batch.timeout.connect(self._read_changed)
        self._stale = QTimer(self, interval=STALE_CHECK_MS)
        self._stale.timeout.connect(self.reload)
        self._stale.start()
        relay.records("position").sig_changed.connect(self.on_changed)

    @property
    def counts(self) -> tuple[int, int]:
        """(units shown, of them stale) for the layer tree."""
        return len(self.shown), sum(self.shown.values())

    def reload(self) -> None:
        """Every unit again, tracks and all (a new datum, the stale check)."""
        self.runner.read(self.store.units, on_done=self._show_all, owner=self)

    def _show_all(self, units: list[UnitPosition]) -> None:
        self.shown = {}
        self.show(units)

    def on_changed(self, ids) -> None:
        self.changed.update(ids)
        if not self._batch.isActive():
            self._batch.start()

    def _read_changed(self) -> None:
        ids, self.changed = list(self.changed), set()
        if ids:
            self.runner.read(self.store.units, ids, on_done=self.show, owner=self)

    def open_card(self, unit_id: str) -> None:
        from views.map.unit_card import read_unit_card

        self.runner.read(read_unit_card, self.store, self.resources, self.orders_of, unit_id,
                         on_done=self._card_read, owner=self)

    def _card_read(self, data) -> None:
        from views.map.unit_card import unit_card

        if data is not None:
            self.sig_card.emit(unit_card(data, self.store.clock.now(), self.tz), data.unit.lat, data.unit.lon)

    def show(self, units: list[UnitPosition]) -> None:
        """A unit new to the page comes with its track; one already there only
        with its new place, which the page adds to the track it draws."""
        rows = []
        for u in units:
            lat, lon = self.to_map(u.lat, u.lon)
            track = None if u.id in self.shown else [_rounded(*self.to_map(a, b)) for a, b in u.track]
            rows.append((u.id, *_rounded(lat, lon), label(u), u.stale, track))
            self.shown[u.id] = u.stale
        if rows:
            self.view.update_units(rows)


def _rounded(lat: float, lon: float) -> list[float]:
    return [round(lat, 6), round(lon, 6)]  # 0.1 m: the batch stays small


def label(u: UnitPosition) -> str:
    name = u.callsign or u.uid
    if u.stale:
        return QCoreApplication.translate("UnitsLayer", "%1 (no recent position)").replace("%1", name)
    return name
