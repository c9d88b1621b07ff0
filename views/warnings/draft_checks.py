"""What keeps a drafted warning from being saved, in words for the officer, per
field: the contract's limits (services/warnings/contract.py) and the sense of
the form (an end after its start, a circle with a centre and radius). The
platform checks again; these say it before the write."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from services.warnings.contract import GEOCODE_DIGITS, MAX_GEOCODES, TEXT_LIMITS
from services.warnings.model import EarlyWarning

MAX_RADIUS_KM = 500.0



def _control(text: str) -> bool:
    return any(ord(c) < 32 and c not in "\n\r\t" for c in text)


def check_draft(w: EarlyWarning) -> list[tuple[str, str]]:
    """[(message, field)]; empty when the draft may be saved."""
    out: list[tuple[str, str]] = []
    if not w.event.strip():
        out.append((QCoreApplication.translate("WarningDraft", "Say what the warning is about (the event, e.g. 暴雨)."), "event"))
    if not w.headline.strip():
        out.append((QCoreApplication.translate("WarningDraft", "A headline is needed: it is what people read first."), "headline"))
    if not w.colour:
        out.append((QCoreApplication.translate("WarningDraft", "Choose the warning level colour."), "colour"))
    for name in ("event", "headline", "description", "instruction"):
        value = getattr(w, name)
        if len(value) > TEXT_LIMITS.get(name, 10_000):
            out.append((QCoreApplication.translate("WarningDraft", "%1 is longer than %2 characters.").replace("%1", field_name(name))
                        .replace("%2", str(TEXT_LIMITS[name])), name))
        if _control(value):
            out.append((QCoreApplication.translate("WarningDraft", "%1 contains a control character; remove it.").replace("%1", field_name(name)), name))
    if not w.areas:
        out.append((QCoreApplication.translate("WarningDraft", "Give the area: a circle around a place, or division codes."), "area"))
    for area in w.areas:
        for c in area.circles:
            if not (-90 <= c.lat <= 90 and -180 <= c.lon <= 180):
                out.append((QCoreApplication.translate("WarningDraft", "The centre is not a position on Earth."), "lat"))
            if not (0 < c.radius_km <= MAX_RADIUS_KM):
                out.append((QCoreApplication.translate("WarningDraft", "The radius must be more than 0 and at most %1 km.").replace(
                    "%1", f"{MAX_RADIUS_KM:.0f}"), "radius"))
        if len(area.geocodes) > MAX_GEOCODES:
            out.append((QCoreApplication.translate("WarningDraft", "At most %1 division codes.").replace("%1", str(MAX_GEOCODES)), "geocodes"))
        bad = [g for g in area.geocodes if not (g.isascii() and g.isdigit() and len(g) == GEOCODE_DIGITS)]
        if bad:
            out.append((QCoreApplication.translate("WarningDraft", "Division codes have 6 digits (GB/T 2260), not: %1").replace("%1", "、".join(bad[:5])),
                        "geocodes"))
        if not area.description.strip():
            out.append((QCoreApplication.translate("WarningDraft", "Describe the area in words (e.g. 渝中区、江北区)."), "area_description"))
    if w.onset and w.expires and w.expires <= w.onset:
        out.append((QCoreApplication.translate("WarningDraft", "The warning must expire after it starts."), "expires"))
    if w.english is not None and not w.english.headline.strip():
        out.append((QCoreApplication.translate("WarningDraft", "The English texts need at least a headline (or untick English)."), "en_headline"))
    return out


def field_name(name: str) -> str:
    return {"event": QCoreApplication.translate("WarningDraft", "Event"), "headline": QCoreApplication.translate("WarningDraft", "Headline"), "description": QCoreApplication.translate("WarningDraft", "Description"),
            "instruction": QCoreApplication.translate("WarningDraft", "Instruction")}.get(name, name)
