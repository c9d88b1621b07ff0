"""A real RTSP server for the tests: GStreamer's gst-rtsp-server (Debian's
gir1.2-gst-rtsp-server-1.0) serving H.264 test pictures at /cam0 … /camN.
It runs with the system Python, which has the GObject bindings; the project's
venv does not. Prints "ready <port>" once it listens; dies with its parent."""

from __future__ import annotations

import argparse
import os
import signal
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402

PIPELINE = ("( videotestsrc is-live=true pattern={pattern} ! video/x-raw,width={width},height={height},"
            "framerate={fps}/1 ! x264enc tune=zerolatency speed-preset=ultrafast "
            "key-int-max={fps} bitrate=800 ! rtph264pay name=pay0 pt=96 config-interval=1 )")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--mounts", type=int, default=1)
    parser.add_argument("--size", default="640x360")
    parser.add_argument("--fps", type=int, default=25)
    args = parser.parse_args()
    width, height = args.size.split("x")
    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(str(args.port))
    mounts = server.get_mount_points()
    for n in range(args.mounts):
        factory = GstRtspServer.RTSPMediaFactory()
        factory.set_launch(PIPELINE.format(pattern=n % 20 if n % 20 != 2 else 18, width=width, height=height,
                                           fps=args.fps))
        factory.set_shared(True)  # one encoder per camera however many viewers
        mounts.add_factory(f"/cam{n}", factory)
    if server.attach(None) == 0:
        print("cannot listen", flush=True)
        sys.exit(1)
    loop = GLib.MainLoop()
    parent = os.getppid()

    def parent_alive() -> bool:
        if os.getppid() != parent:  # orphaned: the test process is gone
            loop.quit()
            return False
        return True

    GLib.timeout_add(500, parent_alive)
    signal.signal(signal.SIGTERM, lambda *_: loop.quit())
    print(f"ready {args.port}", flush=True)
    loop.run()


if __name__ == "__main__":
    main()
