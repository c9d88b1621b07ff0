"""The client's sync engine through a platform serving HTTPS with the centre's
own CA (services/sync/tls.py): two workstations exchange over mutual TLS; a
wrong CA, an expired certificate, an unusable CA file and a missing client
certificate each stop the exchange with a problem code whose sentence is
Chinese, and the mirror's pending work stays as it was."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from app.config import ConfigError, load_config
from server.cert_auth import CertPolicy
from server.db import WorkstationRow
from server.test_ca import TestCA
from server.tls import server_context
from services.sync.tls import TlsSettings
from tests.helpers import draft
from tests.server.live_server import start_live_server
from tests.sync.livesync import add_users, make_client


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pki")
    ca, rogue = TestCA(folder / "ca"), TestCA(folder / "rogue", name="Rogue Root")
    return {"ca": ca, "server": ca.server(), "expired": ca.server("expired", expired=True),
            "duty-01": ca.workstation("duty-01"), "duty-02": ca.workstation("duty-02"), "rogue": rogue,
            "lapsed": ca.workstation("duty-01", expired=True), "stranger": rogue.workstation("duty-01")}


def _platform(tmp_path, pki, mode="both", server="server"):
    cert = pki[server]
    live = start_live_server(f"sqlite:///{tmp_path / 'platform.db'}",
                             tls=server_context(cert.cert, cert.key, pki["ca"].ca.cert),
                             cert_policy=CertPolicy(mode))
    add_users(live)
    with Session(live.app.state.db.write) as s, s.begin():
        for name in ("duty-01", "duty-02"):
            s.add(WorkstationRow(name=name, cert_subject=pki[name].subject))
    return live


def _tls(pki, workstation=None, ca="ca") -> TlsSettings:
    issued = pki[workstation] if workstation else None
    return TlsSettings(pki[ca].ca.cert, issued.cert if issued else None, issued.key if issued else None)


@pytest.fixture
def clients(tmp_path, clock):
    made = []

    def make(name, url, tls):
        client = make_client(tmp_path / f"{name}.db", [url], clock, tls=tls)
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


def test_two_workstations_exchange_over_mutual_tls(tmp_path, pki, clients, clock):
    live = _platform(tmp_path, pki)
    try:
        a = clients("a", live.url, _tls(pki, "duty-01"))
        b = clients("b", live.url, _tls(pki, "duty-02"))
        inc = a.incidents.create_incident(draft(clock), "陈晓")
        assert a.sync(), a.engine.status
        assert b.sync(), b.engine.status
        assert b.incidents.get(inc.id).title == inc.title
        assert a.engine.status.state == "online" and a.engine.status.problem == ""

        async def beside_the_feed():  # the wall channel and the warning-feed light go this way
            try:
                return await a.engine.request("GET", "/warning-feeds")
            finally:
                await a.engine.aclose()

        a.engine.session.renew()
        assert asyncio.run(beside_the_feed()).status_code == 200
    finally:
        live.stop()


def test_one_http_client_talks_to_the_platform():
    """Every request to the platform goes through PlatformSession.http and its one SSL
    context: no other HTTP client is made in the client's code but the map's tile
    fetcher (third-party tile servers, not the platform)."""
    root = Path(__file__).resolve().parents[2]
    makers = sorted(str(p.relative_to(root)) for d in ("app", "views", "widgets", "services", "offline_cache")
                    for p in (root / d).rglob("*.py")
                    if re.search(r"httpx\.(Async)?Client\(", p.read_text(encoding="utf-8")))
    assert makers == ["services/maps/online.py", "services/sync/platform_session.py"]


@pytest.mark.parametrize(("server", "ca", "workstation", "problem"), [
    ("server", "rogue", "duty-01", "tls_untrusted"),  # the client trusts another CA
    ("expired", "ca", "duty-01", "tls_expired"),  # the platform's certificate has expired
    ("server", "ca", None, "cert_refused"),  # certificate mode, no workstation certificate
    ("server", "ca", "lapsed", "tls_own_expired"),  # this workstation's own certificate has expired
    ("server", "ca", "stranger", "tls_failed"),  # a certificate of another CA: the handshake is dropped
])
def test_a_refused_platform_or_workstation_stops_the_exchange_with_a_reason(tmp_path, pki, clients, clock, server,
                                                                           ca, workstation, problem):
    live = _platform(tmp_path, pki, server=server)
    try:
        a = clients("a", live.url, _tls(pki, workstation, ca))
        a.incidents.create_incident(draft(clock), "陈晓")
        assert a.sync() is False
        assert a.engine.status.state == "offline" and a.engine.status.problem == problem
        assert a.engine.status.pending == 2  # nothing lost, nothing sent
    finally:
        live.stop()


def test_an_unusable_ca_file_is_a_reason_not_a_crash(tmp_path, pki, clients, clock):
    live = _platform(tmp_path, pki, mode="password")
    try:
        broken = tmp_path / "not-a-ca.pem"
        broken.write_text("-----BEGIN CERTIFICATE-----\nnonsense\n-----END CERTIFICATE-----\n")
        for ca_file in (tmp_path / "missing.pem", broken):
            a = clients(ca_file.stem, live.url, TlsSettings(ca_file))
            assert a.sync() is False and a.engine.status.problem == "tls_config"
    finally:
        live.stop()


def test_the_reasons_are_said_in_chinese(qapp):
    from PySide6.QtCore import QCoreApplication, QTranslator

    from app.i18n_build import I18N_DIR, build
    from views.sync_panel.tls_problems import tls_problem_text

    build()
    translator = QTranslator()
    assert translator.load("watchroom_zh_CN", str(I18N_DIR))
    QCoreApplication.installTranslator(translator)
    try:
        assert "不受信任" in tls_problem_text("tls_untrusted")
        assert "过期" in tls_problem_text("tls_expired")
        assert "地址不符" in tls_problem_text("tls_hostname")
        assert "拒绝了本工作站的证书" in tls_problem_text("cert_refused")
        assert "无法使用" in tls_problem_text("tls_config")
        assert "本工作站的证书已过期" in tls_problem_text("tls_own_expired")
        assert "可能拒绝了本工作站的证书" in tls_problem_text("tls_failed")
        assert tls_problem_text("unreachable") == ""
    finally:
        QCoreApplication.removeTranslator(translator)


def test_the_config_names_the_ca_and_the_workstation_certificate(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('[sync]\nca_file = "pki/ca.crt"\nclient_cert = "pki/ws.crt"\nclient_key = "pki/ws.key"\n'
                    'auth_mode = "certificate"\n[[sync.endpoint]]\nurl = "https://127.0.0.1:9443"\n'
                    'username = "duty"\n', encoding="utf-8")
    cfg = load_config(path)
    assert cfg.sync_tls == TlsSettings(tmp_path / "pki/ca.crt", tmp_path / "pki/ws.crt", tmp_path / "pki/ws.key")
    assert cfg.sync_auth_mode == "certificate"
    for bad in ('[sync]\nauth_mode = "certificate"\n', '[sync]\nclient_key = "k.pem"\n', '[sync]\nauth_mode = "x"\n',
                '[sync]\nca_file = 3\n'):
        path.write_text(bad, encoding="utf-8")
        with pytest.raises(ConfigError):
            load_config(path)


def test_the_login_dialog_in_certificate_mode_asks_a_password_of_administrators_only(qtbot, tmp_path):
    from views.sync_panel.login_dialog import LoginDialog

    dialog = LoginDialog(["https://platform.example:8443"], "duty", password_optional=True)
    qtbot.addWidget(dialog)
    dialog.on_accept()
    assert dialog.result() == LoginDialog.DialogCode.Accepted and dialog.credentials() == ("duty", "")
    strict = LoginDialog(["https://platform.example:8443"], "duty")
    qtbot.addWidget(strict)
    strict.on_accept()
    assert strict.result() != LoginDialog.DialogCode.Accepted and strict.message.text()
    dialog.show()
    dialog.grab().save(str(tmp_path / "login-certificate-mode.png"))


def _raised(exc: BaseException, cause: BaseException) -> BaseException:
    try:
        raise exc from cause
    except BaseException as raised:  # noqa: BLE001 - the chain is what is looked at
        return raised


def test_a_dropped_connection_reads_as_a_refused_certificate_and_a_refused_connection_does_not():
    """The platform's TLS 1.3 refusal of a workstation certificate arrives, depending on timing, as
    a closed connection, a reset on read or a reset while connecting; nothing listening stays
    "unreachable" (the CI saw a reset where the test machine saw a close)."""
    import httpx

    from services.sync.tls import dropped_after_connecting

    assert dropped_after_connecting(httpx.RemoteProtocolError("Server disconnected without sending a response."))
    assert dropped_after_connecting(_raised(httpx.ReadError(""), ConnectionResetError(104, "reset by peer")))
    assert dropped_after_connecting(_raised(httpx.ConnectError(""), ConnectionResetError(104, "reset by peer")))
    assert not dropped_after_connecting(_raised(httpx.ConnectError("refused"), ConnectionRefusedError(111, "refused")))
    assert not dropped_after_connecting(httpx.ConnectTimeout("timed out"))
