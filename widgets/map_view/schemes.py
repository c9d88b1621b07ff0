"""The map's two URL schemes. The page and its own files come through
wrpage://map/ (assets.py), tiles through wrtile:// (tiles.py); the page never
loads a file:// URL and never reaches the network. Both must be registered
before the QApplication exists (Qt's rule for custom schemes)."""

from __future__ import annotations

from PySide6.QtWebEngineCore import QWebEngineUrlScheme

PAGE_SCHEME = b"wrpage"
PAGE_HOST = "map"
TILE_SCHEME = b"wrtile"
ALLOWED_SCHEMES = frozenset({PAGE_SCHEME.decode(), TILE_SCHEME.decode()})


def register_schemes() -> None:
    flags = QWebEngineUrlScheme.Flag
    # LocalScheme: nothing from the network may load these URLs, and a page on
    # them obeys LocalContentCanAccess*Urls (both off). LocalAccessAllowed: the
    # page may load the other local scheme (its tiles). FetchApiAllowed: the page
    # fetches its basemap, tests and the benchmark fetch tiles.
    common = (flags.LocalScheme | flags.LocalAccessAllowed | flags.CorsEnabled | flags.SecureScheme
              | flags.FetchApiAllowed)
    for name in (TILE_SCHEME, PAGE_SCHEME):
        if QWebEngineUrlScheme.schemeByName(name).name() == name:
            continue
        scheme = QWebEngineUrlScheme(name)
        scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
        scheme.setFlags(common)
        QWebEngineUrlScheme.registerScheme(scheme)
