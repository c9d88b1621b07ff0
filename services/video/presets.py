"""Named wall layouts (布局方案): the layout and which camera is on which tile,
saved on this workstation (in the mirror's key-value table, so a crash or a
full disk never leaves half a preset) and restored by name."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import text

from offline_cache.database import Mirror

PREFIX = "wall_preset:"
NAME_MAX = 40


class PresetError(ValueError):
    """code: "name_required", "name_too_long" or "unreadable"."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class WallPreset:
    name: str
    layout: str
    cameras: dict[int, str] = field(default_factory=dict)  # tile index -> camera id
    saved_at: str = ""


class WallPresets:
    def __init__(self, mirror: Mirror):
        self.mirror = mirror

    def save(self, name: str, layout: str, cameras: dict[int, str], now: datetime) -> WallPreset:
        name = " ".join(name.split())
        if not name:
            raise PresetError("name_required")
        if len(name) > NAME_MAX:
            raise PresetError("name_too_long")
        preset = WallPreset(name, layout, dict(cameras), now.isoformat(timespec="seconds"))
        value = json.dumps({"layout": layout, "cameras": {str(k): v for k, v in cameras.items()},
                            "saved_at": preset.saved_at}, ensure_ascii=False)
        with self.mirror.write() as s:
            s.execute(text("INSERT INTO mirror_meta (key, value) VALUES (:k, :v) "
                           "ON CONFLICT(key) DO UPDATE SET value = excluded.value"), {"k": PREFIX + name, "v": value})
        return preset

    def names(self) -> list[str]:
        with self.mirror.read() as s:
            keys = s.execute(text("SELECT key FROM mirror_meta WHERE substr(key, 1, :n) = :p ORDER BY key"),
                             {"n": len(PREFIX), "p": PREFIX}).scalars()
            return [k[len(PREFIX):] for k in keys]

    def load(self, name: str) -> WallPreset | None:
        value = self.mirror.meta(PREFIX + name)
        if value is None:
            return None
        try:
            doc = json.loads(value)
            cameras = {int(k): str(v) for k, v in doc["cameras"].items()}
            return WallPreset(name, str(doc["layout"]), cameras, str(doc.get("saved_at", "")))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise PresetError("unreadable") from exc

    def delete(self, name: str) -> None:
        with self.mirror.write() as s:
            s.execute(text("DELETE FROM mirror_meta WHERE key = :k"), {"k": PREFIX + name})
