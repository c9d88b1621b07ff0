"""Whether a place lies inside a warning's area: polygons (ray casting on
(lat, lon), fine at the scale of a city), circles (great-circle distance) and
GB/T 2260 division codes (a province code 500000 covers every code starting
50, a city code 500100 every one starting 5001). A record's division is text
("重庆市渝中区" or "500103"): a six-digit code in it is used as is, otherwise
a district name is looked up in the small table below. Pure Python."""

from __future__ import annotations

import math
import re

from services.warnings.model import Area, Circle

EARTH_KM = 6371.0088
_CODE = re.compile(r"(?<!\d)(\d{6})(?!\d)")
# The districts and counties of Chongqing the demo and the watch room use (GB/T 2260).
DIVISION_NAMES = {
    "万州区": "500101", "涪陵区": "500102", "渝中区": "500103", "大渡口区": "500104", "江北区": "500105",
    "沙坪坝区": "500106", "九龙坡区": "500107", "南岸区": "500108", "北碚区": "500109", "綦江区": "500110",
    "大足区": "500111", "渝北区": "500112", "巴南区": "500113", "黔江区": "500114", "长寿区": "500115",
    "江津区": "500116", "合川区": "500117", "永川区": "500118", "南川区": "500119", "璧山区": "500120",
    "铜梁区": "500151", "潼南区": "500152", "荣昌区": "500153", "开州区": "500154", "梁平区": "500155",
    "武隆区": "500156", "城口县": "500229", "丰都县": "500230", "垫江县": "500231", "忠县": "500233",
    "云阳县": "500235", "奉节县": "500236", "巫山县": "500237", "巫溪县": "500238", "石柱土家族自治县": "500240",
    "秀山土家族苗族自治县": "500241", "酉阳土家族苗族自治县": "500242", "彭水苗族土家族自治县": "500243",
}  # fmt: skip


def division_code(division: str) -> str:
    """The six-digit code of a record's division text, "" when none can be told."""
    if not division:
        return ""
    found = _CODE.search(division)
    if found:
        return found.group(1)
    for name, code in DIVISION_NAMES.items():
        if name in division:
            return code
    return ""


def code_prefix(geocode: str) -> str:
    """What a division code covers: 500000 -> "50", 500100 -> "5001", 500103 -> "500103"."""
    if geocode.endswith("0000"):
        return geocode[:2]
    if geocode.endswith("00"):
        return geocode[:4]
    return geocode


def in_ring(lat: float, lon: float, ring: tuple[tuple[float, float], ...]) -> bool:
    """Even-odd rule over a closed ring of (lat, lon)."""
    inside = False
    for k in range(len(ring) - 1):
        (y1, x1), (y2, x2) = ring[k], ring[k + 1]
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def in_circle(lat: float, lon: float, circle: Circle) -> bool:
    return distance_km(lat, lon, circle.lat, circle.lon) <= circle.radius_km


def covers_code(areas: tuple[Area, ...], code: str) -> bool:
    return bool(code) and any(code.startswith(code_prefix(g)) for a in areas for g in a.geocodes)


class PreparedRing:
    """A ring made quick to test many points against: its edges sorted into
    horizontal bands, so a point meets only the few edges of its band (the
    same even-odd rule as in_ring, a fraction of the work for 200 vertices)."""

    def __init__(self, ring: tuple[tuple[float, float], ...]):
        lats = [p[0] for p in ring]
        self.low, self.high = min(lats), max(lats)
        self.count = max(1, min(512, len(ring) // 2))
        self.height = (self.high - self.low) / self.count or 1e-12
        self.bands: list[list[tuple[float, float, float, float]]] = [[] for _ in range(self.count)]
        for k in range(len(ring) - 1):
            (y1, x1), (y2, x2) = ring[k], ring[k + 1]
            if y1 == y2:
                continue  # a horizontal edge never crosses the ray
            edge = (y1, y2, x1, (x2 - x1) / (y2 - y1))
            for band in range(self._band(min(y1, y2)), self._band(max(y1, y2)) + 1):
                self.bands[band].append(edge)

    def _band(self, lat: float) -> int:
        return min(self.count - 1, max(0, int((lat - self.low) / self.height)))

    def contains(self, lat: float, lon: float) -> bool:
        if lat < self.low or lat > self.high:
            return False
        inside = False
        for y1, y2, x1, slope in self.bands[self._band(lat)]:
            if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * slope:
                inside = not inside
        return inside


class PreparedAreas:
    """A warning's areas ready for many points (WarningStore.inside)."""

    def __init__(self, areas: tuple[Area, ...]):
        self.areas = areas
        self.rings = [PreparedRing(ring) for a in areas for ring in a.polygons]
        self.circles = [c for a in areas for c in a.circles]

    def contains(self, lat: float | None, lon: float | None, division: str = "") -> bool:
        """Inside any polygon or circle of the areas, or in a division they name."""
        if lat is not None and lon is not None:
            if any(r.contains(lat, lon) for r in self.rings) or any(in_circle(lat, lon, c) for c in self.circles):
                return True
        return covers_code(self.areas, division_code(division))


def contains(areas: tuple[Area, ...], lat: float | None, lon: float | None, division: str = "") -> bool:
    """Inside any polygon or circle of the areas, or in a division they name."""
    return PreparedAreas(areas).contains(lat, lon, division)


def boxes(areas: tuple[Area, ...]) -> list[tuple[float, float, float, float]]:
    """(min_lat, max_lat, min_lon, max_lon) of each polygon and circle: the R*Tree's prefilter."""
    out = []
    for a in areas:
        for ring in a.polygons:
            lats, lons = [p[0] for p in ring], [p[1] for p in ring]
            out.append((min(lats), max(lats), min(lons), max(lons)))
        for c in a.circles:
            dlat = c.radius_km / 110.574
            dlon = c.radius_km / max(1e-6, 111.320 * math.cos(math.radians(min(89.9, abs(c.lat)))))
            out.append((c.lat - dlat, c.lat + dlat, c.lon - dlon, c.lon + dlon))
    return out


def bbox(areas: tuple[Area, ...]) -> tuple[float, float, float, float] | None:
    """The box around every polygon and circle; None for an area of division codes only."""
    found = boxes(areas)
    if not found:
        return None
    return (min(b[0] for b in found), max(b[1] for b in found), min(b[2] for b in found), max(b[3] for b in found))
