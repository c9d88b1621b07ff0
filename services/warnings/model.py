"""A warning as the program holds it, whatever it came from (a CAP file, a
feed, the draft dialog): the Qt-free value (named EarlyWarning, 预警, not to shadow Python's Warning) that import, the mirror, the
platform, the map and export share. Times are aware datetimes in UTC; the
room's zone is applied only when shown or exported (+08:00 in CAP)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Circle:
    lat: float
    lon: float
    radius_km: float


@dataclass(frozen=True)
class Area:
    """One CAP <area>: a description and any of polygons (closed rings of
    (lat, lon)), circles and GB/T 2260 division codes."""

    description: str
    polygons: tuple[tuple[tuple[float, float], ...], ...] = ()
    circles: tuple[Circle, ...] = ()
    geocodes: tuple[str, ...] = ()
    altitude: float | None = None
    ceiling: float | None = None


@dataclass(frozen=True)
class Reference:
    """A `sender,identifier,sent` triplet naming an earlier message."""

    sender: str
    identifier: str
    sent: datetime


@dataclass(frozen=True)
class Translation:
    """The texts of a second <info> in another language (English beside Chinese)."""

    language: str
    event: str
    headline: str
    description: str
    instruction: str


@dataclass(frozen=True)
class EarlyWarning:
    id: str  # client-generated UUID of the record
    identifier: str  # the CAP identifier (GB/T 35965.1 form for warnings issued here)
    sender: str
    sent: datetime
    msg_type: str = "Alert"
    cap_status: str = "Actual"
    scope: str = "Public"
    references: tuple[Reference, ...] = ()
    origin: str = "external"
    sender_name: str = ""
    event: str = ""
    event_code: str = ""  # the program's taxonomy type code, when known
    cap_category: str = "Other"
    colour: str = ""  # red / orange / yellow / blue, "" when the message carries none
    urgency: str = "Unknown"
    severity: str = "Unknown"
    certainty: str = "Unknown"
    headline: str = ""
    description: str = ""
    instruction: str = ""
    language: str = "zh-CN"
    english: Translation | None = None
    areas: tuple[Area, ...] = ()
    effective: datetime | None = None
    onset: datetime | None = None
    expires: datetime | None = None
    issue_state: str = "received"
    standing: str = "standing"
    replaced_by: str = ""
    incident_id: str = ""
    signed_by: str = ""  # the signing certificate's subject, "" when unsigned
    signature: str = ""  # "", "valid" or "invalid"
    source_name: str = ""  # the file, folder or feed it came from
    checks: tuple[str, ...] = field(default=())  # recommendations listed at import
    level: int = 0  # 密级 (services/clearance.py), 公开 unless its author marks it: not a CAP field

    def active(self, now: datetime) -> bool:
        """On the map: standing, not a draft, and not yet expired."""
        if self.standing != "standing" or self.issue_state in ("draft", "pending"):
            return False
        return self.expires is None or self.expires > now
