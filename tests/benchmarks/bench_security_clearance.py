"""`security.clearance_filter_overhead`: the feed catch-up of a workstation
whose clearance is checked on every record (秘密: it is cleared for all the
platform holds, so the same records come and only the filtering costs)
against one the platform sends everything unfiltered (cleared for every
level: no filter runs), on the same platform. Beside it, for the reader, a
workstation at 内部 with a tenth of the incidents 秘密 (their changes come as
withdrawals, so it has less to apply). Each is the best of two runs,
interleaved, so one scheduling hiccup does not decide the ratio."""

from __future__ import annotations

import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import httpx
from sqlalchemy import create_engine, text

from offline_cache.schema import SyncCursorRow
from services.clock import ManualClock
from services.sync.wire import API_PREFIX
from tests.benchmarks.fixtures import emit, require
from tests.server.process_server import create_user, start_server_process
from tests.sync.livesync import make_client

PASSWORD = "duty-password"
CLOCK = ManualClock(datetime(2026, 11, 22, 8, 0, tzinfo=UTC))
INCIDENTS = 3000


def seeded(tmp: Path) -> str:
    from server.db import open_database
    from server.demo import seed_demo_incidents

    url = "sqlite:///" + str(tmp / "platform.db")
    handle = open_database(url)
    seed_demo_incidents(handle, INCIDENTS)
    handle.dispose()
    for user in ("all", "most", "some"):
        create_user(url, user, PASSWORD, "duty_officer")
    engine = create_engine(url)
    with engine.begin() as conn:  # every tenth incident 秘密; "all" may see everything
        conn.execute(text("UPDATE incidents SET level = 2 WHERE rowid % 10 = 0"))
        conn.execute(text("UPDATE users SET clearance = 9 WHERE username = 'all'"))
        conn.execute(text("UPDATE users SET clearance = 2 WHERE username IN ('most', 'some')"))
    engine.dispose()
    return url


def catch_up(tmp: Path, url: str, server_url: str, user: str, clearance: int, run: int) -> float:
    client = make_client(tmp / f"{user}-{run}.db", [server_url], CLOCK, site="C", user=user, password=PASSWORD)
    try:
        engine = create_engine(url)
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO workstations (name, clearance) VALUES (:n, :c)"),
                         {"n": client.mirror.meta("mirror_id"), "c": clearance})
        engine.dispose()
        cluster = httpx.get(server_url + API_PREFIX + "/health").json()["cluster_id"]
        with client.mirror.write() as s:  # followed the feed before: no snapshot
            s.add(SyncCursorRow(cluster_id=cluster, after_seq=0, updated_at="", snapshot_done=True))
        started = time.perf_counter()
        require(client.sync(), f"sync failed: {client.engine.status.last_error}")
        return time.perf_counter() - started
    finally:
        client.close()


def run() -> None:
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        url = seeded(tmp)
        server = start_server_process(url)
        try:
            times: dict[str, list[float]] = {"all": [], "most": [], "some": []}
            for n in range(2):  # interleaved, so a busy machine weighs on all alike
                times["all"].append(catch_up(tmp, url, server.url, "all", 9, n))
                times["most"].append(catch_up(tmp, url, server.url, "most", 2, n))
                times["some"].append(catch_up(tmp, url, server.url, "some", 1, n))
            unfiltered, filtered, withheld = min(times["all"]), min(times["most"]), min(times["some"])
        finally:
            server.stop()
    emit("security.clearance_catchup_unfiltered_s", unfiltered, "s", "report")
    emit("security.clearance_catchup_filtered_s", filtered, "s", "report")
    emit("security.clearance_catchup_withheld_s", withheld, "s", "report (a tenth withdrawn)")
    emit("security.clearance_filter_overhead", filtered / unfiltered, "ratio", "< 1.2")


if __name__ == "__main__":
    run()
