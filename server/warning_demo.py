"""The demo's warnings around Chongqing (`make demo`), as platform records
with their feed rows so every workstation receives them by the ordinary sync:
a red 暴雨 polygon over the centre that updates an earlier orange one (an
Update chain), an orange 地质灾害 circle at 北碚, a yellow 大风 by division
codes (渝北区, 江北区) and a blue 高温 that has expired. Made up, like the
rest of the demo (标注 演示数据)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.db import Database
from server.early_warnings import WarningRow, store_external
from services.warnings.identifiers import new_identifier
from services.warnings.model import Area, Circle, EarlyWarning, Reference
from services.warnings.wire import triplet_id

SOURCE = "演示数据"
SENDER = "cq-meteo@cma.gov.cn"
# 主城中心城区, drawn wide enough to be seen on the whole-city map beside the markers
CENTRE = ((29.30, 106.30), (29.32, 106.72), (29.52, 106.82), (29.78, 106.74), (29.80, 106.42), (29.56, 106.26),
          (29.30, 106.30))


def _warning(identifier: str, sent: datetime, hours: float, **fields) -> EarlyWarning:
    w = EarlyWarning(id="", identifier=identifier, sender=SENDER, sent=sent, sender_name="重庆市气象台（演示）",
                     effective=sent, expires=sent + timedelta(hours=hours), source_name=SOURCE, **fields)
    return EarlyWarning(**{**w.__dict__, "id": triplet_id(w.sender, w.identifier, w.sent)})


def demo_warnings(now: datetime) -> list[EarlyWarning]:
    """In the order they arrive (the orange 暴雨 before the red one updating it)."""
    now = now.astimezone(UTC).replace(microsecond=0)
    stamp = (now - timedelta(hours=3)).astimezone(UTC)
    rain_orange = _warning(new_identifier("500000", "416", stamp, 1), stamp, 12, event="暴雨", event_code="flood",
                           cap_category="Met", colour="orange", urgency="Expected", severity="Severe",
                           certainty="Likely", headline="重庆市气象台发布暴雨橙色预警（演示）",
                           description="预计未来6小时主城区降雨量将达50毫米以上。",
                           instruction="注意防范城市内涝，远离低洼地带。",
                           areas=(Area("主城中心城区", polygons=(CENTRE,)),))
    red_at = now - timedelta(hours=1)
    rain_red = _warning(new_identifier("500000", "416", red_at, 1), red_at, 11, msg_type="Update",
                        references=(Reference(SENDER, rain_orange.identifier, rain_orange.sent),), event="暴雨",
                        event_code="flood", cap_category="Met", colour="red", urgency="Immediate",
                        severity="Extreme", certainty="Observed", headline="重庆市气象台升级发布暴雨红色预警（演示）",
                        description="主城区3小时降雨量已达100毫米以上，降雨仍将持续。",
                        instruction="停止集会、停课停业（除特殊行业外），做好山洪、滑坡、内涝防御。",
                        areas=(Area("主城中心城区", polygons=(CENTRE,)),))
    geo_at = now - timedelta(hours=2)
    landslide = _warning(new_identifier("500000", "417", geo_at, 1), geo_at, 22, event="地质灾害",
                         event_code="landslide", cap_category="Geo", colour="orange", urgency="Expected",
                         severity="Severe", certainty="Likely", headline="北碚区地质灾害气象风险橙色预警（演示）",
                         description="受持续降雨影响，北碚区缙云山周边发生滑坡、崩塌的风险高。",
                         instruction="危险区域人员及时转移避险。",
                         areas=(Area("北碚区缙云山周边15公里", circles=(Circle(29.835, 106.39, 15.0),)),))
    wind_at = now - timedelta(minutes=30)
    wind = _warning(new_identifier("500000", "416", wind_at, 2), wind_at, 6, event="大风", event_code="wind_hail",
                    cap_category="Met", colour="yellow", urgency="Expected", severity="Moderate",
                    certainty="Likely", headline="渝北区、江北区大风黄色预警（演示）",
                    description="预计未来12小时渝北区、江北区将出现8级以上阵风。",
                    instruction="加固围板、棚架、广告牌等易被风吹动的搭建物。",
                    areas=(Area("渝北区、江北区", geocodes=("500112", "500105")),))
    heat_at = now - timedelta(days=1, hours=6)
    heat = _warning(new_identifier("500000", "416", heat_at, 3), heat_at, 12, event="高温",
                    cap_category="Met", colour="blue", urgency="Expected", severity="Minor", certainty="Likely",
                    headline="高温蓝色预警（演示，已过期）", description="最高气温将升至35℃以上。",
                    areas=(Area("重庆市", geocodes=("500000",)),))
    return [rain_orange, rain_red, landslide, wind, heat]


def seed_demo_warnings(db: Database, _count: int = 1, now: datetime | None = None) -> int:
    """The demo's warnings, into a platform that has none from the demo."""
    now = now or datetime.now(UTC)
    stamp = now.isoformat(timespec="milliseconds")
    with Session(db.write) as s, s.begin():
        if s.scalar(select(WarningRow.id).where(WarningRow.source_name == SOURCE).limit(1)) is not None:
            return 0
        added = 0
        for w in demo_warnings(now):
            added += store_external(s, w, stamp, "demo").status == "applied"
        return added
