"""Warnings for the UI tests: a real context (mirror, services, runner) with
warnings imported the way a checked CAP file brings them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from services.warnings.model import Area, Circle, EarlyWarning, Reference

EVIL_HEADLINE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">暴雨'
SENT = datetime(2026, 11, 22, 7, 55, tzinfo=UTC)  # 5 minutes before tests/conftest.py's START
SQUARE = ((29.50, 106.50), (29.50, 106.62), (29.62, 106.62), (29.62, 106.50), (29.50, 106.50))


@dataclass
class Checked:
    """What WarningService.import_checked needs of a CapResult."""

    warnings: list[EarlyWarning]
    valid: bool = True
    errors: list = field(default_factory=list)
    recommendations: list = field(default_factory=list)


def warning(identifier: str, *, colour: str = "red", sent: datetime | None = None, hours: float = 12,
            headline: str = "暴雨红色预警", areas: tuple[Area, ...] | None = None, msg_type: str = "Alert",
            references=(), event: str = "暴雨") -> EarlyWarning:
    sent = sent or SENT
    return EarlyWarning(
        id="", identifier=identifier, sender="cq.weather@cma", sender_name="重庆市气象台", sent=sent,
        msg_type=msg_type, references=references, event=event, colour=colour, severity="Severe",
        urgency="Expected", certainty="Likely", cap_category="Met", headline=headline,
        description="<b>不是标记</b>\n第二行", instruction="注意防范", effective=sent, onset=sent,
        expires=sent + timedelta(hours=hours),
        areas=areas if areas is not None else (Area("渝中区", polygons=(SQUARE,)),))


def circle(lat: float = 29.56, lon: float = 106.55, km: float = 5.0, description: str = "江北区") -> tuple[Area, ...]:
    return (Area(description, circles=(Circle(lat, lon, km),)),)


def codes_only(*codes: str) -> tuple[Area, ...]:
    return (Area("万州区", geocodes=codes),)


def add(ctx, *warnings: EarlyWarning) -> list[str]:
    outcome = ctx.warning_service.import_checked(Checked(list(warnings)), "test.xml")
    return list(outcome.ids)


def ref(w: EarlyWarning) -> Reference:
    return Reference(w.sender, w.identifier, w.sent)
