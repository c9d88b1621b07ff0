"""Which stream URLs a workstation opens. Camera and conference URLs reach
FFmpeg and libVLC, which also read local files (`file:`), run programs
(`pipe:`) and join inputs (`concat:`): only network streams are allowed, plus
the schemes a centre adds in its config ([video] url_schemes)."""

from __future__ import annotations

import re

DEFAULT_SCHEMES = ("rtsp", "rtsps", "http", "https")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]{0,15}):")


def scheme_of(url: str) -> str:
    m = _SCHEME.match(url.strip())
    return m.group(1).lower() if m else ""


def url_problem(url: str, allowed: tuple[str, ...] = DEFAULT_SCHEMES) -> str | None:
    """Why this stream URL may not be opened, or None. An empty URL is no URL."""
    if not url:
        return None
    if any(ord(c) < 32 or c == "\x7f" for c in url):
        return "control characters in the URL"
    scheme = scheme_of(url)
    if scheme not in allowed or not url.strip().lower().startswith(f"{scheme}://"):
        return f"scheme {scheme or '(none)'!s} is not allowed (only {', '.join(allowed)})"
    return None
