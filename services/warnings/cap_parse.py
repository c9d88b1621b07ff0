"""A checked CAP alert as the program's EarlyWarning, and the alerts a feed holds.

One alert is one warning: its <info> in Chinese (zh-CN, or the first zh-*)
is the main one, an English one becomes `english`; a message in neither takes
its first <info>. Feeds (Atom or RSS 2.0) carry alerts embedded as XML or as
text (escaped or CDATA) in an entry's content; each is checked on its own."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from lxml import etree

from services.warnings import cap_profile
from services.warnings.cap_findings import Finding
from services.warnings.cap_rules import (
    cap_time,
    child,
    children,
    is_gb2260,
    parse_circle,
    parse_points,
    parse_references,
    text,
)
from services.warnings.cap_schema import CAP12, SEVERITY_COLOUR_MARK, local
from services.warnings.model import Area, EarlyWarning, Translation

ATOM = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class Carried:
    """An alert a document carries: an element, or text to go through intake; where it sits."""

    prefix: str
    element: etree._Element | None = None
    text: str = ""


def carried(root: etree._Element) -> tuple[str, list[Carried]]:
    """("alert" | "atom" | "rss", the alerts inside), or ("", []) for anything else."""
    if root.tag == f"{{{CAP12}}}alert" or local(root.tag) == "alert":
        return "alert", [Carried("", root)]
    if root.tag == f"{{{ATOM}}}feed":
        return "atom", [_entry(e, f"entry[{i}]/") for i, e in enumerate(root.findall(f"{{{ATOM}}}entry"), 1)]
    if local(root.tag) == "rss":
        items = root.findall("channel/item")
        return "rss", [_entry(e, f"item[{i}]/") for i, e in enumerate(items, 1)]
    return "", []


def _entry(entry: etree._Element, prefix: str) -> Carried:
    for el in entry.iter():
        if isinstance(el.tag, str) and local(el.tag) == "alert" and el is not entry:
            return Carried(prefix, el)
    for el in entry.iter():
        if isinstance(el.tag, str) and local(el.tag) in ("content", "description", "encoded", "summary"):
            body = (el.text or "").strip()
            if "<alert" in body:
                return Carried(prefix, text=body)
    return Carried(prefix)  # nothing to read: refused with a reason by the caller


def _pairs(el: etree._Element, name: str) -> list[tuple[str, str]]:
    return [(text(child(p, "valueName")), text(child(p, "value"))) for p in children(el, name)]


def _utc(value: str) -> datetime | None:
    parsed = cap_time(value)
    return parsed.astimezone(UTC) if parsed is not None else None


def _area(el: etree._Element) -> Area:
    polygons = tuple(tuple(parse_points(text(p)) or ()) for p in children(el, "polygon"))
    circles = tuple(c for c in (parse_circle(text(x)) for x in children(el, "circle")) if c is not None)
    geocodes = tuple(value for name, value in _pairs(el, "geocode") if is_gb2260(name))
    alt, ceil = child(el, "altitude"), child(el, "ceiling")
    return Area(text(child(el, "areaDesc")), polygons, circles, geocodes,
                float(text(alt)) if alt is not None else None, float(text(ceil)) if ceil is not None else None)  # fmt: skip


def _main_info(infos: list[etree._Element]) -> etree._Element | None:
    if not infos:
        return None
    lang = [(text(child(i, "language")) or "en-US").lower() for i in infos]
    for wanted in ("zh-cn", "zh"):
        for info, code in zip(infos, lang, strict=True):
            if code == wanted or (wanted == "zh" and code.startswith("zh")):
                return info
    return infos[0]


def to_warning(alert: etree._Element, source_name: str = "", prefix: str = "") -> tuple[EarlyWarning, list[Finding]]:
    """The warning a checked (and loosened) alert gives, and what parsing noticed (recommendations)."""
    notes: list[Finding] = []
    infos = children(alert, "info")
    main = _main_info(infos)
    english = next((i for i in infos if i is not main and text(child(i, "language")).lower().startswith("en")), None)
    refs = parse_references(text(child(alert, "references")))
    fields: dict = {
        "id": str(uuid.uuid4()), "identifier": text(child(alert, "identifier")), "sender": text(child(alert, "sender")),
        "sent": _utc(text(child(alert, "sent"))), "msg_type": text(child(alert, "msgType")),
        "cap_status": text(child(alert, "status")), "scope": text(child(alert, "scope")),
        "references": tuple(refs) if isinstance(refs, list) else (), "origin": "external",
        "issue_state": "received", "source_name": source_name[:200],
    }  # fmt: skip
    if main is not None:
        params, codes = _pairs(main, "parameter"), _pairs(main, "eventCode")
        event, headline = text(child(main, "event")), text(child(main, "headline"))
        colour = main.get(SEVERITY_COLOUR_MARK) or cap_profile.colour_of(
            params, codes, event, headline, text(child(main, "description")))
        if not colour and english is not None:
            colour = cap_profile.colour_of(_pairs(english, "parameter"), _pairs(english, "eventCode"))
        if not colour:
            notes.append(Finding("rec.colour_missing", "消息没有给出预警颜色（红/橙/黄/蓝），地图上按未分级显示", "alert/info[1]"))
        categories = [text(c) for c in children(main, "category")]
        fields.update(
            event=event, event_code=cap_profile.event_type(event, codes), colour=colour,
            cap_category=categories[0] if categories else "Other", urgency=text(child(main, "urgency")),
            severity=text(child(main, "severity")), certainty=text(child(main, "certainty")),
            headline=headline, description=text(child(main, "description")),
            instruction=text(child(main, "instruction")), sender_name=text(child(main, "senderName")),
            language=text(child(main, "language")) or "en-US",
            areas=tuple(_area(a) for a in children(main, "area")),
            effective=_utc(text(child(main, "effective"))), onset=_utc(text(child(main, "onset"))),
            expires=_utc(text(child(main, "expires"))),
        )  # fmt: skip
        if fields["effective"] is None:
            fields["effective"] = fields["sent"]
        if english is not None:
            fields["english"] = Translation(text(child(english, "language")), text(child(english, "event")),
                                            text(child(english, "headline")), text(child(english, "description")),
                                            text(child(english, "instruction")))  # fmt: skip
        extra = [i for i in infos if i is not main and i is not english]
        if extra:
            notes.append(Finding("rec.info_ignored", f"另有 {len(extra)} 段 <info> 未读取（只读中文一段和英文一段）", prefix + "alert"))
    return EarlyWarning(**fields), notes
