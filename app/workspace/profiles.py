"""Where each panel goes for a station profile and a number of screens.

值班席 (duty): the log on the primary screen; the map, the video wall and the
dashboard spread over the others, as each panel declares (PanelSpec.placement).
掩体备份 (backup): one small screen, every panel a tab. 指挥大屏 (commander):
the read-only display, full screen (app/wall)."""

from __future__ import annotations

from dataclasses import dataclass

from views.panels import MAIN_PANELS, PANELS, SIDE_PANELS

__all__ = ["MAIN_PANELS", "PROFILE_NAMES", "SIDE_PANELS", "Placement", "placements"]

PROFILE_NAMES = {"duty": "值班席", "commander": "指挥大屏", "backup": "掩体备份"}


@dataclass(frozen=True)
class Placement:
    screen_index: int  # into screens_in_order(): 0 is the primary
    groups: tuple[tuple[str, ...], ...]  # side by side, left to right; the panels of a group are tabs
    side: tuple[str, ...] = ()  # tabs in a narrower column on the right


def placements(profile: str, screen_count: int, specs=PANELS) -> list[Placement]:
    main = [s for s in specs if s.name in MAIN_PANELS]
    side = tuple(s.name for s in specs if s.name in SIDE_PANELS)
    if profile == "backup" or screen_count <= 1:
        return [Placement(0, (tuple(s.name for s in main),), side)]
    screens = 2 if screen_count == 2 else 3
    columns: dict[int, dict[int, list[str]]] = {}
    for spec in main:
        screen, column = spec.placement.get(screens, (0, 0))
        columns.setdefault(screen, {}).setdefault(column, []).append(spec.name)
    return [Placement(screen, tuple(tuple(columns[screen][c]) for c in sorted(columns[screen])),
                      side if screen == 0 else ())
            for screen in sorted(columns)]
