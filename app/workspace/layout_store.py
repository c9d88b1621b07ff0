"""Saved layouts, one file per station profile beside the mirror (so per machine):
versioned JSON holding Qt's saveState()/saveGeometry() bytes as base64, never
pickled Qt objects. A damaged or newer file is set aside, not trusted."""

from __future__ import annotations

import base64
import binascii
import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from offline_cache.file_modes import open_private, private_dir

LAYOUT_VERSION = 1
log = logging.getLogger(__name__)


@dataclass
class SavedWindow:
    role: str  # "main", "screen" (a workspace window on another screen) or "wall"
    screen: str  # the screen's name when saved
    screen_rect: tuple[int, int, int, int]  # that screen's geometry then
    rect: tuple[int, int, int, int]  # the window's frame-less geometry
    panels: list[str] = field(default_factory=list)
    state: bytes = b""  # QMainWindow.saveState()
    maximized: bool = False
    full_screen: bool = False


@dataclass
class SavedLayout:
    profile: str
    windows: list[SavedWindow]


class LayoutError(ValueError):
    pass


def layout_path(folder: Path, profile: str) -> Path:
    return folder / "layouts" / f"{profile}.json"


def _rect(value) -> tuple[int, int, int, int]:
    if not (isinstance(value, list) and len(value) == 4 and all(isinstance(v, int) for v in value)):
        raise LayoutError("a rectangle must be four integers")
    if value[2] <= 0 or value[3] <= 0 or max(abs(v) for v in value) > 100_000:
        raise LayoutError("a rectangle is out of range")
    return tuple(value)  # type: ignore[return-value]


def parse_layout(text: str) -> SavedLayout:
    try:
        doc = json.loads(text)
    except ValueError as exc:
        raise LayoutError(f"not JSON: {exc}") from exc
    if not isinstance(doc, dict) or doc.get("version") != LAYOUT_VERSION:
        raise LayoutError(f"unknown layout version {doc.get('version') if isinstance(doc, dict) else None!r}")
    windows = []
    for raw in doc.get("windows", []):
        if not isinstance(raw, dict) or raw.get("role") not in ("main", "screen", "wall"):
            raise LayoutError("a window entry is malformed")
        panels = raw.get("panels", [])
        if not (isinstance(panels, list) and all(isinstance(p, str) for p in panels)):
            raise LayoutError("panels must be a list of names")
        try:
            state = base64.b64decode(raw.get("state", ""), validate=True)
        except (binascii.Error, TypeError) as exc:
            raise LayoutError("state is not base64") from exc
        screen = raw.get("screen", "")
        if not isinstance(screen, str):
            raise LayoutError("screen must be a name")
        windows.append(SavedWindow(raw["role"], screen, _rect(raw.get("screen_rect")), _rect(raw.get("rect")),
                                   panels, state, bool(raw.get("maximized")), bool(raw.get("full_screen"))))
    if not windows or windows[0].role not in ("main", "wall"):
        raise LayoutError("the first window must be the main window or the wall")
    profile = doc.get("profile")
    if not isinstance(profile, str):
        raise LayoutError("profile missing")
    return SavedLayout(profile, windows)


def dump_layout(layout: SavedLayout) -> str:
    return json.dumps({
        "version": LAYOUT_VERSION, "profile": layout.profile,
        "windows": [{"role": w.role, "screen": w.screen, "screen_rect": list(w.screen_rect), "rect": list(w.rect),
                     "panels": w.panels, "state": base64.b64encode(w.state).decode("ascii"),
                     "maximized": w.maximized, "full_screen": w.full_screen} for w in layout.windows],
    }, ensure_ascii=False, indent=1)


def load_layout(path: Path) -> SavedLayout | None:
    """The saved layout, or None (none yet, or unusable: then set aside as .bad)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        log.warning("layout %s unreadable: %s", path, exc)
        return None
    try:
        return parse_layout(text)
    except LayoutError as exc:
        log.warning("layout %s not used (%s); the profile's default applies", path, exc)
        try:
            path.replace(path.with_suffix(".bad"))
        except OSError:
            pass
        return None


def save_layout(path: Path, layout: SavedLayout) -> None:
    """Written to a temporary file (0600, in a 0700 folder when created here) and
    renamed: a crash or full disk leaves the old one."""
    private_dir(path.parent)
    tmp = path.with_suffix(".tmp")
    with open_private(tmp, "w", encoding="utf-8") as fh:
        fh.write(dump_layout(layout))
    os.replace(tmp, path)
