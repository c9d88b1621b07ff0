"""The commander's key figures, from a real mirror under an injected clock."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from services.dashboard.figures import DashboardService
from services.dispatch.lifecycle import OrderStatus, TargetKind
from services.dispatch.service import DispatchService
from services.incidents.deadlines import DeadlineState
from services.incidents.model import Casualties, Category, Severity, Status
from tests.helpers import draft, order_draft

TZ = ZoneInfo("Asia/Shanghai")


def test_figures_count_open_incidents_casualties_orders_and_deadlines(incident_service, mirror, events, clock):
    svc = incident_service
    fire = svc.create_incident(draft(clock, severity=Severity.II, casualties=Casualties(deaths=2, injured=5)), "a")
    flood = svc.create_incident(draft(clock, category=Category.NATURAL, type_code="flood", severity=Severity.IV,
                                      casualties=Casualties(missing=1), exercise=True,
                                      occurred_at=clock.now() - timedelta(hours=3)), "a")
    closed = svc.create_incident(draft(clock, casualties=Casualties(deaths=9)), "a")
    svc.change_status(closed.id, Status.CLOSED, "a", "处置完毕")
    dispatch = DispatchService(mirror, events, clock)
    on_way = dispatch.issue(order_draft(fire.id, target_id="team-1"), "a")
    dispatch.advance(on_way.id, OrderStatus.DEPARTED, "a")
    there = dispatch.issue(order_draft(fire.id, target_id="team-2"), "a")
    dispatch.advance(there.id, OrderStatus.ARRIVED, "a")
    dispatch.issue(order_draft(fire.id, target_id="team-3"), "a")  # awaiting acknowledgement
    dispatch.issue(order_draft(flood.id, target_kind=TargetKind.PERSON, target_id="p-1"), "a")
    clock.advance(timedelta(minutes=100))  # urgent orders: five minutes to acknowledge

    figures = DashboardService(mirror, svc.rules, clock, TZ).figures()
    assert figures.open_by_severity[Severity.II] == 1 and figures.open_by_severity[Severity.IV] == 1
    assert figures.open_total == 2
    assert (figures.deaths, figures.injured, figures.missing) == (2, 5, 1)  # the closed incident's 9 not counted
    assert (figures.resources_deployed, figures.resources_on_scene) == (2, 1)
    assert (figures.orders_awaiting_ack, figures.orders_ack_overdue) == (2, 2)
    assert figures.open_by_category[Category.NATURAL] == 1 and figures.open_by_category[Category.ACCIDENT] == 1
    assert figures.exercise_open == 1
    # No 首报 yet: the IV flood (4 h allowed) is overdue, the II fire (2 h) is within its last 30 minutes.
    assert [(d.id, d.state) for d in figures.due] == [(flood.id, DeadlineState.OVERDUE), (fire.id, DeadlineState.NEAR)]
    assert sum(n for _, n in figures.per_hour) == 3  # all three reported in the last 24 hours
    assert len(figures.per_hour) == 24 and figures.per_hour[-1][0].tzinfo is not None


def test_an_empty_mirror_gives_zeros(mirror, clock, incident_service):
    figures = DashboardService(mirror, incident_service.rules, clock, TZ).figures()
    assert figures.open_total == 0 and figures.due == [] and figures.resources_deployed == 0
    assert sum(n for _, n in figures.per_hour) == 0
