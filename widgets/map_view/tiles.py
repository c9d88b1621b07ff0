"""Tiles reach the page through our own URL scheme, wrtile://tiles/<layer>/<z>/<x>/<y>,
answered from Python (an MBTiles store, a cache of an online source), so the
map needs no network of its own and a missing tile costs nothing."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from concurrent.futures import Future
from urllib.parse import quote, unquote

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QUrl, Signal
from PySide6.QtWebEngineCore import QWebEngineUrlRequestJob, QWebEngineUrlSchemeHandler

from widgets.map_view.schemes import TILE_SCHEME

log = logging.getLogger(__name__)

SCHEME = TILE_SCHEME
TEMPLATE = "wrtile://tiles/{layer}/{z}/{x}/{y}"
# (layer, z, x, y) -> (bytes, mime type) or None
TileProvider = Callable[[str, int, int, int], tuple[bytes, str] | None]


def tile_url(layer: str) -> str:
    """The page's URL template for a layer, its name percent-encoded (no "/", "{" or "?" of its own)."""
    return TEMPLATE.replace("{layer}", quote(layer, safe=""))


class _Arrivals(QObject):
    # Emitted from a download thread; delivered on the thread the handler lives in.
    sig_arrived = Signal(int, object)


class TileSchemeHandler(QWebEngineUrlSchemeHandler):
    """A provider may answer at once (bytes, mime), not at all (None), or later
    (a concurrent.futures.Future of bytes or None): the job then waits, without
    blocking the GUI thread, and is answered when the download ends."""

    def __init__(self, provider: TileProvider | None = None, parent=None):
        super().__init__(parent)
        self.provider = provider
        self._waiting: dict[int, tuple[QWebEngineUrlRequestJob, str]] = {}
        self._tokens = itertools.count(1)
        self._arrivals = _Arrivals(self)
        self._arrivals.sig_arrived.connect(self._on_arrived)

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:  # noqa: N802 - Qt's name
        # Split before decoding: a layer's name (a file's name) may hold "/" or "{" (tile_url()).
        encoded = job.requestUrl().path(QUrl.ComponentFormattingOption.FullyEncoded)
        parts = [unquote(p) for p in encoded.strip("/").split("/")]
        found = None
        try:
            if len(parts) == 5 and parts[0] == "tiles" and self.provider is not None:
                found = self.provider(parts[1], int(parts[2]), int(parts[3]), int(parts[4]))
            elif len(parts) == 4 and self.provider is not None:  # host-less form: layer/z/x/y
                found = self.provider(parts[0], int(parts[1]), int(parts[2]), int(parts[3]))
        except Exception:  # noqa: BLE001 - a broken tile must never break the map
            log.exception("tile %s failed", job.requestUrl().toString())
        if isinstance(found, Future):
            token = next(self._tokens)
            self._waiting[token] = (job, "image/png")
            job.destroyed.connect(lambda *_: self._waiting.pop(token, None))  # the page gave up
            found.add_done_callback(lambda f: self._arrivals.sig_arrived.emit(
                token, None if f.cancelled() or f.exception() else f.result()))
            return
        self._answer(job, found)

    def _on_arrived(self, token: int, data) -> None:
        waiting = self._waiting.pop(token, None)
        if waiting is not None:
            job, mime = waiting
            self._answer(job, (data, mime) if data else None)

    def _answer(self, job: QWebEngineUrlRequestJob, found) -> None:
        if found is None:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        data, mime = found
        # The page is another origin (wrpage://map): fetch() needs CORS consent (images do not).
        job.setAdditionalResponseHeaders({QByteArray(b"Access-Control-Allow-Origin"): QByteArray(b"*")})
        buffer = QBuffer(parent=job)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        job.reply(mime.encode(), buffer)
