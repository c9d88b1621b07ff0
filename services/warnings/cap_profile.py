"""What the Chinese profile (GB/T 35965.1) and the feeds that follow it carry
beyond CAP 1.2, read tolerantly: the level colour and the event's type.

Feeds carry the colour beside CAP's severity, in one of three places this
reads in turn: a <parameter> naming the level or colour (预警级别, 预警颜色,
alertColor ...); an <eventCode> whose value ends in the colour (the 12379
codes: `11B03_RED`, `11B03-橙色`); the event name or headline text (暴雨红色预警).
A colour in CAP's <severity> is read by cap_schema.loosen. The event's type
maps to the program's taxonomy (resources/taxonomy.toml) only where the name
is unambiguous; otherwise it stays empty and the officer chooses."""

from __future__ import annotations

import re

# <parameter>/<eventCode> valueNames that carry the level colour (compared lower-case, spaces removed).
COLOUR_NAMES = ("预警级别", "预警颜色", "预警等级", "级别", "颜色", "colour", "color", "alertcolor", "alertcolour",
                "warningcolor", "warningcolour", "warninglevel", "alertlevel", "level", "severitycolor")  # fmt: skip
_COLOUR_WORDS = {
    "red": "red", "orange": "orange", "yellow": "yellow", "blue": "blue",
    "红": "red", "红色": "red", "橙": "orange", "橙色": "orange", "黄": "yellow", "黄色": "yellow",
    "蓝": "blue", "蓝色": "blue", "一级": "red", "二级": "orange", "三级": "yellow", "四级": "blue",
    "i级": "red", "ii级": "orange", "iii级": "yellow", "iv级": "blue",
}  # fmt: skip
_COLOUR_IN_TEXT = re.compile(r"(红|橙|黄|蓝)色(?:预警|警报|信号)")
_CODE_COLOUR = re.compile(r"[_\-\s](red|orange|yellow|blue|红色|橙色|黄色|蓝色)$", re.I)
_TEXT_COLOUR = {"红": "red", "橙": "orange", "黄": "yellow", "蓝": "blue"}
COLOUR_ZH = {"red": "红色", "orange": "橙色", "yellow": "黄色", "blue": "蓝色"}
COLOUR_PARAMETER = "预警级别"  # what export writes, and reads back first

# Event names (in the event text) → the program's taxonomy type codes, where unambiguous.
EVENT_TYPES = (
    ("台风", "typhoon"), ("暴雪", "snow"), ("雪灾", "snow"), ("寒潮", "cold_freeze"), ("霜冻", "cold_freeze"),
    ("低温", "cold_freeze"), ("冰冻", "cold_freeze"), ("道路结冰", "cold_freeze"), ("沙尘暴", "sandstorm"),
    ("冰雹", "wind_hail"), ("大风", "wind_hail"), ("雷雨大风", "wind_hail"), ("龙卷", "wind_hail"),
    ("地震", "earthquake"), ("崩塌", "collapse"), ("滑坡", "landslide"), ("泥石流", "debris_flow"),
    ("风暴潮", "storm_surge"), ("海啸", "tsunami"), ("森林火险", "forest_fire"), ("草原火险", "forest_fire"),
    ("森林火灾", "forest_fire"), ("洪水", "flood"), ("洪涝", "flood"), ("山洪", "flood"), ("内涝", "flood"),
    ("干旱", "drought"),
)  # fmt: skip
# GB/T 35561 code groups whose type is unambiguous on their own.
CODE_GROUPS = (("11C", "earthquake"), ("11G", "forest_fire"))


def colour_word(value: str) -> str:
    """red / orange / yellow / blue for a colour or level word, "" when it is none."""
    word = value.strip().lower().replace(" ", "")
    for suffix in ("预警", "警报", "信号"):
        word = word.removesuffix(suffix)
    return _COLOUR_WORDS.get(word, "")


def colour_of(parameters: list[tuple[str, str]], event_codes: list[tuple[str, str]], *texts: str) -> str:
    """The level colour an <info> carries, "" when it carries none."""
    for name, value in parameters:
        if name.strip().lower().replace(" ", "") in COLOUR_NAMES and colour_word(value):
            return colour_word(value)
    for _name, value in event_codes:
        found = _CODE_COLOUR.search(value.strip())
        if found:
            return colour_word(found.group(1))
    for text in texts:
        found = _COLOUR_IN_TEXT.search(text)
        if found:
            return _TEXT_COLOUR[found.group(1)]
    return ""


def event_type(event: str, event_codes: list[tuple[str, str]]) -> str:
    """The taxonomy type code for an event, "" when the mapping is not clear."""
    for _name, value in event_codes:
        for prefix, code in CODE_GROUPS:
            if value.strip().upper().startswith(prefix):
                return code
    found = {code for word, code in EVENT_TYPES if word in event}
    return found.pop() if len(found) == 1 else ""
