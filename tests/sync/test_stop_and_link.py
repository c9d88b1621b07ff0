"""Stopping and the link's state (defects 4 and 8 of the repair issue):
`watchroom mirror` stops within seconds of SIGTERM whatever it is doing and
leaves the mirror whole; 弱网 comes from sustained round trips, not from one
slow exchange."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from services.incidents.model import EntryKind
from services.sync import outbox_store
from services.sync.link_quality import LinkQuality
from tests.faultproxy import FaultProxy
from tests.helpers import draft, headless_config, wait_until
from tests.server.live_server import start_live_server
from tests.sync.livesync import add_users, make_client

ROOT = Path(__file__).resolve().parents[2]


def started_mirror(cfg: Path) -> subprocess.Popen:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen([sys.executable, "-u", "-m", "app", "--config", str(cfg), "mirror"], cwd=ROOT,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def stopped_within(proc: subprocess.Popen, seconds: float) -> float:
    asked = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    proc.wait(30)
    return time.monotonic() - asked


def first_status_line(proc: subprocess.Popen) -> str:
    return proc.stdout.readline()  # the engine prints its status after each exchange


def test_sigterm_stops_the_mirror_in_the_middle_of_an_exchange_and_when_idle(tmp_path, clock):
    live = start_live_server("sqlite:///" + str(tmp_path / "platform.db"))
    add_users(live)
    proxy = FaultProxy(int(live.url.rsplit(":", 1)[1])).start()
    mirror_path = tmp_path / "k.db"
    writer = make_client(mirror_path, [proxy.url()], clock, site="K")
    for n in range(30):
        incident = writer.incidents.create_incident(draft(clock, title=f"停止测试{n}"), "k")
        writer.incidents.append_entry(incident.id, EntryKind.NOTE, "正" * 2000, "k")
    writer.close()
    cfg = headless_config(tmp_path / "k.toml", mirror_path, proxy.url())
    try:
        # Idle: after a full exchange the engine waits for news; it must not wait out its idle time.
        proc = started_mirror(cfg)
        assert '"online"' in first_status_line(proc)
        assert stopped_within(proc, 5) < 5 and proc.returncode == 0
        # In the middle of an exchange: the link stalls mid-upload (a request that would hang 15 s).
        for n in range(30):
            writer = make_client(mirror_path, [proxy.url()], clock, site="K")
            incident = writer.incidents.create_incident(draft(clock, title=f"再次停止{n}"), "k")
            writer.incidents.append_entry(incident.id, EntryKind.NOTE, "正" * 2000, "k")
            writer.close()
        proxy.bandwidth(20_000)
        before = proxy.bytes_up
        proc = started_mirror(cfg)
        wait_until(lambda: proxy.bytes_up - before >= 30_000, 20, what="the upload to start", qt=False)
        proxy.stall()
        took = stopped_within(proc, 5)
        assert took < 5, f"took {took:.1f} s to stop"
        assert proc.returncode == 0, proc.stderr.read()[-2000:]
        proxy.restore()
        proxy.bandwidth(None)
        # The mirror is whole: a fresh run sends what is left and nothing is lost.
        done = subprocess.run([sys.executable, "-m", "app", "--config", str(cfg), "mirror", "--once"], cwd=ROOT,
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr[-2000:]
        client = make_client(mirror_path, [proxy.url()], clock, site="K")
        try:
            assert outbox_store.count_by_state(client.mirror).get("queued", 0) == 0
        finally:
            client.close()
    finally:
        proxy.stop()
        live.stop()


def test_one_slow_exchange_is_not_a_weak_link_but_sustained_ones_are():
    link = LinkQuality()
    link.measured("http://hq", 4.0)  # a busy machine at start-up
    link.measured("http://hq", 0.01)
    assert not link.weak
    link.measured("http://hq", 0.02)
    link.measured("http://hq", 3.0)
    assert not link.weak  # two slow in four
    link.measured("http://hq", 2.5)
    assert link.weak  # three of the last five over the threshold
    for _ in range(3):
        link.measured("http://hq", 0.02)
    assert not link.weak  # the link came back
    link.measured("http://backup", 0.02)
    assert not link.weak  # another platform, another link


def test_the_engine_says_weak_only_after_several_slow_round_trips(tmp_path, clock):
    # (keep-alive longer than the round trip, as on a real satellite link's platform)
    live = start_live_server("sqlite:///" + str(tmp_path / "platform.db"), keep_alive_s=10)
    add_users(live)
    proxy = FaultProxy(int(live.url.rsplit(":", 1)[1])).start()
    client = make_client(tmp_path / "c.db", [proxy.url()], clock)
    try:
        assert client.sync() and client.engine.status.state == "online"
        proxy.latency(900)  # a round trip of 1.8 s at least
        states = []
        for _ in range(3):
            assert client.sync()
            states.append(client.engine.status.state)
        assert states[0] == "online", states  # one slow exchange among quick ones
        assert states[-1] == "weak", states
        proxy.restore()
        for _ in range(3):
            assert client.sync()
        assert client.engine.status.state == "online"
    finally:
        client.close()
        proxy.stop()
        live.stop()
