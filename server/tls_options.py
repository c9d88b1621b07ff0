"""The TLS options of `watchroom-server`: the certificate, key and client CA it
serves HTTPS with, the auth mode, the front proxies it believes, and the two
commands that go with them (a test CA; registering a workstation's
certificate). Plain HTTP stays the default, meant for loopback."""

from __future__ import annotations

import argparse
import ipaddress
from pathlib import Path

from server.cert_auth import MODES, CertPolicy


def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("TLS and certificates (README: TLS and certificates)")
    group.add_argument("--tls-cert", type=Path, metavar="PEM", help="serve HTTPS with this certificate (chain)")
    group.add_argument("--tls-key", type=Path, metavar="PEM", help="the private key of --tls-cert")
    group.add_argument("--client-ca", type=Path, metavar="PEM",
                       help="the CA that signs workstation certificates (only it is trusted for them)")
    group.add_argument("--client-crl", type=Path, metavar="PEM",
                       help="the client CA's revocation list: revoked workstation certificates fail the handshake "
                            "(re-read within seconds when the file changes)")
    group.add_argument("--auth-mode", choices=MODES, default="password",
                       help="password (default), certificate (the workstation certificate logs in; the officer "
                            "names the account), both (password and certificate)")
    group.add_argument("--trusted-proxy", action="append", default=[], metavar="ADDR",
                       help="a front proxy terminating TLS whose X-SSL-Client-Verify / X-SSL-Client-S-DN headers "
                            "are believed (repeatable); headers from any other address are ignored")
    group.add_argument("--make-test-ca", type=Path, metavar="DIR",
                       help="write a test CA, a server certificate (127.0.0.1, localhost) and a workstation "
                            "certificate duty-01 into DIR, then exit")
    group.add_argument("--register-workstation", metavar="NAME",
                       help="bind the workstation NAME to the subject of --workstation-cert, then exit")
    group.add_argument("--workstation-cert", type=Path, metavar="PEM", help="the workstation's certificate")


def check_arguments(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    if bool(args.tls_cert) != bool(args.tls_key):
        parser.error("--tls-cert and --tls-key go together")
    if args.client_ca and not args.tls_cert:
        parser.error("--client-ca needs --tls-cert and --tls-key (the platform serves HTTPS to ask for certificates)")
    if args.auth_mode != "password" and not (args.client_ca or args.trusted_proxy):
        parser.error(f"--auth-mode {args.auth_mode} needs --client-ca (or a --trusted-proxy that checks them)")
    for address in args.trusted_proxy:
        try:
            ipaddress.ip_address(address)
        except ValueError:
            parser.error(f"--trusted-proxy takes an IP address, not {address!r}")
    if args.client_crl and not args.client_ca:
        parser.error("--client-crl needs --client-ca")
    for name in ("tls_cert", "tls_key", "client_ca", "client_crl", "workstation_cert"):
        path = getattr(args, name)
        if path is not None and not path.is_file():
            parser.error(f"--{name.replace('_', '-')}: {path} is not a file")
    if args.register_workstation and not args.workstation_cert:
        parser.error("--register-workstation needs --workstation-cert")


def policy(args: argparse.Namespace) -> CertPolicy:
    return CertPolicy(args.auth_mode, frozenset(args.trusted_proxy))


def command(args: argparse.Namespace, url: str) -> str | None:
    """Runs --make-test-ca or --register-workstation; what to print, or None for neither."""
    if args.make_test_ca:
        from server.test_ca import make_test_ca

        issued = make_test_ca(args.make_test_ca)
        return "\n".join(f"{what}: {item.cert} ({item.subject})" for what, item in issued.items())
    if args.register_workstation:
        return register_workstation(url, args.register_workstation, args.workstation_cert)
    return None


def register_workstation(url: str, name: str, cert: Path) -> str:
    """Creates or updates the workstation with the certificate's subject (and makes it active)."""
    from cryptography import x509
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from server.db import WorkstationRow, open_database

    try:
        subject = x509.load_pem_x509_certificate(cert.read_bytes()).subject.rfc4514_string()
    except (OSError, ValueError) as exc:
        raise SystemExit(f"{cert}: not a PEM certificate ({exc})") from None
    db = open_database(url)
    try:
        with Session(db.write) as s, s.begin():
            other = s.scalar(select(WorkstationRow.name).where(WorkstationRow.cert_subject == subject,
                                                               WorkstationRow.name != name))
            if other:  # one certificate, one workstation: the subject must say which
                raise SystemExit(f"the certificate subject {subject} is workstation {other}'s already")
            row = s.get(WorkstationRow, name) or WorkstationRow(name=name)
            row.cert_subject, row.active = subject, True
            s.add(row)
    finally:
        db.dispose()
    return f"workstation {name}: certificate subject {subject}"


def serve(app, args: argparse.Namespace, log_config: dict) -> None:
    """uvicorn with the peer-aware protocol, over HTTPS when a certificate is given."""
    import uvicorn

    from server.tls import PeerAwareH11Protocol, server_context

    tls = {}
    if args.tls_cert:
        tls = {"ssl_certfile": str(args.tls_cert), "ssl_keyfile": str(args.tls_key)}
    elif not ipaddress.ip_address(_host(args.host)).is_loopback:
        print(f"WARNING: serving plain HTTP on {args.host}: passwords and tokens cross the network in clear; "
              "give --tls-cert and --tls-key")
    config = uvicorn.Config(app, host=args.host, port=args.port, timeout_graceful_shutdown=5, log_config=log_config,
                            http=PeerAwareH11Protocol, **tls)
    config.load()
    if args.tls_cert:  # our context, built explicitly, in place of uvicorn's; failed handshakes audited
        from server.tls_audit import serve_tls

        def build():
            return server_context(args.tls_cert, args.tls_key, args.client_ca, args.client_crl)

        if args.client_crl:  # re-read when the file changes (server/crl_reload.py)
            from server.crl_reload import CrlReloader

            context = CrlReloader(build, args.client_crl).context
        else:
            context = build()
        serve_tls(config, context, app.state.refusals)
    uvicorn.Server(config).run()


def _host(host: str) -> str:
    if host == "localhost":
        return "127.0.0.1"
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return "0.0.0.0"  # a name: treat as reachable from outside
    return host
