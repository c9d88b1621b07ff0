"""Stream servers the video tests start on loopback: GStreamer's RTSP server
(a separate process under the system Python) and HLS over HTTP."""

from __future__ import annotations

import shutil
import subprocess
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from threading import Thread

import av
import pytest

from services.video.demo_gateway import _QuietServer, free_port

SYSTEM_PYTHON = "/usr/bin/python3"
SCRIPT = Path(__file__).with_name("rtsp_server.py")


def rtsp_available() -> bool:
    if not Path(SYSTEM_PYTHON).exists():
        return False
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import gi; gi.require_version('GstRtspServer', '1.0');"
                            "from gi.repository import GstRtspServer"], capture_output=True)
    return probe.returncode == 0


def require_rtsp() -> None:
    """The RTSP tests need Debian's GStreamer RTSP server; scripts/setup.sh installs it."""
    if not rtsp_available():
        pytest.fail("GStreamer's RTSP server is missing: run scripts/setup.sh "
                    "(gir1.2-gst-rtsp-server-1.0, python3-gi, gstreamer1.0-plugins-ugly)")


class RtspServer:
    def __init__(self, mounts: int = 1, port: int | None = None, size: str = "640x360"):
        self.port = port or free_port()
        self.mounts, self.size = mounts, size
        self.process: subprocess.Popen | None = None

    def url_for(self, n: int = 0) -> str:
        return f"rtsp://127.0.0.1:{self.port}/cam{n}"

    @property
    def url(self) -> str:
        return self.url_for(0)

    def start(self, timeout: float = 15.0) -> RtspServer:
        self.process = subprocess.Popen(
            [SYSTEM_PYTHON, str(SCRIPT), "--port", str(self.port), "--mounts", str(self.mounts),
             "--size", self.size], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        deadline = time.monotonic() + timeout
        line = self.process.stdout.readline()
        if not line.startswith("ready") or time.monotonic() > deadline:
            self.kill()
            raise RuntimeError(f"RTSP server did not start: {line!r}")
        return self

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(5)


class HlsServer:
    """A clip cut into HLS segments at start, served by a plain HTTP server."""

    def __init__(self, clip: Path, workdir: Path):
        self.dir = workdir
        self.dir.mkdir(parents=True, exist_ok=True)
        _segment(clip, self.dir / "index.m3u8")
        self.port = free_port()
        handler = partial(_QuietFiles, directory=str(self.dir))
        self.httpd = _QuietServer(("127.0.0.1", self.port), handler)
        Thread(target=self.httpd.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/index.m3u8"

    def kill(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        shutil.rmtree(self.dir, ignore_errors=True)


class _QuietFiles(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def _segment(clip: Path, playlist: Path) -> None:
    """Remuxes the clip (no re-encoding) into one-second HLS segments."""
    with av.open(str(clip)) as source, av.open(str(playlist), "w", format="hls",
                                               options={"hls_time": "1", "hls_list_size": "0",
                                                        "hls_playlist_type": "vod"}) as target:
        video = source.streams.video[0]
        out = target.add_stream_from_template(video)
        for packet in source.demux(video):
            if packet.dts is None:
                continue
            packet.stream = out
            target.mux(packet)
