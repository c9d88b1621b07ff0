"""The map page: generated with folium, then made self-contained. folium's
template loads Leaflet, jQuery, Bootstrap and icon fonts from CDNs, which fail
in a shelter; every http(s) reference is dropped and the local Leaflet,
marker-clustering plugin (resources/web/vendor, fetched from npm at set-up)
and our bridge are linked instead. Data never goes into the HTML: it is pushed
into the loaded page in batches."""

from __future__ import annotations

import re
from pathlib import Path

import folium
from branca.element import MacroElement
from jinja2 import Template

WEB = Path(__file__).resolve().parent / "web"
VENDOR = Path(__file__).resolve().parents[2] / "resources" / "web" / "vendor"
_REMOTE = re.compile(r'<(script|link)\b[^>]*\b(?:src|href)="https?://[^"]*"[^>]*>(?:\s*</script>)?', re.I)


class _StartBridge(MacroElement):
    """Hands the Leaflet map to bridge.js, right after folium has created it."""

    _template = Template("{% macro script(this, kwargs) %}wr.start({{ this._parent.get_name() }});"
                         "{% endmacro %}")


class AssetsMissing(FileNotFoundError):
    """Leaflet was not fetched at set-up (scripts/fetch_web_assets.sh)."""


def _local(path: Path) -> str:
    if not path.exists():
        raise AssetsMissing(str(path))
    return path.as_uri()


def build_page(target_dir: Path, center: tuple[float, float], zoom: int) -> Path:
    """Writes map.html into target_dir and returns its path."""
    fmap = folium.Map(location=list(center), zoom_start=zoom, tiles=None, prefer_canvas=True,
                      control_scale=True, max_zoom=18, min_zoom=3)
    fmap.add_child(_StartBridge())
    html = _REMOTE.sub("", fmap.get_root().render())
    head = "\n".join([
        f'<link rel="stylesheet" href="{_local(VENDOR / "leaflet" / "leaflet.css")}"/>',
        f'<link rel="stylesheet" href="{_local(VENDOR / "markercluster" / "MarkerCluster.css")}"/>',
        f'<link rel="stylesheet" href="{_local(WEB / "map.css")}"/>',
        f'<script src="{_local(VENDOR / "leaflet" / "leaflet.js")}"></script>',
        f'<script src="{_local(VENDOR / "markercluster" / "leaflet.markercluster.js")}"></script>',
        '<script src="qrc:///qtwebchannel/qwebchannel.js"></script>',
        f'<script src="{_local(WEB / "bridge.js")}"></script>',
    ])
    html = html.replace("</head>", head + "\n</head>", 1)
    target_dir.mkdir(parents=True, exist_ok=True)
    page = target_dir / "map.html"
    page.write_text(html, encoding="utf-8")
    return page
