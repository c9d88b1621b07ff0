"""The officer's text: LIKE patterns that match words literally (% and _
included), and the text of imported files."""


def like_pattern(term: str) -> str:
    """Use with escape='\\\\'."""
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def decode_import(raw: bytes) -> str | None:
    """An imported file's text: UTF-8 (with or without BOM) or GBK (read as GB18030,
    which covers it); None when it is neither. A file with a UTF-16 or UTF-32 byte
    order mark is neither (GB18030 would read it as something, every other
    character a NUL); without the mark, its NULs are refused row by row."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff") or raw[:4] == b"\x00\x00\xfe\xff":
        return None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None
