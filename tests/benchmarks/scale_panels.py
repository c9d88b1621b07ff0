"""`python -m tests.benchmarks.scale_panels MIRROR`: the duty workstation's main
window on MIRROR with every panel brought to the front in turn (each loads its
first page, the map its page and layers), then the resident memory of the process
and its QtWebEngine helpers, printed as `rss-mb <value> <panels>`;
with a folder as a second argument, a screenshot of each panel as it was shown.

A process of its own, so that nothing the benchmark did before (the 1,000,000-
incident searches) counts in the workstation's memory."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path


def main(mirror: Path, shots: Path | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.webengine_env import allow_webengine_as_root

    allow_webengine_as_root()
    from widgets.map_view import register_schemes

    register_schemes()  # before the application, as app/main.py does
    import shiboken6
    from PySide6.QtWidgets import QApplication

    from app.composition import build_context
    from app.config import AppConfig
    from app.main_window import MainWindow
    from services.clock import ManualClock
    from tests.benchmarks.bench_map import rss_mb
    from tests.benchmarks.fixtures import NOW
    from views.panels import PANELS

    app = QApplication.instance() or QApplication([])
    ctx = build_context(AppConfig(mirror_path=mirror, log_file=mirror.with_suffix(".log")), clock=ManualClock(NOW))
    window = MainWindow(ctx)
    window.resize(1920, 1080)
    window.show()

    def settle(seconds: float) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.01)

    settle(2)
    shown = 0
    for spec in PANELS:
        window.show_panel(spec.name)
        settle(1.5)  # its first reads come back and are painted; the map's page loads
        shown += window.docks[spec.name].isVisible()
        if shots is not None:  # to look at what was measured: each panel as it was shown
            window.grab().save(str(shots / f"panel-{spec.name}.png"))
    settle(5)
    memory = rss_mb()
    print(f"rss-mb {memory:.1f} {shown}/{len(PANELS)}", flush=True)
    window.video_panel.wall.stop_all()
    window.conference_panel.stop_video()
    shiboken6.delete(window)  # the map's web view before the application (app/main.py)
    ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else None))
