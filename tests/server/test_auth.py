"""Logins, tokens and the role matrix against every endpoint."""

from __future__ import annotations

import base64
import json

import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session

from server.auth import issue_token, read_token
from server.db import UserRow
from services.sync.wire import API_PREFIX
from tests.server.conftest import PASSWORD, T0, create_op, incident_payload, login


def test_login_returns_a_token_for_the_right_password(client, server_clock):
    response = login(client, "duty")
    assert response.status_code == 200
    body = response.json()
    assert body["username"] == "duty" and body["role"] == "duty_officer"
    assert body["expires_at"] == "2026-11-22T20:00:00.000+00:00"  # 12 h default
    headers = {"Authorization": "Bearer " + body["access_token"]}
    assert client.get(API_PREFIX + "/changes", headers=headers).status_code == 200


@pytest.mark.parametrize(
    "username,password", [("duty", "wrong password"), ("nobody", PASSWORD), ("DUTY", PASSWORD)]
)
def test_login_refuses_wrong_credentials_without_saying_which(client, username, password):
    response = login(client, username, password)
    assert response.status_code == 401
    assert response.json()["detail"] == "wrong username or password"


def test_login_refuses_an_inactive_user(client, app):
    with Session(app.state.db.write) as s, s.begin():
        s.execute(update(UserRow).where(UserRow.username == "retired").values(active=False))
    assert login(client, "retired").status_code == 401


def test_login_body_is_validated(client):
    response = client.post(API_PREFIX + "/auth/login", json={"username": "", "password": "x"})
    assert response.status_code == 422


def test_token_expires_after_its_lifetime(client, server_clock):
    headers = {"Authorization": "Bearer " + login(client, "view").json()["access_token"]}
    server_clock.advance(hours=11, minutes=59)
    assert client.get(API_PREFIX + "/changes", headers=headers).status_code == 200
    server_clock.advance(minutes=1)
    response = client.get(API_PREFIX + "/changes", headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"


def _forgeries(secret: str, genuine: str) -> list[str]:
    body, _, sig = genuine.partition(".")
    claims = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    promoted = base64.urlsafe_b64encode(json.dumps({**claims, "r": "admin"}).encode()).rstrip(b"=")
    return [
        promoted.decode() + "." + sig,  # claims changed, old signature
        body + "." + sig[:-2] + ("AA" if not sig.endswith("AA") else "BB"),  # signature changed
        issue_token("another secret", "view", "admin", T0.replace(year=2030)),  # wrong key
        body,  # no signature
        "." + sig,
        "garbage",
        "",
    ]


def test_forged_tokens_get_401(client, app):
    genuine = login(client, "view").json()["access_token"]
    for token in _forgeries(app.state.token_secret, genuine):
        response = client.get(API_PREFIX + "/changes", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401, token
    assert client.get(API_PREFIX + "/changes", headers={"Authorization": genuine}).status_code == 401


def test_read_token_round_trip_and_unknown_role():
    secret = "s"
    claims = read_token(secret, issue_token(secret, "a", "viewer", T0.replace(hour=9), version=3, workstation="w"), T0)
    assert (claims.username, claims.role, claims.version, claims.workstation) == ("a", "viewer", 3, "w")
    assert read_token(secret, issue_token(secret, "a", "root", T0.replace(hour=9)), T0) is None


# ---- the role matrix ----------------------------------------------------------

ROLES = ("none", "duty_officer", "duty_chief", "commander", "viewer", "admin", "sensor_gateway")
WRITE = {"none": 401, "duty_officer": 200, "duty_chief": 200, "commander": 200, "viewer": 403, "admin": 200,
         "sensor_gateway": 403}
READ = {"none": 401, "duty_officer": 200, "duty_chief": 200, "commander": 200, "viewer": 200, "admin": 200,
        "sensor_gateway": 403}
OPEN = dict.fromkeys(ROLES, 200)


def _call(client, endpoint: str, headers: dict):
    if endpoint == "health":
        return client.get(API_PREFIX + "/health", headers=headers)
    if endpoint == "login":
        return client.post(API_PREFIX + "/auth/login", json={"username": "cmd", "password": PASSWORD},
                           headers=headers)  # fmt: skip
    if endpoint == "ops":
        ops = [create_op(incident_payload())]
        return client.post(API_PREFIX + "/ops", json={"client_id": "t", "ops": ops}, headers=headers)
    if endpoint == "changes":
        return client.get(API_PREFIX + "/changes", headers=headers)
    if endpoint == "snapshot":
        return client.get(API_PREFIX + "/snapshot", params={"entity": "incident"}, headers=headers)
    if endpoint == "openapi":
        return client.get("/openapi.json", headers=headers)
    raise AssertionError(endpoint)


MATRIX = [
    (endpoint, role, expected[role])
    for endpoint, expected in [
        ("health", OPEN), ("login", OPEN), ("openapi", OPEN), ("ops", WRITE), ("changes", READ),
        ("snapshot", READ),
    ]  # fmt: skip
    for role in ROLES
]


@pytest.mark.parametrize("endpoint,role,expected", MATRIX)
def test_role_matrix(client, tokens, endpoint, role, expected):
    headers = tokens.get(role, {})
    response = _call(client, endpoint, headers)
    assert response.status_code == expected, response.text


@pytest.mark.parametrize("role", ROLES)
def test_role_matrix_events(live, role):
    """The event stream, over real HTTP: readers get a stream, others 401/403."""
    import httpx

    from tests.server.conftest import USERS

    headers = {}
    if role != "none":
        token = httpx.post(live.url + API_PREFIX + "/auth/login",
                           json={"username": USERS[role], "password": PASSWORD}).json()["access_token"]  # fmt: skip
        headers = {"Authorization": f"Bearer {token}"}
    with httpx.stream("GET", live.url + API_PREFIX + "/events", headers=headers, timeout=5) as r:
        assert r.status_code == READ[role]
        if r.status_code == 200:
            assert r.headers["content-type"].startswith("text/event-stream")


def test_repeated_failed_logins_are_throttled_then_forgiven(client, server_clock):
    for _ in range(5):
        assert login(client, "duty", "guess-guess").status_code == 401
    refused = login(client, "duty")  # even the right password waits now
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0
    assert login(client, "cmd").status_code == 200  # another user is not affected
    server_clock.advance(minutes=6)
    assert login(client, "duty").status_code == 200
    assert login(client, "duty", "guess-guess").status_code == 401  # counting starts afresh
    assert login(client, "duty").status_code == 200
