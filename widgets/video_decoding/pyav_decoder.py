"""Decoding with PyAV (FFmpeg): RTSP, which Debian's libVLC cannot open, and
anything else when libVLC is missing. Files and HTTP streams are paced to real
time so a looped clip plays like a live feed."""

from __future__ import annotations

import time

import av

from widgets.video_decoding.decoder import StreamDecoder, StreamFailed


class PyAvDecoder(StreamDecoder):
    backend = "pyav"

    def _play(self) -> None:
        options = {"rtsp_transport": "tcp"} if self.url.startswith("rtsp") else {}
        timeout = (self.timing.open_timeout_s, self.timing.read_timeout_s)
        try:
            with av.open(self.url, options=options, timeout=timeout) as container:
                self._decode(container)
        except av.error.FFmpegError as exc:
            raise StreamFailed("unreachable", str(exc)) from exc

    def _decode(self, container) -> None:
        stream = next((s for s in container.streams if s.type == "video"), None)
        if stream is None:
            raise StreamFailed("decoder", "no video stream")
        # One thread per stream: sixteen tiles already keep every core busy,
        # and per-stream thread pools only add switching.
        stream.thread_count = 1
        paced = not self.url.startswith("rtsp")
        started, first_pts, last_pts = time.monotonic(), None, 0.0
        for frame in container.decode(stream):
            if self._interrupted():
                return
            if paced and frame.time is not None:
                if first_pts is None or frame.time < last_pts:  # a loop or a splice: restart the clock
                    started, first_pts = time.monotonic(), frame.time
                last_pts = frame.time
                ahead = (frame.time - first_pts) - (time.monotonic() - started)
                if ahead > 0:
                    self._stop.wait(min(ahead, 1.0))
            width, height = self.size
            scaled = frame.reformat(width=width, height=height, format="bgra",
                                    interpolation="FAST_BILINEAR")  # a tile, not a still
            plane = scaled.planes[0]
            self._deliver(bytes(plane), width, height, plane.line_size)
