"""Stream decoders for the video tile: libVLC first, PyAV where libVLC cannot
open a URL. Threads only, no Qt: a tile is handed frames through callbacks."""
