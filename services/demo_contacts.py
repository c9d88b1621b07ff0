"""A made-up 应急通讯录 for the demo: the city's emergency bureau with its
command centre, a bureau and a fire brigade per demo district, duty staff with
(fictitious) numbers, and call groups. Marked 演示数据 in every entry's notes."""

from __future__ import annotations

import random

from services.contacts.importing import contact_id
from services.demo_data import DISTRICTS

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = ("建国", "晓梅", "志强", "丽华", "海涛", "春燕", "国庆", "明", "静", "伟", "敏", "军", "磊", "洋", "勇")
ROLES = ("主任", "副主任", "值班长", "值班员")
NOTE = "演示数据"


def demo_contacts(seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    records: list[dict] = []

    def org(name: str, parent_path: str, parent_id: str, phone: str) -> tuple[str, str]:
        path = f"{parent_path}/{name}"
        cid = contact_id("org", path)
        records.append({"id": cid, "kind": "org", "name": name, "parent_id": parent_id, "role": "",
                        "duty_phone": phone, "mobile": "", "members": [], "notes": NOTE})
        return cid, path

    def people(parent_id: str, path: str, count: int) -> list[str]:
        ids = []
        for n in range(count):
            name = rng.choice(SURNAMES) + rng.choice(GIVEN)
            cid = contact_id("person", f"{path}/{name}{n}")
            records.append({"id": cid, "kind": "person", "name": name, "parent_id": parent_id,
                            "role": ROLES[min(n, len(ROLES) - 1)], "duty_phone": "",
                            "mobile": f"139{rng.randrange(10**8):08d}", "members": [], "notes": NOTE})
            ids.append(cid)
        return ids

    city, city_path = org("重庆市应急管理局", "", "", "023-67700000")
    centre, centre_path = org("指挥中心", city_path, city, "023-67700110")
    leaders = people(centre, centre_path, 4)
    duty: list[str] = []
    for district, *_ in DISTRICTS:
        bureau, bureau_path = org(f"{district}应急管理局", city_path, city, f"023-6{rng.randrange(10**7):07d}")
        duty += people(bureau, bureau_path, 2)
        brigade, brigade_path = org(f"{district}消防救援大队", bureau_path, bureau, f"023-6{rng.randrange(10**7):07d}")
        people(brigade, brigade_path, 2)
    for name, members in (("市级指挥长群", leaders), ("区县值班群", duty), ("防汛值班群", leaders[:2] + duty[::3])):
        records.append({"id": contact_id("group", name), "kind": "group", "name": name, "parent_id": "", "role": "",
                        "duty_phone": "", "mobile": "", "members": members, "notes": NOTE})
    return records
