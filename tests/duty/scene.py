"""Builders of duty scenes for tests and benchmarks (not a test module): a watch
room's shifts and roster, and workstations with their duty services beside
the incident log, syncing through a live platform (tests/sync/livesync.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from server.app import add_user
from services.clock import Clock
from services.duty.contract import Person, Post
from services.duty.services import DutyServices, duty_services
from services.incidents.deadlines import load_rules
from tests.sync.livesync import Client, make_client

ZONE = ZoneInfo("Asia/Shanghai")
# 09:00 in Shanghai on 1 December 2026: the day shift (08:30–17:30) is under way.
MORNING = datetime(2026, 12, 1, 1, 0, tzinfo=UTC)
PEOPLE = [Person(name, f"1390000{n:04d}") for n, name in enumerate(
    ("张建国", "李晓梅", "王志强", "刘丽华", "陈海涛", "杨春燕", "赵国庆", "黄明", "周静", "吴伟", "徐敏", "孙军",
     "胡磊", "朱洋", "高勇", "林峰", "何平", "郭强", "马丽", "罗斌", "梁红", "宋涛", "郑凯", "谢琳"))]


@dataclass
class Station:
    """A workstation: its sync client (mirror, incidents, engine) and its duty services."""

    client: Client
    duty: DutyServices

    def sync(self) -> bool:
        return self.client.sync()

    def close(self) -> None:
        self.client.close()


def add_duty_users(live) -> None:
    db = live.app.state.db
    add_user(db, "duty", "duty-pw", "duty_officer")
    add_user(db, "duty2", "duty2-pw", "duty_officer")
    add_user(db, "chief", "chief-pw", "duty_chief")
    add_user(db, "wall", "wall-pw", "viewer")


def station(path: Path, urls: list[str], clock: Clock, *, user: str = "duty", password: str = "duty-pw",
            zone: ZoneInfo = ZONE, site: str = "CQ", max_hours: float = 24) -> Station:
    client = make_client(path, urls, clock, site=site, user=user, password=password)
    duty = duty_services(client.mirror, site, zone, load_rules(), events=client.dispatch.events, clock=clock,
                         max_hours=max_hours, workstation=client.mirror.meta("mirror_id") or "")
    duty.identity.account = user
    return Station(client, duty)


def local_duty(mirror, clock: Clock, *, zone: ZoneInfo = ZONE, site: str = "CQ", events=None,
               max_hours: float = 24) -> DutyServices:
    """Duty services of a mirror that syncs with nothing (service tests)."""
    return duty_services(mirror, site, zone, load_rules(), events=events, clock=clock, max_hours=max_hours,
                         workstation=mirror.meta("mirror_id") or "")


def fill(duty: DutyServices, first: date, last: date, people: list[Person] = PEOPLE) -> int:
    """Every cell of every shift from `first` to `last` by a four-team rota (no one on
    overlapping shifts, never more than one shift in a row)."""
    from services.duty.checks import Assignment

    changes = []
    teams = len(people) // 4
    for n, shift in enumerate(duty.roster.shifts(first, last)):
        team = people[(n % 4) * teams:(n % 4 + 1) * teams]
        seat = 0
        for post, count in shift.pattern.posts:
            for slot in range(count):
                changes.append(Assignment(shift.day, shift.pattern.id, Post(post), slot, team[seat % len(team)]))
                seat += 1
    return len(duty.roster.assign_many(changes, bulk=True))
