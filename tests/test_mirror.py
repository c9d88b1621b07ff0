"""The mirror: migrations, durability settings, corruption, full and read-only disks."""

from __future__ import annotations

import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import event, text

from offline_cache import duty_rollcall_schema  # noqa: F401 - its tables are modelled too
from offline_cache.database import check_file, head_revision, open_mirror
from offline_cache.errors import StorageError, StorageProblem
from offline_cache.schema import Base
from services.incidents.model import EntryKind
from tests.helpers import draft


def test_migrated_schema_matches_the_models(mirror):
    modelled = set(Base.metadata.tables)

    def only_modelled(name, type_, _parent):  # FTS5 tables live in raw DDL only
        return type_ != "table" or name in modelled

    with mirror.engine.connect() as con:
        ctx = MigrationContext.configure(con, opts={"include_name": only_modelled})
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == []
    assert MigrationContext.configure(mirror.engine.connect()).get_current_revision() == head_revision()


def test_fast_head_revision_is_alembics_head():
    """A new migration must move HEAD_REVISION too, or mirrors would not be upgraded."""
    from offline_cache.database import HEAD_REVISION

    assert HEAD_REVISION == head_revision()


def test_wal_and_full_sync(mirror):
    with mirror.engine.connect() as con:
        assert con.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert con.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert con.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_bulk_write_restores_full_sync(mirror):
    with mirror.bulk_write() as s:
        assert s.execute(text("PRAGMA synchronous")).scalar() == 1
    with mirror.engine.connect() as con:
        assert con.exec_driver_sql("PRAGMA synchronous").scalar() == 2


def test_reopen_keeps_data_and_identity(tmp_path, clock):
    from services.incidents.deadlines import load_rules
    from services.incidents.service import IncidentService
    from services.incidents.taxonomy import load_taxonomy

    path = tmp_path / "m.db"
    m = open_mirror(path)
    mirror_id = m.meta("mirror_id")
    svc = IncidentService(m, load_taxonomy(), load_rules(), site_code="CQ", clock=clock)
    inc = svc.create_incident(draft(clock), "a")
    m.close()
    m2 = open_mirror(path)
    assert m2.meta("mirror_id") == mirror_id
    assert m2.health.moved_aside_to is None
    svc2 = IncidentService(m2, load_taxonomy(), load_rules(), site_code="CQ", clock=clock)
    assert svc2.get(inc.id).title == inc.title
    m2.close()


def test_garbage_file_is_moved_aside_not_deleted(tmp_path):
    path = tmp_path / "m.db"
    path.write_bytes(b"this is not a database" * 100)
    m = open_mirror(path)
    moved = m.health.moved_aside_to
    assert moved is not None and moved.exists()
    assert moved.read_bytes().startswith(b"this is not a database")
    assert check_file(path) == ""
    m.close()


def test_damaged_pages_are_detected_and_moved_aside(tmp_path, clock):
    path = tmp_path / "m.db"
    m = open_mirror(path)
    from services.incidents.deadlines import load_rules
    from services.incidents.service import IncidentService
    from services.incidents.taxonomy import load_taxonomy

    svc = IncidentService(m, load_taxonomy(), load_rules(), site_code="CQ", clock=clock)
    for _ in range(30):
        svc.create_incident(draft(clock, summary="现场" * 300), "a")
    with m.engine.connect() as con:
        con.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    m.close()
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page * 3, len(data) - page, page):  # scribble over interior pages
        data[offset + 100 : offset + 400] = b"\xff" * 300
    path.write_bytes(bytes(data))
    assert check_file(path) != ""
    m2 = open_mirror(path)
    assert m2.health.moved_aside_to is not None
    assert m2.health.moved_aside_to.stat().st_size == len(data)
    m2.close()


def test_the_check_started_early_moves_a_garbage_file_aside(tmp_path):
    """The entry point checks the file on a thread while it loads; open_mirror uses that
    result for that file only."""
    from offline_cache.file_check import EarlyCheck

    path = tmp_path / "m.db"
    path.write_bytes(b"this is not a database" * 100)
    early = EarlyCheck(path)
    assert early.result(tmp_path / "other.db") is None  # another file: checked there and then
    m = open_mirror(path, early_check=early)
    assert m.health.problem == "not a SQLite database"
    assert m.health.moved_aside_to is not None and m.health.moved_aside_to.exists()
    m.close()


def _limit_pages(mirror, pages: int):
    def on_connect(dbapi_con, _record):
        dbapi_con.execute(f"PRAGMA max_page_count={pages}")

    mirror.engine.dispose()
    event.listen(mirror.engine, "connect", on_connect)


def test_full_disk_keeps_whole_entry_or_none(incident_service, mirror, clock):
    inc = incident_service.create_incident(draft(clock), "a")
    before = len(incident_service.timeline(inc.id))
    with mirror.engine.connect() as con:
        used = con.exec_driver_sql("PRAGMA page_count").scalar()
    _limit_pages(mirror, used)  # the file may not grow any more: "database or disk is full"
    with pytest.raises(StorageError) as err:
        incident_service.append_entry(inc.id, EntryKind.NOTE, "很长的记录" * 3000, "a")
    assert err.value.problem == StorageProblem.DISK_FULL
    assert len(incident_service.timeline(inc.id)) == before
    with mirror.read() as s:
        assert s.execute(text("SELECT count(*) FROM outbox")).scalar() == 2


def test_read_only_mirror_refuses_writes_clearly(incident_service, mirror, clock):
    def on_connect(dbapi_con, _record):
        dbapi_con.execute("PRAGMA query_only=ON")

    mirror.engine.dispose()
    event.listen(mirror.engine, "connect", on_connect)
    with pytest.raises(StorageError) as err:
        incident_service.create_incident(draft(clock), "a")
    assert err.value.problem == StorageProblem.READ_ONLY


def test_open_in_unwritable_place_raises_storage_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises((StorageError, OSError)):
        open_mirror(blocker / "sub" / "m.db")


def test_character_index_function_registered_on_raw_connections(mirror):
    con = mirror.raw_connection()
    try:
        assert con.execute("SELECT wr_chars('火灾')").fetchone()[0] == "火 灾"
    finally:
        con.close()
    assert isinstance(con, sqlite3.Connection)


def test_old_mirror_is_migrated_with_its_data(tmp_path, clock):
    """A mirror left at revision 0001 gets the character index, backfilled."""
    from alembic import command
    from sqlalchemy import create_engine

    from offline_cache.database import _alembic_config, _set_pragmas
    from services.incidents.deadlines import load_rules
    from services.incidents.repository import IncidentQuery
    from services.incidents.service import IncidentService
    from services.incidents.taxonomy import load_taxonomy

    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _set_pragmas)
    with engine.begin() as con:
        command.upgrade(_alembic_config(con), "0001")
        con.exec_driver_sql(
            "INSERT INTO incidents (pk, id, site_code, code, title, category, type_code, type_name,"
            " severity, status, occurred_at, reported_at, place, division, deaths, injured, missing,"
            " trapped, source, reporter, reporter_phone, exercise, summary, created_by, updated_at,"
            " version, sync_state) VALUES (1, 'i-1', 'CQ', '2026-0001', '北碚区山洪', 'natural',"
            " 'flood', '洪涝', 'IV', 'received', '2026-11-22T07:00:00.000+00:00',"
            " '2026-11-22T07:05:00.000+00:00', '', '', 0, 0, 0, 0, 'phone', '', '', 0, '', 'a',"
            " '2026-11-22T07:05:00.000+00:00', 1, 'synced')"
        )
    engine.dispose()
    m = open_mirror(path)
    assert m.health.migrated_from == "0001"
    svc = IncidentService(m, load_taxonomy(), load_rules(), site_code="CQ", clock=clock)
    assert [i.id for i in svc.list_page(IncidentQuery(text="山洪", sort="code"), 0, 10)] == ["i-1"]
    m.close()


def test_a_cleanly_closed_mirror_opens_without_reading_it_all_and_anything_else_is_checked(tmp_path, monkeypatch):
    """The full check (seconds on a large mirror) runs after a crash, after any change
    made while closed, and once a week; a clean close of a sound file skips it."""
    import os
    import time

    import offline_cache.database as database
    from offline_cache import file_check

    path = tmp_path / "m.db"
    open_mirror(path).close()
    checks = []
    real = database.check_file
    monkeypatch.setattr(database, "check_file", lambda p: checks.append(p) or real(p))
    open_mirror(path).close()
    assert checks == []  # clean close: not read through again
    m = open_mirror(path)  # still open: the marker is gone, as after a crash
    assert not (tmp_path / "m.db.clean").exists()
    m.engine.dispose()  # a crash: no clean close
    open_mirror(path).close()
    assert len(checks) == 1
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 5_000_000_000))  # changed while closed
    open_mirror(path).close()
    assert len(checks) == 2
    assert file_check.left_clean(path) is not None
    assert file_check.left_clean(path, now=time.time() + file_check.RECHECK_AFTER_S + 1) is None  # a week on
