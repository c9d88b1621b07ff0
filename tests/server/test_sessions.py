"""Sessions (issue 18 item 2): log out ends this session only, log out
everywhere every session of the account, a session idle longer than the
platform's timeout stops working (its use is written at most once a minute),
and all of it holds across two replicas on one database. On SQLite and
PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import event

from server import auth
from server.app import add_user, create_app
from server.notifications import LogGateway
from services.accounts.wire import LOGOUT_ALL_PATH, LOGOUT_PATH
from services.sync.wire import API_PREFIX
from tests.server.conftest import PASSWORD, T0

FEED = API_PREFIX + "/changes"


def _platform(db_url, clock, key_file, tmp_path, **options):
    app = create_app(db_url, clock=clock, key_file=key_file, gateway=LogGateway(tmp_path / "n.log"), **options)
    return app


def _bearer(client, name="duty", workstation="ws-1"):
    response = client.post(API_PREFIX + "/auth/login", json={"username": name, "password": PASSWORD,
                                                              "workstation": workstation})
    assert response.status_code == 200, response.text
    return {"Authorization": "Bearer " + response.json()["access_token"]}


def test_log_out_ends_this_session_and_log_out_everywhere_all(app, client):
    here, there = _bearer(client, workstation="ws-1"), _bearer(client, workstation="ws-2")
    other = _bearer(client, "cmd", workstation="ws-1")
    assert client.post(LOGOUT_PATH, headers=here).status_code == 204
    assert client.get(FEED, headers=here).status_code == 401
    assert client.get(FEED, headers=there).status_code == 200
    again = _bearer(client, workstation="ws-1")
    assert client.post(LOGOUT_ALL_PATH, headers=again).status_code == 204
    assert client.get(FEED, headers=there).status_code == 401 and client.get(FEED, headers=again).status_code == 401
    assert client.get(FEED, headers=other).status_code == 200  # another account on the same desk goes on
    assert client.get(FEED, headers=_bearer(client)).status_code == 200  # a new log-in works


def test_an_idle_session_stops_working_and_a_used_one_goes_on(db_url, server_clock, key_file, tmp_path):
    app = _platform(db_url, server_clock, key_file, tmp_path, idle_timeout=timedelta(minutes=15))
    add_user(app.state.db, "duty", PASSWORD, "duty_officer")
    with TestClient(app) as client:
        busy, idle = _bearer(client), _bearer(client, workstation="ws-2")
        for _ in range(6):  # 30 minutes of requests every 5 minutes
            server_clock.advance(minutes=5)
            assert client.get(FEED, headers=busy).status_code == 200
        assert client.get(FEED, headers=idle).status_code == 401
        server_clock.advance(minutes=14)
        assert client.get(FEED, headers=busy).status_code == 200
        server_clock.advance(minutes=16)
        response = client.get(FEED, headers=busy)
        assert response.status_code == 401 and "idle" in response.json()["detail"]
        # a token from before sessions cannot be timed: refused while an idle timeout is set
        legacy = auth.issue_token(app.state.token_secret, "duty", "duty_officer", server_clock() + timedelta(hours=1),
                                  version=1)
        assert client.get(FEED, headers={"Authorization": "Bearer " + legacy}).status_code == 401


def test_a_session_is_written_at_most_once_a_minute(db_url, server_clock, key_file, tmp_path):
    app = _platform(db_url, server_clock, key_file, tmp_path, idle_timeout=timedelta(minutes=15))
    add_user(app.state.db, "duty", PASSWORD, "duty_officer")
    updates: list[str] = []

    def count(_conn, _cursor, statement, *_args):
        if statement.lstrip().upper().startswith("UPDATE SESSIONS"):
            updates.append(statement)

    event.listen(app.state.db.write, "before_cursor_execute", count)
    with TestClient(app) as client:
        headers = _bearer(client)
        for _ in range(120):  # two minutes of a request every second
            server_clock.advance(seconds=1)
            assert client.get(FEED, headers=headers).status_code == 200
    assert 1 <= len(updates) <= 3


def test_two_replicas_share_log_out_and_idle(db_url, server_clock, key_file, tmp_path):
    """Replica B refuses a session logged out on A within its cache's seconds, and
    does not call a session idle that A saw used."""
    a = _platform(db_url, server_clock, key_file, tmp_path, idle_timeout=timedelta(minutes=10))
    b = _platform(db_url, server_clock, key_file, tmp_path, idle_timeout=timedelta(minutes=10))
    add_user(a.state.db, "duty", PASSWORD, "duty_officer")
    with TestClient(a) as on_a, TestClient(b) as on_b:
        headers = _bearer(on_a)
        assert on_b.get(FEED, headers=headers).status_code == 200
        for _ in range(4):  # used on A only, for 20 minutes
            server_clock.advance(minutes=5)
            assert on_a.get(FEED, headers=headers).status_code == 200
        assert on_b.get(FEED, headers=headers).status_code == 200  # B reads A's use
        assert on_a.post(LOGOUT_PATH, headers=headers).status_code == 204
        server_clock.advance(seconds=6)  # past B's cache
        assert on_b.get(FEED, headers=headers).status_code == 401
        # a workstation revoked on A is refused on B
        root_headers = _bearer(on_a, workstation="ws-9")
        assert on_b.get(FEED, headers=root_headers).status_code == 200
        from sqlalchemy.orm import Session

        from server import workstations

        with Session(a.state.db.write) as s, s.begin():
            workstations.revoke(s, "ws-9")
        server_clock.advance(seconds=6)
        assert on_b.get(FEED, headers=root_headers).status_code == 401


def test_the_token_lifetime_is_the_platforms(db_url, server_clock, key_file, tmp_path):
    app = _platform(db_url, server_clock, key_file, tmp_path, token_ttl=timedelta(minutes=45))
    add_user(app.state.db, "duty", PASSWORD, "duty_officer")
    with TestClient(app) as client:
        response = client.post(API_PREFIX + "/auth/login", json={"username": "duty", "password": PASSWORD})
        assert response.json()["expires_at"].startswith((T0 + timedelta(minutes=45)).isoformat()[:16])
        headers = {"Authorization": "Bearer " + response.json()["access_token"]}
        server_clock.advance(minutes=44)
        assert client.get(FEED, headers=headers).status_code == 200
        server_clock.advance(minutes=2)
        assert client.get(FEED, headers=headers).status_code == 401
