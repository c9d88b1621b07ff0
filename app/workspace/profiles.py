"""Where each panel goes for a station profile and a number of screens.

值班席 (duty): the log on the primary screen; the map, the video wall and the
dashboard spread over the others. 掩体备份 (backup): one small screen, every
panel a tab. 指挥大屏 (commander): the read-only display, full screen (app/wall)."""

from __future__ import annotations

from dataclasses import dataclass

MAIN_PANELS = ("incidents", "map", "video", "dispatch", "conference", "dashboard")
SIDE_PANELS = ("overview", "rejected", "cameras", "contacts")
PROFILE_NAMES = {"duty": "值班席", "commander": "指挥大屏", "backup": "掩体备份"}


@dataclass(frozen=True)
class Placement:
    screen_index: int  # into screens_in_order(): 0 is the primary
    groups: tuple[tuple[str, ...], ...]  # side by side, left to right; the panels of a group are tabs
    side: tuple[str, ...] = ()  # tabs in a narrower column on the right


def placements(profile: str, screen_count: int) -> list[Placement]:
    if profile == "backup" or screen_count <= 1:
        return [Placement(0, (MAIN_PANELS,), SIDE_PANELS)]
    if screen_count == 2:
        return [Placement(0, (("incidents", "dispatch", "conference", "dashboard"),), SIDE_PANELS),
                Placement(1, (("map", "video"),))]
    return [Placement(0, (("incidents", "dispatch", "conference"),), SIDE_PANELS),
            Placement(1, (("map",),)),
            Placement(2, (("video",), ("dashboard",)))]
