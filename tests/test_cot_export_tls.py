"""`watchroom cot-export --tak HOST:PORT --tls`: the events go over TLS with the
workstation's own certificate and the centre's CA from its config ([sync]
ca_file, client_cert, client_key), to a TLS receiver written for the test that
requires a client certificate of that CA; a receiver this workstation's CA did
not sign is refused, and --tls without the certificate configured is said."""

from __future__ import annotations

import socket
import ssl
import threading

from takproto.functions import xml2message

from app.cli import main as cli_main
from server.test_ca import TestCA
from services.resources.store import ResourceStore


class TlsTakReceiver:
    """A TAK server's TLS CoT input: one connection, a client certificate required; keeps what comes."""

    def __init__(self, server, ca_file):
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(str(server.cert), str(server.key))
        context.load_verify_locations(cafile=str(ca_file))
        context.verify_mode = ssl.CERT_REQUIRED
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.context, self.data, self.peer, self.error = context, b"", None, None
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        self.listener.settimeout(10)
        conn, _ = self.listener.accept()
        try:
            with self.context.wrap_socket(conn, server_side=True) as tls:
                self.peer = dict(x[0] for x in tls.getpeercert()["subject"])
                while chunk := tls.recv(65536):
                    self.data += chunk
        except (ssl.SSLError, OSError) as exc:
            self.error = exc
        finally:
            self.listener.close()


def _config(tmp_path, mirror_path, ca, issued) -> str:
    path = tmp_path / "k.toml"
    sync = f'[sync]\nca_file = "{ca.ca.cert}"\n' + (
        f'client_cert = "{issued.cert}"\nclient_key = "{issued.key}"\n' if issued else "")
    path.write_text(f'config_version = 1\n[site]\ncode = "K"\n[mirror]\npath = "{mirror_path}"\n'
                    f'[logging]\nfile = "{tmp_path / "k.log"}"\n{sync}'
                    '[[sync.endpoint]]\nurl = "https://127.0.0.1:9"\nusername = "duty"\n'
                    'password_env = "WATCHROOM_TEST_UNUSED"\n', encoding="utf-8")
    return str(path)


def test_cot_export_speaks_tls_with_the_workstations_certificate(tmp_path, mirror, events, clock, capsys):
    ResourceStore(mirror, events, clock).save_many([{
        "id": "team-a", "kind": "team", "name": "甲队", "lat": 29.60, "lon": 106.60, "division": "", "address": "",
        "contact": "", "phone": "", "available": True, "details": {}}])
    mirror_path = mirror.path
    mirror.close()
    ca, other = TestCA(tmp_path / "ca"), TestCA(tmp_path / "other", name="Other Root")
    config = _config(tmp_path, mirror_path, ca, ca.workstation("duty-01"))
    tak = TlsTakReceiver(ca.server(), ca.ca.cert)
    assert cli_main(["--config", config, "cot-export", "--tak", f"127.0.0.1:{tak.port}", "--tls"]) == 0
    tak.thread.join(10)
    assert tak.error is None and tak.peer["commonName"] == "duty-01"  # our certificate, verified by the receiver
    assert [xml2message(e).cotEvent.uid for e in tak.data.split(b"\n") if e.strip()] == ["watchroom.resource.team-a"]

    stranger = TlsTakReceiver(other.server(), ca.ca.cert)  # a server our CA did not sign
    assert cli_main(["--config", config, "cot-export", "--tak", f"127.0.0.1:{stranger.port}", "--tls"]) == 1
    assert "TAK 服务器无法连接" in capsys.readouterr().err
    stranger.thread.join(10)
    assert stranger.data == b""

    bare = _config(tmp_path, mirror_path, ca, None)
    assert cli_main(["--config", bare, "cot-export", "--tak", "127.0.0.1:9", "--tls"]) == 2
    assert "client_cert" in capsys.readouterr().err
