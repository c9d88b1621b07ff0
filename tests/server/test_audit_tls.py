"""Log-ins over mutual TLS in the audit: a refused certificate is a failed
log-in with its reason; an accepted one names the certificate's workstation,
not the one the client typed."""

from __future__ import annotations

import httpx
from sqlalchemy import text
from sqlalchemy.orm import Session

from server.app import add_user
from server.cert_auth import CertPolicy
from server.db import WorkstationRow
from server.test_ca import TestCA
from server.tls import server_context
from services.sync.tls import TlsSettings, client_context
from tests.server.live_server import start_live_server

LOGIN = "/api/v1/auth/login"


def test_certificate_log_ins_are_audited(tmp_path):
    ca = TestCA(tmp_path / "ca")
    server, desk = ca.server(), ca.workstation("duty-01")
    live = start_live_server(f"sqlite:///{tmp_path / 'platform.db'}", cert_policy=CertPolicy("both"),
                             tls=server_context(server.cert, server.key, ca.ca.cert))
    try:
        add_user(live.app.state.db, "duty", "duty-pw", "duty_officer")
        with Session(live.app.state.db.write) as s, s.begin():
            s.add(WorkstationRow(name="duty-01", cert_subject=desk.subject))
        body = {"username": "duty", "password": "duty-pw", "workstation": "typed-name"}
        with httpx.Client(verify=client_context(TlsSettings(ca.ca.cert, None, None)), timeout=10) as bare:
            assert bare.post(live.url + LOGIN, json=body).status_code == 401
        with httpx.Client(verify=client_context(TlsSettings(ca.ca.cert, desk.cert, desk.key)), timeout=10) as http:
            assert http.post(live.url + LOGIN, json=body).status_code == 200
        with live.app.state.db.engine.connect() as conn:
            rows = conn.execute(text("SELECT action, account, workstation, detail FROM audit_log ORDER BY seq")).all()
        assert [(r[0], r[1], r[2]) for r in rows] == [("login_failed", "duty", "typed-name"),
                                                      ("login", "duty", "duty-01")]
        assert "requires a workstation certificate" in rows[0][3]
    finally:
        live.stop()
