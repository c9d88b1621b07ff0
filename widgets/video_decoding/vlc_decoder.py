"""Decoding with libVLC, the first choice: its video callbacks write each
picture, already scaled to the tile, into a buffer we hand over as RGB32 (RV32:
B, G, R, 0xff).
libVLC says little when a stream dies, so the shared watchdog decides.

Debian's libVLC is built without live555 and cannot open rtsp://; `can_open`
looks at the plugins this libVLC has, so such URLs go to PyAV instead."""

from __future__ import annotations

import ctypes
import logging
import os
import threading
import time
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from widgets.video_decoding.decoder import StreamDecoder, StreamFailed

log = logging.getLogger(__name__)

# Which plugin (by file name) a URL scheme needs besides the demuxers and codecs.
SCHEME_PLUGINS = {"http": "libhttp_plugin", "https": "libhttps_plugin", "file": "libfilesystem_plugin",
                  "rtsp": "liblive555_plugin", "rtsps": "liblive555_plugin"}
ARGS = ["--no-audio", "--quiet", "--no-xlib", "--no-video-title-show", "--no-osd", "--no-stats",
        "--avcodec-threads=1",  # one thread per stream: sixteen tiles already keep every core busy
        "--no-lua", "--no-media-library"]
_instance_lock = threading.Lock()


@cache
def _vlc():
    """The python-vlc module with a loadable libVLC, or None."""
    try:
        import vlc  # noqa: PLC0415 - loading libVLC is slow and may fail: only when asked
        vlc.libvlc_get_version()
        return vlc
    except (ImportError, OSError, AttributeError, NameError) as exc:  # no libVLC on this machine
        log.info("libVLC not usable: %s", exc)
        return None


@cache
def _instance():
    with _instance_lock:
        return _vlc().Instance(ARGS)


@cache
def plugin_names() -> frozenset[str]:
    """File names (without .so) of this libVLC's plugins."""
    vlc = _vlc()
    if vlc is None:
        return frozenset()
    roots = [os.environ.get("VLC_PLUGIN_PATH", "")]
    lib = getattr(vlc.dll, "_name", "") or ""
    if lib:
        roots.append(str(Path(os.path.realpath(lib)).parent / "vlc" / "plugins"))
    roots += ["/usr/lib/x86_64-linux-gnu/vlc/plugins", "/usr/lib/aarch64-linux-gnu/vlc/plugins",
              "/usr/lib/vlc/plugins", "/usr/lib64/vlc/plugins"]
    names = set()
    for root in filter(None, roots):
        for path in Path(root).glob("*/*.so"):
            names.add(path.stem)
    return frozenset(names)


def can_open(url: str) -> bool:
    scheme = urlsplit(url).scheme.lower() or "file"
    needed = SCHEME_PLUGINS.get(scheme)
    return needed is not None and needed in plugin_names() and "libavcodec_plugin" in plugin_names()


class VlcDecoder(StreamDecoder):
    backend = "vlc"

    def _play(self) -> None:
        vlc = _vlc()
        width, height = self.size
        width -= width % 2  # the scaler wants even sizes
        height -= height % 2
        line = width * 4
        buffer = (ctypes.c_ubyte * (line * height))()
        address = ctypes.addressof(buffer)

        @vlc.CallbackDecorators.VideoLockCb
        def lock(_opaque, planes):
            planes[0] = address
            return None

        @vlc.CallbackDecorators.VideoUnlockCb
        def unlock(_opaque, _picture, _planes):
            return None

        @vlc.CallbackDecorators.VideoDisplayCb
        def display(_opaque, _picture):
            self._deliver(ctypes.string_at(address, line * height), width, height, line)

        media = _instance().media_new(self.url)
        media.add_option(f":network-caching={int(self.timing.read_timeout_s * 150)}")
        player = media.player_new_from_media()
        player.video_set_callbacks(lock, unlock, display, None)
        player.video_set_format("RV32", width, height, line)
        try:
            player.play()
            self._wait(player, vlc.State)
        finally:
            player.stop()
            player.release()
            media.release()

    def _wait(self, player, states) -> None:
        frames_before, give_up = self.frames, time.monotonic() + self.timing.open_timeout_s
        while not self._interrupted():
            state = player.get_state()
            if state == states.Error:
                raise StreamFailed("unreachable", "libVLC could not play the stream")
            if state in (states.Ended, states.Stopped):
                if self.frames == frames_before:  # libVLC "ends" a stream it could not open
                    raise StreamFailed("unreachable", "libVLC found nothing to play")
                return
            # libVLC may wait long on a host that does not answer
            if self.frames == frames_before and time.monotonic() > give_up:
                raise StreamFailed("unreachable", "no picture in time")
            self._stop.wait(0.05)
