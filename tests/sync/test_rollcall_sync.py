"""查岗 through a real platform: a roll call posted by a commander through the
API reaches the duty workstation's mirror and is answered there; the platform
stamps the answer with its own time and the token's account; after the
deadline (the platform's clock, injected here) it is late, and unanswered it
is missed, whatever the workstation's clock says. A headless backup mirror
(`watchroom mirror`) receives roll calls and never answers one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from offline_cache.database import open_mirror
from offline_cache.duty_rollcall_schema import RollCallRow
from offline_cache.schema import OutboxRow
from server.app import add_user
from services.duty_log.log import DutyLog, LogKind, LogQuery
from services.reminders.service import ReminderService
from services.rollcall.service import RollCallService
from services.sync.wire import API_PREFIX
from tests.helpers import headless_config, wait_until
from tests.server.live_server import start_live_server
from tests.sync.livesync import add_users, make_client

ROOT = Path(__file__).resolve().parents[2]


class PlatformClock:
    """The platform's own clock, moved by the test (thread-safe enough: one writer)."""

    def __init__(self, now: datetime):
        self.now = now
        self._lock = threading.Lock()

    def __call__(self) -> datetime:
        with self._lock:
            return self.now

    def advance(self, **kwargs) -> None:
        with self._lock:
            self.now += timedelta(**kwargs)


@pytest.fixture
def platform(tmp_path):
    clock = PlatformClock(datetime.now(UTC).replace(microsecond=0))
    server = start_live_server("sqlite:///" + str(tmp_path / "platform.db"), clock=clock)
    add_users(server)
    add_user(server.app.state.db, "cmd", "cmd-pw", "commander")
    yield server, clock
    server.stop()


def token(url: str, user: str, password: str) -> dict:
    with httpx.Client(base_url=url + API_PREFIX, timeout=30) as http:  # a log-in hashes: slow on a busy machine
        answer = http.post("/auth/login", json={"username": user, "password": password})
        assert answer.status_code == 200, answer.text
        return {"Authorization": f"Bearer {answer.json()['access_token']}"}


def post_rollcall(url: str, site: str = "CQ", allowed_s: int = 180, message: str = "") -> dict:
    headers = token(url, "cmd", "cmd-pw")
    posted = httpx.post(url + API_PREFIX + "/rollcalls", json={"site_code": site, "allowed_s": allowed_s,
                                                              "message": message}, headers=headers, timeout=10)
    assert posted.status_code == 201, posted.text
    return posted.json()


def on_platform(url: str, rollcall_id: str) -> dict:
    answer = httpx.get(f"{url}{API_PREFIX}/rollcalls/{rollcall_id}", headers=token(url, "wall", "wall-pw"),
                       timeout=10)
    assert answer.status_code == 200, answer.text
    return answer.json()


def rollcalls_of(client, site: str = "CQ") -> RollCallService:
    return RollCallService(client.mirror, client.dispatch.events, client.dispatch.clock, site_code=site)


def test_a_roll_call_reaches_the_workstation_and_is_answered_in_time(tmp_path, platform, clock):
    live, platform_clock = platform
    a = make_client(tmp_path / "a.db", [live.url], clock, site="CQ")
    other = make_client(tmp_path / "wz.db", [live.url], clock, site="WZ")
    try:
        posted = post_rollcall(live.url, message="市应急局查岗")
        assert a.sync() and other.sync()
        mine = rollcalls_of(a)
        [waiting] = mine.to_answer()
        assert waiting.id == posted["id"] and waiting.message == "市应急局查岗" and waiting.deadline == \
            datetime.fromisoformat(posted["deadline"])
        assert rollcalls_of(other, "WZ").to_answer() == []  # another room's roll call is not theirs to answer
        platform_clock.advance(seconds=42)
        clock.advance(timedelta(hours=-3))  # the workstation's clock is wrong: it changes nothing
        answered_here = mine.answer(posted["id"], "陈晓")
        assert answered_here.answered_here_at is not None and mine.to_answer() == []
        assert a.sync()
        record = on_platform(live.url, posted["id"])
        assert record["state"] == "answered" and record["answered_by_account"] == "duty"
        assert datetime.fromisoformat(record["answered_at"]) == platform_clock() and record["answered_by"] == "陈晓"
        seen = mine.get(posted["id"])
        assert seen.state == "answered" and seen.answered_by_account == "duty" and not seen.pending_sync
        assert seen.answered_at == platform_clock()
        log = DutyLog(a.mirror, ReminderService(a.mirror, site_code="CQ", tz=UTC), site_code="CQ")
        span = LogQuery(seen.posted_at - timedelta(minutes=1), seen.posted_at + timedelta(minutes=1),
                        frozenset({LogKind.ROLLCALL}))
        [item] = log.items(span)
        assert (item.what, item.by, item.by_account) == ("answered", "陈晓", "duty")
    finally:
        a.close()
        other.close()


def test_an_answer_after_the_deadline_is_recorded_late_on_both_ends(tmp_path, platform, clock):
    live, platform_clock = platform
    a = make_client(tmp_path / "a.db", [live.url], clock, site="CQ")
    try:
        posted = post_rollcall(live.url, allowed_s=60)
        assert a.sync()
        platform_clock.advance(seconds=75)
        rollcalls_of(a).answer(posted["id"], "陈晓")
        assert a.sync()
        assert on_platform(live.url, posted["id"])["state"] == "late"
        wait_until(lambda: a.sync() and rollcalls_of(a).get(posted["id"]).state == "late", 10,
                   what="the late answer back in the mirror")
    finally:
        a.close()


def test_unanswered_it_is_missed_by_the_platforms_clock_not_the_workstations(tmp_path, platform, clock):
    live, platform_clock = platform
    a = make_client(tmp_path / "a.db", [live.url], clock, site="CQ")
    try:
        posted = post_rollcall(live.url, allowed_s=60)
        clock.advance(timedelta(hours=1))  # far past the deadline by the workstation's clock
        assert a.sync()
        assert rollcalls_of(a).get(posted["id"]).state == "pending"  # the platform has not said so
        platform_clock.advance(seconds=61)
        wait_until(lambda: on_platform(live.url, posted["id"])["state"] == "missed", 10,
                   what="the platform's sweeper to mark the roll call missed")
        assert a.sync()
        missed = rollcalls_of(a).get(posted["id"])
        assert missed.state == "missed" and missed.answered_at is None and missed.answered_by_account == ""
    finally:
        a.close()


def test_a_headless_backup_mirror_never_answers(tmp_path, platform, clock):
    live, platform_clock = platform
    mirror_path = tmp_path / "k.db"
    open_mirror(mirror_path).close()
    cfg = headless_config(tmp_path / "k.toml", mirror_path, live.url)  # site K, the duty account
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen([sys.executable, "-u", "-m", "app", "--config", str(cfg), "mirror"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        posted = post_rollcall(live.url, site="K", allowed_s=60)
        mirror = open_mirror(mirror_path)
        try:
            def state() -> str | None:
                with mirror.read() as s:
                    return s.scalar(select(RollCallRow.state).where(RollCallRow.id == posted["id"]))

            wait_until(lambda: state() == "pending", 20, what="the roll call in the backup mirror")
            platform_clock.advance(seconds=61)
            wait_until(lambda: state() == "missed", 20, what="the platform's verdict in the backup mirror")
            with mirror.read() as s:
                assert s.scalars(select(OutboxRow.op).where(OutboxRow.entity == "rollcall")).all() == []
        finally:
            mirror.close()
        record = on_platform(live.url, posted["id"])
        assert record["state"] == "missed" and record["answered_at"] == "" and record["answered_by_account"] == ""
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(30)
    assert proc.returncode == 0, proc.stderr.read()[-2000:]
