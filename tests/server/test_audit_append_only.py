"""On PostgreSQL the audit is append-only for the platform's own role (server/pg_rls.py
APPEND_ONLY): the database refuses its UPDATE, DELETE and TRUNCATE of the audit log
and the checkpoints, while appends (a login, a change, a checkpoint) still work; a
deployment made before the rule gets it at its next start."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from server import audit, audit_sign, pg_rls
from server.actor import Actor
from server.db import open_database
from tests.pg import owner_engine

AT = "2026-12-06T08:00:00.000+00:00"
REFUSED = "permission denied"


@pytest.fixture
def db(postgres):
    database = open_database(postgres.create_database("ao_" + uuid.uuid4().hex[:10]))
    yield database
    database.dispose()


def append(db, n: int = 3) -> None:
    for i in range(n):
        audit.in_own_transaction(db, "login", Actor(account="duty", workstation="duty-01"), detail={"try": i}, at=AT)


def count(db, table: str) -> int:
    with db.engine.connect() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()


def test_the_names_are_the_audit_tables():
    assert set(pg_rls.APPEND_ONLY) == {audit.AuditRow.__tablename__, audit_sign.CheckpointRow.__tablename__}


@pytest.mark.parametrize("sql", ["UPDATE audit_log SET account = 'someone'", "DELETE FROM audit_log",
                                 "TRUNCATE audit_log", "UPDATE audit_checkpoints SET signature = 'x'",
                                 "DELETE FROM audit_checkpoints", "TRUNCATE audit_checkpoints"])
def test_the_application_role_cannot_rewrite_the_audit(db, sql):
    append(db)
    assert audit_sign.make_checkpoint(db, audit_sign.new_signer("ed25519"), AT) is not None
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT current_user")).scalar() == pg_rls.APP_ROLE
    with pytest.raises(DBAPIError, match=REFUSED), db.write.begin() as conn:
        conn.execute(text(sql))
    assert count(db, "audit_log") == 3 and count(db, "audit_checkpoints") == 1  # nothing lost


def test_appends_still_work(db):
    append(db, 2)
    signer = audit_sign.new_signer("ed25519")
    assert audit_sign.make_checkpoint(db, signer, AT) is not None
    append(db, 1)
    assert audit_sign.make_checkpoint(db, signer, AT) is not None
    assert count(db, "audit_log") == 3 and count(db, "audit_checkpoints") == 2


def test_an_existing_deployment_loses_the_rights_at_its_next_start(postgres):
    url = postgres.create_database("ao_" + uuid.uuid4().hex[:10])
    open_database(url).dispose()
    with owner_engine(open_database(url).engine) as owner, owner.begin() as conn:  # as a deployment before the rule
        conn.execute(text(f"GRANT UPDATE, DELETE, TRUNCATE ON audit_log, audit_checkpoints TO {pg_rls.APP_ROLE}"))
    db = open_database(url)  # the next start
    try:
        append(db)
        with pytest.raises(DBAPIError, match=REFUSED), db.write.begin() as conn:
            conn.execute(text("DELETE FROM audit_log"))
        with db.engine.connect() as conn:
            for table in pg_rls.APPEND_ONLY:
                allowed = {p: conn.execute(text("SELECT has_table_privilege(:r, :t, :p)"),
                                           {"r": pg_rls.APP_ROLE, "t": table, "p": p}).scalar()
                           for p in ("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE")}
                assert allowed == {"SELECT": True, "INSERT": True, "UPDATE": False, "DELETE": False,
                                   "TRUNCATE": False}, table
    finally:
        db.dispose()
