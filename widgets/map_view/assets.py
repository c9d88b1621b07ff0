"""wrpage://map/<name>: the map page and the files it links, answered from a
table of names (page.assets() plus each view's own page and basemap). A name
is looked up, never joined to a folder, so no URL can reach a file that is not
in the table; anything else is "not found"."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QUrl
from PySide6.QtWebEngineCore import QWebEngineUrlRequestJob, QWebEngineUrlSchemeHandler

from widgets.map_view.schemes import PAGE_HOST, PAGE_SCHEME

log = logging.getLogger(__name__)

MIME = {".html": b"text/html", ".js": b"text/javascript", ".css": b"text/css", ".png": b"image/png",
        ".geojson": b"application/json", ".json": b"application/json"}


def page_url(name: str) -> QUrl:
    return QUrl(f"{PAGE_SCHEME.decode()}://{PAGE_HOST}/{name}")


class PageFiles(QWebEngineUrlSchemeHandler):
    """One per profile, shared by every map view (like the tile handler)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._files: dict[str, Path | bytes] = {}

    def publish(self, name: str, source: Path | bytes) -> None:
        self._files[name] = source

    def withdraw(self, folder: str) -> None:
        """Forgets a closed view's files (its folder, "v3/")."""
        for name in [n for n in self._files if n.startswith(folder)]:
            del self._files[name]

    def names(self) -> list[str]:
        return sorted(self._files)

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:  # noqa: N802 - Qt's name
        url = job.requestUrl()
        name = url.path(QUrl.ComponentFormattingOption.FullyEncoded).removeprefix("/")
        source = self._files.get(name) if url.host() == PAGE_HOST and job.requestMethod() == b"GET" else None
        data = source if isinstance(source, bytes) else None
        if isinstance(source, Path):
            try:
                data = source.read_bytes()
            except OSError as exc:
                log.warning("map page file %s unreadable: %s", name, exc)
        if data is None:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        job.setAdditionalResponseHeaders({QByteArray(b"X-Content-Type-Options"): QByteArray(b"nosniff")})
        buffer = QBuffer(parent=job)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        job.reply(MIME.get(Path(name).suffix, b"application/octet-stream"), buffer)
