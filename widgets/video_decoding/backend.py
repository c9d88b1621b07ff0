"""Which library decodes a URL: libVLC first, PyAV (FFmpeg) for what this
machine's libVLC cannot open (Debian's cannot open rtsp://) or when libVLC is
missing. `[video] decoder` in the config can force one ("vlc" or "pyav")."""

from __future__ import annotations

from widgets.video_decoding import vlc_decoder
from widgets.video_decoding.decoder import FrameSink, StateSink, StreamDecoder, Timing
from widgets.video_decoding.pyav_decoder import PyAvDecoder

CHOICES = ("auto", "vlc", "pyav")


def choose(url: str, preference: str = "auto") -> type[StreamDecoder]:
    if preference == "pyav":
        return PyAvDecoder
    if vlc_decoder.can_open(url):
        return vlc_decoder.VlcDecoder
    return PyAvDecoder  # also when "vlc" is asked for but cannot open this URL


def make_decoder(url: str, on_frame: FrameSink, on_state: StateSink, *, size: tuple[int, int] = (640, 360),
                 preference: str = "auto", timing: Timing | None = None) -> StreamDecoder:
    return choose(url, preference)(url, on_frame, on_state, size=size, timing=timing or Timing())
