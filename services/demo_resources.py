"""Made-up emergency resources around Chongqing for the demo and benchmarks:
every kind, near the demo districts, with plausible names and details.
Deterministic for a seed, and marked as exercise data in their details."""

from __future__ import annotations

import random
import uuid

from services.demo_data import DISTRICTS

NAMESPACE = uuid.UUID("6f1c2a52-1d4e-4c55-9e0a-2d9b8e2f7a10")
KIND_WEIGHTS = {"team": 30, "supply": 12, "equipment": 12, "shelter": 16, "medical": 10, "expert": 8,
                "hazard": 8, "protected_target": 4}
SPECIALTIES = ("城市搜救", "水域救援", "山岳救援", "危化品处置", "矿山救护", "森林灭火", "电力抢修")
STOCK = (("帐篷", "顶"), ("折叠床", "张"), ("棉被", "床"), ("饮用水", "箱"), ("方便食品", "箱"),
         ("发电机", "台"), ("救生衣", "件"), ("沙袋", "只"))
FIELDS = ("地质灾害", "危险化学品", "防汛抗旱", "消防", "医疗救治", "建筑结构", "气象")
HAZARD_CLASSES = ("一级重大危险源", "二级重大危险源", "三级重大危险源")
TARGETS = ("学校", "医院", "水源地", "变电站", "养老院")
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"


def _name(kind: str, district: str, place: str, n: int, rng: random.Random) -> str:
    return {
        "team": f"{district}{rng.choice(('消防救援站', '应急救援队', '民兵应急连', '蓝天救援队'))}{n % 9 + 1}分队",
        "supply": f"{district}{place}应急物资储备库",
        "equipment": f"{district}{rng.choice(('大型排涝车', '应急照明车', '挖掘机组', '冲锋舟组'))}",
        "shelter": f"{place}{rng.choice(('中学', '体育馆', '公园', '广场'))}应急避难场所",
        "medical": f"{district}{rng.choice(('人民医院', '中医院', '急救分站', '卫生院'))}",
        "expert": f"{rng.choice(SURNAMES)}{rng.choice('建国志强秀英海燕国庆文华')}（{rng.choice(FIELDS)}）",
        "hazard": f"{place}{rng.choice(('加油站', '液化气站', '危化品仓库', '尾矿库'))}",
        "protected_target": f"{place}{rng.choice(TARGETS)}",
    }[kind]


def _details(kind: str, rng: random.Random) -> tuple[dict, bool]:
    if kind == "team":
        status = rng.choices(("available", "deployed", "off_duty"), (7, 2, 1))[0]
        return {"headcount": rng.randrange(8, 80), "specialty": rng.choice(SPECIALTIES), "status": status}, \
            status == "available"
    if kind == "supply":
        items = [{"name": n, "unit": u, "quantity": rng.randrange(0, 2000)} for n, u in rng.sample(STOCK, 4)]
        return {"items": items}, any(i["quantity"] > 0 for i in items)
    if kind == "equipment":
        status = rng.choices(("available", "deployed"), (4, 1))[0]
        return {"quantity": rng.randrange(1, 6), "status": status}, status == "available"
    if kind == "shelter":
        capacity = rng.randrange(200, 8000)
        occupancy = rng.choice((0, 0, 0, rng.randrange(0, capacity + 1)))
        return {"capacity": capacity, "occupancy": occupancy}, occupancy < capacity
    if kind == "medical":
        beds = rng.randrange(20, 1200)
        free = rng.randrange(0, beds // 4 + 1)
        return {"beds": beds, "free_beds": free}, free > 0
    if kind == "expert":
        return {"field": rng.choice(FIELDS)}, rng.random() < 0.8
    if kind == "hazard":
        return {"hazard_class": rng.choice(HAZARD_CLASSES), "radius_m": rng.choice((500, 1000, 3000))}, False
    return {"category": rng.choice(TARGETS)}, False


def demo_resources(count: int, seed: int = 7) -> list[dict]:
    """Records for ResourceStore.save_many / the platform's resource create."""
    rng = random.Random(seed)
    kinds = list(KIND_WEIGHTS)
    out = []
    for n in range(count):
        kind = rng.choices(kinds, weights=list(KIND_WEIGHTS.values()))[0]
        district, lat, lon, places = rng.choice(DISTRICTS)
        place = rng.choice(places)
        details, available = _details(kind, rng)
        details["exercise"] = True  # 演练: made-up data
        out.append({
            "id": str(uuid.uuid5(NAMESPACE, f"{seed}-{n}")), "kind": kind,
            "name": _name(kind, district, place, n, rng),
            "lat": round(lat + rng.gauss(0, 0.05), 6), "lon": round(lon + rng.gauss(0, 0.06), 6),
            "division": f"重庆市{district}", "address": place,
            "contact": f"{rng.choice(SURNAMES)}{rng.choice(('队长', '主任', '站长', '值班员'))}",
            "phone": f"023-{rng.randrange(60000000, 69999999)}", "available": available,
            "details": details,
        })
    return out
