"""The Cursor-on-Target options of `watchroom-server` (README, "Cursor-on-Target
in"): the port and address, TLS with the platform's own certificate, client
CA and CRL (a client certificate required), and the explicit word needed for a
plain listener on an address other hosts reach. Checked at start-up with a
clear message, before anything is served."""

from __future__ import annotations

import argparse
import ssl
from pathlib import Path
from typing import Any

from server.cot_listener import CotBindRefused, check_bind


def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("Cursor-on-Target in (README: Cursor-on-Target in)")
    group.add_argument("--cot-port", type=int, default=None, metavar="PORT",
                       help="accept Cursor-on-Target (CoT 2.0 XML over TCP, from TAK devices or a TAK server) "
                            "on this port as live positions; off unless given (TAK's TLS port is 8089)")
    group.add_argument("--cot-host", default="127.0.0.1", help="the address the CoT listener binds to")
    group.add_argument("--cot-tls", action="store_true",
                       help="CoT over TLS with --tls-cert/--tls-key; a client certificate from --client-ca is "
                            "required (and checked against --client-crl) and names the sender: a registered "
                            "workstation, or a field_unit account by its common name")
    group.add_argument("--cot-insecure", action="store_true",
                       help="allow plain (unauthenticated) CoT on a non-loopback --cot-host")


def check_arguments(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    if args.cot_port is not None and not 0 <= args.cot_port <= 65535:
        parser.error("--cot-port must be from 0 to 65535")
    if (args.cot_tls or args.cot_insecure) and args.cot_port is None:
        parser.error("--cot-tls and --cot-insecure go with --cot-port")
    if args.cot_tls and args.cot_insecure:
        parser.error("--cot-insecure is for a plain listener; --cot-tls needs no exception")
    if args.cot_tls and not (args.tls_cert and args.client_ca):
        parser.error("--cot-tls needs --tls-cert, --tls-key and --client-ca (the CA of the senders' certificates)")
    if args.cot_port is not None:
        try:
            check_bind(args.cot_host, args.cot_tls, args.cot_insecure)
        except CotBindRefused as exc:
            parser.error(str(exc))


def cot_context(cert: Path, key: Path, client_ca: Path, client_crl: Path | None) -> ssl.SSLContext:
    """The platform's TLS context with a client certificate required; with a CRL,
    re-read when the file changes (server/crl_reload.py), as HTTPS does."""
    from server.tls import server_context

    def build() -> ssl.SSLContext:
        context = server_context(cert, key, client_ca, client_crl)
        context.verify_mode = ssl.CERT_REQUIRED  # no anonymous sender: CoT has no log-in behind it
        return context

    if client_crl is None:
        return build()
    from server.crl_reload import CrlReloader

    return CrlReloader(build, client_crl).context


def app_options(args: argparse.Namespace) -> dict[str, Any]:
    """create_app's CoT keywords."""
    if args.cot_port is None:
        return {"cot_listen": None}
    tls = cot_context(args.tls_cert, args.tls_key, args.client_ca, args.client_crl) if args.cot_tls else None
    return {"cot_listen": (args.cot_host, args.cot_port), "cot_tls": tls, "cot_insecure": args.cot_insecure}
