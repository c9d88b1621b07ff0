"""A stand-in for the video platform's media gateway, for the demo and the
tests: clips made on the spot with PyAV (no committed binaries) and a live
HTTP-TS server on loopback that loops them at their own pace, and that can be
killed and brought back as a real gateway fails.

    python -m services.video.demo_gateway --media var/media --port 8554 --streams 16
serves http://127.0.0.1:8554/demo0.ts ... demo15.ts (different clips)."""

from __future__ import annotations

import argparse
import socket
import threading
import time
from fractions import Fraction
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import av

from services.video.demo_scene import street_frames


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_clip(path: Path, seconds: float = 4.0, size=(640, 360), fps: int = 25, hue: int = 90,
              repeat: int = 1) -> Path:
    """An MPEG-TS H.264 clip of a street scene (services.video.demo_scene), 640x360
    at 25 fps. The scene loops seamlessly, so `repeat` lays the encoded pictures
    end to end with running timestamps: a long clip whose only jump back in time
    is where the gateway starts it over, as rare as a real camera's restarts."""
    if path.exists():
        return path
    tmp = path.with_suffix(".part")
    width, height = size
    frames = int(seconds * fps)
    with av.open(str(tmp), "w", format="mpegts") as out:
        stream = out.add_stream("libx264", rate=fps)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        # a key frame each second and at the loop point (frames is a multiple of fps)
        stream.options = {"preset": "ultrafast", "tune": "zerolatency", "g": str(fps), "keyint_min": str(fps)}
        encoded = []
        for n, image in enumerate(street_frames(seconds, size, fps, seed=hue)):
            frame = av.VideoFrame.from_ndarray(image, format="rgb24")
            frame.pts, frame.time_base = n, Fraction(1, fps)
            encoded += [(bytes(p), p.pts, p.dts, p.is_keyframe) for p in stream.encode(frame)]
        encoded += [(bytes(p), p.pts, p.dts, p.is_keyframe) for p in stream.encode()]
        for loop in range(repeat):
            for data, pts, dts, key in encoded:
                packet = av.Packet(data)
                packet.stream, packet.time_base = stream, Fraction(1, fps)
                packet.pts, packet.dts = pts + loop * frames, dts + loop * frames
                packet.is_keyframe = key
                out.mux(packet)
    tmp.replace(path)
    return path


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address) -> None:
        """A player that goes away mid-stream is normal for a gateway, not an error to print."""


class LiveTsServer:
    """GET /live.ts streams the clip in a loop at about its bitrate; with several
    clips, GET /demo<n>.ts streams clip n."""

    def __init__(self, clip: Path, seconds: float, port: int | None = None, clips: list[Path] | None = None):
        self.clip, self.data = clip, clip.read_bytes()
        self.clips = [c.read_bytes() for c in clips] if clips else [self.data]
        self.seconds = seconds
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
                name = self.path.split("?")[0].rsplit("/", 1)[-1]
                number = name[4:-3] if name.startswith("demo") and name.endswith(".ts") else "0"
                data = server.clips[int(number) % len(server.clips)] if number.isdigit() else server.data
                server.connections.append(self.connection)
                self.send_response(200)
                self.send_header("Content-Type", "video/mp2t")
                self.end_headers()
                chunk = 188 * 64
                rate = len(data) / server.seconds  # this clip's bytes per second
                started, sent = time.monotonic(), 0
                try:
                    while True:
                        for start in range(0, len(data), chunk):
                            self.wfile.write(data[start:start + chunk])
                            sent += chunk
                            ahead = sent / rate - (time.monotonic() - started) - 0.5
                            if ahead > 0:
                                time.sleep(ahead)
                except OSError:
                    return

            def log_message(self, *args):
                pass

        self.httpd = _QuietServer(("127.0.0.1", self.port), Handler)
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


REPEAT = 10  # a minute of each street before the gateway starts it over


def main() -> None:
    parser = argparse.ArgumentParser(description="demo media gateway (HTTP-TS on loopback)")
    parser.add_argument("--media", type=Path, default=Path("var/media"))
    parser.add_argument("--port", type=int, default=8554)
    parser.add_argument("--streams", type=int, default=16)
    args = parser.parse_args()
    args.media.mkdir(parents=True, exist_ok=True)
    # "street": the clips of the street scene (older plain test pictures are not reused)
    clips = [make_clip(args.media / f"street{n}.ts", 6.0, hue=n, repeat=REPEAT) for n in range(args.streams)]
    LiveTsServer(clips[0], 6.0 * REPEAT, port=args.port, clips=clips).start()
    print(f"demo media on http://127.0.0.1:{args.port}/demo0.ts ... demo{args.streams - 1}.ts", flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    main()
