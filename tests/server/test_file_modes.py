"""The platform's files are its own (issue 19, class 9): the SQLite database and
its -wal and -shm, the notification log (phone numbers, message texts) and the
token key are created 0600, the folders it makes 0700, whatever the umask;
files it finds readable by others are tightened."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from server.app import add_user, create_app
from server.main import db_url
from server.notifications import LogGateway
from tests.server.conftest import PASSWORD, create_op, incident_payload, login, send
from tests.server.kinds import GOOD


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture(autouse=True)
def permissive_umask():
    """As a careless service unit would start it."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_the_database_key_and_log_are_private(tmp_path):
    url = db_url(str(tmp_path / "srv" / "data" / "platform.db"))  # folders made for it
    app = create_app(url)
    add_user(app.state.db, "duty", PASSWORD, "duty_officer")
    with TestClient(app) as client:
        duty = {"Authorization": "Bearer " + login(client, "duty").json()["access_token"]}
        incident = incident_payload()
        results = send(client, duty, [create_op(incident), GOOD["notification"](incident["id"])])
        assert {r["status"] for r in results} == {"applied"}
        folder = tmp_path / "srv" / "data"
        files = ["platform.db", "platform.db-wal", "platform.db-shm", "platform.db.token-key", "notifications.log"]
        for name in files:
            assert (folder / name).exists(), name
            assert mode(folder / name) == 0o600, (name, oct(mode(folder / name)))
        assert mode(folder) == mode(tmp_path / "srv") == 0o700


def test_files_readable_by_others_are_tightened(tmp_path):
    path = tmp_path / "platform.db"
    create_app(f"sqlite:///{path}").state.db.dispose()
    for name in ("platform.db", "platform.db.token-key"):
        os.chmod(tmp_path / name, 0o644)
    create_app(f"sqlite:///{path}").state.db.dispose()
    assert mode(path) == mode(tmp_path / "platform.db.token-key") == 0o600


def test_the_notification_log_is_private(tmp_path):
    log = tmp_path / "new" / "notifications.log"
    LogGateway(log).send("sms", "139 0000 1111", "请立即到指挥中心集合")
    assert mode(log) == 0o600 and mode(log.parent) == 0o700
    os.chmod(log, 0o644)  # one an operator left open
    LogGateway(log).send("sms", "139 0000 1111", "again")
    assert mode(log) == 0o600 and len(log.read_text(encoding="utf-8").splitlines()) == 2
