"""Control characters in imported text are refused, not cleaned: a NUL, an
escape or a bidirectional override in a name or an id is never something the
officer meant (PostgreSQL refuses NUL outright, terminals and logs obey
escapes, overrides make a name read as another), and cleaning would silently
change an id or merge two rows. The row is listed with the field; nothing of
the file is imported. Tabs and line breaks are not refused: in one-line fields
they become single spaces (clean_text), in notes and addresses they stay."""

from __future__ import annotations

import re

# C0 controls but tab, LF and CR; DEL; C1 controls; bidirectional embeddings,
# overrides and isolates; noncharacters U+FFFE/U+FFFF; lone surrogates.
_REFUSED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff\ud800-\udfff]")


def has_control(value: str) -> bool:
    return _REFUSED.search(value) is not None


def shown(value: str, limit: int = 40) -> str:
    """The value for the problem list: refused characters written as \\xNN / \\uNNNN."""
    value = value[: limit * 2]
    escaped = _REFUSED.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                           else f"\\u{ord(m.group()):04x}", value)
    return escaped[:limit]
