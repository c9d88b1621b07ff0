"""The stream decoder against a live HTTP-TS server on loopback: first frame,
signal lost within 3 s of the stream dying, live again within 5 s of its
return without anyone asking, a clear error for a bad URL."""

from __future__ import annotations

import threading
import time

import pytest

from services.video.decoder import ERROR, LIVE, LOST, StreamDecoder
from services.video.demo_gateway import LiveTsServer, make_clip

CLIP_SECONDS = 4.0


@pytest.fixture(scope="session")
def clip(tmp_path_factory):
    return make_clip(tmp_path_factory.mktemp("media") / "clip.ts", CLIP_SECONDS)


class Recorder:
    def __init__(self):
        self.states: list[tuple[float, str, str]] = []
        self.frames = 0
        self.last: tuple[int, int, int] | None = None
        self.lock = threading.Lock()

    def frame(self, data: bytes, width: int, height: int, line: int) -> None:
        with self.lock:
            self.frames += 1
            self.last = (len(data), width, height)

    def state(self, state: str, reason: str) -> None:
        self.states.append((time.monotonic(), state, reason))

    def wait_for(self, state: str, timeout: float) -> float | None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            hits = [t for t, s, _ in self.states if s == state]
            if hits:
                return hits[-1]
            time.sleep(0.02)
        return None


def test_live_lost_and_live_again_without_a_click(clip):
    server = LiveTsServer(clip, CLIP_SECONDS).start()
    rec = Recorder()
    decoder = StreamDecoder(server.url, rec.frame, rec.state, size=(320, 180))
    try:
        started = time.monotonic()
        decoder.start()
        live_at = rec.wait_for(LIVE, 5)
        assert live_at is not None and live_at - started < 1.5
        time.sleep(1.0)
        assert rec.frames > 15 and rec.last[1:] == (320, 180)
        rec.states.clear()
        killed = time.monotonic()
        server.kill()
        lost_at = rec.wait_for(LOST, 5)
        assert lost_at is not None and lost_at - killed < 3.0
        back = time.monotonic()
        server = LiveTsServer(clip, CLIP_SECONDS, port=server.port).start()
        again = rec.wait_for(LIVE, 8)
        assert again is not None and again - back < 5.0
    finally:
        decoder.stop()
        server.kill()


def test_a_bad_url_is_an_error_with_a_reason():
    rec = Recorder()
    decoder = StreamDecoder("http://127.0.0.1:9/none.ts", rec.frame, rec.state)
    try:
        decoder.start()
        assert rec.wait_for(ERROR, 5) is not None
        assert [r for _, s, r in rec.states if s == ERROR][0] == "unreachable"
        assert rec.frames == 0
    finally:
        decoder.stop()
