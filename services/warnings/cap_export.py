"""A warning as a CAP 1.2 document others can read: it passes the OASIS
schema and this program's own check (tests/warnings export them and check them
back). Times carry the room's offset (+08:00 in China) and no fractions; the
Chinese texts make one <info> and the English ones, when filled, a second;
the colour goes as a <parameter> (预警级别) beside CAP's severity, division
codes as <geocode> named GB/T 2260; an Update or Cancel names what it replaces
in <references>. Optionally signed with the centre's key (cap_sign)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from lxml import etree

from services.warnings import cap_profile, cap_sign
from services.warnings.cap_schema import CAP12
from services.warnings.model import Area, EarlyWarning, Translation

GB2260 = "GB/T 2260"
TAXONOMY = "watchroom"  # the eventCode valueName of the program's taxonomy type


def cap_time(value: datetime, zone: str) -> str:
    """`2024-06-01T10:00:00+08:00`: the zone's offset, whole seconds."""
    local = value.astimezone(ZoneInfo(zone)).replace(microsecond=0)
    text = local.strftime("%Y-%m-%dT%H:%M:%S%z")
    return text[:-2] + ":" + text[-2:]


def _sub(parent: etree._Element, name: str, value: str | None = None) -> etree._Element:
    el = etree.SubElement(parent, f"{{{CAP12}}}{name}")
    if value is not None:
        el.text = value
    return el


def _pair(parent: etree._Element, name: str, value_name: str, value: str) -> None:
    el = _sub(parent, name)
    _sub(el, "valueName", value_name)
    _sub(el, "value", value)


def _number(value: float) -> str:
    return format(value, ".6f").rstrip("0").rstrip(".") if value != int(value) else str(int(value))


def _area(info: etree._Element, area: Area) -> None:
    el = _sub(info, "area")
    _sub(el, "areaDesc", area.description or "-")
    for ring in area.polygons:
        _sub(el, "polygon", " ".join(f"{_number(lat)},{_number(lon)}" for lat, lon in ring))
    for c in area.circles:
        _sub(el, "circle", f"{_number(c.lat)},{_number(c.lon)} {_number(c.radius_km)}")
    for code in area.geocodes:
        _pair(el, "geocode", GB2260, code)
    if area.altitude is not None:
        _sub(el, "altitude", _number(area.altitude))
        if area.ceiling is not None:
            _sub(el, "ceiling", _number(area.ceiling))


def _info(alert: etree._Element, w: EarlyWarning, zone: str, texts: Translation) -> None:
    info = _sub(alert, "info")
    _sub(info, "language", texts.language)
    _sub(info, "category", w.cap_category or "Other")
    _sub(info, "event", texts.event or w.event or "-")
    _sub(info, "urgency", w.urgency)
    _sub(info, "severity", w.severity)
    _sub(info, "certainty", w.certainty)
    if w.event_code:
        _pair(info, "eventCode", TAXONOMY, w.event_code)
    for name in ("effective", "onset", "expires"):
        value = getattr(w, name)
        if value is not None:
            _sub(info, name, cap_time(value, zone))
    if w.sender_name:
        _sub(info, "senderName", w.sender_name)
    for name in ("headline", "description", "instruction"):
        if getattr(texts, name):
            _sub(info, name, getattr(texts, name))
    if w.colour:
        _pair(info, "parameter", cap_profile.COLOUR_PARAMETER, cap_profile.COLOUR_ZH[w.colour])
    for area in w.areas:
        _area(info, area)


def build(warning: EarlyWarning, zone: str = "Asia/Shanghai") -> etree._Element:
    """The <alert> element of a warning (unsigned)."""
    if not warning.identifier:
        raise ValueError("a warning needs its identifier before export (identifiers.new_identifier)")
    w = warning
    alert = etree.Element(f"{{{CAP12}}}alert", nsmap={None: CAP12})
    _sub(alert, "identifier", w.identifier)
    _sub(alert, "sender", w.sender)
    _sub(alert, "sent", cap_time(w.sent, zone))
    _sub(alert, "status", w.cap_status)
    _sub(alert, "msgType", w.msg_type)
    _sub(alert, "scope", w.scope)
    if w.references:
        _sub(alert, "references", " ".join(f"{r.sender},{r.identifier},{cap_time(r.sent, zone)}" for r in w.references))
    main = Translation(w.language or "zh-CN", w.event, w.headline, w.description, w.instruction)
    _info(alert, w, zone, main)
    english = w.english
    if english is not None and any((english.event, english.headline, english.description, english.instruction)):
        _info(alert, w, zone, Translation(english.language or "en-US", english.event or w.event, english.headline,
                                          english.description, english.instruction))  # fmt: skip
    return alert


def export_cap(warning: EarlyWarning, *, zone: str = "Asia/Shanghai", signer: cap_sign.Signer | None = None) -> bytes:
    """The CAP 1.2 document (UTF-8, with its declaration) of a warning, signed when a signer is given."""
    alert = build(warning, zone)
    if signer is not None:
        alert = cap_sign.sign(alert, signer)
    return etree.tostring(alert, xml_declaration=True, encoding="UTF-8", pretty_print=signer is None)
