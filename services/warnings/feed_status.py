"""What the status bar says about the platform's CAP feeds: the answer of
GET /api/v1/warning-feeds read defensively (the platform's words are data,
never trusted to be well formed) into a summary the light shows."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

MAX_FEEDS = 100


@dataclass(frozen=True)
class FailingFeed:
    url: str
    last_error: str
    failures: int
    last_success: str


@dataclass(frozen=True)
class FeedSummary:
    feeds: int = 0  # configured on the platform
    failing: tuple[FailingFeed, ...] = field(default=())

    @property
    def state(self) -> str:
        """none (no feed configured), ok, or failing."""
        return "none" if not self.feeds else "failing" if self.failing else "ok"


def _text(value: Any, limit: int) -> str:
    return value[:limit] if isinstance(value, str) else ""


def summarize(answer: Any) -> FeedSummary:
    """A summary of the platform's answer; anything malformed counts as no feeds."""
    feeds = answer.get("feeds") if isinstance(answer, dict) else None
    if not isinstance(feeds, list):
        return FeedSummary()
    feeds = [f for f in feeds[:MAX_FEEDS] if isinstance(f, dict)]
    failing = []
    for feed in feeds:
        failures = feed.get("failures")
        if isinstance(failures, int) and not isinstance(failures, bool) and failures > 0:
            failing.append(FailingFeed(_text(feed.get("url"), 300), _text(feed.get("last_error"), 300), failures,
                                       _text(feed.get("last_success"), 40)))
    return FeedSummary(len(feeds), tuple(failing))
