"""The map page: a small template of our own (it was folium's, whose import
alone cost the map's first show most of a second; folium's page also linked
Leaflet, jQuery, Bootstrap and icon fonts from CDNs, which fail in a shelter).
The page links the local Leaflet and supercluster (resources/web/vendor,
fetched from npm at set-up), QWebChannel's script and our scripts, all from
wrpage://map/ (assets.py). The clustering runs in a Web Worker made from the
page's own files (web/cluster_worker.js, supercluster in front of it). Data
never goes into the HTML: it is pushed into the loaded page in batches, and
shown there as text (bridge.js, points.js).

The page carries a Content-Security-Policy: scripts and style blocks run only
with this page's nonce (an event handler written into markup never runs),
images come from the page's own files and the tile scheme, fetch/XHR reach
nothing else; the clustering worker is made from a blob of the page's own
file (points.js says why)."""

from __future__ import annotations

import json
import secrets
import sys
from pathlib import Path

from PySide6.QtCore import QFile, QIODevice

WEB = Path(__file__).resolve().parent / "web"
# services/paths.py app_root()'s rule (widgets may not import services): the bundle's folder when frozen.
VENDOR = Path(getattr(sys, "_MEIPASS", None) or Path(__file__).resolve().parents[2]) / "resources" / "web" / "vendor"
WEBCHANNEL_JS = ":/qtwebchannel/qwebchannel.js"  # compiled into Qt WebChannel
# 'self' is wrpage://map; data: only for the blank image Leaflet puts in unloaded tiles.
CSP = ("default-src 'none'; script-src 'nonce-{nonce}'; style-src 'self' 'nonce-{nonce}'; "
       "img-src 'self' wrtile: data:; connect-src 'self' wrtile:; font-src 'self'; worker-src blob:; "
       "base-uri 'none'; form-action 'none'; frame-src 'none'; object-src 'none'")
# What the page links, by its name under wrpage://map/ (relative to the page's folder).
LINKED_CSS = ("vendor/leaflet/leaflet.css", "web/map.css")
# cluster_worker.js is also linked: the page clusters with it itself when no worker can be made.
LINKED_JS = ("vendor/leaflet/leaflet.js", "qwebchannel.js", "web/bridge.js", "web/cluster_worker.js",
             "web/points.js", "web/areas.js", "web/units.js")


class AssetsMissing(FileNotFoundError):
    """Leaflet was not fetched at set-up (scripts/fetch_web_assets.sh)."""


def assets() -> dict[str, Path | bytes]:
    """Every file the page may load, by name: the one table the page scheme answers from."""
    files: dict[str, Path | bytes] = {
        "vendor/leaflet/leaflet.js": VENDOR / "leaflet" / "leaflet.js",
        "vendor/leaflet/leaflet.css": VENDOR / "leaflet" / "leaflet.css",
        "vendor/supercluster/supercluster.min.js": VENDOR / "supercluster" / "supercluster.min.js",
        "web/map.css": WEB / "map.css",
        "web/bridge.js": WEB / "bridge.js",
        "web/points.js": WEB / "points.js",
        "web/cluster_worker.js": WEB / "cluster_worker.js",
        "web/areas.js": WEB / "areas.js",
        "web/units.js": WEB / "units.js",  # live positions (实时位置)
    }
    for source in files.values():
        if not isinstance(source, Path) or not source.is_file():
            raise AssetsMissing(str(source))
    for image in sorted((VENDOR / "leaflet" / "images").glob("*.png")):  # what leaflet.css points at
        files[f"vendor/leaflet/images/{image.name}"] = image
    files["qwebchannel.js"] = _webchannel_js()
    # The worker's one file: supercluster (UMD, kdbush inside) then our worker code, so
    # the worker needs no importScripts and the page can load it to cluster itself.
    files["web/cluster_worker.js"] = (files.pop("vendor/supercluster/supercluster.min.js").read_bytes()
                                      + b"\n" + (WEB / "cluster_worker.js").read_bytes())
    return files


def _webchannel_js() -> bytes:
    script = QFile(WEBCHANNEL_JS)
    if not script.open(QIODevice.OpenModeFlag.ReadOnly):
        raise AssetsMissing(WEBCHANNEL_JS)
    try:
        return bytes(script.readAll().data())
    finally:
        script.close()


_PAGE = """<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<meta name="viewport" content="width=device-width, initial-scale=1.0, maximum-scale=1.0, user-scalable=no">
<style nonce="{nonce}">html, body {{ width: 100%; height: 100%; margin: 0; padding: 0; }}
#map {{ position: absolute; top: 0; bottom: 0; right: 0; left: 0; }}</style>
{links}
</head>
<body>
<div id="map"></div>
<script nonce="{nonce}">
var map = L.map("map", {{center: {center}, zoom: {zoom}, zoomControl: true, preferCanvas: true}});
L.control.scale().addTo(map);
wr.start(map);
</script>
</body>
</html>
"""


def build_page(center: tuple[float, float], zoom: int, *, root: str = "../") -> str:
    """The page's HTML. `root` leads from the page's folder to the shared files
    (each view's page lives in its own folder beside them)."""
    nonce = secrets.token_urlsafe(18)
    links = "\n".join(
        [f'<link rel="stylesheet" href="{root}{name}">' for name in LINKED_CSS]
        + [f'<script nonce="{nonce}" src="{root}{name}"></script>' for name in LINKED_JS])
    return _PAGE.format(policy=CSP.format(nonce=nonce), nonce=nonce, links=links,
                        center=json.dumps([float(center[0]), float(center[1])]), zoom=int(zoom))
