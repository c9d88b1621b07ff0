"""Failed log-ins are counted in the database (issue 18 item 2), so two
replicas on one database throttle as one: guesses spread over both are still
five per name and address and twenty per address, answered 429 with
Retry-After on either; the table stays bounded and holds no name in clear.
On a SQLite file and on PostgreSQL."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from server.app import add_user, create_app
from server.notifications import LogGateway
from server.throttle import (
    LOCKOUT,
    MAX_ADDRESS_FAILURES,
    MAX_FAILURES,
    LoginFailureRow,
    LoginThrottle,
)
from services.sync.wire import API_PREFIX
from tests.server.conftest import PASSWORD

LOGIN = API_PREFIX + "/auth/login"


def _replicas(db_url, clock, key_file, tmp_path):
    apps = [create_app(db_url, clock=clock, key_file=key_file, gateway=LogGateway(tmp_path / f"n{i}.log"))
            for i in range(2)]
    add_user(apps[0].state.db, "duty", PASSWORD, "duty_officer")
    return apps


def _try(client, name, password):
    return client.post(LOGIN, json={"username": name, "password": password})


def test_guesses_spread_over_two_replicas_are_throttled_on_both(db_url, server_clock, key_file, tmp_path):
    a, b = _replicas(db_url, server_clock, key_file, tmp_path)
    with TestClient(a, client=("10.0.0.66", 1)) as on_a, TestClient(b, client=("10.0.0.66", 2)) as on_b:
        for i in range(MAX_FAILURES):
            assert _try(on_a if i % 2 else on_b, "duty", "guess-guess").status_code == 401
        for replica in (on_a, on_b):
            refused = _try(replica, "duty", PASSWORD)  # even the right password waits
            assert refused.status_code == 429 and 0 < int(refused.headers["Retry-After"]) <= LOCKOUT.seconds + 1
        with TestClient(b, client=("10.0.9.1", 3)) as own_desk:
            assert _try(own_desk, "duty", PASSWORD).status_code == 200  # not locked out from elsewhere
        server_clock.advance(seconds=LOCKOUT.seconds + 1)
        assert _try(on_a, "duty", PASSWORD).status_code == 200


def test_spraying_names_over_two_replicas_is_throttled(db_url, server_clock, key_file, tmp_path):
    a, b = _replicas(db_url, server_clock, key_file, tmp_path)
    with TestClient(a, client=("10.0.0.77", 1)) as on_a, TestClient(b, client=("10.0.0.77", 2)) as on_b:
        for i in range(MAX_ADDRESS_FAILURES):
            assert _try(on_a if i % 2 else on_b, f"guess-{i}", "hunter22").status_code == 401
        assert _try(on_a, "duty", PASSWORD).status_code == 429
        assert _try(on_b, "someone", "x").status_code == 429
        # a success does not forgive the address (a guesser holding one account cannot reset it)
        server_clock.advance(seconds=LOCKOUT.seconds + 1)
        assert _try(on_b, "duty", PASSWORD).status_code == 200


def test_the_table_is_bounded_and_holds_no_names(app, server_clock):
    throttle = LoginThrottle(app.state.db, server_clock, max_tracked=50)
    for i in range(200):
        throttle.failed(f"name-{i}", f"10.1.{i // 250}.{i % 250}")
        server_clock.advance(seconds=1)
    assert throttle.tracked() <= 50
    # the newest keep their count: the last pair is still remembered
    for _ in range(MAX_FAILURES - 1):
        throttle.failed("name-199", "10.1.0.199")
    assert throttle.retry_after("name-199", "10.1.0.199") > 0
    with Session(app.state.db.engine) as s:
        keys = s.scalars(select(LoginFailureRow.key)).all()
    assert all(len(k) == 64 and "name" not in k and "10.1" not in k for k in keys)


def test_a_run_of_failures_long_ago_starts_again(app, server_clock):
    throttle = LoginThrottle(app.state.db, server_clock)
    for _ in range(MAX_FAILURES - 1):
        throttle.failed("duty", "10.2.0.1")
    server_clock.advance(minutes=6)  # past the window: the old run is forgotten
    throttle.failed("duty", "10.2.0.1")
    assert throttle.retry_after("duty", "10.2.0.1") == 0
