"""Made-up cameras around the demo districts for the demo and benchmarks. Their
streams point at the demo media gateway (services/video/demo_gateway.py, started
by scripts/demo.sh), by number."""

from __future__ import annotations

import random

from services.demo_data import DISTRICTS

SPOTS = ("路口", "广场", "桥头", "隧道口", "码头", "车站", "学校门口", "医院门口")
DEMO_STREAMS = 16  # the demo media server's streams, shared round-robin


def demo_cameras(count: int, seed: int = 11, host: str = "127.0.0.1:8554") -> list[dict]:
    """The gateway serves the same clip as main and sub stream (640x360)."""
    rng = random.Random(seed)
    out = []
    for n in range(count):
        district, lat, lon, places = rng.choice(DISTRICTS)
        place = rng.choice(places)
        stream = n % DEMO_STREAMS
        civil = 500100 + n % 40
        out.append({
            "id": f"{civil}0000{131 + n % 2}{n:07d}",  # GB/T 28181: centre, industry, type, serial
            "name": f"{place}{rng.choice(SPOTS)}{'球机' if n % 3 == 0 else '枪机'}{n % 7 + 1}",
            "group_path": f"重庆市/{district}/{place}",
            "lat": round(lat + rng.gauss(0, 0.03), 6), "lon": round(lon + rng.gauss(0, 0.035), 6),
            "main_url": f"http://{host}/demo{stream}.ts?main", "sub_url": f"http://{host}/demo{stream}.ts",
            "ptz": n % 3 == 0, "platform": "演示视频平台", "online": rng.random() < 0.9,
        })
    return out
