"""Pictures attached to a timeline entry (a video snapshot, for one): carried
in the entry's data so they reach the platform and every site with the entry,
within one operation's size limit. PNG only, checked by its signature."""

from __future__ import annotations

import base64
import binascii
import hashlib

from services.incidents.validation import Problem, ValidationError

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Well under the platform's 1 MB per operation once base64 adds a third: a
# 640x360 snapshot is 150-400 KB. Thin links send it after the urgent reports.
PICTURE_MAX_BYTES = 600_000


def picture_attachment(png: bytes, name: str) -> dict:
    if not png.startswith(PNG_SIGNATURE):
        raise ValidationError([Problem("attachment", "not_png")])
    if len(png) > PICTURE_MAX_BYTES:
        raise ValidationError([Problem("attachment", "too_large")])
    return {"type": "image/png", "name": name[:120], "bytes": len(png),
            "sha256": hashlib.sha256(png).hexdigest(), "base64": base64.b64encode(png).decode("ascii")}


def picture_bytes(data: dict) -> bytes:
    """The PNG of an entry's attachment, or b"" when there is none or it is damaged."""
    attachment = data.get("attachment") if isinstance(data, dict) else None
    if not isinstance(attachment, dict) or attachment.get("type") != "image/png":
        return b""
    try:
        png = base64.b64decode(str(attachment.get("base64", "")), validate=True)
    except (binascii.Error, ValueError):
        return b""
    if not png.startswith(PNG_SIGNATURE) or hashlib.sha256(png).hexdigest() != attachment.get("sha256"):
        return b""
    return png
