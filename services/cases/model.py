"""What a case is to the watch room: a closed incident, how it ended, its 终报, and
(for a similar case) why it was chosen. Reasons are identifiers; their words live
in the UI layer (views/cases/), so the service stays free of translation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from services.incidents.model import Casualties, Category, Severity


class Reason(StrEnum):
    SAME_TYPE = "same_type"  # 同类型
    SAME_CATEGORY = "same_category"  # 同类别 (another type of the same category)
    SAME_SEVERITY = "same_severity"  # 同等级
    NEAR_SEVERITY = "near_severity"  # 等级相近 (one grade apart)
    DISTANCE = "distance"  # 相距 x km (both positions known)
    TITLE_ALIKE = "title_alike"  # 标题相近
    REPORT_ALIKE = "report_alike"  # 报告相近


@dataclass(frozen=True)
class Case:
    incident_id: str
    code: str
    title: str
    category: Category | None  # None: a value this version does not know
    type_name: str
    severity: Severity | None
    place: str
    occurred_at: datetime | None
    closed_at: datetime | None  # when it was closed (its status change, else its 终报)
    casualties: Casualties
    final_report: str  # the 终报's text, "" when it has none
    final_report_at: datetime | None
    score: float = 0.0  # similar cases only: higher is more alike
    reasons: tuple[Reason, ...] = ()
    distance_km: float | None = None

    @property
    def duration(self) -> timedelta | None:
        """From occurrence to closing; None when either is unknown or the clocks disagree."""
        if self.occurred_at is None or self.closed_at is None or self.closed_at < self.occurred_at:
            return None
        return self.closed_at - self.occurred_at
