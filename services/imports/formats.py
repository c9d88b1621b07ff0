"""Hardened readers of what officers import. Each answers a value or a problem
code, never a raw exception:

- files: only regular files (a FIFO or a device would block or never end),
  refused before reading when over the size limit;
- CSV: a field over the csv module's limit or broken quoting is a row problem;
- JSON: numbers of more than 40 characters and nesting deeper than 32 are refused
  (Python would raise on a 5,000-digit number and recurse on deep nesting);
- XML: the encoding is decided from the bytes (UTF-8, or GB2312/GBK/GB18030 as
  declared; a UTF-16/UTF-32 BOM, a NUL byte or any other declared encoding such as
  UTF-7 is refused), then defusedxml parses it with DTDs, entities and external
  references forbidden;
- xlsx: the zip's directory is checked (entries, total unpacked size, ratio,
  methods) before openpyxl opens anything."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
import zipfile
from pathlib import Path
from typing import Any

MiB = 1024 * 1024
MAX_NUMBER_CHARS = 40
MAX_JSON_DEPTH = 32
MAX_ZIP_ENTRIES = 1000
MAX_UNZIPPED_BYTES = 100 * MiB
MAX_ZIP_RATIO = 100  # unpacked / packed, for entries over RATIO_FLOOR and for the whole archive
RATIO_FLOOR = 1 * MiB
XML_ENCODINGS = {"utf-8": "utf-8", "utf8": "utf-8", "gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030",
                 "gb18030": "gb18030"}
_DECLARATION = re.compile(rb"\s*<\?xml\s[^<>]{0,300}?\?>")
_ENCODING_ATTR = re.compile(rb"""encoding\s*=\s*["']([A-Za-z0-9._-]{1,40})["']""")
_MARKUP_DECLARATION = re.compile(r"<!\s*(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)", re.I)


def read_limited(path: Path, max_bytes: int) -> bytes | str:
    """The file's bytes, or "not_found" (missing, unreadable, not a regular file) or "too_large"."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except (OSError, ValueError):
        return "not_found"
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return "not_found"
        if info.st_size > max_bytes:
            return "too_large"
        with os.fdopen(fd, "rb", closefd=False) as fh:
            raw = fh.read(max_bytes + 1)
    except OSError:
        return "not_found"
    finally:
        os.close(fd)
    return "too_large" if len(raw) > max_bytes else raw


# ---- CSV ---------------------------------------------------------------------------------

def csv_rows(text: str, max_rows: int) -> tuple[list[list[str]], tuple[int, str] | None]:
    """The records (header first; at most max_rows + 1 of them) and a problem
    (record number from 1, code "field_too_long" or "bad_csv") where reading stopped."""
    rows: list[list[str]] = []
    reader = csv.reader(io.StringIO(text))
    try:
        for values in reader:
            rows.append(values)
            if len(rows) > max_rows:
                break
    except csv.Error as exc:
        code = "field_too_long" if "field limit" in str(exc) else "bad_csv"
        return rows, (len(rows) + 1, code)
    return rows, None


# ---- JSON --------------------------------------------------------------------------------

class _Refused(ValueError):
    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def _number(convert):
    def parse(token: str):
        if len(token) > MAX_NUMBER_CHARS:
            raise _Refused("number_too_long")
        return convert(token)
    return parse


def _constant(token: str):
    raise _Refused("not_json")  # NaN, Infinity: not JSON


def load_json(text: str) -> tuple[Any, str]:
    """(data, "") or (None, code): not_json, too_deep, number_too_long."""
    try:
        data = json.loads(text, parse_int=_number(int), parse_float=_number(float), parse_constant=_constant)
    except _Refused as refused:
        return None, refused.code
    except RecursionError:
        return None, "too_deep"
    except ValueError:
        return None, "not_json"
    return (None, "too_deep") if json_depth(data) > MAX_JSON_DEPTH else (data, "")


def json_depth(data: Any) -> int:
    """Nesting depth of lists and objects, walked without recursion."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            value = value.values()
        elif not isinstance(value, list):
            continue
        deepest = max(deepest, depth)
        if depth > MAX_JSON_DEPTH:
            return depth
        stack.extend((v, depth + 1) for v in value if isinstance(v, dict | list))
    return deepest


# ---- XML ---------------------------------------------------------------------------------

def decode_xml(raw: bytes) -> tuple[str | None, str]:
    """(text without its declaration, "") or (None, "encoding" / "not_xml")."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if b"\x00" in raw or raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return None, "encoding"  # UTF-16 or UTF-32 (with or without a BOM): not a catalog's encoding
    declaration = _DECLARATION.match(raw)
    if declaration is None and raw.lstrip()[:5] == b"<?xml":
        return None, "not_xml"
    codec = "utf-8"
    if declaration is not None:
        named = _ENCODING_ATTR.search(declaration.group())
        if named is not None:
            codec = XML_ENCODINGS.get(named.group(1).decode("ascii").lower(), "")
            if not codec:
                return None, "encoding"  # UTF-7, EBCDIC, Latin-1...: refused, whatever they would hide
        raw = raw[declaration.end():]
    try:
        return raw.decode(codec), ""
    except UnicodeDecodeError:
        return None, "encoding"


def parse_xml(raw: bytes):
    """(root Element, "") or (None, code): encoding, hostile_xml, not_xml."""
    import defusedxml  # noqa: PLC0415 - only for XML imports
    import defusedxml.ElementTree as safe_et  # noqa: PLC0415

    text, problem = decode_xml(raw)
    if text is None:
        return None, problem
    if _MARKUP_DECLARATION.search(text):
        return None, "hostile_xml"
    try:
        root = safe_et.fromstring(text.encode("utf-8"), forbid_dtd=True, forbid_entities=True,
                                  forbid_external=True)
    except defusedxml.DefusedXmlException:
        return None, "hostile_xml"
    except (safe_et.ParseError, ValueError):
        return None, "not_xml"
    return root, ""


# ---- xlsx --------------------------------------------------------------------------------

def check_zip(raw: bytes, *, max_unzipped: int = MAX_UNZIPPED_BYTES) -> str:
    """"" when the archive may be opened; "zip_bomb" when it unpacks to too much
    (in total, or at a ratio no spreadsheet has); "not_excel" when it is no zip
    a spreadsheet program writes (unreadable, encrypted, unusual methods)."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        return "not_excel"
    if len(entries) > MAX_ZIP_ENTRIES:
        return "zip_bomb"
    total = 0
    for entry in entries:
        if entry.flag_bits & 0x1 or entry.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            return "not_excel"
        total += entry.file_size
        if entry.file_size > RATIO_FLOOR and entry.file_size > MAX_ZIP_RATIO * max(entry.compress_size, 1):
            return "zip_bomb"
    if total > max_unzipped or (total > RATIO_FLOOR and total > MAX_ZIP_RATIO * max(len(raw), 1)):
        return "zip_bomb"
    return ""
