"""Camera catalog operations on the platform: the checks of each field; creating
and merging as for every record without a timeline (server/merged_record.py)."""

from __future__ import annotations

from typing import Any

from server.db import CameraRow
from server.merged_record import MergedRecord
from server.op_checks import OpRejected, coordinate_check, text_check
from server.record_kind import ServerKind

TEXT_LIMITS = {"name": 200, "group_path": 500, "main_url": 1000, "sub_url": 1000, "platform": 100}
URL_SCHEMES = ("rtsp://", "rtsps://", "http://", "https://", "file://")
FIELDS = ("name", "group_path", "lat", "lon", "main_url", "sub_url", "ptz", "platform", "online")


def check_value(name: str, value: Any) -> Any:
    if name in TEXT_LIMITS:
        text_check(value, name, TEXT_LIMITS[name], required=name == "name")
        if name.endswith("_url") and value and not value.startswith(URL_SCHEMES):
            raise OpRejected(f"{name} must be an rtsp, http(s) or file URL")
        return value
    if name in ("lat", "lon"):
        return None if value is None else coordinate_check(value, name)
    if name in ("ptz", "online"):
        if not isinstance(value, bool):
            raise OpRejected(f"{name} must be true or false")
        return value
    raise OpRejected(f"unknown camera field {name!r}")


_RECORD = MergedRecord("camera", CameraRow, ("id", "name"), check_value, {})
CAMERA = ServerKind("camera", CameraRow, _RECORD.handlers, ("id", *FIELDS, "updated_at", "version"))
