"""scale.deb_install_to_screenshot_s (issue 20): from `dpkg -x` of the two packages
`make package` built to the installed client's screenshot of the main window with the
installed platform's data (packaging/install_test.sh, which checks everything on the
way). Packages already in dist/ are used; without them `make package` builds them first
(8 minutes or so, not counted in the figure)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.benchmarks.fixtures import emit, require

REPO = Path(__file__).resolve().parents[2]


def _built() -> bool:
    return bool(list((REPO / "dist").glob("watchroom_*.deb")) and list((REPO / "dist").glob("watchroom-server_*.deb")))


def run() -> None:
    if not _built():
        made = subprocess.run(["make", "package"], cwd=REPO, capture_output=True, text=True, timeout=3600)
        require(made.returncode == 0, f"make package failed:\n{made.stdout[-2000:]}\n{made.stderr[-2000:]}")
    require(_built(), "make package left no packages in dist/")
    done = subprocess.run(["bash", str(REPO / "packaging" / "install_test.sh")], capture_output=True, text=True,
                          timeout=900)
    require(done.returncode == 0, f"install test failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    figures = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    require(len(figures) == 1, f"install test printed no figures:\n{done.stdout[-2000:]}")
    got = figures[0]
    emit("scale.deb_install_to_screenshot_s", got["deb_install_to_screenshot_s"], "s", "reported")
    emit("scale.deb_client_mb", got["client_deb_bytes"] / 1e6, "MB", "reported")
    emit("scale.deb_server_mb", got["server_deb_bytes"] / 1e6, "MB", "reported")
