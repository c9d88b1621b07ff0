"""Test media made on the spot with PyAV (no committed binaries), and a live
HTTP-TS server on loopback that loops a file at its own pace and can be
killed and brought back, as a camera gateway would."""

from __future__ import annotations

import socket
import threading
import time
from fractions import Fraction
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import av
import numpy as np  # PyAV's frames come from arrays

from tests.pg import free_port


def make_clip(path: Path, seconds: float = 4.0, size=(640, 360), fps: int = 25) -> Path:
    """An MPEG-TS H.264 clip: a moving bar over a gradient, 640x360 at 25 fps."""
    if path.exists():
        return path
    tmp = path.with_suffix(".part")
    width, height = size
    with av.open(str(tmp), "w", format="mpegts") as out:
        stream = out.add_stream("libx264", rate=fps)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.options = {"preset": "ultrafast", "tune": "zerolatency", "g": str(fps)}
        base = np.tile(np.linspace(0, 255, width, dtype=np.uint8), (height, 1))
        for n in range(int(seconds * fps)):
            image = np.stack([base, np.roll(base, n * 4, axis=1), np.full_like(base, 90)], axis=2)
            x = (n * 12) % width
            image[:, x:x + 24] = 255
            frame = av.VideoFrame.from_ndarray(image, format="rgb24")
            frame.pts, frame.time_base = n, Fraction(1, fps)
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    tmp.replace(path)
    return path


class LiveTsServer:
    """GET /live.ts streams the clip in a loop at about its bitrate."""

    def __init__(self, clip: Path, seconds: float, port: int | None = None):
        self.clip, self.data = clip, clip.read_bytes()
        self.rate = len(self.data) / seconds  # bytes per second
        self.port = port or free_port()
        self.httpd: ThreadingHTTPServer | None = None
        self.connections: list[socket.socket] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/live.ts"

    def start(self) -> LiveTsServer:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                server.connections.append(self.connection)
                self.send_response(200)
                self.send_header("Content-Type", "video/mp2t")
                self.end_headers()
                chunk = 188 * 64
                started, sent = time.monotonic(), 0
                try:
                    while True:
                        for start in range(0, len(server.data), chunk):
                            self.wfile.write(server.data[start:start + chunk])
                            sent += chunk
                            ahead = sent / server.rate - (time.monotonic() - started) - 0.5
                            if ahead > 0:
                                time.sleep(ahead)
                except OSError:
                    return

            def log_message(self, *args):
                pass

        ThreadingHTTPServer.allow_reuse_address = True
        self.httpd = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def kill(self) -> None:
        """The gateway dies: listening stops and open streams are cut."""
        if self.httpd is not None:
            self.httpd.shutdown()
            self.httpd.server_close()
            self.httpd = None
        for conn in self.connections:
            try:
                conn.shutdown(socket.SHUT_RDWR)
                conn.close()
            except OSError:
                pass
        self.connections.clear()
