"""scale.deb_install_to_screenshot_s (issue 20): from `dpkg -x` of the two packages
`make package` built to the installed client's screenshot of the main window with the
installed platform's data (packaging/install_test.sh, which checks everything on the
way). The packages are not built here: `make package` first (8 minutes or so)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.benchmarks.fixtures import emit, require

REPO = Path(__file__).resolve().parents[2]


def run() -> None:
    require(list((REPO / "dist").glob("watchroom_*.deb")) and list((REPO / "dist").glob("watchroom-server_*.deb")),
            "no packages in dist/: run `make package` first")
    done = subprocess.run(["bash", str(REPO / "packaging" / "install_test.sh")], capture_output=True, text=True,
                          timeout=900)
    require(done.returncode == 0, f"install test failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    figures = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    require(len(figures) == 1, f"install test printed no figures:\n{done.stdout[-2000:]}")
    got = figures[0]
    emit("scale.deb_install_to_screenshot_s", got["deb_install_to_screenshot_s"], "s", "reported")
    emit("scale.deb_client_mb", got["client_deb_bytes"] / 1e6, "MB", "reported")
    emit("scale.deb_server_mb", got["server_deb_bytes"] / 1e6, "MB", "reported")
