"""Warnings for the records tests, built as W1's check would return them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from services.warnings.model import Area, Circle, EarlyWarning, Reference

T0 = datetime(2026, 12, 6, 8, 0, tzinfo=UTC)
CENTRE = ((29.50, 106.50), (29.50, 106.62), (29.62, 106.62), (29.62, 106.50), (29.50, 106.50))


@dataclass
class Checked:
    """The shape of cap_check.CapResult import needs."""

    warnings: list[EarlyWarning]
    valid: bool = True
    errors: list = field(default_factory=list)
    recommendations: list = field(default_factory=list)


def alert(identifier: str = "CQ-1", *, sent: datetime = T0, colour: str = "red", msg_type: str = "Alert",
          refs: tuple[EarlyWarning, ...] = (), areas: tuple[Area, ...] | None = None,
          expires: datetime | None = None, headline: str = "暴雨红色预警") -> EarlyWarning:
    return EarlyWarning(
        id="", identifier=identifier, sender="cq.weather@cma", sent=sent, msg_type=msg_type,
        references=tuple(Reference(r.sender, r.identifier, r.sent) for r in refs), event="暴雨", colour=colour,
        severity="Extreme", urgency="Immediate", certainty="Likely", cap_category="Met", headline=headline,
        description="<b>不是标记</b>", areas=areas if areas is not None else (Area("主城", polygons=(CENTRE,)),),
        effective=sent, expires=expires or sent + timedelta(hours=12))


def circle_area(lat: float = 29.56, lon: float = 106.55, km: float = 5.0) -> tuple[Area, ...]:
    return (Area("圈", circles=(Circle(lat, lon, km),)),)
