"""Time left until a deadline, as the watch room reads it: 01:23:45, or
-00:05:00 once the deadline has passed (minutes only where space is short)."""

from __future__ import annotations


def remaining_text(seconds: float, *, with_seconds: bool = True) -> str:
    sign = "-" if seconds < 0 else ""
    whole = abs(int(seconds))
    text = f"{sign}{whole // 3600:02d}:{whole % 3600 // 60:02d}"
    return f"{text}:{whole % 60:02d}" if with_seconds else text
