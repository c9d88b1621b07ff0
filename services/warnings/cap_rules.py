"""The second stage of the check: CAP 1.2's rules that its schema cannot
express, and the limits of the program's warning contract. Runs on an alert
that passed the schema (times already in the strict form, see cap_schema.loosen).
Errors refuse the alert; recommendations are listed and the alert accepted."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import datetime

from lxml import etree

from services.text_rules import text_problem, time_range_problem
from services.warnings import contract
from services.warnings.cap_findings import Finding
from services.warnings.cap_schema import NS, path_of
from services.warnings.model import Circle, Reference

_FORBIDDEN = re.compile(r"[\s,<&]")
GB2260_NAMES = ("gb/t 2260", "gb/t2260", "gb2260", "gbt2260", "行政区划代码", "行政区划", "adcode", "admincode")


class Rules:
    """Collects the findings of one alert; `path` prefixes say where it sits in a feed."""

    def __init__(self, alert: etree._Element, prefix: str = ""):
        self.alert = alert
        self.prefix = prefix
        self.errors: list[Finding] = []
        self.recommendations: list[Finding] = []

    def error(self, code: str, message: str, el: etree._Element | None = None) -> None:
        self.errors.append(Finding("rule." + code, message, self._path(el)))

    def recommend(self, code: str, message: str, el: etree._Element | None = None) -> None:
        self.recommendations.append(Finding("rec." + code, message, self._path(el)))

    def _path(self, el: etree._Element | None) -> str:
        return self.prefix + path_of(el if el is not None else self.alert, self.alert)


def text(el: etree._Element | None) -> str:
    return (el.text or "").strip() if el is not None else ""


def child(el: etree._Element, name: str) -> etree._Element | None:
    return el.find(f"cap:{name}", NS)


def children(el: etree._Element, name: str) -> list[etree._Element]:
    return el.findall(f"cap:{name}", NS)


def cap_time(value: str) -> datetime | None:
    """A CAP time (strict form, after loosen()) as an aware datetime, or None."""
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None and time_range_problem(parsed) is None else None


def parse_references(value: str) -> list[Reference] | str:
    """The `sender,identifier,sent` triplets, or why they are not."""
    refs = []
    for item in value.split():
        parts = item.split(",")
        if len(parts) != 3 or not parts[0] or not parts[1]:
            return f"引用 {item[:80]} 不是“发送者,标识符,发送时间”三段"
        sent = cap_time(parts[2].replace("Z", "+00:00"))
        if sent is None:
            return f"引用 {item[:80]} 的发送时间 {parts[2][:40]} 无效"
        refs.append(Reference(parts[0], parts[1], sent))
    return refs


def parse_points(value: str) -> list[tuple[float, float]] | None:
    """`lat,lon lat,lon ...` → points, or None when a pair is not two finite numbers."""
    points = []
    for pair in value.split():
        bits = pair.split(",")
        if len(bits) != 2:
            return None
        try:
            lat, lon = float(bits[0]), float(bits[1])
        except ValueError:
            return None
        if not (math.isfinite(lat) and math.isfinite(lon)):
            return None
        points.append((lat, lon))
    return points


def in_range(lat: float, lon: float) -> bool:
    return -90 <= lat <= 90 and -180 <= lon <= 180


def parse_circle(value: str) -> Circle | None:
    bits = value.split()
    if len(bits) != 2:
        return None
    points = parse_points(bits[0])
    try:
        radius = float(bits[1])
    except ValueError:
        return None
    if not points or not math.isfinite(radius):
        return None
    return Circle(points[0][0], points[0][1], radius)


def is_gb2260(value_name: str) -> bool:
    name = value_name.strip().lower()
    return any(n in name for n in GB2260_NAMES)


def check(alert: etree._Element, prefix: str = "", known: Callable[[Reference], bool] | None = None,
          now: datetime | None = None) -> Rules:  # fmt: skip
    r = Rules(alert, prefix)
    for name in ("identifier", "sender"):
        el = child(alert, name)
        value = text(el)
        if not value or _FORBIDDEN.search(value):
            r.error(f"{name}_chars", f"{'标识符' if name == 'identifier' else '发送者'}为空或含空格、逗号、< 或 &", el)
        elif len(value) > contract.TEXT_LIMITS[name]:
            r.error("too_long", f"超过 {contract.TEXT_LIMITS[name]} 个字符", el)
    sent = cap_time(text(child(alert, "sent")))
    if sent is None:
        r.error("time", "发送时间无效或超出范围", child(alert, "sent"))
    _scope(r, alert)
    msg_type = text(child(alert, "msgType"))
    if msg_type in ("Ack", "Error"):
        r.error("not_a_warning", f"消息类型 {msg_type} 是回执/错误通知，不是预警，不予导入", child(alert, "msgType"))
    _references(r, alert, msg_type, known)
    infos = children(alert, "info")
    if not infos and msg_type in ("Alert", "Update"):
        r.error("no_info", "预警消息没有 <info> 段（事件、级别、区域都在其中）")
    for info in infos:
        _info(r, info, sent, now, msg_type == "Cancel")
    for el in alert.iter():
        if isinstance(el.tag, str) and el.text and text_problem(el.text):
            r.error("control_chars", f"文字含不可保存的字符（{text_problem(el.text)}）", el)
    return r


def _scope(r: Rules, alert: etree._Element) -> None:
    scope = text(child(alert, "scope"))
    restriction, addresses = child(alert, "restriction"), child(alert, "addresses")
    if restriction is not None and scope != "Restricted":
        r.error("restriction_scope", "只有范围为 Restricted 的消息才能有 <restriction>", restriction)
    if scope == "Restricted" and not text(restriction):
        r.recommend("restriction_missing", "范围为 Restricted 的消息应写明 <restriction>", child(alert, "scope"))
    if addresses is not None and scope != "Private":
        r.error("addresses_scope", "只有范围为 Private 的消息才能有 <addresses>", addresses)
    if scope == "Private" and not text(addresses):
        r.error("addresses_missing", "范围为 Private 的消息必须有 <addresses>", child(alert, "scope"))


def _references(r: Rules, alert: etree._Element, msg_type: str, known: Callable[[Reference], bool] | None) -> None:
    el = child(alert, "references")
    if el is None or not text(el):
        if msg_type in ("Update", "Cancel"):
            r.error("references_missing", f"{msg_type} 消息必须用 <references> 指明所更新或取消的消息", child(alert, "msgType"))
        return
    refs = parse_references(text(el))
    if isinstance(refs, str):
        r.error("references", refs, el)
        return
    if len(refs) > contract.MAX_REFERENCES:
        r.error("too_many", f"引用超过 {contract.MAX_REFERENCES} 条", el)
    if msg_type in ("Update", "Cancel") and known is not None:
        for ref in refs:
            if not known(ref):
                r.recommend("reference_unknown",
                            f"所引用的消息 {ref.sender},{ref.identifier} 本系统没有收到过，{msg_type} 无处可用", el)


def _info(r: Rules, info: etree._Element, sent: datetime | None, now: datetime | None, cancel: bool) -> None:
    """A Cancel's <info> only names what ends: it needs no expiry or placed area."""
    times = {name: cap_time(text(child(info, name))) for name in ("effective", "onset", "expires")}
    for name, value in times.items():
        if child(info, name) is not None and value is None:
            r.error("time", "时间无效或超出范围", child(info, name))
    expires = times["expires"]
    if child(info, "expires") is None and not cancel:
        r.recommend("expires_missing", "没有失效时间 <expires>，预警将一直显示直到被取消", info)
    elif expires is not None:
        start = times["effective"] or sent
        if start is not None and expires <= start:
            r.recommend("expires_before_start", "失效时间不晚于生效时间", child(info, "expires"))
        elif now is not None and expires <= now:
            r.recommend("expired", "这条预警已经过了失效时间", child(info, "expires"))
    for name in ("event", "headline", "senderName", "description", "instruction"):
        el = child(info, name)
        limit = contract.TEXT_LIMITS.get({"senderName": "sender_name"}.get(name, name))
        if el is not None and limit and len(text(el)) > limit:
            r.error("too_long", f"超过 {limit} 个字符", el)
    areas = children(info, "area")
    if len(areas) > contract.MAX_AREAS:
        r.error("too_many", f"区域超过 {contract.MAX_AREAS} 个", info)
    for area in areas:
        _area(r, area, cancel)


def _area(r: Rules, area: etree._Element, cancel: bool = False) -> None:
    polygons, circles, geocodes = children(area, "polygon"), children(area, "circle"), children(area, "geocode")
    for name, items, limit in (("polygon", polygons, contract.MAX_POLYGONS), ("circle", circles, contract.MAX_CIRCLES),
                               ("geocode", geocodes, contract.MAX_GEOCODES)):  # fmt: skip
        if len(items) > limit:
            r.error("too_many", f"{name} 超过 {limit} 个", area)
    for el in polygons:
        points = parse_points(text(el))
        if points is None:
            r.error("polygon_format", "多边形应为以空格分隔的“纬度,经度”", el)
        elif len(points) < 4:
            r.error("polygon_points", f"多边形只有 {len(points)} 个点，至少要 4 个（首尾相同）", el)
        elif len(points) > contract.MAX_POLYGON_POINTS:
            r.error("too_many", f"多边形超过 {contract.MAX_POLYGON_POINTS} 个点", el)
        elif points[0] != points[-1]:
            r.error("polygon_open", "多边形没有闭合（首尾两点必须相同）", el)
        elif not all(in_range(lat, lon) for lat, lon in points):
            r.error("coordinates", "多边形的坐标超出范围（纬度 −90～90，经度 −180～180）", el)
    for el in circles:
        circle = parse_circle(text(el))
        if circle is None:
            r.error("circle_format", "圆应写作“纬度,经度 半径（千米）”", el)
        elif not in_range(circle.lat, circle.lon):
            r.error("coordinates", "圆心坐标超出范围（纬度 −90～90，经度 −180～180）", el)
        elif circle.radius_km <= 0:
            r.error("circle_radius", "圆的半径必须大于 0", el)
    for el in geocodes:
        name, value = text(child(el, "valueName")), text(child(el, "value"))
        if is_gb2260(name) and not (re.fullmatch(r"[0-9]+", value) and len(value) == contract.GEOCODE_DIGITS):
            r.error("geocode", f"行政区划代码 {value[:20]} 应为 {contract.GEOCODE_DIGITS} 位数字（GB/T 2260）", el)
    altitude, ceiling = child(area, "altitude"), child(area, "ceiling")
    if ceiling is not None and altitude is None:
        r.error("ceiling_without_altitude", "有 <ceiling> 上限高度就必须有 <altitude> 高度", ceiling)
    elif ceiling is not None and altitude is not None and float(text(ceiling)) < float(text(altitude)):
        r.recommend("ceiling_below_altitude", "上限高度低于高度", ceiling)
    if not (polygons or circles or geocodes or cancel):
        r.recommend("area_unplaced", "区域只有文字描述，没有多边形、圆或区划代码，无法显示在地图上", area)
