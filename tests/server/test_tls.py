"""The platform over HTTPS with a centre's own CA (server/tls.py, server/cert_auth.py):
a real uvicorn on loopback, real TLS handshakes, the client's own SSL context
(services/sync/tls.py). Modes password / certificate / both; the token bound
to the certificate's workstation; the front-proxy headers believed only from
the configured address."""

from __future__ import annotations

import uuid

import httpx
import pytest
from sqlalchemy.orm import Session

from server.app import add_user
from server.cert_auth import CertPolicy
from server.db import WorkstationRow
from server.test_ca import TestCA
from server.tls import server_context
from services.sync.tls import TlsSettings, client_context, tls_problem
from tests.server.live_server import start_live_server

LOGIN, FEED = "/api/v1/auth/login", "/api/v1/changes?since=0"


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pki")
    ca, rogue = TestCA(folder / "ca"), TestCA(folder / "rogue", name="Rogue Root")
    return {"ca": ca, "server": ca.server(), "expired": ca.server("expired", expired=True),
            "elsewhere": ca.server("elsewhere", hosts=("platform.example.org",)),
            "duty-01": ca.workstation("duty-01"), "duty-02": ca.workstation("duty-02"),
            "stray": ca.workstation("stray"), "rogue": rogue, "rogue-server": rogue.server(),
            "rogue-01": rogue.workstation("duty-01")}


def _platform(tmp_path, pki, mode: str, *, server: str = "server", proxies: frozenset[str] = frozenset(),
              tls: bool = True, db_url: str = ""):
    cert = pki[server]
    context = server_context(cert.cert, cert.key, pki["ca"].ca.cert) if tls else None
    live = start_live_server(db_url or f"sqlite:///{tmp_path / 'platform.db'}", tls=context,
                             cert_policy=CertPolicy(mode, proxies))
    db = live.app.state.db
    add_user(db, "duty", "duty-pw", "duty_officer")
    add_user(db, "root", "root-pw", "admin")
    with Session(db.write) as s, s.begin():
        for name in ("duty-01", "duty-02"):
            s.add(WorkstationRow(name=name, cert_subject=pki[name].subject))
    return live


def _client(pki, workstation: str | None = None, ca: str = "ca") -> httpx.Client:
    issued = pki[workstation] if workstation else None
    context = client_context(TlsSettings(pki[ca].ca.cert, issued.cert if issued else None,
                                         issued.key if issued else None))
    return httpx.Client(verify=context, timeout=10)


def _login(http: httpx.Client, url: str, username="duty", password="duty-pw") -> httpx.Response:
    return http.post(url + LOGIN, json={"username": username, "password": password, "workstation": "mirror-x"})


def _refusal(call) -> str | None:
    with pytest.raises(httpx.HTTPError) as caught:
        call()
    return tls_problem(caught.value)


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_both_mode_binds_the_token_to_the_certificates_workstation(tmp_path, pki, request, database):
    db_url = request.getfixturevalue("postgres").create_database("tls_" + uuid.uuid4().hex[:8]) \
        if database == "postgresql" else ""
    live = _platform(tmp_path, pki, "both", db_url=db_url)
    try:
        with _client(pki, "duty-01") as desk, _client(pki, "duty-02") as other:
            answer = _login(desk, live.url)
            assert answer.status_code == 200, answer.text
            token = {"Authorization": "Bearer " + answer.json()["access_token"]}
            assert desk.get(live.url + FEED, headers=token).status_code == 200
            replayed = other.get(live.url + FEED, headers=token)  # the duty officer's token, another desk
            assert replayed.status_code == 401
            assert "issued to workstation duty-01" in replayed.json()["detail"]
            assert "certificate is workstation duty-02" in replayed.json()["detail"]
            assert _login(desk, live.url, password="wrong").status_code == 401  # the password still counts
    finally:
        live.stop()


def test_both_mode_refuses_no_certificate_an_unregistered_one_and_another_cas(tmp_path, pki):
    live = _platform(tmp_path, pki, "both")
    try:
        with _client(pki) as bare:  # no client certificate: refused with the reason
            answer = _login(bare, live.url)
            assert answer.status_code == 401
            assert answer.json()["detail"] == "certificate: this platform requires a workstation certificate"
        with _client(pki, "rogue-01") as rogue:  # same name, another CA: the handshake fails
            with pytest.raises(httpx.HTTPError):
                _login(rogue, live.url)
        with _client(pki, "stray") as stray:  # signed by the CA, never registered to a workstation
            answer = _login(stray, live.url)
            assert answer.status_code == 401
            assert answer.json()["detail"].startswith("certificate: ") and "not registered" in answer.json()["detail"]
        with Session(live.app.state.db.write) as s, s.begin():  # a deactivated workstation
            s.get(WorkstationRow, "duty-02").active = False
        with _client(pki, "duty-02") as off:
            assert _login(off, live.url).status_code == 401
    finally:
        live.stop()


def test_certificate_mode_logs_the_workstation_in_and_the_officer_names_the_account(tmp_path, pki):
    live = _platform(tmp_path, pki, "certificate")
    try:
        with _client(pki, "duty-01") as desk:
            answer = _login(desk, live.url, password="")
            assert answer.status_code == 200, answer.text
            token = {"Authorization": "Bearer " + answer.json()["access_token"]}
            assert desk.get(live.url + FEED, headers=token).status_code == 200
            assert _login(desk, live.url, "root", "").status_code == 401  # an admin is never one certificate away
            assert _login(desk, live.url, "root", "root-pw").status_code == 200
            assert _login(desk, live.url, "nobody", "").status_code == 401
        with _client(pki) as bare:
            answer = _login(bare, live.url, password="")
            assert answer.status_code == 401 and "requires a workstation certificate" in answer.json()["detail"]
    finally:
        live.stop()


def test_a_revoked_workstation_certificate_fails_the_handshake(tmp_path, pki):
    """With the CA's revocation list (--client-crl), a revoked certificate never reaches the application."""
    crl = pki["ca"].crl([pki["duty-02"]], "revoked.crl")
    cert = pki["server"]
    live = start_live_server(f"sqlite:///{tmp_path / 'platform.db'}", cert_policy=CertPolicy("both"),
                             tls=server_context(cert.cert, cert.key, pki["ca"].ca.cert, crl))
    add_user(live.app.state.db, "duty", "duty-pw", "duty_officer")
    with Session(live.app.state.db.write) as s, s.begin():
        for name in ("duty-01", "duty-02"):
            s.add(WorkstationRow(name=name, cert_subject=pki[name].subject))
    try:
        with _client(pki, "duty-01") as desk, _client(pki, "duty-02") as revoked:
            assert _login(desk, live.url).status_code == 200
            with pytest.raises(httpx.HTTPError):
                _login(revoked, live.url)
    finally:
        live.stop()


def test_password_mode_over_https_is_as_before(tmp_path, pki):
    live = _platform(tmp_path, pki, "password")
    try:
        with _client(pki) as bare, _client(pki, "duty-02") as other:
            answer = _login(bare, live.url)
            assert answer.status_code == 200
            token = {"Authorization": "Bearer " + answer.json()["access_token"]}
            assert other.get(live.url + FEED, headers=token).status_code == 200  # certificates not consulted
            assert _login(bare, live.url, password="").status_code == 401
    finally:
        live.stop()


@pytest.mark.parametrize(("server", "ca", "problem"), [
    ("rogue-server", "ca", "tls_untrusted"),  # the platform's certificate from another CA
    ("server", "rogue", "tls_untrusted"),  # the client configured with another CA
    ("expired", "ca", "tls_expired"),
    ("elsewhere", "ca", "tls_hostname"),  # a certificate for another host name
])
def test_the_client_refuses_a_platform_it_cannot_verify(tmp_path, pki, server, ca, problem):
    if server == "rogue-server":
        issued = pki["rogue-server"]
        context = server_context(issued.cert, issued.key, None)
        live = start_live_server(f"sqlite:///{tmp_path / 'platform.db'}", tls=context)
    else:
        live = _platform(tmp_path, pki, "password", server=server)
    try:
        with _client(pki, ca=ca) as http:
            assert _refusal(lambda: http.get(live.url + "/api/v1/health")) == problem
    finally:
        live.stop()


def test_front_proxy_headers_are_believed_only_from_the_configured_address(tmp_path, pki):
    """A proxy terminating TLS says what it verified; the platform (plain HTTP behind it) believes
    only the proxy's own address, and only with X-SSL-Client-Verify: SUCCESS."""
    said = {"X-SSL-Client-Verify": "SUCCESS", "X-SSL-Client-S-DN": pki["duty-01"].subject}
    body = {"username": "duty", "password": "duty-pw", "workstation": "mirror-x"}
    trusted = _platform(tmp_path / "a", pki, "both", proxies=frozenset({"127.0.0.1"}), tls=False)
    elsewhere = _platform(tmp_path / "b", pki, "both", proxies=frozenset({"10.9.9.9"}), tls=False)
    try:
        answer = httpx.post(trusted.url + LOGIN, json=body, headers=said)
        assert answer.status_code == 200, answer.text
        token = {"Authorization": "Bearer " + answer.json()["access_token"]}
        assert httpx.get(trusted.url + FEED, headers={**token, **said}).status_code == 200
        assert httpx.get(trusted.url + FEED, headers=token).status_code == 401  # no header, no certificate
        unverified = {**said, "X-SSL-Client-Verify": "FAILED:certificate has expired"}
        assert httpx.post(trusted.url + LOGIN, json=body, headers=unverified).status_code == 401
        ignored = httpx.post(elsewhere.url + LOGIN, json=body, headers=said)
        assert ignored.status_code == 401
        assert "requires a workstation certificate" in ignored.json()["detail"]
    finally:
        trusted.stop()
        elsewhere.stop()


def test_watchroom_server_makes_a_test_ca_registers_a_workstation_and_serves_https(tmp_path):
    """The commands as an operator runs them, then the platform as its own process in mode both."""
    from server.main import main
    from tests.server.process_server import create_user, start_server_process

    pki, db = tmp_path / "pki", str(tmp_path / "platform.db")
    assert main(["--db", db, "--make-test-ca", str(pki)]) == 0
    assert main(["--db", db, "--register-workstation", "duty-01", "--workstation-cert",
                 str(pki / "workstation-duty-01.crt")]) == 0
    with pytest.raises(SystemExit):  # one certificate, one workstation
        main(["--db", db, "--register-workstation", "duty-99", "--workstation-cert",
              str(pki / "workstation-duty-01.crt")])
    create_user(db, "duty", "duty-pw-long", "duty_officer")
    desk = client_context(TlsSettings(pki / "ca.crt", pki / "workstation-duty-01.crt", pki / "workstation-duty-01.key"))
    server = start_server_process(db, tls=desk, extra=(
        "--tls-cert", str(pki / "server.crt"), "--tls-key", str(pki / "server.key"),
        "--client-ca", str(pki / "ca.crt"), "--auth-mode", "both"))
    try:
        assert server.url.startswith("https://")
        with httpx.Client(verify=desk, timeout=10) as http:
            answer = _login(http, server.url, password="duty-pw-long")
            assert answer.status_code == 200, answer.text
        with httpx.Client(verify=client_context(TlsSettings(pki / "ca.crt")), timeout=10) as bare:
            assert _login(bare, server.url, password="duty-pw-long").status_code == 401
        with httpx.Client(timeout=10) as system_store:  # the centre's CA is in no system store
            assert _refusal(lambda: system_store.get(server.url + "/api/v1/health")) == "tls_untrusted"
    finally:
        server.stop()


@pytest.mark.parametrize("argv", [
    ["--auth-mode", "both"],  # nothing checks certificates
    ["--client-ca", "ca.crt"],  # asking for certificates needs HTTPS
    ["--tls-cert", "server.crt"],  # a certificate without its key
    ["--trusted-proxy", "proxy.example"],  # an address, not a name
    ["--register-workstation", "duty-01"],  # whose certificate?
    ["--tls-cert", "server.crt", "--tls-key", "server.key", "--client-crl", "ca.crt"],  # a CRL of which CA?
])
def test_tls_options_that_cannot_work_are_refused(tmp_path, argv):
    from server.main import parse_args

    make = TestCA(tmp_path)
    make.server()
    with pytest.raises(SystemExit):
        parse_args([a if not a.endswith(".crt") else str(tmp_path / a) for a in argv])
