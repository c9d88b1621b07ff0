"""Reading a CAP document before any XML parser trusts it.

Feeds and folders are written by strangers: the bytes are decoded by the
encoding the document declares (UTF-8, GB2312/GBK/GB18030, ISO-8859-1; an
undeclared document must be UTF-8), then scanned as text for what a parser
could be tricked by (DOCTYPE, entity declarations, processing instructions,
XInclude, nesting and element counts past the limits) and refused with a
reason before lxml sees a byte. Only then is it parsed, by a parser that loads
no DTD, resolves no entity and opens no network. lxml does not know every
Chinese encoding name, so the text is handed to it re-encoded as UTF-8."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from services.warnings.cap_findings import Refused

MAX_BYTES = 10 * 1024 * 1024  # one document (a feed included)
MAX_DEPTH = 24  # a CAP alert is 5 deep, inside an Atom entry's content 8
MAX_ELEMENTS = 400_000  # a 1,000-alert feed with areas stays far below

# What each declared name is decoded with: GB2312 documents routinely carry
# GBK characters, and GB18030 is the superset of both.
ENCODINGS = {
    "utf-8": "utf-8", "utf8": "utf-8", "us-ascii": "ascii", "ascii": "ascii",
    "gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "cp936": "gb18030", "x-gbk": "gb18030",
    "iso-8859-1": "latin-1", "iso8859-1": "latin-1", "latin-1": "latin-1", "latin1": "latin-1",
}  # fmt: skip
XINCLUDE = "http://www.w3.org/2001/XInclude"

_DECL = re.compile(rb"""\A<\?xml\s+version\s*=\s*["'][^"']*["'](?:\s+encoding\s*=\s*["']([A-Za-z0-9._-]{1,40})["'])?(?:\s+standalone\s*=\s*["'](?:yes|no)["'])?\s*\?>""")  # fmt: skip
_DECL_TEXT = re.compile(r"""\A<\?xml\s[^>]*\?>""")
# Markup tokens: comments and CDATA are skipped whole (a feed may carry an escaped
# or CDATA-wrapped alert, which gets its own intake); a tag's quoted attribute
# values may hold '>'; element names may be any letters (预警 is a name).
_TOKEN = re.compile(
    r"""<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?|<!|</[^>]*>|<[^!?/\s<>"'][^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>""",
    re.S,
)
_PARSER_OPTIONS = dict(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
                       dtd_validation=False, remove_pis=True, collect_ids=False)  # fmt: skip


@dataclass(frozen=True)
class Intake:
    """A document that passed: its root element and the encoding it declared."""

    root: etree._Element
    encoding: str


def parser() -> etree.XMLParser:
    """The only parser CAP documents go through (after scan())."""
    return etree.XMLParser(**_PARSER_OPTIONS)


def decode(data: bytes) -> tuple[str, str]:
    """The document's text and its declared encoding ("" when undeclared), or Refused."""
    if len(data) > MAX_BYTES:
        raise Refused("intake.too_large", f"文件过大（{len(data) // 1024} KB），超过 {MAX_BYTES // 1024 // 1024} MB 的上限")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data[:2] in (b"\xff\xfe", b"\xfe\xff") or data[:4] in (b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00"):
        raise Refused("intake.encoding", "不支持 UTF-16/UTF-32 编码的文件，请使用 UTF-8、GBK 或 ISO-8859-1")
    data = data.lstrip(b" \t\r\n")
    declared = ""
    if data.startswith(b"<?xml"):
        found = _DECL.match(data)
        if found is None:
            raise Refused("intake.declaration", "XML 声明写法不正确")
        declared = (found.group(1) or b"").decode("ascii").lower()
    if declared and declared not in ENCODINGS:
        raise Refused("intake.encoding", f"不支持声明的编码 {declared}（支持 UTF-8、GB2312/GBK、ISO-8859-1）")
    codec = ENCODINGS.get(declared, "utf-8")
    try:
        return data.decode(codec), declared
    except UnicodeDecodeError as exc:
        if not declared:
            raise Refused("intake.undeclared_encoding",
                          f"文件未声明编码且不是 UTF-8（第 {exc.start} 字节起无法解码），请在 XML 声明中写明 encoding") from None
        raise Refused("intake.bad_bytes", f"文件内容与声明的编码 {declared} 不符（第 {exc.start} 字节起无法解码）") from None


def scan(text: str) -> None:
    """Refuse, before parsing, what a parser could be abused with."""
    depth = elements = 0
    for token in _TOKEN.finditer(text):
        t = token.group()
        if t == "<?":
            if token.start() == 0 and _DECL_TEXT.match(text):
                continue
            raise Refused("intake.processing_instruction", "文件含处理指令（<?...?>），不予读取")
        if t == "<!":
            word = text[token.start() + 2: token.start() + 9].upper()
            if word.startswith("DOCTYPE"):
                raise Refused("intake.doctype", "文件含 DOCTYPE 文档类型声明，不予读取（可能含实体或外部引用）")
            if word.startswith("ENTITY"):
                raise Refused("intake.entity", "文件含 ENTITY 实体声明，不予读取")
            raise Refused("intake.declaration", "文件含不允许的 <!...> 声明，不予读取")
        if t.startswith(("<!--", "<![CDATA[")):
            continue
        if t.startswith("</"):
            depth -= 1
            continue
        if "xinclude" in t.lower() and XINCLUDE.lower() in t.lower():
            raise Refused("intake.external_reference", "文件含 XInclude 外部引用，不予读取")
        elements += 1
        if elements > MAX_ELEMENTS:
            raise Refused("intake.too_many_elements", f"文件元素过多（超过 {MAX_ELEMENTS} 个），不予读取")
        if not t.endswith("/>"):
            depth += 1
            if depth > MAX_DEPTH:
                raise Refused("intake.too_deep", f"文件嵌套过深（超过 {MAX_DEPTH} 层），不予读取")


def parse_text(text: str, encoding: str = "") -> Intake:
    """Scan, then parse decoded text (an alert carried inside a feed's entry starts here)."""
    if len(text) > MAX_BYTES:
        raise Refused("intake.too_large", f"内容过大，超过 {MAX_BYTES // 1024 // 1024} MB 的上限")
    text = text.lstrip("\ufeff \t\r\n")
    scan(text)
    body = _DECL_TEXT.sub("", text, count=1)
    try:
        root = etree.fromstring(body.encode("utf-8"), parser())
    except etree.XMLSyntaxError as exc:
        line = f"第 {exc.lineno} 行" if getattr(exc, "lineno", None) else ""
        raise Refused("intake.syntax", f"XML 格式错误{line}：{exc.msg}") from None
    if root is None:
        raise Refused("intake.empty", "文件是空的")
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.startswith("{" + XINCLUDE + "}"):
            raise Refused("intake.external_reference", "文件含 XInclude 外部引用，不予读取")
    return Intake(root, encoding or "utf-8")


def read(data: bytes) -> Intake:
    """Decode by the declared encoding, scan, parse: a root element or Refused with a reason."""
    text, declared = decode(data)
    if not text.strip():
        raise Refused("intake.empty", "文件是空的")
    return parse_text(text, declared)
