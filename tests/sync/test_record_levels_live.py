"""密级 on resources, cameras, plans and warnings end to end: a level chosen in
the client's service reaches the platform with the op, and a workstation below
that level never receives the record (services/clearance.py, server/clearance.py)."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from server.app import add_user
from server.db import UserRow, WorkstationRow
from services.cameras.store import CameraStore
from services.plans.files import example_plans
from services.plans.store import PlanStore
from services.resources.store import ResourceStore
from services.warnings.service import WarningRefused, WarningService
from services.warnings.store import WarningStore
from tests.helpers import resource_record
from tests.server.live_server import start_live_server
from tests.sync.livesync import make_client
from tests.warnings.records_helpers import alert

SECRET = 2  # 秘密


@pytest.fixture
def live(tmp_path):
    server = start_live_server("sqlite:///" + str(tmp_path / "platform.db"))
    add_user(server.app.state.db, "high", "high-pw", "admin")  # plans are an admin's to write
    add_user(server.app.state.db, "low", "low-pw", "duty_officer")
    yield server
    server.stop()


def grant(live, *, user: str | None = None, workstation: str | None = None, clearance: int) -> None:
    """What the accounts slice's admin API does: a clearance in the database."""
    with Session(live.app.state.db.write) as s, s.begin():
        if user is not None:
            s.query(UserRow).filter(UserRow.username == user).update({"clearance": clearance})
        if workstation is not None:
            row = s.get(WorkstationRow, workstation)
            if row is None:
                s.add(WorkstationRow(name=workstation, clearance=clearance))
            else:
                row.clearance = clearance
    live.app.state.clearances.forget()


@pytest.fixture
def pair(tmp_path, live, clock):
    """`a`: cleared for 秘密; `b`: an account cleared for 秘密 on a workstation the
    platform does not know (so at 内部)."""
    grant(live, user="high", clearance=SECRET)
    grant(live, user="low", clearance=SECRET)
    a = make_client(tmp_path / "a.db", [live.url], clock, user="high", password="high-pw")
    b = make_client(tmp_path / "b.db", [live.url], clock, user="low", password="low-pw")
    try:
        grant(live, workstation=a.mirror.meta("mirror_id"), clearance=SECRET)
        assert a.sync() and b.sync()  # both learn their clearance
        yield a, b
    finally:
        a.close()
        b.close()


def ids(client, table: str) -> set[str]:
    with client.mirror.read() as s:
        return set(s.scalars(text(f"SELECT id FROM {table}")))


def platform_level(live, table: str, record_id: str) -> int | None:
    with Session(live.app.state.db.write) as s:
        return s.scalar(text(f"SELECT level FROM {table} WHERE id = :id"), {"id": record_id})


def test_a_resources_level_reaches_the_platform_and_not_a_lower_workstation(live, pair, clock):
    a, b = pair
    store = ResourceStore(a.mirror, clock=clock)
    rng = random.Random(5)
    secret, plain = resource_record(rng, 1), resource_record(rng, 2)
    store.save_many([secret], level=SECRET)
    store.save_many([plain])
    assert store.get(secret["id"]).level == SECRET and store.get(plain["id"]).level == 1
    assert a.sync() and b.sync()
    assert platform_level(live, "resources", secret["id"]) == SECRET
    assert platform_level(live, "resources", plain["id"]) == 1  # the kind's default, 内部
    assert secret["id"] not in ids(b, "resources") and plain["id"] in ids(b, "resources")
    # b may not mark above its own clearance: the service refuses before the platform would.
    with pytest.raises(ValueError):
        ResourceStore(b.mirror, clock=clock).save_many([resource_record(rng, 3)], level=SECRET)
    # Raising a shared one to 秘密 later withdraws it from b's mirror.
    store.save_many([plain], level=SECRET)
    assert a.sync() and b.sync()
    assert plain["id"] not in ids(b, "resources")


CAMERA = {"name": "某要害部位", "group_path": "重庆市/渝中区", "lat": 29.557, "lon": 106.577,
          "main_url": "rtsp://10.1.1.5/main", "sub_url": "rtsp://10.1.1.5/sub", "ptz": False,
          "platform": "", "online": True}


def test_a_cameras_level_reaches_the_platform_and_not_a_lower_workstation(live, pair, clock):
    a, b = pair
    store = CameraStore(a.mirror, clock=clock)
    store.save_many([{"id": "50010300001310000009", **CAMERA}], level=SECRET)
    store.save_many([{"id": "50010300001310000008", **CAMERA, "name": "解放碑东口"}])
    assert {c.id: c.level for c in store.all()} == {"50010300001310000009": SECRET, "50010300001310000008": 1}
    assert a.sync() and b.sync()
    assert platform_level(live, "cameras", "50010300001310000009") == SECRET
    assert ids(b, "cameras") == {"50010300001310000008"}


def test_a_plans_level_reaches_the_platform_and_not_a_lower_workstation(live, pair, clock):
    a, b = pair
    store = PlanStore(a.mirror, clock=clock)
    secret, plain = example_plans()
    store.save_many([secret], level=SECRET)
    store.save_many([plain])
    assert store.get(secret["id"]).level == SECRET
    assert {p.id: p.level for p in store.list()} == {secret["id"]: SECRET, plain["id"]: 1}
    assert a.sync() and b.sync()
    assert platform_level(live, "plans", secret["id"]) == SECRET
    assert ids(b, "plans") == {plain["id"]}
    assert [p.id for p in PlanStore(b.mirror, clock=clock).list()] == [plain["id"]]


def test_a_warnings_level_reaches_the_platform_and_not_a_lower_workstation(live, pair, clock):
    a, b = pair
    service = WarningService(a.mirror, clock=clock)
    secret = service.save_draft(replace(alert("50000041000000_20261206160500_1"), origin="local",
                                        issue_state="draft", level=SECRET))
    public = service.save_draft(replace(alert("50000041000000_20261206160500_2"), origin="local",
                                        issue_state="draft"))
    assert secret.level == SECRET and public.level == 0  # a warning's default stays 公开
    assert {w.id: w.level for w in WarningStore(a.mirror, clock=clock).all()} == {secret.id: SECRET, public.id: 0}
    assert a.sync() and b.sync()
    assert platform_level(live, "warnings", secret.id) == SECRET
    assert platform_level(live, "warnings", public.id) == 0
    assert ids(b, "warnings") == {public.id}
    with pytest.raises(WarningRefused) as refused:  # b's form never offers 秘密: the service refuses it too
        WarningService(b.mirror, clock=clock).save_draft(replace(public, id="", identifier="", level=SECRET))
    assert refused.value.code == "above_clearance"
