"""The platform's schema under Alembic (server/schema, issue 18 item 6): the revisions
make exactly what the models declare, on SQLite and PostgreSQL; a database made
before Alembic keeps its data when opened; replicas starting together on a new
database upgrade it once; `watchroom-server db ...` for an IT department."""

from __future__ import annotations

import logging
import sqlite3
import threading
import uuid
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from fastapi.testclient import TestClient
from sqlalchemy import Column, String, Table, create_engine, inspect, make_url, text
from sqlalchemy.orm import Session

from server import auth
from server.app import create_app
from server.db import connect, open_database, schema_lock
from server.main import main
from server.schema import (
    BASELINE,
    NeedsOwner,
    UnknownRevision,
    alembic_config,
    head_revision,
    script_directory,
    upgrade,
)
from server.schema.models import model_metadata
from tests.server.conftest import all_changes, login

DUMP = Path(__file__).with_name("platform_schema3.sql")  # made by the code before Alembic
NOW = "2026-11-22T08:00:00.000+00:00"
HOW_TO = "add a revision: server/schema/migrations/versions/README.md"


def schema_differences(engine) -> list:
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        return compare_metadata(context, model_metadata())


def revision_of(engine) -> list[str]:
    with engine.connect() as conn:
        return [r[0] for r in conn.execute(text("SELECT version_num FROM alembic_version"))]


def rows(engine, tables) -> dict[str, list[dict]]:
    """Every row of `tables`, in a stable order, as plain dicts."""
    out = {}
    with engine.connect() as conn:
        for table in tables:
            result = conn.execute(text(f"SELECT * FROM {table}"))
            out[table] = sorted((dict(r._mapping) for r in result), key=repr)
    return out


def restricted(after: dict[str, list[dict]], before: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """`after` with only the columns `before` had (an upgrade may add columns), the
    legacy steps' own record set back (server_meta schema_version: now 4)."""
    after = {**after, "server_meta": [{**r, "value": old[0]["value"]} if r["key"] == "schema_version" and
                                      (old := [b for b in before["server_meta"] if b["key"] == "schema_version"])
                                      else r for r in after["server_meta"]]}
    return {t: sorted(({k: r[k] for k in before[t][0]} for r in after[t]), key=repr) if before[t] else after[t]
            for t in before}


def test_one_line_of_revisions():
    """Two slices each adding the same next number would leave two heads: Alembic
    would refuse to upgrade. One head, one base, numbered in order."""
    scripts = script_directory()
    assert len(scripts.get_heads()) == 1, f"more than one head {scripts.get_heads()}: renumber and chain them"
    assert scripts.get_base() == BASELINE
    order = [s.revision for s in reversed(list(scripts.walk_revisions()))]
    assert order == [f"{n:04d}" for n in range(1, len(order) + 1)]


def test_the_revisions_make_what_the_models_declare(db_url):
    """A table or column added to the models without a revision fails here."""
    db = open_database(db_url)
    try:
        differences = schema_differences(db.engine)
        assert differences == [], f"the models and the revisions differ ({HOW_TO}): {differences}"
        assert revision_of(db.engine) == [head_revision()]
    finally:
        db.dispose()


def test_a_platform_made_before_alembic_keeps_its_data(tmp_path, server_clock):
    """A real schema-3 database (made by the code before Alembic, with data) opened by
    today's code: every row kept, the new columns and tables added, Alembic at the
    head, the schema that of the models, the platform serving its records."""
    path = tmp_path / "platform.db"
    with sqlite3.connect(path) as con:
        con.executescript(DUMP.read_text(encoding="utf-8"))
    path.chmod(0o600)
    url = f"sqlite:///{path}"
    engine = create_engine(url)
    tables = inspect(engine).get_table_names()
    assert "alembic_version" not in tables and "workstations" not in tables
    before = rows(engine, tables)
    assert len(before["incidents"]) == 12 and len(before["entries"]) > 12
    engine.dispose()
    db = open_database(url)
    try:
        after = rows(db.engine, tables)
        assert restricted(after, before) == before
        assert {"key": "schema_version", "value": "4"} in after["server_meta"]  # the legacy steps ran
        assert {u["clearance"] for u in after["users"]} == {1}
        assert revision_of(db.engine) == [head_revision()]
        differences = schema_differences(db.engine)
        assert differences == [], f"a database made before Alembic differs from the models: {differences}"
        with Session(db.write) as s, s.begin():
            auth.create_user(s, "wang", "a long password", "viewer")
    finally:
        db.dispose()
    app = create_app(url, clock=server_clock, key_file=tmp_path / "k.key")
    with TestClient(app) as client:
        token = login(client, "wang", "a long password").json()["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        fed = {c["entity_id"] for c in all_changes(client, headers) if c["entity"] == "incident"}
    assert fed == {r["id"] for r in before["incidents"]}


def make_schema3_platform(url: str) -> None:
    """A schema-3 platform on either database, built from the baseline (schema 4)
    taken back: no users.clearance, no workstations, no Alembic; with data."""
    engine = create_engine(url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), BASELINE)
        conn.execute(text("DROP TABLE alembic_version"))
        conn.execute(text("DROP TABLE workstations"))
        conn.execute(text("ALTER TABLE users DROP COLUMN clearance"))
        conn.execute(text("INSERT INTO server_meta (key, value) VALUES ('schema_version', '3'), "
                          "('cluster_id', 'old-cluster')"))
        # Plain SQL of schema 3: the models may have gained columns since.
        conn.execute(text("INSERT INTO users (id, username, password_hash, role, active, token_version, "
                          "unit_id, site_code) VALUES (7, 'li', 'x', 'duty_officer', :t, 3, '', 'CQ')"), {"t": True})
        conn.execute(text(
            "INSERT INTO incidents (id, site_code, code, title, category, type_code, type_name, severity, status, "
            "occurred_at, reported_at, place, division, deaths, injured, missing, trapped, source, reporter, "
            "reporter_phone, exercise, summary, created_by, created_by_account, updated_at, last_report_seq, "
            "version, field_clock) VALUES ('inc-1', 'CQ', 'CQ-2026-0001', '旧库里的事件', 'natural', '', '', "
            "'III', 'received', :at, :at, '', '', 0, 0, 0, 0, 'phone', '', '', :f, '', '李', 'li', :at, 0, 2, '{}')"),
            {"at": NOW, "f": False})
        conn.execute(text("INSERT INTO entries (id, incident_id, kind, body, data, author, created_at, seq) "
                          "VALUES ('ent-1', 'inc-1', 'note', '旧记录', '{}', '李', :at, 1)"), {"at": NOW})
        conn.execute(text("INSERT INTO changes (entity, entity_id, at, account) VALUES ('incident', 'inc-1', :at, 'li')"),
                     {"at": NOW})
    engine.dispose()


def test_a_schema_3_platform_upgrades_on_either_database(db_url):
    make_schema3_platform(db_url)
    tables = ["users", "incidents", "entries", "changes", "server_meta"]
    engine = create_engine(db_url)
    before = rows(engine, tables)
    engine.dispose()
    db = open_database(db_url)
    try:
        after = rows(db.engine, tables)
        assert restricted(after, before) == before  # the cluster id included
        assert {"key": "schema_version", "value": "4"} in after["server_meta"]
        assert [u["clearance"] for u in after["users"]] == [1]
        assert "workstations" in inspect(db.engine).get_table_names()
        assert revision_of(db.engine) == [head_revision()]
        assert schema_differences(db.engine) == []
    finally:
        db.dispose()


def test_two_replicas_opening_a_new_database_together_upgrade_it_once(db_url, caplog):
    caplog.set_level(logging.INFO, logger="alembic.runtime.migration")
    start = threading.Barrier(2)
    failures: list[BaseException] = []

    def replica() -> None:
        try:
            start.wait(10)
            open_database(db_url).dispose()
        except BaseException as exc:  # noqa: BLE001 - reported below
            failures.append(exc)

    threads = [threading.Thread(target=replica) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not any(t.is_alive() for t in threads), "a replica never finished opening"
    assert failures == []
    ran = [r.getMessage() for r in caplog.records if r.getMessage().startswith("Running upgrade")]
    assert len([m for m in ran if f"-> {BASELINE}" in m]) == 1, ran
    engine = create_engine(db_url)
    try:
        assert revision_of(engine) == [head_revision()]
    finally:
        engine.dispose()


def test_the_db_commands(tmp_path, capsys):
    path = tmp_path / "p.db"
    head = head_revision()
    assert main(["db", "current", "--db", str(path)]) == 0
    assert "empty database" in capsys.readouterr().out
    assert main(["db", "check", "--db", str(path)]) == 1
    assert main(["db", "upgrade", "--db", str(path)]) == 0
    assert capsys.readouterr().out.strip().endswith(f"-> {head}")
    assert main(["db", "upgrade", "--db", str(path)]) == 0
    assert "already the newest" in capsys.readouterr().out
    assert main(["db", "check", "--db", str(path)]) == 0
    assert capsys.readouterr().out.strip() == f"{head} (head)"
    assert main(["db", "history", "--db", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"{BASELINE}  Baseline") and lines[-1].endswith("<- this database")
    # A database made before Alembic: said so, and `upgrade` brings it to the head.
    old = tmp_path / "old.db"
    with sqlite3.connect(old) as con:
        con.executescript(DUMP.read_text(encoding="utf-8"))
    assert main(["db", "check", "--db", str(old)]) == 1
    assert "before Alembic: schema_version 3" in capsys.readouterr().out
    assert main(["db", "upgrade", "--db", str(old)]) == 0
    assert capsys.readouterr().out.strip().endswith(f"-> {head}")


def test_an_unknown_revision_is_refused_and_nothing_changes(tmp_path, capsys):
    """A database from a newer platform (a revision this code does not know) is
    refused, not opened half-understood."""
    url = f"sqlite:///{tmp_path / 'p.db'}"
    open_database(url).dispose()
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0999'"))
    with pytest.raises(UnknownRevision, match="'0999', which this version of the platform does not know"):
        open_database(url)
    assert main(["db", "upgrade", "--db", str(tmp_path / "p.db")]) == 2
    assert "a newer one upgraded it" in capsys.readouterr().err
    with pytest.raises(SystemExit, match="^watchroom-server: the platform database is at schema revision '0999'"):
        main(["--db", str(tmp_path / "p.db"), "--revoke-tokens", "li"])
    assert revision_of(engine) == ["0999"]
    engine.dispose()


def test_a_draft_revision_makes_what_the_models_added(tmp_path, monkeypatch):
    """server/schema/draft.py (make schema-revision): a table the models gained and no
    revision makes is in the draft, and the draft applied leaves no difference."""
    import shutil

    import server.schema
    from server.db import Base
    from server.schema.draft import draft

    for name in ("env.py", "script.py.mako", "versions"):
        source = server.schema.SCHEMA_DIR / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    monkeypatch.setattr(server.schema, "SCHEMA_DIR", tmp_path)
    assert draft("nothing new") is None and not list((tmp_path / "versions").glob("*nothing_new*"))
    probe = Table("draft_probe", Base.metadata, Column("id", String(36), primary_key=True),
                  Column("note", String(200), nullable=False, server_default=""))
    number = f"{int(head_revision()) + 1:04d}"
    try:
        written = draft("probe table")
        assert written.name == f"{number}_probe_table.py" and written.parent == tmp_path / "versions"
        assert "op.create_table('draft_probe'" in written.read_text(encoding="utf-8")
        url = f"sqlite:///{tmp_path / 'p.db'}"
        db = open_database(url)
        try:
            assert schema_differences(db.engine) == []
            assert revision_of(db.engine) == [number]
        finally:
            db.dispose()
    finally:
        Base.metadata.remove(probe)


def test_the_legacy_steps_are_frozen_at_schema_4():
    """server/migrate.py brings only databases made before Alembic to the baseline;
    a column added there would be missing from every new database."""
    from server import migrate

    assert migrate.SCHEMA_VERSION == 4, "server/migrate.py is frozen: a change is a revision now (" + HOW_TO + ")"
    assert migrate._STEP4_COLUMNS == {"users": {"clearance": "INTEGER NOT NULL DEFAULT 1"}}, (
        "server/migrate.py is frozen at schema 4: move these columns into a revision (" + HOW_TO + ")")
    added = sorted(n for n in vars(migrate) if n.endswith("_COLUMNS") and n not in ("_STEP3_COLUMNS", "_STEP4_COLUMNS"))
    assert added == [], f"server/migrate.py is frozen at schema 4: move {added} into a revision ({HOW_TO})"


def test_an_account_that_may_not_change_the_schema_is_told_to_run_db_upgrade(postgres):
    """A PostgreSQL role that does not own the tables (row-level security) cannot
    upgrade: it is told how, nothing is half-made, and once the owner has upgraded
    there is nothing for it to change. (The schema step alone: what open_database
    does after it, e.g. installing policies, is not this test's.)"""
    name = "t_" + uuid.uuid4().hex[:12]
    db_url, role = postgres.create_database(name), "app_" + name
    owner = create_engine(db_url)
    with owner.begin() as conn:
        conn.execute(text(f"CREATE ROLE {role} LOGIN"))
        conn.execute(text(f"REVOKE CREATE ON SCHEMA public FROM PUBLIC, {role}"))
    app = connect(make_url(db_url).set(username=role).render_as_string(hide_password=False))
    try:
        with pytest.raises(NeedsOwner, match=r"run `watchroom-server db upgrade --db URL` once with the URL of the tables' owner"):
            with schema_lock(app) as conn:
                upgrade(conn)
        assert inspect(owner).get_table_names() == []  # nothing half-made
        assert main(["db", "upgrade", "--db", db_url]) == 0  # the owner upgrades
        with owner.begin() as conn:
            conn.execute(text(f"GRANT SELECT ON alembic_version TO {role}"))
        with schema_lock(app) as conn:
            assert upgrade(conn).version == head_revision()  # at the head: nothing to change
    finally:
        app.dispose()
        owner.dispose()


def test_two_platforms_opened_at_once_in_one_process_each_get_their_schema(tmp_path):
    """Alembic's op and context are process-wide: two new databases upgraded by two
    threads at once must each get every table, none the other's."""
    urls = [f"sqlite:///{tmp_path / f'p{n}.db'}" for n in range(3)]
    start = threading.Barrier(len(urls))
    failures: list[BaseException] = []

    def replica(url: str) -> None:
        try:
            start.wait(10)
            open_database(url).dispose()
        except BaseException as exc:  # noqa: BLE001 - reported below
            failures.append(exc)

    threads = [threading.Thread(target=replica, args=(url,)) for url in urls]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert failures == []
    for url in urls:
        engine = create_engine(url)
        try:
            assert schema_differences(engine) == [] and revision_of(engine) == [head_revision()]
        finally:
            engine.dispose()


def test_a_failed_upgrade_leaves_the_database_as_it_was(db_url, monkeypatch):
    """One transaction: the baseline's new tables and the legacy steps go with a
    failure after them, on either database; the next start tries again."""
    import server.migrate

    make_schema3_platform(db_url)
    engine = create_engine(db_url)
    tables = set(inspect(engine).get_table_names())

    def failing(conn):
        conn.execute(text("UPDATE incidents SET title = 'half-done'"))
        raise RuntimeError("disk full")

    monkeypatch.setattr(server.migrate, "migrate", failing)
    with pytest.raises(RuntimeError, match="disk full"):
        open_database(db_url)
    assert set(inspect(engine).get_table_names()) == tables  # no workstations, no alembic_version
    with engine.connect() as conn:
        assert conn.scalar(text("SELECT title FROM incidents")) == "旧库里的事件"
    engine.dispose()
    monkeypatch.undo()
    db = open_database(db_url)
    try:
        assert revision_of(db.engine) == [head_revision()] and schema_differences(db.engine) == []
    finally:
        db.dispose()
