"""The wall-command channel between duty workstations and the commander's
display, through the platform (server/wall.py) or within one program.

Commands are not records: they are not mirrored, not queued offline and not
replayed. A wall acts on what arrives while it listens and skips commands older
than COMMAND_TTL_S, so a display that comes back after an hour does not jump
through an hour of pushes."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from services.sync.wire import Strict

WALL_ID_PATTERN = r"^[A-Za-z0-9_-]{1,40}$"
MAX_TILE = 36
COMMAND_TTL_S = 60.0
MAX_WAIT_S = 25.0

CommandKind = Literal["focus_incident", "show_camera", "show_incident_card", "switch_layout"]


class WallCommand(Strict):
    """focus_incident / show_incident_card: `incident_id` (empty hides the card);
    show_camera: `camera_id` on `tile` (1-based); switch_layout: `layout`, a named
    video-wall layout, with its `grid` and `cameras` ("1".."36" -> camera id). `seq`, `issued_by` and `issued_at` are set by the platform."""

    id: str = Field(min_length=1, max_length=36)
    kind: CommandKind
    incident_id: str = Field(default="", max_length=36)
    camera_id: str = Field(default="", max_length=64)
    tile: int = Field(default=0, ge=0, le=MAX_TILE)
    layout: str = Field(default="", max_length=100)
    # switch_layout carries the layout itself (grid and camera per tile, as saved on the
    # workstation), so the wall needs no copy of the workstation's named layouts.
    grid: str = Field(default="", max_length=8)
    cameras: dict[str, str] = Field(default_factory=dict, max_length=MAX_TILE)
    issued_by: str = Field(default="", max_length=100)
    issued_at: str = Field(default="", max_length=40)
    seq: int = Field(default=0, ge=0)

    @model_validator(mode="after")
    def _complete(self) -> WallCommand:
        missing = {
            "focus_incident": not self.incident_id,
            "show_camera": not self.camera_id or self.tile < 1,
            "show_incident_card": False,
            "switch_layout": not self.layout.strip(),
        }[self.kind]
        if missing:
            raise ValueError(f"{self.kind}: a required field is missing")
        return self


class WallCommandPage(Strict):
    commands: list[WallCommand]
    last_seq: int
    now: str  # the platform's clock, to age commands without trusting the wall's


class WallShowing(Strict):
    """What the wall has on screen, reported back after every change."""

    map_incident_id: str = Field(default="", max_length=36)
    map_incident_title: str = Field(default="", max_length=200)
    card_incident_id: str = Field(default="", max_length=36)
    card_incident_title: str = Field(default="", max_length=200)
    layout: str = Field(default="", max_length=100)
    tiles: dict[str, str] = Field(default_factory=dict, max_length=MAX_TILE)  # "1".."36" -> camera id
    screen: str = Field(default="", max_length=100)


class WallReport(Strict):
    showing: WallShowing
    last_command_id: str = Field(default="", max_length=36)
    last_command_seq: int = Field(default=0, ge=0)
    problem: str = Field(default="", max_length=300)  # why the last command was not carried out
    shown_at: float = Field(default=0.0, allow_inf_nan=False)  # the wall's epoch seconds when it painted the change (benchmarks on one machine)
    version: int = Field(default=0, ge=0)  # set by the platform
    reported_at: str = Field(default="", max_length=40)
