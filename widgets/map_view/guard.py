"""What the map page may reach: its own files (wrpage://map/) and its tiles
(wrtile://), nothing else. Three locks, each enough alone: the page's
Content-Security-Policy (page.py), a request interceptor on the map's profile
that blocks every other URL, and the page refusing to navigate anywhere but
its own scheme (a click on a link in an attribution, a dropped file). A
refusal is logged once per destination and never breaks the map."""

from __future__ import annotations

import logging

from PySide6.QtCore import QUrl
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)

from widgets.map_view.schemes import ALLOWED_SCHEMES, PAGE_HOST, PAGE_SCHEME

log = logging.getLogger(__name__)
GUARD_NAME = "watchroom_map_request_guard"
_LOGGED_MAX = 200  # destinations remembered for "log once"; past that, refusals are only counted


class _Once:
    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.count = 0

    def refused(self, what: str, url: QUrl) -> None:
        self.count += 1
        where = f"{url.scheme()}://{url.host()}"
        if where not in self.seen and len(self.seen) < _LOGGED_MAX:
            self.seen.add(where)
            log.warning("map page: %s refused: %s", what, url.toDisplayString()[:300])


class RequestGuard(QWebEngineUrlRequestInterceptor):
    """Blocks every request of the profile but the page scheme and the tile scheme."""

    def __init__(self, parent=None):
        super().__init__()
        self.setObjectName(GUARD_NAME)
        if parent is not None:
            self.setParent(parent)  # PySide keeps it alive only this way (not through the constructor)
        self._once = _Once()

    @property
    def blocked(self) -> int:
        return self._once.count

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:  # noqa: N802 - Qt's name
        url = info.requestUrl()
        if url.scheme() not in ALLOWED_SCHEMES:
            info.block(True)
            self._once.refused("request", url)


def guard_profile(profile: QWebEngineProfile) -> RequestGuard:
    """Installs the guard once per profile (owned by it) and returns it."""
    guard = profile.findChild(RequestGuard, GUARD_NAME)
    if guard is None:
        guard = RequestGuard(profile)
        profile.setUrlRequestInterceptor(guard)
    return guard


def lock_settings(settings: QWebEngineSettings) -> None:
    attribute = QWebEngineSettings.WebAttribute
    for name, on in (("LocalContentCanAccessFileUrls", False), ("LocalContentCanAccessRemoteUrls", False),
                     ("JavascriptCanOpenWindows", False), ("JavascriptCanAccessClipboard", False),
                     ("NavigateOnDropEnabled", False), ("AllowRunningInsecureContent", False),
                     ("PluginsEnabled", False), ("LocalStorageEnabled", False)):
        settings.setAttribute(getattr(attribute, name), on)


class MapPage(QWebEnginePage):
    """Stays on the map: navigations elsewhere are refused (the map stays as it was)."""

    _once = _Once()
    _errors_told = 0  # console errors logged (bounded: a page in a loop must not fill the log)

    def acceptNavigationRequest(self, url: QUrl, kind, is_main_frame: bool) -> bool:  # noqa: N802
        if url.scheme() == PAGE_SCHEME.decode() and url.host() == PAGE_HOST:
            return True
        self._once.refused("navigation", url)
        return False

    def javaScriptConsoleMessage(self, level, message: str, line: int, source: str) -> None:  # noqa: N802
        if level == QWebEnginePage.JavaScriptConsoleMessageLevel.ErrorMessageLevel \
                and MapPage._errors_told < _LOGGED_MAX:
            MapPage._errors_told += 1
            log.warning("map page: %s (%s:%d)", message[:300], source[:120], line)
        else:
            log.debug("map page: %s (%s:%d)", message[:300], source[:120], line)
