"""Domain types of the incident log. Values are stable identifiers (stored and
sent on the wire); their Chinese and English names live in the UI layer."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from services.clearance import INTERNAL
from services.timeline import REPORT_KINDS, EntryKind, TimelineEntry  # noqa: F401 - the incident's timeline


class Category(StrEnum):
    NATURAL = "natural"  # 自然灾害
    ACCIDENT = "accident"  # 事故灾难
    PUBLIC_HEALTH = "public_health"  # 公共卫生事件
    SOCIAL_SAFETY = "social_safety"  # 社会安全事件


class Severity(StrEnum):
    I = "I"  # noqa: E741  特别重大
    II = "II"  # 重大
    III = "III"  # 较大
    IV = "IV"  # 一般
    UNGRADED = "ungraded"  # 未定级

    @property
    def rank(self) -> int:
        """Lower is more severe; ungraded sorts after IV."""
        return ["I", "II", "III", "IV", "ungraded"].index(self.value)


class Status(StrEnum):
    RECEIVED = "received"  # 接报
    RESPONDING = "responding"  # 处置中
    CLOSED = "closed"  # 已结束
    CANCELLED = "cancelled"  # 已撤销 (false report)

    @property
    def is_open(self) -> bool:
        return self in (Status.RECEIVED, Status.RESPONDING)


# Status only moves forward; 已撤销 is reachable from any open state.
ALLOWED_TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.RECEIVED: frozenset({Status.RESPONDING, Status.CLOSED, Status.CANCELLED}),
    Status.RESPONDING: frozenset({Status.CLOSED, Status.CANCELLED}),
    Status.CLOSED: frozenset(),
    Status.CANCELLED: frozenset(),
}


class Source(StrEnum):
    PHONE = "phone"  # 电话
    SUPERIOR = "superior"  # 上级通报
    SUBORDINATE = "subordinate"  # 下级报送
    DEPARTMENT = "department"  # 部门通报
    SYSTEM = "system"  # 系统监测
    MEDIA = "media"  # 媒体/网络
    OTHER = "other"


@dataclass(frozen=True)
class Casualties:
    deaths: int = 0
    injured: int = 0
    missing: int = 0
    trapped: int = 0

    @property
    def total(self) -> int:
        return self.deaths + self.injured + self.missing + self.trapped


@dataclass(frozen=True)
class IncidentDraft:
    """What the officer typed into the intake form. `id` is made when the form
    opens, so pressing Enter twice cannot create two incidents."""

    id: str
    title: str
    category: Category
    type_code: str
    severity: Severity
    occurred_at: datetime
    place: str = ""
    lat: float | None = None
    lon: float | None = None
    division: str = ""
    casualties: Casualties = field(default_factory=Casualties)
    source: Source = Source.PHONE
    reporter: str = ""
    reporter_phone: str = ""
    exercise: bool = False
    summary: str = ""
    level: int = INTERNAL  # 密级 (services/clearance.py): no higher than the officer's clearance


@dataclass(frozen=True)
class Incident:
    id: str
    code: str
    site_code: str
    title: str
    category: Category
    type_code: str
    type_name: str
    severity: Severity
    status: Status
    occurred_at: datetime
    reported_at: datetime
    place: str
    lat: float | None
    lon: float | None
    division: str
    casualties: Casualties
    source: Source
    reporter: str
    reporter_phone: str
    exercise: bool
    summary: str
    created_by: str
    updated_at: datetime
    last_report_at: datetime | None
    last_report_kind: EntryKind | None
    version: int
    pending_sync: bool
    created_by_account: str = ""  # the platform account that logged it ("" until the platform says)
    response_level: str = ""  # the plan response (响应) under way, I–IV; not the severity (services/plans)
    level: int = INTERNAL  # 密级 (services/clearance.py)


@dataclass(frozen=True)
class IncidentChanges:
    """Mutable fields an officer may correct later (re-grading, new casualty figures)."""

    title: str | None = None
    severity: Severity | None = None
    type_code: str | None = None
    place: str | None = None
    lat: float | None = None
    lon: float | None = None
    division: str | None = None
    casualties: Casualties | None = None
    summary: str | None = None
