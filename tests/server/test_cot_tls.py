"""CoT over TLS (issue 17's trust gap), on SQLite and PostgreSQL, over real
sockets: a sender whose certificate is a registered workstation's or a
field_unit account's is taken and recorded as the actor of its fixes; no
certificate, another CA's, a revoked one and one that is no one's are cut and
recorded in the audit (stage "cot"); a plain listener refuses an address other
hosts reach unless told --cot-insecure, and says so at start-up."""

from __future__ import annotations

import asyncio
import json
import socket
import ssl
from datetime import UTC, datetime

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from server.app import add_user
from server.cot_listener import CotBindRefused, CotListener, check_bind
from server.cot_options import cot_context
from server.db import WorkstationRow
from server.main import parse_args
from server.test_ca import TestCA
from services.sync.wire import API_PREFIX
from tests.cot_sender import event
from tests.helpers import wait_until
from tests.server.conftest import PASSWORD
from tests.server.live_server import start_live_server

NOW = datetime.now(UTC).replace(microsecond=0)  # the live platform's clock is the real one


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cot-pki")
    ca, rogue = TestCA(folder / "ca"), TestCA(folder / "rogue", name="Rogue Root")
    issued = {"ca": ca, "server": ca.server(), "tak-gw": ca.workstation("tak-gw"),
              "unit-7": ca.workstation("unit-7", unit="field unit"), "stranger": ca.workstation("stranger"),
              "revoked": ca.workstation("tak-old"), "rogue": rogue.workstation("tak-gw")}
    issued["crl"] = ca.crl([issued["revoked"]])
    return issued


@pytest.fixture
def platform(db_url, key_file, pki):
    context = cot_context(pki["server"].cert, pki["server"].key, pki["ca"].ca.cert, pki["crl"])
    live = start_live_server(db_url, key_file=key_file, cot_listen=("127.0.0.1", 0), cot_tls=context)
    db = live.app.state.db
    add_user(db, "duty", PASSWORD, "duty_officer")
    add_user(db, "unit-7", PASSWORD, "field_unit", unit_id="team-7")
    with Session(db.write) as s, s.begin():
        s.add(WorkstationRow(name="tak-gw", cert_subject=pki["tak-gw"].subject))
        s.add(WorkstationRow(name="tak-old", cert_subject=pki["revoked"].subject))  # registered, but revoked
    token = httpx.post(live.url + API_PREFIX + "/auth/login",
                       json={"username": "duty", "password": PASSWORD}).json()["access_token"]
    live.headers = {"Authorization": "Bearer " + token}
    yield live
    live.stop()


def kept(live) -> dict[str, dict]:
    changes = httpx.get(live.url + API_PREFIX + "/changes", params={"after": 0, "limit": 5000},
                        headers=live.headers).json()["changes"]
    return {c["data"]["uid"]: c["data"] for c in changes if c["entity"] == "position"}


def refused(app) -> list[dict]:
    with app.state.db.engine.connect() as conn:
        rows = conn.execute(text("SELECT detail FROM audit_log WHERE action = 'refused' ORDER BY seq")).all()
    return [json.loads(r[0]) for r in rows]


class TlsSender:
    """A TAK device over TLS: trusts the centre's CA, presents `issued` (or nothing)."""

    def __init__(self, port: int, pki, issued=None):
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.load_verify_locations(cafile=str(pki["ca"].ca.cert))
        if issued is not None:
            context.load_cert_chain(str(issued.cert), str(issued.key))
        raw = socket.create_connection(("127.0.0.1", port), timeout=5)
        try:
            self.sock = context.wrap_socket(raw, server_hostname="127.0.0.1")
        except (ssl.SSLError, ConnectionError):  # TLS 1.2 says no in the handshake itself
            self.sock = None

    def send(self, data: bytes) -> None:
        try:
            self.sock.sendall(data)
        except (ssl.SSLError, OSError):
            pass

    def closed_by_peer(self, timeout: float = 5.0) -> bool:
        if self.sock is None:
            return True
        self.sock.settimeout(timeout)
        try:
            while self.sock.recv(4096):
                pass
            return True
        except (ssl.SSLError, ConnectionError):
            return True
        except TimeoutError:
            return False

    def close(self) -> None:
        if self.sock is not None:
            self.sock.close()


def test_a_registered_workstation_and_a_field_unit_are_taken_as_who_they_are(platform, pki):
    port = platform.app.state.cot_port
    relay, unit = TlsSender(port, pki, pki["tak-gw"]), TlsSender(port, pki, pki["unit-7"])
    relay.send(event("ANDROID-a1", 29.50, 106.50, NOW, callsign="渝中一队"))
    unit.send(event("ANDROID-phone-of-unit-7", 29.52, 106.52, NOW, callsign="七队"))
    wait_until(lambda: {"ANDROID-a1", "team-7"} <= set(kept(platform)), what="both senders' fixes")
    by_relay, by_unit = kept(platform)["ANDROID-a1"], kept(platform)["team-7"]
    assert (by_relay["source"], by_relay["reported_workstation"], by_relay["reported_by_account"]) == \
        ("cot", "tak-gw", "")
    # The unit's certificate speaks for its unit only, whatever uid the phone sent (as POST /positions).
    assert (by_unit["source"], by_unit["resource_id"], by_unit["reported_by_account"]) == ("unit", "team-7", "unit-7")
    assert "ANDROID-phone-of-unit-7" not in kept(platform)
    assert not relay.closed_by_peer(timeout=0.3)
    relay.close()
    unit.close()


@pytest.mark.parametrize(("who", "why"), [
    (None, "TLS handshake refused"), ("rogue", "TLS handshake refused"), ("revoked", "revoked"),
    ("stranger", "not a registered workstation"),
])
def test_a_sender_without_a_good_certificate_is_cut_and_recorded(platform, pki, who, why):
    port = platform.app.state.cot_port
    bad = TlsSender(port, pki, pki[who] if who else None)
    bad.send(event(f"intruder-{who}", 29.5, 106.5, NOW))
    assert bad.closed_by_peer(), "the connection stays open"
    wait_until(lambda: any(r.get("stage") == "cot" and why in r["reason"] for r in refused(platform.app)),
               what=f"the refusal of {who} in the audit")
    record = [r for r in refused(platform.app) if r.get("stage") == "cot"][-1]
    assert record["address"] == "127.0.0.1" and record["status"] == 0
    good = TlsSender(port, pki, pki["tak-gw"])  # the listener serves others
    good.send(event("after", 29.5, 106.5, NOW))
    wait_until(lambda: "after" in kept(platform), what="a good sender after the bad one")
    assert f"intruder-{who}" not in kept(platform)
    bad.close()
    good.close()


def test_plain_cot_is_refused_off_loopback_unless_insecure(capsys):
    with pytest.raises(CotBindRefused, match="--cot-tls"):
        check_bind("0.0.0.0", tls=False, insecure=False)
    for host in ("127.0.0.1", "::1", "localhost"):
        check_bind(host, tls=False, insecure=False)
    check_bind("0.0.0.0", tls=False, insecure=True)
    check_bind("192.0.2.7", tls=True, insecure=False)

    async def start() -> None:
        await CotListener(lambda fixes, actor: asyncio.sleep(0), datetime.now).start("0.0.0.0", 0)

    with pytest.raises(CotBindRefused):
        asyncio.run(start())
    with pytest.raises(SystemExit):
        parse_args(["--cot-port", "8089", "--cot-host", "0.0.0.0"])
    assert "refusing plain CoT on 0.0.0.0" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        parse_args(["--cot-port", "8089", "--cot-tls"])
    assert "--cot-tls needs --tls-cert" in capsys.readouterr().err
    assert parse_args(["--cot-port", "8087", "--cot-host", "0.0.0.0", "--cot-insecure"]).cot_insecure


def test_a_certificate_revoked_while_serving_is_refused_at_its_next_connection(db_url, key_file, pki):
    crl = pki["ca"].crl([pki["revoked"]], stem=f"live-{db_url.rsplit('/', 1)[-1][:40]}.crl")
    context = cot_context(pki["server"].cert, pki["server"].key, pki["ca"].ca.cert, crl)
    live = start_live_server(db_url, key_file=key_file, cot_listen=("127.0.0.1", 0), cot_tls=context)
    try:
        with Session(live.app.state.db.write) as s, s.begin():
            s.add(WorkstationRow(name="tak-gw", cert_subject=pki["tak-gw"].subject))
        port = live.app.state.cot_port
        first = TlsSender(port, pki, pki["tak-gw"])
        assert not first.closed_by_peer(timeout=0.3)
        pki["ca"].crl([pki["revoked"], pki["tak-gw"]], stem=crl.name)  # revoked now: re-read within seconds

        def refused_now() -> bool:
            sender = TlsSender(port, pki, pki["tak-gw"])
            sender.send(b" ")
            closed = sender.closed_by_peer(timeout=2)
            sender.close()
            return closed

        first.close()
        wait_until(refused_now, 20, what="the revoked certificate refused without a restart")
        wait_until(lambda: any(r.get("stage") == "cot" and "revoked" in r["reason"] for r in refused(live.app)),
                   what="the refusal in the audit")
    finally:
        live.stop()


def test_an_open_connection_of_a_deactivated_workstation_is_cut(platform, pki):
    platform.app.state.cot_listener.recheck_s = 0.0  # checked at every read (30 s in service)
    relay = TlsSender(platform.app.state.cot_port, pki, pki["tak-gw"])
    relay.send(event("before", 29.5, 106.5, NOW))
    wait_until(lambda: "before" in kept(platform), what="the first fix")
    with Session(platform.app.state.db.write) as s, s.begin():
        s.get(WorkstationRow, "tak-gw").active = False
    relay.send(event("after-deactivation", 29.5, 106.5, NOW))
    assert relay.closed_by_peer()
    assert "after-deactivation" not in kept(platform)
    relay.close()
