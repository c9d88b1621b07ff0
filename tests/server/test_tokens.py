"""Tokens end with their account (issue 19, class 4): deactivating, demoting,
a new password or an explicit revoke ends the account's tokens within the
account cache's few seconds, on every replica; the signing secret is in the
environment or a 0600 key file, never in the database, and an older database's
secret moves out of it (the tokens it signed stay good) leaving no copy in the file."""

from __future__ import annotations

import io
import os
import stat
from datetime import timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from server import accounts, auth
from server.accounts import CACHE_TTL
from server.app import create_app
from server.db import MetaRow, open_database
from server.main import main
from services.sync.wire import API_PREFIX
from tests.server.conftest import create_op, incident_payload, login, post_ops

WAIT = CACHE_TTL + timedelta(seconds=1)
PW = "a long password"


def bearer(client, name: str, password: str | None = None) -> dict:
    response = login(client, name, *([password] if password else []))
    assert response.status_code == 200, response.text
    return {"Authorization": "Bearer " + response.json()["access_token"]}


def feed(client, headers) -> int:
    return client.get(API_PREFIX + "/changes", headers=headers).status_code


def change(app, fn, *args) -> None:
    with Session(app.state.db.write) as s, s.begin():
        fn(s, *args)


@pytest.mark.parametrize("what", ["deactivate", "demote", "password", "revoke"])
def test_an_account_change_ends_its_tokens(client, app, server_clock, what):
    headers = bearer(client, "cmd")
    assert feed(client, headers) == 200
    if what == "deactivate":
        change(app, accounts.set_active, "cmd", False)
    elif what == "demote":
        change(app, accounts.set_role, "cmd", "viewer")
    elif what == "password":
        change(app, accounts.set_password, "cmd", "a brand new password")
    else:
        change(app, accounts.revoke_tokens, "cmd")
    server_clock.advance(seconds=WAIT.total_seconds())  # the account cache's few seconds, not 12 hours
    refused = client.get(API_PREFIX + "/changes", headers=headers)
    assert refused.status_code == 401 and "log in again" in refused.json()["detail"]
    assert post_ops(client, headers, [create_op(incident_payload())]).status_code == 401
    if what == "demote":  # a new log-in carries the new role
        viewer = bearer(client, "cmd")
        assert feed(client, viewer) == 200
        assert post_ops(client, viewer, [create_op(incident_payload())]).status_code == 403
    if what == "revoke":
        assert feed(client, bearer(client, "cmd")) == 200  # revoking ends sessions, not the account
    if what == "deactivate":
        assert login(client, "cmd").status_code == 401


def test_replicas_agree_through_the_database(db_url, app, client, server_clock, key_file):
    other = create_app(db_url, clock=server_clock, key_file=key_file)  # a second replica
    with TestClient(other) as second:
        headers = bearer(client, "duty")
        assert feed(second, headers) == 200
        change(app, accounts.revoke_tokens, "duty")
        server_clock.advance(seconds=WAIT.total_seconds())
        assert feed(client, headers) == feed(second, headers) == 401


def test_the_command_line_revokes_and_deactivates(tmp_path, monkeypatch, server_clock, capsys):
    path = tmp_path / "p.db"
    monkeypatch.setattr("sys.stdin", io.StringIO(PW + "\n"))
    assert main(["--db", str(path), "--create-user", "li", "--role", "duty_officer"]) == 0
    app = create_app(f"sqlite:///{path}", clock=server_clock)
    with TestClient(app) as client:
        headers = bearer(client, "li", PW)
        assert main(["--db", str(path), "--revoke-tokens", "li"]) == 0  # another process, as an operator runs it
        assert "every session of li is ended" in capsys.readouterr().out
        server_clock.advance(seconds=WAIT.total_seconds())
        assert feed(client, headers) == 401
        headers = bearer(client, "li", PW)
        assert main(["--db", str(path), "--deactivate", "li"]) == 0
        server_clock.advance(seconds=WAIT.total_seconds())
        assert feed(client, headers) == 401 and login(client, "li", PW).status_code == 401
        assert main(["--db", str(path), "--activate", "li"]) == 0
        assert feed(client, bearer(client, "li", PW)) == 200
    with pytest.raises(SystemExit, match="no user"):
        main(["--db", str(path), "--revoke-tokens", "nobody"])


def file_bytes(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists())


def test_the_secret_is_in_a_private_key_file_not_the_database(db_url, app, key_file):
    secret = app.state.token_secret
    assert key_file.read_text().strip() == secret
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    with Session(app.state.db.engine) as s:
        assert s.scalars(select(MetaRow.key)).all() and s.get(MetaRow, "token_secret") is None
    if db_url.startswith("sqlite"):
        assert secret.encode() not in file_bytes(Path(db_url.removeprefix("sqlite:///")))


def test_the_environment_overrides_the_key_file(tmp_path, monkeypatch):
    monkeypatch.setenv("WATCHROOM_TOKEN_SECRET", "s" * 40)
    app = create_app(f"sqlite:///{tmp_path / 'p.db'}", key_file=tmp_path / "unused.key")
    assert app.state.token_secret == "s" * 40 and not (tmp_path / "unused.key").exists()
    monkeypatch.setenv("WATCHROOM_TOKEN_SECRET", "short")
    with pytest.raises(SystemExit, match="shorter than"):
        create_app(f"sqlite:///{tmp_path / 'p.db'}")


def test_an_older_databases_secret_moves_out_of_it(db_url, tmp_path, server_clock):
    """Until now the secret sat in server_meta: it moves to the key file, tokens it
    signed keep working, and the database (and a SQLite file's bytes) no longer hold it."""
    old_secret = "an-old-secret-from-server-meta-0123456789-abcdef"
    db = open_database(db_url)
    with Session(db.write) as s, s.begin():
        s.add(MetaRow(key="token_secret", value=old_secret))
        auth.create_user(s, "li", "a long password", "viewer")
    db.dispose()
    token = auth.issue_token(old_secret, "li", "viewer", server_clock() + timedelta(hours=1), version=1)
    key = tmp_path / "moved.key"
    app = create_app(db_url, clock=server_clock, key_file=key)
    assert app.state.token_secret == old_secret and key.read_text().strip() == old_secret
    with TestClient(app) as client:
        assert feed(client, {"Authorization": f"Bearer {token}"}) == 200
    with Session(app.state.db.engine) as s:
        assert s.get(MetaRow, "token_secret") is None
    if db_url.startswith("sqlite"):
        assert old_secret.encode() not in file_bytes(Path(db_url.removeprefix("sqlite:///")))


def test_a_schema_2_platform_gains_the_account_columns_when_opened(db_url, tmp_path, server_clock):
    """The columns this issue adds, dropped again as a wave-2 database lacks them: opening it
    adds them (old rows keep "" accounts, users version 1), tokens of its users work."""
    from sqlalchemy import create_engine, inspect, text

    from server.migrate import _STEP3_COLUMNS

    db = open_database(db_url)
    with Session(db.write) as s, s.begin():
        auth.create_user(s, "li", "a long password", "duty_officer")
    db.dispose()
    owner = create_engine(db_url)  # the schema's owner: the platform itself owns nothing (server/pg_rls.py)
    with owner.begin() as conn:
        for table, columns in _STEP3_COLUMNS.items():
            for name in columns:
                conn.execute(text(f"ALTER TABLE {table} DROP COLUMN {name}"))
        conn.execute(text("INSERT INTO server_meta (key, value) VALUES ('schema_version', '2')"))
        conn.execute(text("DROP TABLE alembic_version"))  # made before Alembic
    owner.dispose()
    app = create_app(db_url, clock=server_clock, key_file=tmp_path / "k.key")
    columns = {c["name"] for c in inspect(app.state.db.engine).get_columns("users")}
    assert {"token_version", "unit_id", "site_code"} <= columns
    with TestClient(app) as client:
        headers = bearer(client, "li", "a long password")
        assert post_ops(client, headers, [create_op(incident_payload())]).status_code == 200
        record = client.get(API_PREFIX + "/changes", headers=headers).json()["changes"][0]["data"]
        assert record["created_by_account"] == "li"
