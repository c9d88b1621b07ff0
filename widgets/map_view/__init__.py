"""The map widget (Leaflet in QtWebEngine, assets local, tiles through wrtile://)."""

from widgets.map_view.schemes import register_schemes
from widgets.map_view.view import STYLES, MapView

__all__ = ["STYLES", "MapView", "register_schemes"]
