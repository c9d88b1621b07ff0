"""Clearance levels (密级) end to end: two workstations through a live platform.
What a workstation may see is the lower of its account's and its own
clearance; nothing above reaches its mirror, a write above is refused, and
a lowered clearance or a raised level purges the mirror at the next exchange."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from offline_cache import search_index
from server.app import add_user
from server.db import UserRow, WorkstationRow
from services.incidents.model import EntryKind
from services.incidents.validation import ValidationError
from services.sync import outbox_store
from tests.helpers import draft
from tests.server.live_server import start_live_server
from tests.sync.livesync import make_client

SECRET = 2  # 秘密


@pytest.fixture
def live(tmp_path):
    server = start_live_server("sqlite:///" + str(tmp_path / "platform.db"))
    add_user(server.app.state.db, "high", "high-pw", "duty_officer")
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
def clients(tmp_path, live, clock):
    made = []

    def make(name: str, user: str):
        c = make_client(tmp_path / f"{name}.db", [live.url], clock, user=user, password=f"{user}-pw")
        made.append(c)
        return c

    yield make
    for c in made:
        c.close()


def ids(client, table: str) -> set[str]:
    with client.mirror.read() as s:
        return set(s.scalars(text(f"SELECT id FROM {table}")))


def search_rows(client, word: str) -> dict[str, int]:
    """Rows of the full-text indexes that hold `word` (offline_cache/search_index.py)."""
    with client.mirror.read() as s:
        return {t: s.scalar(text(f"SELECT count(*) FROM {t} WHERE {t} MATCH :w"), {"w": f'"{word}"'})
                for t in ("incident_fts", "entry_fts")}


def cleared_pair(live, clients):
    """`a`: a workstation and account cleared for 秘密; `b`: an account cleared for
    秘密 on a workstation the platform does not know (so at 内部)."""
    grant(live, user="high", clearance=SECRET)
    grant(live, user="low", clearance=SECRET)
    a, b = clients("a", "high"), clients("b", "low")
    grant(live, workstation=a.mirror.meta("mirror_id"), clearance=SECRET)
    assert a.sync() and b.sync()  # both learn their clearance
    return a, b


def test_a_record_above_a_workstation_never_reaches_its_mirror(live, clients, clock):
    a, b = cleared_pair(live, clients)
    secret = a.incidents.create_incident(draft(clock, title="某涉密单位火灾", level=SECRET), "陈晓")
    a.incidents.append_entry(secret.id, EntryKind.NOTE, "现场情况涉密", "陈晓")
    internal = a.incidents.create_incident(draft(clock, title="解放碑商场火灾"), "陈晓")
    assert a.sync() and b.sync()
    assert secret.id not in ids(b, "incidents") and internal.id in ids(b, "incidents")
    assert not any("涉密" in body for body in _bodies(b))
    assert a.incidents.get(secret.id).level == SECRET
    # A new mirror's snapshot holds nothing above it either.
    c = clients("c", "low")
    assert c.sync()
    assert secret.id not in ids(c, "incidents") and internal.id in ids(c, "incidents")
    assert not any("涉密" in body for body in _bodies(c))


def _bodies(client) -> list[str]:
    with client.mirror.read() as s:
        return list(s.scalars(text("SELECT body FROM entries")))


def test_a_write_above_the_writers_clearance_is_refused(live, clients, clock):
    _a, b = cleared_pair(live, clients)
    with pytest.raises(ValidationError):  # the form never offers it: the service refuses it too
        b.incidents.create_incident(draft(clock, level=SECRET), "王强")
    inc = b.incidents.create_incident(draft(clock), "王强")
    # A client that says otherwise (an old or hostile one) is refused by the platform.
    with b.mirror.write() as s:
        s.execute(text("UPDATE outbox SET payload = json_set(payload, '$.level', 3) WHERE entity = 'incident'"))
    assert b.sync()
    assert outbox_store.count_by_state(b.mirror).get("rejected", 0) >= 1  # the incident (and its entry)
    with b.mirror.read() as s:
        reason = s.scalar(text("SELECT last_error FROM outbox WHERE entity = 'incident'"))
    assert "above the writer's clearance" in reason
    with Session(live.app.state.db.engine) as s:
        assert s.scalar(text("SELECT count(*) FROM incidents WHERE id = :i"), {"i": inc.id}) == 0


def test_a_raised_level_withdraws_the_record_from_a_lower_mirror(live, clients, clock, caplog):
    a, b = cleared_pair(live, clients)
    inc = a.incidents.create_incident(draft(clock, title="危化品仓库泄漏 HZ9"), "陈晓")
    a.incidents.append_entry(inc.id, EntryKind.NOTE, "危化品泄漏点已封堵 HZ9", "陈晓")
    assert a.sync() and b.sync()
    assert inc.id in ids(b, "incidents") and "危化品泄漏点已封堵 HZ9" in _bodies(b)
    while search_index.index_some(b.mirror):  # the catch-up's deferred indexing, done
        pass
    assert b.incidents.search("危化品") and all(search_rows(b, "HZ9").values())
    a.incidents.set_level(inc.id, SECRET, "陈晓")
    assert a.sync()
    with caplog.at_level(logging.WARNING, logger="services.sync.clearance_purge"):
        assert b.sync()
    assert inc.id not in ids(b, "incidents")
    assert "危化品泄漏点已封堵 HZ9" not in _bodies(b)
    assert not any(search_rows(b, "HZ9").values())  # the search index rows went too
    assert b.incidents.search("危化品") == []
    assert b.engine.status.purged >= 1
    assert "已从本机镜像清除" in caplog.text
    assert inc.id in ids(a, "incidents")  # the cleared workstation keeps it


def test_a_lowered_workstation_clearance_purges_its_mirror(live, clients, clock):
    a, _b = cleared_pair(live, clients)
    secret = a.incidents.create_incident(draft(clock, level=SECRET), "陈晓")
    internal = a.incidents.create_incident(draft(clock), "陈晓")
    assert a.sync()
    assert secret.id in ids(a, "incidents")
    grant(live, workstation=a.mirror.meta("mirror_id"), clearance=1)
    assert a.sync()  # no change of any record: the page's clearance says it
    assert secret.id not in ids(a, "incidents") and internal.id in ids(a, "incidents")
    assert a.engine.status.purged == 2 or a.engine.status.purged >= 1
    assert a.engine.status.clearance == 1
    assert a.mirror.meta("clearance") == "1"


def test_a_lowered_account_clearance_purges_too(live, clients, clock):
    a, _b = cleared_pair(live, clients)
    secret = a.incidents.create_incident(draft(clock, level=SECRET), "陈晓")
    assert a.sync() and secret.id in ids(a, "incidents")
    grant(live, user="high", clearance=0)
    assert a.sync()
    assert ids(a, "incidents") == set() or secret.id not in ids(a, "incidents")
    with a.mirror.read() as s:
        assert s.scalar(text("SELECT count(*) FROM incidents WHERE level > 0")) == 0


def test_a_raised_clearance_brings_what_was_held_back(live, clients, clock):
    a, b = cleared_pair(live, clients)
    secret = a.incidents.create_incident(draft(clock, level=SECRET), "陈晓")
    a.incidents.append_entry(secret.id, EntryKind.NOTE, "涉密记录", "陈晓")
    assert a.sync() and b.sync()
    assert secret.id not in ids(b, "incidents")
    grant(live, workstation=b.mirror.meta("mirror_id"), clearance=SECRET)
    assert b.sync()  # the page says the clearance went up: the snapshot is loaded again next time
    assert b.sync()
    assert secret.id in ids(b, "incidents") and "涉密记录" in _bodies(b)
    assert b.incidents.get(secret.id).level == SECRET
