"""The demo's video wall: a saved layout (布局方案) of demo cameras with
different streams, written into the workstation's mirror when it is missing,
so `make demo` opens its wall playing (services/demo_cameras.py,
services/video/demo_gateway.py)."""

from __future__ import annotations

from datetime import datetime

from services.demo_cameras import DEMO_STREAMS, demo_cameras
from services.video.presets import WallPreset, WallPresets

DEMO_LAYOUT = "演示：主城九宫格"  # a name as an officer would give it
DEMO_GRID = "9"
DEMO_CAMERA_COUNT = 300  # as the demo platform seeds them (scripts/demo.sh --demo-cameras)


def demo_wall_cameras(tiles: int = 9, count: int = DEMO_CAMERA_COUNT) -> dict[int, str]:
    """The first online demo cameras, one per stream of the demo gateway."""
    chosen: dict[int, str] = {}
    streams: set[str] = set()
    for camera in demo_cameras(count):
        stream = camera["sub_url"].split("?")[0]
        if camera["online"] and stream not in streams and len(streams) < DEMO_STREAMS:
            streams.add(stream)
            chosen[len(chosen)] = camera["id"]
        if len(chosen) == tiles:
            break
    return chosen


def save_demo_wall(presets: WallPresets, now: datetime) -> WallPreset:
    """On the mirror writer: the demo layout, unless the officer has one of that name."""
    existing = presets.load(DEMO_LAYOUT) if DEMO_LAYOUT in presets.names() else None
    if existing is not None:
        return existing
    return presets.save(DEMO_LAYOUT, DEMO_GRID, demo_wall_cameras(), now)
