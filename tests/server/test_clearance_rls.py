"""PostgreSQL enforces clearance a second time (server/pg_rls.py): a query
without any filter, through the platform's own engine, returns nothing above
the transaction's clearance, an unset clearance sees only 公开, a write above
it is refused by the database, and the platform does not own its tables."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from server import pg_rls
from server.db import EntryRow, IncidentRow, open_database

NOW = "2026-12-06T08:00:00.000+00:00"


@pytest.fixture
def db(postgres):
    database = open_database(postgres.create_database("rls_" + uuid.uuid4().hex[:10]))
    with pg_rls.scope(9), Session(database.write) as s, s.begin():  # the platform's own work sees all
        for level, title in ((0, "公开"), (1, "内部"), (2, "秘密"), (3, "机密")):
            iid = str(uuid.uuid4())
            s.add(IncidentRow(id=iid, site_code="CQ", code=f"CQ-2026-{level:04d}", title=title, category="accident",
                              severity="IV", status="received", occurred_at=NOW, reported_at=NOW, source="phone",
                              updated_at=NOW, version=1, level=level))
            s.add(EntryRow(id=str(uuid.uuid4()), incident_id=iid, kind="note", body=f"{title}事件的记录",
                           created_at=NOW, seq=1, level=0))
    yield database
    database.dispose()


def titles(db, clearance: int | None) -> set[str]:
    with (pg_rls.scope(clearance) if clearance is not None else pg_rls.scope(0)), db.engine.connect() as conn:
        return set(conn.execute(text("SELECT title FROM incidents")).scalars())


def test_a_query_without_the_filter_returns_nothing_above_the_clearance(db):
    assert titles(db, 1) == {"公开", "内部"}
    assert titles(db, 2) == {"公开", "内部", "秘密"}
    assert titles(db, 9) == {"公开", "内部", "秘密", "机密"}
    with pg_rls.scope(1), db.engine.connect() as conn:
        # An entry of 公开 goes no further than its incident.
        bodies = set(conn.execute(text("SELECT body FROM entries")).scalars())
        assert bodies == {"公开事件的记录", "内部事件的记录"}
        assert conn.execute(text("SELECT count(*) FROM incidents WHERE level > 1")).scalar() == 0


def test_an_unset_clearance_sees_only_public(db):
    with db.engine.connect() as conn:
        conn.exec_driver_sql("SELECT set_config('watchroom.clearance', '', true)")
        assert set(conn.execute(text("SELECT title FROM incidents")).scalars()) == {"公开"}


def test_a_write_above_the_clearance_is_refused_by_the_database(db):
    with pytest.raises(DBAPIError, match="row-level security"), pg_rls.scope(1), db.write.begin() as conn:
        conn.execute(text("UPDATE incidents SET level = 3 WHERE title = '内部'"))
    with pg_rls.scope(1), db.write.begin() as conn:  # and what it cannot see, it cannot change
        assert conn.execute(text("UPDATE incidents SET title = 'x' WHERE level = 3")).rowcount == 0


def test_the_platform_does_not_own_its_tables_and_cannot_lift_the_policy(db):
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT current_user")).scalar() == pg_rls.APP_ROLE
        owner = conn.execute(text("SELECT tableowner FROM pg_tables WHERE tablename = 'incidents'")).scalar()
        assert owner != pg_rls.APP_ROLE
        forced = conn.execute(text("SELECT relforcerowsecurity FROM pg_class WHERE relname = 'incidents'")).scalar()
        assert forced is True
    with pytest.raises(DBAPIError), db.write.begin() as conn:
        conn.execute(text("ALTER TABLE incidents DISABLE ROW LEVEL SECURITY"))
