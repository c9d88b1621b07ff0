"""What every stream decoder shares, whatever decodes the pictures: frames come
out scaled to the tile's size off the GUI thread, as 32-bit pixels in the byte
order B, G, R, 0xff (Qt's RGB32 on little-endian machines: painted without
conversion); a watchdog on
frame arrival turns silence into 卡顿 (stalled) and then 信号中断 (lost), since
a dead stream often reports nothing; and the decoder reconnects by itself with
backoff. Subclasses only say how to play a stream once (`_play`)."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

log = logging.getLogger(__name__)

# States a tile shows: connecting, live, stalled, lost, error (with a reason code).
CONNECTING, LIVE, STALLED, LOST, ERROR = "connecting", "live", "stalled", "lost", "error"
FrameSink = Callable[[bytes, int, int, int], None]  # BGRA bytes, width, height, bytes per line
StateSink = Callable[[str, str], None]  # state, reason code


@dataclass(frozen=True)
class Timing:
    stall_s: float = 1.0  # no frame for this long: 卡顿
    lost_s: float = 2.0  # no frame for this long: 信号中断, reconnect
    open_timeout_s: float = 5.0
    read_timeout_s: float = 2.0
    backoff_max_s: float = 4.0


class StreamFailed(Exception):
    """Playing stopped for a reason the tile can name ("unreachable", "interrupted", "decoder")."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(detail or reason)
        self.reason = reason


class StreamDecoder:
    backend = ""  # "pyav" or "vlc": which library decodes

    def __init__(self, url: str, on_frame: FrameSink, on_state: StateSink, *, size: tuple[int, int] = (640, 360),
                 timing: Timing = Timing()):
        self.url = url
        self.on_frame, self.on_state = on_frame, on_state
        self.size = size
        self.timing = timing
        self.state = ""
        self.frames = 0
        self._last_frame = 0.0
        self._stop = threading.Event()
        self._reconnect = threading.Event()
        self._threads: list[threading.Thread] = []

    def start(self) -> None:
        self._stop.clear()
        self._threads = [threading.Thread(target=self._run, name=f"decode {self.url}", daemon=True),
                         threading.Thread(target=self._watch, name=f"watchdog {self.url}", daemon=True)]
        for thread in self._threads:
            thread.start()

    def stop(self) -> None:
        """Tiles that are not visible stop decoding."""
        self._stop.set()
        self._reconnect.set()
        for thread in self._threads:
            thread.join(timeout=self.timing.read_timeout_s + 1)

    @property
    def running(self) -> bool:
        return any(thread.is_alive() for thread in self._threads)

    def resize(self, width: int, height: int) -> None:
        self.size = (max(16, width), max(16, height))

    # ---- for subclasses -----------------------------------------------------------

    def _play(self) -> None:
        """Plays the stream until it ends, fails (StreamFailed) or `_interrupted()`."""
        raise NotImplementedError

    def _interrupted(self) -> bool:
        return self._stop.is_set() or self._reconnect.is_set()

    def _deliver(self, pixels: bytes, width: int, height: int, line: int) -> None:
        self.frames += 1
        self._last_frame = time.monotonic()
        self.on_frame(pixels, width, height, line)
        self._set(LIVE)

    # ---- threads --------------------------------------------------------------

    def _set(self, state: str, reason: str = "") -> None:
        if state != self.state:
            self.state = state
            self.on_state(state, reason)

    def _run(self) -> None:
        failures = 0
        while not self._stop.is_set():
            if self.state != LOST:  # reconnecting after a loss stays 信号中断 until pictures return
                self._set(CONNECTING)
            self._reconnect.clear()
            try:
                self._play()
                failures = 0 if self.frames else failures + 1
            except StreamFailed as exc:
                failures += 1
                log.info("stream %s: %s", self.url, exc)
                if self.frames:  # it played before: the signal is lost, not the camera wrong
                    self._set(LOST, "interrupted" if exc.reason == "unreachable" else exc.reason)
                else:
                    self._set(ERROR, exc.reason)
            except Exception:  # noqa: BLE001 - a broken stream must never kill the tile
                failures += 1
                log.exception("stream %s failed", self.url)
                self._set(ERROR, "decoder")
            if self._stop.is_set():
                break
            if self.state == LIVE:
                self._set(LOST, "ended")
            self._stop.wait(min(self.timing.backoff_max_s, 0.25 * 2 ** min(failures, 5)))

    def _watch(self) -> None:
        while not self._stop.wait(0.1):
            if self.state not in (LIVE, STALLED):
                continue
            silent = time.monotonic() - self._last_frame
            if silent >= self.timing.lost_s:
                self._set(LOST, "no_frames")
                self._reconnect.set()  # the read may hang on a half-open link: start over
            elif silent >= self.timing.stall_s:
                self._set(STALLED, "no_frames")
