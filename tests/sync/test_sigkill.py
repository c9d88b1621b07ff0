"""A headless mirror killed with SIGKILL at random moments during upload and
restarted each time: nothing lost, nothing duplicated."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from services.incidents.model import EntryKind
from services.sync import outbox_store
from tests.faultproxy import FaultProxy
from tests.helpers import draft, headless_config, wait_until
from tests.server.live_server import start_live_server
from tests.soak import seed, soak
from tests.sync.livesync import add_users, make_client, mirror_state

ROOT = Path(__file__).resolve().parents[2]


def test_killed_mid_upload_loses_and_doubles_nothing(tmp_path, clock):
    live = start_live_server("sqlite:///" + str(tmp_path / "platform.db"))
    add_users(live)
    proxy = FaultProxy(int(live.url.rsplit(":", 1)[1])).start()
    proxy.bandwidth(200_000)  # slow enough that kills land inside uploads
    mirror_path = tmp_path / "k.db"
    writer = make_client(mirror_path, [proxy.url()], clock, site="K")
    ids = []
    for n in range(soak(40)):
        inc = writer.incidents.create_incident(draft(clock, title=f"断电测试{n}"), "k")
        ids.append(writer.incidents.append_entry(inc.id, EntryKind.NOTE, "正" * 800, "k").id)
    writer.close()
    cfg = headless_config(tmp_path / "k.toml", mirror_path, proxy.url())
    rng = random.Random(seed(11))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    landed = 0  # kills that found the mirror still at work
    try:
        for _ in range(soak(6)):
            sent = proxy.bytes_up
            proc = subprocess.Popen(
                [sys.executable, "-m", "app", "--config", str(cfg), "mirror", "--once"],
                cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )
            # A random moment once it talks to the platform (a kill while Python starts tests nothing).
            wait_until(lambda p=proc, n=sent: proxy.bytes_up > n or p.poll() is not None, 60,
                       what="the mirror to start talking to the platform", qt=False)
            time.sleep(rng.uniform(0.0, 0.8))
            proc.send_signal(signal.SIGKILL)
            proc.wait(10)  # raises if it outlived SIGKILL
            landed += proc.returncode == -signal.SIGKILL
        assert landed >= 1, "every run had ended before its kill: nothing was killed mid-upload"
        proxy.restore()
        done = subprocess.run(
            [sys.executable, "-m", "app", "--config", str(cfg), "mirror", "--once"],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        check = make_client(tmp_path / "check.db", [live.url], clock, site="C")
        try:
            assert check.sync()
            incidents, entries = mirror_state(check)
        finally:
            check.close()
        assert len(incidents) == 40
        assert all(i in entries for i in ids)
        assert len(entries) == 80  # 40 system "created" entries + 40 notes, none twice
        again = make_client(mirror_path, [live.url], clock, site="K")
        try:
            assert outbox_store.count_by_state(again.mirror).get("queued", 0) == 0
            assert again.sync()
            assert mirror_state(again) == (incidents, entries)
        finally:
            again.close()
    finally:
        proxy.stop()
        live.stop()
