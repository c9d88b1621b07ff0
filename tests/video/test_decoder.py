"""The stream decoders against live servers on loopback that the tests start:
HTTP-TS (both libVLC and PyAV), GStreamer's RTSP server (PyAV, as Debian's
libVLC cannot open RTSP) and HLS. First frame; 信号中断 within 3 s of the
stream dying; live again within 5 s of its return without anyone asking; a
clear error for a bad URL."""

from __future__ import annotations

import threading
import time

import pytest

from services.video.demo_gateway import LiveTsServer
from tests.helpers import CLIP_SECONDS, wait_until
from tests.video.servers import HlsServer, RtspServer, require_rtsp
from widgets.video_decoding import backend, vlc_decoder
from widgets.video_decoding.decoder import ERROR, LIVE, LOST
from widgets.video_decoding.pyav_decoder import PyAvDecoder
from widgets.video_decoding.vlc_decoder import VlcDecoder

DECODERS = [pytest.param(PyAvDecoder, id="pyav"), pytest.param(VlcDecoder, id="vlc")]


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

    def wait_for(self, state: str, timeout: float) -> float:
        """When the decoder last reported `state`; fails the test if it has not within `timeout` s."""

        def reported() -> float | None:
            hits = [t for t, s, _ in self.states if s == state]
            return hits[-1] if hits else None

        return wait_until(reported, timeout, what=f"the decoder to report {state!r} (so far {self.states})",
                          interval_ms=20, qt=False)


def outage_and_recovery(decoder_class, start_server, first_frame_s: float):
    """Live, killed (lost within 3 s), back (live within 5 s), all without a click."""
    server = start_server(None)
    rec = Recorder()
    decoder = decoder_class(server.url, rec.frame, rec.state, size=(320, 180))
    try:
        started = time.monotonic()
        decoder.start()
        live_at = rec.wait_for(LIVE, 8)
        assert live_at - started < first_frame_s
        wait_until(lambda: rec.frames > 15, 5, what="sixteen pictures", qt=False)
        assert rec.last[1:] == (320, 180) and rec.last[0] >= 320 * 180 * 4
        rec.states.clear()
        killed = time.monotonic()
        server.kill()
        lost_at = rec.wait_for(LOST, 5)
        assert lost_at - killed < 3.0
        assert not [s for _, s, _ in rec.states if s == ERROR], "a lost signal is not the camera's fault"
        back = time.monotonic()
        server = start_server(server.port)
        again = rec.wait_for(LIVE, 8)
        assert again - back < 5.0
    finally:
        decoder.stop()
        server.kill()
    assert not decoder.running


@pytest.mark.parametrize("decoder_class", DECODERS)
def test_http_ts_live_lost_and_live_again_without_a_click(clip, decoder_class):
    outage_and_recovery(decoder_class, lambda port: LiveTsServer(clip, CLIP_SECONDS, port=port).start(), 1.5)


def test_rtsp_from_gstreamer_live_lost_and_live_again():
    """The decoder the product chooses for rtsp:// plays GStreamer's server through an
    outage; and if it passed libVLC over, libVLC on this machine really cannot play it
    (Debian's has no live555): tried, not worked out from the plugins as the choice is."""
    require_rtsp()
    server = RtspServer().start()
    try:
        chosen = backend.choose(server.url)
        if chosen is not VlcDecoder:
            rec = Recorder()
            vlc = VlcDecoder(server.url, rec.frame, rec.state, size=(320, 180))
            vlc.start()
            try:
                rec.wait_for(ERROR, 8)
                assert LIVE not in [s for _, s, _ in rec.states] and rec.frames == 0
            finally:
                vlc.stop()
    finally:
        server.kill()
    outage_and_recovery(chosen, lambda port: RtspServer(port=port).start(), 3.0)


@pytest.mark.parametrize("decoder_class", DECODERS)
def test_hls_first_frame(clip, tmp_path, decoder_class):
    server = HlsServer(clip, tmp_path / "hls")
    rec = Recorder()
    decoder = decoder_class(server.url, rec.frame, rec.state, size=(320, 180))
    try:
        decoder.start()
        rec.wait_for(LIVE, 5)
        assert rec.last[1:] == (320, 180)
    finally:
        decoder.stop()
        server.kill()


@pytest.mark.parametrize("decoder_class", DECODERS)
def test_a_bad_url_is_an_error_with_a_reason(decoder_class):
    rec = Recorder()
    decoder = decoder_class("http://127.0.0.1:9/none.ts", rec.frame, rec.state)
    try:
        decoder.start()
        rec.wait_for(ERROR, 6)
        assert [r for _, s, r in rec.states if s == ERROR][0] == "unreachable"
        assert rec.frames == 0
    finally:
        decoder.stop()


def test_libvlc_first_pyav_where_libvlc_cannot(monkeypatch):
    assert vlc_decoder.plugin_names(), "libVLC and its plugins are installed by scripts/setup.sh"
    assert backend.choose("http://127.0.0.1:8554/demo1.ts") is VlcDecoder
    assert backend.choose("http://127.0.0.1:8554/demo1.ts", "pyav") is PyAvDecoder
    monkeypatch.setattr(vlc_decoder, "plugin_names", lambda: frozenset({"libhttp_plugin", "libavcodec_plugin"}))
    assert backend.choose("rtsp://127.0.0.1/cam0") is PyAvDecoder  # no live555, as on Debian
    assert backend.choose("rtsp://127.0.0.1/cam0", "vlc") is PyAvDecoder
    assert backend.choose("gb28181://34020000001320000001") is PyAvDecoder
    monkeypatch.setattr(vlc_decoder, "plugin_names", lambda: frozenset())  # no libVLC at all
    assert backend.choose("http://127.0.0.1:8554/demo1.ts") is PyAvDecoder
