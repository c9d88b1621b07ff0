"""Failed TLS handshakes in the audit: a client certificate that is expired,
self-signed, of another CA or revoked by the CRL fails the handshake before
any HTTP, so neither uvicorn nor the app ever sees it, and asyncio only logs
it at debug level.

How: uvicorn is given no SSL context; its protocol factory returns, per
connection, asyncio's own `SSLProtocol` (the class `loop.create_server(ssl=)`
would have used, with the same defaults) wrapping uvicorn's HTTP protocol, and
the handshake's result is read from the *waiter* future that SSLProtocol's
constructor takes for exactly this (asyncio's server awaits the same one).
Chosen over the alternatives because it uses only SSLProtocol's constructor
and the Protocol interface (no private method overridden; the TLS state
machine stays asyncio's): `SSLContext.sslobject_class` sees the error but not
the peer address; accepting plain TCP and calling `wrap_bio` ourselves would
copy that state machine; patching the loop's `_make_ssl_transport` is private.
The address comes from the socket transport in `connection_made`; the record
is written off the event loop (an executor thread) and bounded per address by
server/refusals.py RefusalLog."""

from __future__ import annotations

import asyncio
import logging
import ssl
from asyncio.sslproto import SSLProtocol
from collections.abc import Callable

log = logging.getLogger(__name__)
OnRefused = Callable[[str, str], None]  # (address, reason): called in an executor thread


def handshake_reason(exc: BaseException) -> str:
    """OpenSSL's reason, with the verification message when there is one."""
    reason = getattr(exc, "reason", None) or type(exc).__name__
    message = getattr(exc, "verify_message", None)
    return f"TLS handshake refused: {reason}" + (f" ({message})" if message else "")


HANDSHAKE_TIMEOUT_S = 15.0


class AuditedSSLProtocol(SSLProtocol):
    """asyncio's server-side TLS for one connection, reporting a failed handshake."""

    def __init__(self, loop: asyncio.AbstractEventLoop, app_protocol: asyncio.BaseProtocol,
                 context: ssl.SSLContext, on_refused: OnRefused):  # fmt: skip
        waiter = loop.create_future()
        # A peer that never finishes its handshake holds a socket: cut it after 15 s, not
        # asyncio's 60 (ample on the 64 kbit/s, 600 ms satellite link: about a second).
        super().__init__(loop, app_protocol, context, waiter, server_side=True,
                         ssl_handshake_timeout=HANDSHAKE_TIMEOUT_S)
        self._audit_loop, self._audit_address, self._on_refused = loop, "", on_refused
        waiter.add_done_callback(self._handshake_done)

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        peername = transport.get_extra_info("peername")
        self._audit_address = str(peername[0]) if isinstance(peername, tuple) and peername else ""
        super().connection_made(transport)

    def _handshake_done(self, waiter: asyncio.Future) -> None:
        if waiter.cancelled():
            return
        exc = waiter.exception()
        if isinstance(exc, ssl.SSLError):  # not a reset or a timeout: those say nothing about a certificate
            self._audit_loop.run_in_executor(None, self._on_refused, self._audit_address, handshake_reason(exc))


def audited_tls(http_protocol_class, context: ssl.SSLContext, on_refused: OnRefused):
    """A uvicorn `http_protocol_class` serving TLS with `context` whose failed handshakes reach `on_refused`."""

    def factory(*, _loop: asyncio.AbstractEventLoop | None = None, **kwargs) -> AuditedSSLProtocol:
        loop = _loop or asyncio.get_running_loop()
        return AuditedSSLProtocol(loop, http_protocol_class(_loop=_loop, **kwargs), context, on_refused)

    return factory


def refusal_recorder(refusals, stage: str = "tls") -> OnRefused:
    """`on_refused` writing to a server/refusals.py RefusalLog (`stage`: "cot" for the CoT listener)."""

    def record(address: str, reason: str) -> None:
        refusals.record(0, reason, address=address, stage=stage)

    return record


def serve_tls(config, context: ssl.SSLContext, refusals) -> None:
    """After `config.load()`: TLS through AuditedSSLProtocol instead of uvicorn's own."""
    config.ssl = None
    config.http_protocol_class = audited_tls(config.http_protocol_class, context, refusal_recorder(refusals))
