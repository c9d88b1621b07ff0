"""Builds the fallback basemap (scripts/build_basemap.sh): the provinces file and
the per-province city/county files of china-geojson, merged into one GeoJSON
with a `level` (1 province, 2 city or county), a label position, and
coordinates rounded to about 10 m with repeated points dropped."""

from __future__ import annotations

import json
import sys
from pathlib import Path

DECIMALS = 4


def _ring(points: list) -> list:
    out: list = []
    for lon, lat, *_ in points:
        p = [round(lon, DECIMALS), round(lat, DECIMALS)]
        if not out or out[-1] != p:
            out.append(p)
    return out


def _geometry(geometry: dict) -> dict | None:
    kind, coords = geometry.get("type"), geometry.get("coordinates")
    if kind == "Polygon":
        return {"type": kind, "coordinates": [_ring(r) for r in coords]}
    if kind == "MultiPolygon":
        return {"type": kind, "coordinates": [[_ring(r) for r in poly] for poly in coords]}
    return None


def _features(path: Path, level: int) -> list[dict]:
    data = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for feature in data.get("features", []):
        props = feature.get("properties") or {}
        geometry = _geometry(feature.get("geometry") or {})
        if geometry is None or not props.get("name"):
            continue
        out.append({"type": "Feature", "geometry": geometry,
                    "properties": {"name": props["name"], "level": level, "cp": props.get("cp")}})
    return out


def build(source: Path, target: Path) -> int:
    features = _features(source / "china.json", 1)
    for path in sorted(source.glob("*_geo.json")):
        features += _features(path, 2)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    tmp.write_text(json.dumps({"type": "FeatureCollection", "datum": "WGS84", "features": features},
                              ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    tmp.replace(target)  # never a half-written basemap
    return len(features)


if __name__ == "__main__":
    count = build(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"[setup] fallback basemap: {count} areas in {sys.argv[2]}")
