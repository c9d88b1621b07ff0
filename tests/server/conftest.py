"""Fixtures for the platform server: a real SQLite file, the real app, users of
every role, an injectable clock, and a live uvicorn server (tests.server.live_server)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient

from server import auth
from server.app import add_user, create_app
from server.notifications import LogGateway
from services.sync.wire import API_PREFIX
from tests.server.live_server import LiveServer, start_live_server

PASSWORD = "correct horse battery"
USERS = {"duty_officer": "duty", "commander": "cmd", "viewer": "view", "admin": "root", "duty_chief": "chief",
         "sensor_gateway": "gauge"}
T0 = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)


class ServerClock:
    """The server's clock, moved by hand."""

    def __init__(self, now: datetime = T0):
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs) -> None:
        self.now += timedelta(**kwargs)


def iso(value: datetime) -> str:
    return value.astimezone(UTC).isoformat(timespec="milliseconds")


@pytest.fixture(autouse=True, scope="session")
def cheap_argon2():
    """Real argon2, with parameters that hash in a millisecond."""
    auth.use_hasher(PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    yield
    auth.use_hasher(PasswordHasher())


@pytest.fixture(autouse=True)
def _platform_files_in_tmp(tmp_path, monkeypatch):
    """A PostgreSQL platform keeps its token key and notification log in the user's
    data folder: in tests, the test's own folder."""
    from server import app as app_module
    from server import audit_sign, token_key

    original = token_key.default_key_file
    monkeypatch.setattr(token_key, "default_key_file",
                        lambda url: original(url) if url.startswith("sqlite") else tmp_path / "pg-token.key")
    audit_key = audit_sign.default_key_file
    monkeypatch.setattr(audit_sign, "default_key_file",
                        lambda url: audit_key(url) if url.startswith("sqlite") else tmp_path / "pg-audit.key")
    log = app_module.notification_log
    monkeypatch.setattr(app_module, "notification_log",
                        lambda url: log(url) if url.startswith("sqlite") else tmp_path / "pg-notifications.log")


@pytest.fixture
def server_clock() -> ServerClock:
    return ServerClock()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    """Every server test runs twice: on a fresh SQLite file and on a fresh
    database in the real PostgreSQL the test session starts (tests/pg.py)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'platform.db'}"
    postgres = request.getfixturevalue("postgres")
    return postgres.create_database("t_" + uuid.uuid4().hex[:12])


@pytest.fixture
def key_file(tmp_path):
    """The token key of the test's platform (PostgreSQL's default is the user's data folder)."""
    return tmp_path / "token.key"


@pytest.fixture
def app(db_url, server_clock, key_file, tmp_path):
    app = create_app(db_url, clock=server_clock, key_file=key_file,
                     gateway=LogGateway(tmp_path / "notifications.log"))
    for role, name in USERS.items():
        add_user(app.state.db, name, PASSWORD, role)
    add_user(app.state.db, "retired", PASSWORD, "duty_officer")
    return app


@pytest.fixture
def client(app):
    with TestClient(app) as c:
        yield c


def login(client, username: str, password: str = PASSWORD):
    return client.post(API_PREFIX + "/auth/login", json={"username": username, "password": password})


@pytest.fixture
def tokens(client) -> dict[str, str]:
    """A bearer header per role, obtained by real logins."""
    out = {}
    for role, name in USERS.items():
        response = login(client, name)
        assert response.status_code == 200, response.text
        out[role] = {"Authorization": "Bearer " + response.json()["access_token"]}
    return out


@pytest.fixture
def live(db_url, key_file, tmp_path) -> LiveServer:
    server = start_live_server(db_url, key_file=key_file, gateway=LogGateway(tmp_path / "notifications.log"))
    for role, name in USERS.items():
        add_user(server.app.state.db, name, PASSWORD, role)
    yield server
    server.stop()


# ---- operation builders, shaped like services/incidents/service.py sends them ----


def incident_payload(incident_id: str | None = None, code: str = "2026-0001", **fields) -> dict:
    payload = {
        "id": incident_id or str(uuid.uuid4()), "site_code": "CQ", "code": code,
        "title": "Landslide at Wulong", "category": "natural", "type_code": "geo.landslide",
        "type_name": "Landslide", "severity": "III", "status": "received",
        "occurred_at": iso(T0 - timedelta(minutes=30)), "reported_at": iso(T0), "place": "Wulong",
        "lat": 29.3, "lon": 107.7, "division": "Wulong", "deaths": 0, "injured": 2, "missing": 1,
        "trapped": 0, "source": "phone", "reporter": "Li", "reporter_phone": "138 0000 0000",
        "exercise": False, "summary": "", "created_by": "duty",
    }  # fmt: skip
    payload.update(fields)
    return payload


def op(entity: str, entity_id: str, kind: str, payload: dict, *, base_version: int = 0,
       at: datetime = T0, site: str = "CQ", op_id: str | None = None) -> dict:  # fmt: skip
    return {
        "op_id": op_id or str(uuid.uuid4()), "entity": entity, "entity_id": entity_id, "op": kind,
        "base_version": base_version, "payload": payload, "priority": 1, "created_at": iso(at),
        "site_code": site,
    }  # fmt: skip


def create_op(payload: dict, **kw) -> dict:
    return op("incident", payload["id"], "create", payload, **kw)


def entry_op(incident_id: str, kind: str = "note", body: str = "called back", *,
             entry_id: str | None = None, at: datetime = T0, **kw) -> dict:  # fmt: skip
    entry_id = entry_id or str(uuid.uuid4())
    payload = {"id": entry_id, "incident_id": incident_id, "kind": kind, "body": body,
               "data": {"x": 1}, "author": "duty", "created_at": iso(at)}  # fmt: skip
    return op("entry", entry_id, "append", payload, at=at, **kw)


def update_op(incident_id: str, base_version: int, fields: dict, **kw) -> dict:
    return op("incident", incident_id, "update", {"fields": fields}, base_version=base_version, **kw)


def post_ops(client, headers, ops: list[dict], client_id: str = "site-a"):
    return client.post(API_PREFIX + "/ops", json={"client_id": client_id, "ops": ops}, headers=headers)


def send(client, headers, ops: list[dict]) -> list[dict]:
    response = post_ops(client, headers, ops)
    assert response.status_code == 200, response.text
    return response.json()["results"]


def all_changes(client, headers, after: int = 0) -> list[dict]:
    response = client.get(API_PREFIX + "/changes", params={"after": after, "limit": 5000},
                          headers=headers)  # fmt: skip
    assert response.status_code == 200, response.text
    return response.json()["changes"]
