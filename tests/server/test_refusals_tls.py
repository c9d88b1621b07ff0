"""Refusals before and at HTTP over real TLS (issue 18, "Bad input and
attacks"): expired, self-signed, other-CA and revoked client certificates fail
the handshake and are `refused` records with OpenSSL's reason and the peer's
address (server/tls_audit.py), bounded per address; a token replayed with
another workstation's certificate is refused and recorded with both names;
the CRL re-read while serving (server/crl_reload.py)."""

from __future__ import annotations

import json
import ssl
import uuid

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from server import audit_verify
from server.app import add_user
from server.cert_auth import CertPolicy
from server.crl_reload import CrlReloader
from server.db import WorkstationRow
from server.test_ca import TestCA
from server.tls import server_context
from tests.helpers import wait_until
from tests.server.live_server import start_live_server

LOGIN, FEED = "/api/v1/auth/login", "/api/v1/changes"


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pki")
    ca, rogue = TestCA(folder / "ca"), TestCA(folder / "rogue", name="Rogue Root")
    return {"ca": ca, "server": ca.server(), "duty-01": ca.workstation("duty-01"),
            "duty-02": ca.workstation("duty-02"), "expired": ca.workstation("duty-03", expired=True),
            "revoked": ca.workstation("duty-04"), "rogue-01": rogue.workstation("duty-01"),
            "self-signed": rogue.ca}


def refused(app) -> list[dict]:
    with app.state.db.engine.connect() as conn:
        found = conn.execute(text("SELECT account, workstation, detail FROM audit_log WHERE action = 'refused' "
                                  "ORDER BY seq")).all()
    return [{"account": r[0], "workstation": r[1], **json.loads(r[2])} for r in found]


def verifies(app) -> bool:
    with app.state.db.engine.connect() as conn:
        return audit_verify.verify(conn, audit_verify.trusted_keys(app.state.audit_signer, [])).ok


def _platform(url: str, context, mode: str = "both"):
    live = start_live_server(url, tls=context, cert_policy=CertPolicy(mode))
    add_user(live.app.state.db, "duty", "duty-pw", "duty_officer")
    with Session(live.app.state.db.write) as s, s.begin():
        for name in ("duty-01", "duty-02"):
            s.add(WorkstationRow(name=name, cert_subject=pki_subjects[name]))
    return live


pki_subjects: dict[str, str] = {}


def _client(pki, issued) -> httpx.Client:
    """A plain client context (an attacker's tool need not refuse its own expired certificate as ours does)."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.load_verify_locations(cafile=str(pki["ca"].ca.cert))
    context.load_cert_chain(str(issued.cert), str(issued.key))
    return httpx.Client(verify=context, timeout=10)


def _login(http: httpx.Client, url: str) -> httpx.Response:
    return http.post(url + LOGIN, json={"username": "duty", "password": "duty-pw", "workstation": "x"})


def _handshake_fails(pki, issued, url: str) -> None:
    with _client(pki, issued) as http, pytest.raises(httpx.HTTPError):
        _login(http, url)


@pytest.fixture
def platform(tmp_path, pki, request):
    pki_subjects.update({name: pki[name].subject for name in ("duty-01", "duty-02")})
    crl = pki["ca"].crl([pki["revoked"]], "revoked.crl")
    url = (f"sqlite:///{tmp_path / 'platform.db'}" if request.param == "sqlite"
           else request.getfixturevalue("postgres").create_database("t_" + uuid.uuid4().hex[:12]))
    live = _platform(url, server_context(pki["server"].cert, pki["server"].key, pki["ca"].ca.cert, crl))
    yield live
    live.stop()


@pytest.mark.parametrize("platform", ["sqlite", "postgresql"], indirect=True)
def test_bad_client_certificates_fail_the_handshake_and_are_recorded(pki, platform):
    for kind in ("expired", "rogue-01", "self-signed", "revoked"):
        _handshake_fails(pki, pki[kind], platform.url)
    records = wait_until(lambda: (found := refused(platform.app)) and len(found) == 4 and found,
                         what="four refused handshakes in the audit")
    assert all(r["stage"] == "tls" and r["address"] == "127.0.0.1" and r["account"] == "" for r in records)
    reasons = " | ".join(r["reason"] for r in records)
    assert "certificate has expired" in reasons and "certificate revoked" in reasons
    assert "CERTIFICATE_VERIFY_FAILED" in reasons
    with platform.app.state.db.engine.connect() as conn:  # none reached the log-in
        assert conn.execute(text("SELECT count(*) FROM audit_log WHERE action LIKE 'login%'")).scalar_one() == 0
    with _client(pki, pki["duty-01"]) as desk:  # a good certificate still logs in
        assert _login(desk, platform.url).status_code == 200
    assert verifies(platform.app)


@pytest.mark.parametrize("platform", ["sqlite"], indirect=True)
def test_failed_handshakes_are_bounded_per_address(pki, platform):
    platform.app.state.refusals.per_minute = 2
    for _ in range(5):
        _handshake_fails(pki, pki["expired"], platform.url)
    peers = platform.app.state.refusals._peers  # the failures are counted in a worker thread: wait for all five
    wait_until(lambda: len(refused(platform.app)) == 2 and peers["127.0.0.1"].suppressed == 3,
               what="two records and three suppressed")
    assert len(refused(platform.app)) == 2 and peers["127.0.0.1"].suppressed == 3


@pytest.mark.parametrize("platform", ["sqlite", "postgresql"], indirect=True)
def test_a_token_replayed_with_another_workstations_certificate_is_recorded(pki, platform):
    with _client(pki, pki["duty-01"]) as desk, _client(pki, pki["duty-02"]) as other:
        token = _login(desk, platform.url).json()["access_token"]
        replayed = other.get(platform.url + FEED, headers={"Authorization": f"Bearer {token}"})
    assert replayed.status_code == 401 and "certificate" in replayed.json()["detail"]
    (record,) = refused(platform.app)
    assert record["account"] == "" and record["claimed_account"] == "duty"
    assert record["claimed_workstation"] == "duty-01" and record["subject"] == pki["duty-02"].subject
    assert record["path"] == FEED and record["address"] == "127.0.0.1" and record["stage"] == "http"
    assert verifies(platform.app)


def test_a_certificate_revoked_after_start_is_refused_at_its_next_connection(tmp_path, pki):
    pki_subjects.update({name: pki[name].subject for name in ("duty-01", "duty-02")})
    ca, server = pki["ca"], pki["server"]
    crl = ca.crl([], "live.crl")
    reloader = CrlReloader(lambda: server_context(server.cert, server.key, ca.ca.cert, crl), crl, every_s=0)
    live = _platform(f"sqlite:///{tmp_path / 'platform.db'}", reloader.context)
    try:
        with _client(pki, pki["duty-01"]) as before:
            assert _login(before, live.url).status_code == 200
            ca.crl([pki["duty-01"]], "live.crl")  # revoked while the platform runs
            _handshake_fails(pki, pki["duty-01"], live.url)  # a new connection: refused
            assert reloader.reloads == 1
        _handshake_fails(pki, pki["duty-01"], live.url)  # and every later one
        with _client(pki, pki["duty-02"]) as other:
            assert _login(other, live.url).status_code == 200
        crl.write_text("not a CRL")  # a half-written file keeps the previous list in force
        _handshake_fails(pki, pki["duty-01"], live.url)
        records = wait_until(lambda: (found := refused(live.app)) and len(found) == 3 and found,
                             what="the revoked certificate's handshakes recorded")
        assert all("certificate revoked" in r["reason"] for r in records)
    finally:
        live.stop()
