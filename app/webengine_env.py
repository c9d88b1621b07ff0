"""QtWebEngine (the map) refuses to start its sandbox as root: say --no-sandbox then.
Called before any QtWebEngine import, by the entry point and by the benchmarks."""

from __future__ import annotations

import os


def allow_webengine_as_root() -> None:
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
        if "--no-sandbox" not in flags:
            os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = (flags + " --no-sandbox").strip()
