"""轮巡 (camera tour): the cameras of a group shown a wall-full at a time, each
page for a dwell time, then the next, round and round. Pure paging; the wall
owns the timer."""

from __future__ import annotations

from dataclasses import dataclass

DWELL_MIN_S, DWELL_MAX_S = 5, 600


@dataclass
class Tour:
    group: str
    camera_ids: list[str]
    per_page: int
    dwell_s: int = 15
    page: int = 0

    def __post_init__(self) -> None:
        self.per_page = max(1, self.per_page)
        self.dwell_s = min(DWELL_MAX_S, max(DWELL_MIN_S, int(self.dwell_s)))

    @property
    def pages(self) -> int:
        return max(1, -(-len(self.camera_ids) // self.per_page))

    def current(self) -> list[str]:
        start = self.page * self.per_page
        return self.camera_ids[start:start + self.per_page]

    def advance(self) -> list[str]:
        self.page = (self.page + 1) % self.pages
        return self.current()

    def fit(self, per_page: int) -> None:
        """The wall changed its layout: keep the first camera on screen in view."""
        first = self.page * self.per_page
        self.per_page = max(1, per_page)
        self.page = min(first // self.per_page, self.pages - 1)
