"""HTTPS served by the platform itself: the server's SSL context, built
explicitly (TLS 1.2 at least, the client CA's certificates only), and how the
client certificate of a connection reaches the application.

uvicorn does not put the peer certificate into the ASGI scope. Its HTTP
protocol is a class the config accepts, so `PeerAwareH11Protocol` (one
instance per connection) reads the certificate the TLS layer verified, and the
real peer address, when the connection is made, and wraps the app for that
connection only: each request's scope carries `extensions["watchroom.peer"]`
= {"address", "subject"}. The subject is RFC 4514 (cryptography's
`Name.rfc4514_string()`), the form `workstations.cert_subject` holds. A
request arriving some other way (the test client, another server) has no such
extension and so never a certificate."""

from __future__ import annotations

import asyncio
import ssl
from pathlib import Path

from cryptography import x509
from uvicorn.protocols.http.h11_impl import H11Protocol

PEER = "watchroom.peer"


def server_context(cert: Path, key: Path, client_ca: Path | None, client_crl: Path | None = None) -> ssl.SSLContext:
    """The platform's context: its certificate and key; with `client_ca`, a client
    certificate is asked for and, when presented, verified against that CA alone.
    It is optional at the TLS layer on purpose: under TLS 1.3 a handshake refused
    for a missing certificate reaches the client as a bare disconnect, while the
    application refuses every authenticated request without one with a 401 that
    says why (server/cert_auth.py), which the workstation can put into words.
    `client_crl`: the CA's revocation list; a revoked workstation certificate
    then fails the handshake (deactivating the workstation refuses it with a 401)."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(str(cert), str(key))
    if client_ca is not None:
        context.load_verify_locations(cafile=str(client_ca))  # this CA alone, never the system's
        context.verify_mode = ssl.CERT_OPTIONAL
        if client_crl is not None:
            context.load_verify_locations(cafile=str(client_crl))
            context.verify_flags |= ssl.VERIFY_CRL_CHECK_LEAF
    return context


def subject_of(der: bytes | None) -> str:
    """The RFC 4514 subject of a DER certificate, "" without one."""
    if not der:
        return ""
    try:
        return x509.load_der_x509_certificate(der).subject.rfc4514_string()
    except ValueError:
        return ""


def peer_of(transport: asyncio.BaseTransport) -> dict[str, str]:
    """The connection's real address and verified client certificate subject."""
    ssl_object = transport.get_extra_info("ssl_object")
    der = ssl_object.getpeercert(binary_form=True) if ssl_object is not None else None
    peername = transport.get_extra_info("peername")
    address = str(peername[0]) if isinstance(peername, tuple) and peername else ""
    return {"address": address, "subject": subject_of(der)}


def with_peer(app, peer: dict[str, str]):
    """`app` with this connection's peer in every request's scope."""

    async def wrapped(scope, receive, send):
        if scope["type"] in ("http", "websocket"):
            scope["extensions"] = {**(scope.get("extensions") or {}), PEER: dict(peer)}
        await app(scope, receive, send)

    return wrapped


class PeerAwareH11Protocol(H11Protocol):
    """uvicorn's h11 protocol that hands the connection's peer to the app (module docstring)."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self.app = with_peer(self.app, peer_of(transport))


def scope_peer(scope: dict) -> dict[str, str] | None:
    """The peer `PeerAwareH11Protocol` recorded; None when the request came another way."""
    peer = (scope.get("extensions") or {}).get(PEER)
    return peer if isinstance(peer, dict) else None
