"""Warnings through a real platform: imports at one workstation reach another
(several feed pages), the same alert imported at two is one record, chains
end what they reference everywhere, a draft goes 草稿 → 待审核 → 已签发 with
only a commander issuing, and the platform records the token's account."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from server.app import add_user
from server.early_warnings import WarningRow as PlatformWarning
from services.clock import ManualClock
from services.sync import outbox_store
from services.warnings.service import WarningService
from services.warnings.store import WarningStore
from services.warnings.wire import triplet_id
from tests.server.live_server import start_live_server
from tests.sync.livesync import add_users, make_client
from tests.warnings.records_helpers import T0, Checked, alert


@pytest.fixture
def clock():
    return ManualClock(T0 + timedelta(minutes=5))


@pytest.fixture
def live(tmp_path):
    server = start_live_server("sqlite:///" + str(tmp_path / "platform.db"))
    add_users(server)
    add_user(server.app.state.db, "commander", "commander-pw", "commander")
    yield server
    server.stop()


@pytest.fixture
def desk(tmp_path, live, clock):
    client = make_client(tmp_path / "desk.db", [live.url], clock)
    yield client
    client.close()


@pytest.fixture
def chief(tmp_path, live, clock):
    client = make_client(tmp_path / "chief.db", [live.url], clock, user="commander", password="commander-pw")
    yield client
    client.close()


def platform_rows(live) -> dict[str, PlatformWarning]:
    with Session(live.app.state.db.engine) as s:
        return {r.id: r for r in s.scalars(select(PlatformWarning))}


def test_warnings_reach_another_workstation_over_several_pages_and_repeats_are_one(desk, chief, live, clock):
    many = [alert(f"W{n:04d}", sent=T0 + timedelta(seconds=n), colour=("red", "orange", "yellow", "blue")[n % 4])
            for n in range(800)]
    chief.engine.page_size = 200  # four pages of the feed (the engine adapts it from there)
    assert WarningService(desk.mirror, clock=clock).import_checked(Checked(many), "feed").added == 800
    assert WarningService(chief.mirror, clock=clock).import_checked(Checked(many[:10]), "feed").added == 10
    assert desk.sync() and chief.sync()
    assert outbox_store.rejected(desk.mirror) == [] and outbox_store.rejected(chief.mirror) == []
    assert chief.sync()
    rows = platform_rows(live)
    assert len(rows) == 800
    # The desk's copy came first; the chief's of the same alerts were answered duplicate (one record).
    assert {r.created_by_account for r in rows.values()} == {"duty"}
    assert outbox_store.count_by_state(chief.mirror).get("queued", 0) == 0
    store = WarningStore(chief.mirror)
    assert len(store.all(include_expired=True)) == 800
    assert store.counts_by_colour(clock.now()) == {"red": 200, "orange": 200, "yellow": 200, "blue": 200}


def test_an_update_at_one_workstation_ends_the_original_at_the_other(desk, chief, live, clock):
    original = alert("A")
    WarningService(desk.mirror, clock=clock).import_checked(Checked([original]), "f")
    assert desk.sync() and chief.sync()
    update = alert("A2", sent=T0 + timedelta(hours=1), msg_type="Update", refs=(original,), colour="orange")
    WarningService(chief.mirror, clock=clock).import_checked(Checked([update]), "f")
    assert chief.sync() and desk.sync()
    for client in (desk, chief):
        assert [w.identifier for w in WarningStore(client.mirror).active(clock.now())] == ["A2"]
    old = platform_rows(live)[triplet_id(original.sender, "A", T0)]
    assert old.standing == "superseded" and old.replaced_by == triplet_id(update.sender, "A2", update.sent)


def test_a_draft_is_issued_by_a_commander_only(desk, chief, live, clock):
    service = WarningService(desk.mirror, clock=clock)
    draft = service.save_draft(replace(alert("50000041000000_20261206160500_1"), origin="local",
                                       issue_state="draft"))
    service.submit(draft.id)
    # The desk's own approval (an old client without the role check) is refused by the platform.
    service.approve(draft.id)
    assert desk.sync()
    [refused] = outbox_store.rejected(desk.mirror)
    assert "only a commander or admin" in refused.reason
    assert platform_rows(live)[draft.id].issue_state == "pending"
    assert chief.sync()
    chief_service = WarningService(chief.mirror, clock=clock, role=lambda: "commander")
    clock.advance(timedelta(minutes=1))
    chief_service.approve(draft.id)
    assert chief.sync() and desk.sync()
    row = platform_rows(live)[draft.id]
    assert row.issue_state == "issued" and row.approved_by_account == "commander"
    assert row.created_by_account == "duty"
    assert [w.id for w in WarningStore(desk.mirror).active(clock.now())] == [draft.id]
    # Issued: a draft save of it again is refused by the platform (it changes only by a new message).
    desk_row = WarningStore(desk.mirror).get(draft.id)
    assert desk_row.issue_state == "issued"
