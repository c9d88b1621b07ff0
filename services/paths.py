"""Where the shipped, editable resource files live."""

from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().parent.parent / "resources"
# Built at set-up by scripts/build_basemap.sh (provinces, cities, counties).
FALLBACK_BASEMAP = RESOURCES_DIR.parent / "var" / "basemap" / "fallback.geojson"
