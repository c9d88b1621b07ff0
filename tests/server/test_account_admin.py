"""The platform admin API (issue 18 item 2): an admin lists accounts and
workstations, creates an account, sets its role and clearance, resets its
password, deactivates and activates it and revokes its sessions; the same for
workstations. Every other role is refused; every action is attributed to the
token's account; the password policy refuses with codes; an admin cannot lock
itself out. On SQLite and PostgreSQL."""

from __future__ import annotations

from fastapi.testclient import TestClient

from services.sync.wire import API_PREFIX
from tests.server.conftest import PASSWORD, USERS, create_op, incident_payload, send

ADMIN = API_PREFIX + "/admin"
GOOD = "Sturdy-Pass-2026"


def _login(client, name, password=PASSWORD, workstation=""):
    return client.post(API_PREFIX + "/auth/login", json={"username": name, "password": password,
                                                          "workstation": workstation})


def _bearer(client, name, password=PASSWORD, workstation=""):
    response = _login(client, name, password, workstation)
    assert response.status_code == 200, response.text
    return {"Authorization": "Bearer " + response.json()["access_token"]}


def _events(app) -> list:
    seen: list = []
    app.state.account_events.subscribe(seen.append)
    return seen


def test_only_an_admin_may_use_the_admin_api(client):
    for role, name in USERS.items():
        if role == "admin":
            continue
        headers = _bearer(client, name)
        assert client.get(ADMIN + "/directory", headers=headers).status_code == 403
        created = client.post(ADMIN + "/users", headers=headers,
                              json={"username": "x", "password": GOOD, "role": "viewer", "clearance": 1})
        assert created.status_code == 403
        assert client.put(ADMIN + "/users/view/clearance", json={"clearance": 3}, headers=headers).status_code == 403
    assert client.get(ADMIN + "/directory").status_code == 401


def test_an_admin_lists_creates_and_changes_accounts_each_attributed(app, client):
    seen = _events(app)
    root = _bearer(client, "root", workstation="ws-admin")
    listing = client.get(ADMIN + "/directory", headers=root).json()
    assert {a["username"] for a in listing["accounts"]} >= set(USERS.values())
    assert [w["name"] for w in listing["workstations"]] == ["ws-admin"]  # registered at its first log-in
    assert listing["policy"] == {"min_length": 12, "min_classes": 3, "forbid_username": True}
    made = client.post(ADMIN + "/users", headers=root,
                       json={"username": "wang", "password": GOOD, "role": "duty_officer", "clearance": 2})
    assert made.status_code == 201 and made.json()["clearance"] == 2
    assert _login(client, "wang", GOOD).status_code == 200
    again = client.post(ADMIN + "/users", headers=root,
                        json={"username": "wang", "password": GOOD, "role": "viewer", "clearance": 1})
    assert again.status_code == 409
    role = client.put(ADMIN + "/users/wang/role", json={"role": "commander"}, headers=root)
    assert role.status_code == 200 and role.json()["role"] == "commander"
    level = client.put(ADMIN + "/users/wang/clearance", json={"clearance": 9}, headers=root)
    assert level.status_code == 200 and level.json()["clearance"] == 9
    for bad in (10, -1, "3", 2.5, True):
        assert client.put(ADMIN + "/users/wang/clearance", json={"clearance": bad}, headers=root).status_code == 422
    assert client.put(ADMIN + "/users/nobody/clearance", json={"clearance": 1}, headers=root).status_code == 404
    kinds = [(e.kind, e.by, e.workstation, e.target) for e in seen if e.by == "root"]
    assert ("create_user", "root", "ws-admin", "wang") in kinds
    assert ("set_role", "root", "ws-admin", "wang") in kinds
    assert ("set_clearance", "root", "ws-admin", "wang") in kinds


def test_reset_deactivate_and_revoke_end_the_users_sessions(client):
    root = _bearer(client, "root")
    duty = _bearer(client, "duty")
    feed = API_PREFIX + "/changes"
    assert client.get(feed, headers=duty).status_code == 200
    assert client.post(ADMIN + "/users/duty/revoke", headers=root).status_code == 204
    assert client.get(feed, headers=duty).status_code == 401
    duty = _bearer(client, "duty")
    assert client.put(ADMIN + "/users/duty/password", json={"password": GOOD}, headers=root).status_code == 204
    assert client.get(feed, headers=duty).status_code == 401
    assert _login(client, "duty").status_code == 401 and _login(client, "duty", GOOD).status_code == 200
    assert client.put(ADMIN + "/users/duty/active", json={"active": False}, headers=root).json()["active"] is False
    assert _login(client, "duty", GOOD).status_code == 401
    assert client.put(ADMIN + "/users/duty/active", json={"active": True}, headers=root).status_code == 200
    assert _login(client, "duty", GOOD).status_code == 200


def test_the_password_policy_refuses_with_codes(client):
    root = _bearer(client, "root")
    cases = {"short1A": {"too_short"}, "alllowercaseletters": {"few_classes"},
             "Wang-wang-2026-x": {"contains_username"}, "Gnaw-is-2026-x": {"contains_username"}}
    for password, codes in cases.items():
        response = client.post(ADMIN + "/users", headers=root,
                               json={"username": "wang", "password": password, "role": "viewer", "clearance": 1})
        assert response.status_code == 422, password
        types = {p["type"].removeprefix("password_policy.") for p in response.json()["detail"]}
        assert types == codes, password
        assert password not in response.text  # never echoed
    reset = client.put(ADMIN + "/users/view/password", json={"password": "view-view-view-1"}, headers=root)
    assert reset.status_code == 422
    assert _login(client, "view").status_code == 200  # the old password still stands


def test_an_admin_cannot_lock_itself_out(client):
    root = _bearer(client, "root")
    assert client.put(ADMIN + "/users/root/active", json={"active": False}, headers=root).status_code == 409
    assert client.put(ADMIN + "/users/root/role", json={"role": "viewer"}, headers=root).status_code == 409
    assert client.get(ADMIN + "/directory", headers=root).status_code == 200


def test_an_admin_changes_and_revokes_workstations(app, client):
    root = _bearer(client, "root", workstation="ws-root")
    duty = _bearer(client, "duty", workstation="ws-7")
    cmd = _bearer(client, "cmd", workstation="ws-8")
    feed = API_PREFIX + "/changes"
    level = client.put(ADMIN + "/workstations/ws-7/clearance", json={"clearance": 0}, headers=root)
    assert level.status_code == 204
    assert client.put(ADMIN + "/workstations/ws-7/clearance", json={"clearance": 12}, headers=root).status_code == 422
    assert client.post(ADMIN + "/workstations/ws-none/revoke", headers=root).status_code == 404
    assert client.post(ADMIN + "/workstations/ws-7/revoke", headers=root).status_code == 204
    assert client.get(feed, headers=duty).status_code == 401  # every session on ws-7 ...
    assert client.get(feed, headers=cmd).status_code == 200  # ... and no other
    assert client.put(ADMIN + "/workstations/ws-8/active", json={"active": False}, headers=root).status_code == 204
    assert client.get(feed, headers=cmd).status_code == 401
    assert _login(client, "cmd", workstation="ws-8").status_code == 403  # a deactivated workstation
    assert _login(client, "cmd", workstation="ws-7").status_code == 200
    stations = {w["name"]: w for w in client.get(ADMIN + "/directory", headers=root).json()["workstations"]}
    assert stations["ws-7"]["clearance"] == 0 and stations["ws-8"]["active"] is False


def test_hostile_names_in_the_path_are_refused(client):
    root = _bearer(client, "root")
    assert client.post(ADMIN + "/users/" + "x" * 101 + "/revoke", headers=root).status_code == 422
    assert client.post(ADMIN + "/users/a%00b/revoke", headers=root).status_code == 422
    assert client.post(ADMIN + "/workstations/" + "w" * 65 + "/revoke", headers=root).status_code == 422


def test_unknown_workstations_are_refused_when_the_deployment_says_so(db_url, server_clock, key_file, tmp_path):
    from server.app import add_user, create_app
    from server.notifications import LogGateway

    app = create_app(db_url, clock=server_clock, key_file=key_file, unknown_workstations="refuse",
                     gateway=LogGateway(tmp_path / "n.log"))
    add_user(app.state.db, "root", PASSWORD, "admin")
    with TestClient(app) as client:
        assert _login(client, "root", workstation="ws-new").status_code == 403
        assert _login(client, "root").status_code == 403  # no workstation named: refused too
        from sqlalchemy.orm import Session

        from server.db import WorkstationRow

        with Session(app.state.db.write) as s, s.begin():
            s.add(WorkstationRow(name="ws-enrolled", clearance=2, cert_subject="", active=True, token_version=1,
                                 created_at=""))
        assert _login(client, "root", workstation="ws-enrolled").status_code == 200


def test_admin_actions_and_log_outs_are_in_the_audit(app, client):
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from server.audit import AuditRow
    from services.accounts.wire import LOGOUT_PATH

    root = _bearer(client, "root", workstation="ws-admin")
    client.put(ADMIN + "/users/view/clearance", json={"clearance": 2}, headers=root)
    client.post(ADMIN + "/users/view/revoke", headers=root)
    client.put(ADMIN + "/users/nobody/clearance", json={"clearance": 2}, headers=root)  # refused: no record
    client.post(LOGOUT_PATH, headers=root)
    with Session(app.state.db.engine) as s:
        records = s.execute(select(AuditRow.action, AuditRow.account, AuditRow.workstation, AuditRow.entity_id)
                            .where(AuditRow.action.in_(["admin", "clearance", "logout"]))
                            .order_by(AuditRow.seq)).all()
    assert [tuple(r) for r in records] == [("clearance", "root", "ws-admin", "view"),
                                           ("admin", "root", "ws-admin", "view"),
                                           ("logout", "root", "ws-admin", "root")]


def test_a_lowered_clearance_holds_back_records_at_once_on_this_replica(client):
    """The admin's change clears the replica's clearance cache: the officer's very
    next request is filtered by the new clearance, not the one cached seconds ago."""
    root = _bearer(client, "root", workstation="ws-admin")
    duty = _bearer(client, USERS["duty_officer"], workstation="ws-duty")
    internal = incident_payload(code="CQ-2026-0951", title="内部通报的险情", level=1)
    assert [r["status"] for r in send(client, duty, [create_op(internal)])] == ["applied"]

    def visible() -> list[str]:
        answer = client.get(API_PREFIX + "/snapshot", params={"entity": "incident"}, headers=duty)
        assert answer.status_code == 200, answer.text
        return [r["id"] for r in answer.json()["records"]]

    assert visible() == [internal["id"]]  # and now cached at 内部
    lowered = client.put(ADMIN + f"/users/{USERS['duty_officer']}/clearance", json={"clearance": 0}, headers=root)
    assert lowered.status_code == 200, lowered.text
    assert visible() == []
