"""Where the shipped, editable resource files live: the checkout, or the folder
a PyInstaller build unpacked them into (packaging/), found the same way."""

import sys
from pathlib import Path


def app_root() -> Path:
    """The folder holding resources/ and var/basemap/: the bundle's own folder
    (sys._MEIPASS) when frozen by packaging/build.sh, else the source checkout."""
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


APP_ROOT = app_root()
RESOURCES_DIR = APP_ROOT / "resources"
# Built at set-up by scripts/build_basemap.sh (provinces, cities, counties); copied into the bundle.
FALLBACK_BASEMAP = APP_ROOT / "var" / "basemap" / "fallback.geojson"
