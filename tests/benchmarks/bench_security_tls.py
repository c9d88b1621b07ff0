"""security.tls_propagation_p95_ms: the sync propagation benchmark (bench_sync)
over mutual TLS: the platform as its own process serving HTTPS with the test
CA in --auth-mode both, both workstations presenting a registered certificate
and verifying the platform against the CA file."""

from __future__ import annotations

import tempfile
from pathlib import Path

from server.main import main as server_main
from services.sync.tls import TlsSettings, client_context
from tests.benchmarks.bench_sync import BENCH_PASSWORD, bench_propagation
from tests.benchmarks.fixtures import emit
from tests.server.process_server import create_user, start_server_process


def run() -> None:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        pki, db = tmp / "pki", "sqlite:///" + str(tmp / "platform.db")
        server_main(["--db", db, "--make-test-ca", str(pki)])
        server_main(["--db", db, "--register-workstation", "duty-01", "--workstation-cert",
                     str(pki / "workstation-duty-01.crt")])
        create_user(db, "duty", BENCH_PASSWORD, "duty_officer")
        tls = TlsSettings(pki / "ca.crt", pki / "workstation-duty-01.crt", pki / "workstation-duty-01.key")
        live = start_server_process(db, tls=client_context(tls), extra=(
            "--tls-cert", str(pki / "server.crt"), "--tls-key", str(pki / "server.key"),
            "--client-ca", str(pki / "ca.crt"), "--auth-mode", "both"))
        try:
            emit("security.tls_propagation_p95_ms", bench_propagation(tmp, live, tls), "ms", "< 250")
        finally:
            live.stop()


if __name__ == "__main__":
    run()
