"""Made-up but realistic incidents around Chongqing, for `make demo` and benchmarks.

Everything generated is marked as demo data in the mirror's metadata; the
generator writes through the same bulk path the sync catch-up uses."""

from __future__ import annotations

import json
import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from services.incidents.grading import suggest_severity
from services.incidents.model import Casualties, EntryKind, Severity, Source, Status
from services.incidents.numbering import format_number
from services.incidents.taxonomy import Taxonomy
from services.timefmt import to_db

GENERATOR_VERSION = 2  # part of cached benchmark mirrors' names
SHOW_TZ = ZoneInfo("Asia/Shanghai")  # times written into demo report texts

# District, approximate centre (lat, lon), and a few well-known places in it.
DISTRICTS: list[tuple[str, float, float, tuple[str, ...]]] = [
    ("渝中区", 29.556, 106.568, ("解放碑步行街", "朝天门", "大坪", "两路口", "化龙桥")),
    ("江北区", 29.606, 106.574, ("观音桥步行街", "北滨路", "五里店", "寸滩港")),
    ("南岸区", 29.523, 106.644, ("南坪", "弹子石", "茶园工业园", "南山")),
    ("沙坪坝区", 29.541, 106.457, ("三峡广场", "大学城", "井口", "歌乐山")),
    ("九龙坡区", 29.502, 106.511, ("杨家坪", "石桥铺", "西彭工业园", "华岩")),
    ("大渡口区", 29.484, 106.482, ("建胜镇", "跳磴", "双山")),
    ("渝北区", 29.718, 106.631, ("空港新城", "两路", "回兴", "礼嘉")),
    ("巴南区", 29.402, 106.540, ("鱼洞", "李家沱", "界石", "南彭物流园")),
    ("北碚区", 29.805, 106.396, ("缙云山", "蔡家岗", "澄江", "歇马")),
    ("万州区", 30.807, 108.408, ("高笋塘", "万州港", "龙宝", "天城")),
    ("涪陵区", 29.703, 107.389, ("李渡工业园", "白涛化工园", "江东", "蔺市")),
    ("长寿区", 29.857, 107.081, ("晏家化工园", "长寿湖", "葛兰")),
    ("江津区", 29.290, 106.259, ("几江", "德感工业园", "四面山", "珞璜")),
    ("合川区", 29.972, 106.276, ("钓鱼城", "草街", "铜溪")),
    ("永川区", 29.356, 105.927, ("茶山竹海", "凤凰湖工业园", "双石")),
    ("綦江区", 29.028, 106.651, ("古南", "三角", "万盛")),
    ("黔江区", 29.533, 108.771, ("城西", "正阳", "濯水")),
    ("奉节县", 31.018, 109.464, ("白帝城", "永安", "兴隆")),
    ("巫山县", 31.075, 109.878, ("巫峡", "大昌", "官渡")),
    ("武隆区", 29.325, 107.760, ("仙女山", "白马", "江口")),
    ("开州区", 31.160, 108.393, ("汉丰湖", "临江", "温泉")),
    ("云阳县", 30.930, 108.697, ("双江", "龙缸", "故陵")),
    ("石柱县", 29.999, 108.114, ("黄水", "西沱", "南宾")),
    ("酉阳县", 28.841, 108.767, ("桃花源", "龙潭", "龚滩")),
]

# Type code, weight, severity weights (I, II, III, IV, ungraded), what happened.
SCENARIOS: list[tuple[str, int, tuple[int, ...], tuple[str, ...]]] = [
    ("road_traffic", 26, (0, 1, 6, 70, 8), ("两车相撞", "货车侧翻", "客车追尾", "隧道内多车追尾")),
    ("fire", 18, (0, 1, 5, 70, 10), ("居民楼起火", "餐馆厨房起火", "仓库起火", "商场起火")),
    ("landslide", 8, (0, 2, 10, 60, 15), ("山体滑坡", "边坡垮塌", "滑坡阻断道路")),
    ("flood", 7, (0, 2, 8, 55, 20), ("强降雨致城区内涝", "河水上涨淹没道路", "山洪冲毁便桥")),
    ("debris_flow", 3, (0, 2, 10, 50, 20), ("泥石流冲毁农房", "沟谷泥石流")),
    ("hazardous_chemicals", 5, (0, 2, 10, 55, 15), ("储罐泄漏", "槽罐车泄漏", "车间爆燃")),
    ("construction", 6, (0, 1, 8, 70, 8), ("脚手架坍塌", "基坑垮塌", "塔吊倒塌")),
    ("waterway", 3, (0, 2, 8, 60, 15), ("货船搁浅", "渔船翻沉", "游船故障")),
    ("forest_fire", 4, (0, 2, 8, 60, 15), ("林区起火", "山火蔓延")),
    ("earthquake", 1, (1, 2, 8, 50, 20), ("有感地震", "地震致房屋开裂")),
    ("epidemic", 3, (0, 2, 8, 50, 25), ("聚集性发热病例", "学校聚集性腹泻")),
    ("food_safety", 4, (0, 1, 8, 70, 10), ("集体食物中毒", "餐饮单位疑似食物中毒")),
    ("mass_incident", 3, (0, 1, 8, 60, 15), ("人员聚集", "讨薪聚集")),
    ("public_facility", 3, (0, 1, 5, 75, 10), ("燃气管道泄漏", "电梯困人", "供水管爆裂")),
    ("non_coal_mine", 2, (0, 2, 12, 60, 10), ("矿山冒顶", "尾矿库渗漏")),
]

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许邓冯韩曹曾彭萧蔡潘田董袁于余叶蒋杜"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红"
OFFICERS = ("值班员 陈晓", "值班员 刘洋", "值班员 王静", "带班领导 张建国")
MEASURES = (
    "已通知属地乡镇（街道）和相关部门赶赴现场处置",
    "消防救援队伍已出动",
    "120急救车辆已到场转运伤员",
    "交警已实施交通管制",
    "已疏散周边群众",
    "已启动区县级应急响应",
    "应急、公安、卫健等部门已到场",
    "正在组织排查周边隐患",
)


@dataclass
class DemoSet:
    incidents: list[dict]
    entries: list[dict]


def _phone(rng: random.Random) -> str:
    return "1" + rng.choice("3589") + "".join(rng.choice("0123456789") for _ in range(9))


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


class DemoGenerator:
    """Deterministic for a given seed, so benchmarks compare like with like."""

    def __init__(self, taxonomy: Taxonomy, *, site_code: str = "CQ", seed: int = 42):
        self.taxonomy = taxonomy
        self.site_code = site_code
        self.rng = random.Random(seed)
        self._weights = [s[1] for s in SCENARIOS]

    def generate(
        self, count: int, now: datetime, *, span: timedelta = timedelta(days=60),
        entries_per_incident: float = 10.0, exercise_share: float = 0.04,
    ) -> DemoSet:
        incidents: list[dict] = []
        entries: list[dict] = []
        for batch in self.batches(count, now, span=span, entries_per_incident=entries_per_incident,
                                  exercise_share=exercise_share, batch_size=count or 1):
            incidents.extend(batch.incidents)
            entries.extend(batch.entries)
        return DemoSet(incidents, entries)

    def batches(
        self, count: int, now: datetime, *, span: timedelta, entries_per_incident: float,
        exercise_share: float, batch_size: int = 5000,
    ) -> Iterator[DemoSet]:
        rng = self.rng
        # Oldest first, so codes rise with time like a real log.
        offsets = sorted((rng.random() ** 1.6 * span for _ in range(count)), reverse=True)
        numbers: dict[int, int] = {}
        batch = DemoSet([], [])
        for offset in offsets:
            reported = now - offset
            year = reported.year
            numbers[year] = numbers.get(year, 0) + 1
            inc, ents = self._incident(reported, now, format_number(self.site_code, year, numbers[year]),
                                       entries_per_incident, exercise_share)
            batch.incidents.append(inc)
            batch.entries.extend(ents)
            if len(batch.incidents) >= batch_size:
                yield batch
                batch = DemoSet([], [])
        if batch.incidents:
            yield batch

    def code_counters(self, demo: DemoSet) -> dict[int, int]:
        top: dict[int, int] = {}
        for inc in demo.incidents:
            _site, year, num = inc["code"].split("-")
            top[int(year)] = max(top.get(int(year), 0), int(num))
        return top

    def _incident(self, reported, now, code, per_incident, exercise_share):
        rng = self.rng
        type_code, _w, sev_weights, happenings = rng.choices(SCENARIOS, self._weights)[0]
        itype = self.taxonomy.type(type_code)
        district, lat, lon, places = rng.choice(DISTRICTS)
        place = rng.choice(places)
        what = rng.choice(happenings)
        severity = rng.choices(list(Severity), sev_weights)[0]
        occurred = reported - timedelta(minutes=rng.randint(2, 40))
        age = now - reported
        # Recent incidents are still open; older ones are mostly closed.
        if age < timedelta(hours=6):
            status = rng.choice((Status.RECEIVED, Status.RESPONDING, Status.RESPONDING))
        elif age < timedelta(days=2):
            status = rng.choices((Status.RESPONDING, Status.CLOSED, Status.CANCELLED), (4, 5, 1))[0]
        else:
            status = rng.choices((Status.CLOSED, Status.CANCELLED, Status.RESPONDING), (90, 6, 4))[0]
        deaths = rng.choices((0, 1, 2, 3, 5), (80, 10, 5, 3, 2))[0]
        injured = rng.choices((0, 1, 2, 4, 8, 15), (50, 20, 12, 10, 5, 3))[0]
        implied = suggest_severity(itype.category, Casualties(deaths, injured))
        if implied is not None and implied.rank < severity.rank:
            severity = implied  # casualties decide the grade of an accident (493号)
        exercise = rng.random() < exercise_share
        inc_id = str(uuid.uuid4())
        reporter = _person(rng)
        inc = {
            "id": inc_id, "site_code": self.site_code, "code": code,
            "title": f"{district}{place}{what}",
            "category": itype.category.value, "type_code": type_code, "type_name": itype.name,
            "severity": severity.value, "status": status.value,
            "occurred_at": to_db(occurred), "reported_at": to_db(reported),
            "place": f"重庆市{district}{place}附近", "division": f"重庆市{district}",
            "lat": round(lat + rng.uniform(-0.05, 0.05), 6),
            "lon": round(lon + rng.uniform(-0.05, 0.05), 6),
            "deaths": deaths, "injured": injured,
            "missing": rng.choices((0, 1, 2), (92, 6, 2))[0],
            "trapped": rng.choices((0, 1, 3), (90, 7, 3))[0],
            "source": rng.choices([s.value for s in Source], (60, 10, 12, 8, 5, 4, 1))[0],
            "reporter": reporter, "reporter_phone": _phone(rng), "exercise": exercise,
            "summary": f"{reporter}来电反映：{district}{place}发生{what}，现场情况正在核实。",
            "created_by": rng.choice(OFFICERS), "updated_at": to_db(reported),
            "last_report_at": None, "last_report_kind": None, "version": 1, "sync_state": "synced",
        }
        ents = self._timeline(inc, reported, now, status, per_incident, what, district, place)
        return inc, ents

    def _timeline(self, inc, reported, now, status, per_incident, what, district, place):
        rng = self.rng
        n = max(1, int(rng.expovariate(1 / per_incident))) if per_incident else 0
        t = reported
        out = [self._entry(inc, EntryKind.SYSTEM, "", t, {"event": "created"})]
        reported_initial = False
        for i in range(n - 1):
            t = t + timedelta(minutes=rng.randint(3, 60))
            if t > now:
                break
            if not reported_initial and rng.random() < 0.7:
                kind, reported_initial = EntryKind.INITIAL_REPORT, True
                local = t.astimezone(SHOW_TZ)
                body = (f"首报：{local.strftime('%H时%M分')}许，{district}{place}发生{what}。"
                        f"{rng.choice(MEASURES)}。")
            elif reported_initial and rng.random() < 0.35:
                kind = EntryKind.FOLLOW_UP_REPORT
                body = f"续报{i}：{rng.choice(MEASURES)}，现场秩序平稳，伤亡情况正在进一步核实。"
            elif rng.random() < 0.5:
                kind = EntryKind.CALL
                body = f"{_person(rng)}（{_phone(rng)}）来电补充：{what}现场{rng.choice(('有浓烟', '道路拥堵', '有群众围观', '暂无人员被困', '需要增援'))}。"
            else:
                kind = EntryKind.NOTE
                body = f"{rng.choice(MEASURES)}；{rng.choice(OFFICERS)}跟踪督办。"
            data = {"severity": inc["severity"]} if kind.is_report else {}
            out.append(self._entry(inc, kind, body, t, data))
            if kind.is_report:
                inc["last_report_at"], inc["last_report_kind"] = to_db(t), kind.value
            if kind == EntryKind.INITIAL_REPORT and status != Status.RECEIVED:
                change = {"from": Status.RECEIVED.value, "to": Status.RESPONDING.value}
                out.append(self._entry(inc, EntryKind.STATUS_CHANGE, "", t + timedelta(minutes=2), change))
        if status.is_open and now - t > timedelta(hours=2):
            # An open incident in a working watch room has had recent reports.
            t = now - timedelta(minutes=rng.randint(5, 150))
            kind = EntryKind.FOLLOW_UP_REPORT if reported_initial else EntryKind.INITIAL_REPORT
            body = f"{'续报' if reported_initial else '首报'}：{rng.choice(MEASURES)}，处置工作有序进行。"
            out.append(self._entry(inc, kind, body, t, {"severity": inc["severity"]}))
            inc["last_report_at"], inc["last_report_kind"] = to_db(t), kind.value
        if status in (Status.CLOSED, Status.CANCELLED) and reported_initial:
            t = min(now, t + timedelta(minutes=rng.randint(10, 240)))
            if status == Status.CLOSED:
                body = f"终报：{district}{place}{what}处置完毕，现场已清理，交通恢复正常。"
                out.append(self._entry(inc, EntryKind.FINAL_REPORT, body, t, {"severity": inc["severity"]}))
                inc["last_report_at"], inc["last_report_kind"] = to_db(t), EntryKind.FINAL_REPORT.value
            out.append(self._entry(inc, EntryKind.STATUS_CHANGE, "", t,
                                   {"from": Status.RESPONDING.value, "to": status.value}))
        inc["updated_at"] = out[-1]["created_at"]
        return out

    def _entry(self, inc, kind, body, t, data):
        return {
            "id": str(uuid.uuid4()), "incident_id": inc["id"], "kind": kind.value, "body": body,
            "data": json.dumps(data, ensure_ascii=False), "author": self.rng.choice(OFFICERS),
            "created_at": to_db(t), "sync_state": "synced",
        }
