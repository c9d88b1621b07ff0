"""Video figures: 16 (and 36) tiles of 640x360 at 25 fps from a live HTTP-TS
server on loopback (services/video/demo_gateway.py), painted offscreen."""

from __future__ import annotations

import os
import resource
import statistics
import tempfile
import time
from pathlib import Path

from tests.benchmarks.fixtures import CACHE, emit, p95, require
from tests.helpers import run_qt_events_for, wait_until

SECONDS = 8.0
# Which decoder the wall uses, as in the config: auto (libVLC where it can), vlc or pyav.
DECODER = os.environ.get("VIDEO_DECODER", "auto")


def cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def rss_mb() -> float:
    with open(f"/proc/{os.getpid()}/status", encoding="ascii") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith("VmRSS:")) / 1024


def measure_wall(tmp: Path, tiles: int, server) -> dict[str, float]:
    from offline_cache.database import open_mirror
    from services.cameras.store import CameraStore
    from views.video.wall import VideoWall

    mirror = open_mirror(tmp / f"wall{tiles}.db")
    store = CameraStore(mirror)
    store.save_many([{"id": f"b{n}", "name": f"基准{n}", "main_url": f"{server.url_for(n)}?main",
                      "sub_url": server.url_for(n), "online": True} for n in range(tiles)])
    wall = VideoWall(store, decoder=DECODER)
    wall.resize(1920, 1080)
    wall.show()
    wall.set_layout(str(tiles))
    started = time.monotonic()
    for n in range(tiles):
        wall.put(n, f"b{n}")
    live_at: dict[int, float] = {}

    def all_live() -> bool:
        for n in range(tiles):
            if n not in live_at and wall.tiles[n].state == "live":
                live_at[n] = time.monotonic() - started
        return len(live_at) == tiles

    def not_live() -> str:
        return ", ".join(f"{n}: {wall.tiles[n].state}" for n in range(tiles) if n not in live_at)

    wait_until(all_live, 30, interval_ms=20, what=lambda: f"all {tiles} tiles to go live (not live: {not_live()})")
    run_qt_events_for(1.0, interval_ms=50)  # settle
    painted = [t.frames_painted for t in wall.tiles[:tiles]]
    decoded = [wall.players[n].decoder.frames for n in range(tiles)]
    cpu0, t0 = cpu_s(), time.monotonic()
    run_qt_events_for(SECONDS)  # the measuring window
    elapsed = time.monotonic() - t0
    fps = [(t.frames_painted - p) / elapsed for t, p in zip(wall.tiles[:tiles], painted, strict=True)]
    dead = [n for n in range(tiles) if fps[n] == 0]
    require(not dead, f"tiles {dead} painted nothing during the measurement")
    arrived = [(wall.players[n].decoder.frames - decoded[n]) / elapsed for n in range(tiles)]
    result = {"fps_median": statistics.median(fps), "decoded_fps_median": statistics.median(arrived),
              "cpu_cores": (cpu_s() - cpu0) / elapsed,
              "rss_mb": rss_mb(), "first_frame_p95_s": p95(list(live_at.values()))}
    if tiles == 16:
        server.kill()
        wait_until(lambda: all(t.state in ("lost", "error") for t in wall.tiles[:tiles]), 10, interval_ms=50,
                   what="every tile to show the stream lost")
        server.start()
        back = time.monotonic()
        wait_until(lambda: all(t.state == "live" for t in wall.tiles[:tiles]), 15, interval_ms=20,
                   what="every tile to go live again after the gateway's return")
        result["recover_s"] = time.monotonic() - back
    wall.stop_all()
    wall.deleteLater()
    mirror.close()
    return result


def bare_decode_cores(server, tiles: int) -> float:
    from widgets.video_decoding.backend import make_decoder

    # the same decoder as the wall's, at the size of a tile of 16 on 1920x1080
    states: dict[int, str] = {}
    decoders = [make_decoder(server.url_for(n), lambda *a: None, lambda s, _r, n=n: states.__setitem__(n, s),
                             size=(480, 270), preference=DECODER) for n in range(tiles)]
    try:
        for d in decoders:
            d.start()
        # A decoder that never plays costs nothing and would flatter the wall's ratio.
        wait_until(lambda: all(states.get(n) == "live" for n in range(tiles)), 30, qt=False,
                   what=lambda: f"all {tiles} bare decoders to go live ({states})")
        time.sleep(2.0)  # settle, as the wall does
        cpu0, t0 = cpu_s(), time.monotonic()
        time.sleep(SECONDS)  # the measuring window
        cores = (cpu_s() - cpu0) / (time.monotonic() - t0)
        require(all(states.get(n) == "live" for n in range(tiles)), f"bare decoders stopped: {states}")
        return cores
    finally:
        for d in decoders:
            d.stop()


class GatewayProcess:
    """The media gateway in its own process, as a camera network is: its CPU is
    not the client's."""

    def __init__(self):
        from services.video.demo_gateway import free_port

        self.port = free_port()
        self.proc = None

    def url_for(self, n: int) -> str:
        return f"http://127.0.0.1:{self.port}/demo{n % 16}.ts"

    def start(self) -> None:
        import subprocess
        import sys

        import httpx

        self.proc = subprocess.Popen([sys.executable, "-m", "services.video.demo_gateway", "--media",
                                      str(CACHE / "media"), "--port", str(self.port), "--streams", "16"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120  # the first run makes the clips
        while time.monotonic() < deadline:
            try:
                with httpx.stream("GET", self.url_for(0), timeout=1) as response:
                    if response.status_code == 200:
                        return
            except httpx.HTTPError:
                time.sleep(0.2)
        raise RuntimeError("media gateway did not start")

    def kill(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait(10)
            self.proc = None


def run() -> None:
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication([])
    server = GatewayProcess()
    server.start()
    try:
        with tempfile.TemporaryDirectory() as tmp_name:
            tmp = Path(tmp_name)
            wall16 = measure_wall(tmp, 16, server)
            bare = bare_decode_cores(server, 16)
            emit("video.fps_median_16", wall16["fps_median"], "fps", "> 24")
            emit("video.decoded_fps_median_16", wall16["decoded_fps_median"], "fps", "report")
            emit("video.cpu_cores_16", wall16["cpu_cores"], "cores", "< 1.2")
            require(bare > 0, "the bare decoders used no CPU")
            emit("video.cpu_vs_bare_decode_16", wall16["cpu_cores"] / bare, "ratio", "< 1.6")
            emit("video.rss_mb_16", wall16["rss_mb"], "MB", "< 700")
            emit("video.first_frame_p95_s", wall16["first_frame_p95_s"], "s", "< 1.5")
            emit("video.recover_s", wall16["recover_s"], "s", "< 5")
            wall36 = measure_wall(tmp, 36, server)
            # The commander's 36-tile wall (issue 20's budgets).
            emit("video.fps_median_36", wall36["fps_median"], "fps", "> 24")
            emit("video.cpu_cores_36", wall36["cpu_cores"], "cores", "< 1.5")
            require(wall36["fps_median"] > 24, f"36 tiles at {wall36['fps_median']:.1f} fps")
            require(wall36["cpu_cores"] < 1.5, f"36 tiles took {wall36['cpu_cores']:.2f} cores")
    finally:
        server.kill()
