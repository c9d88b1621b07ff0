"""The client CA's revocation list re-read while the platform runs: a
workstation certificate revoked after start is refused at its next handshake,
without a restart.

How: the serving context's `sni_callback` runs on every ClientHello (with or
without a server name) before the client certificate is verified; at most
every `every_s` seconds it compares the CRL file's mtime and size with the
last ones read and, when they changed, builds a fresh context (the same
`build`, reading the new list), which this and every later handshake is
switched to (`ssl_object.context`: OpenSSL verifies against the switched-to
context's store). Connections already open keep going: a revocation takes
effect at the next connection. A list that cannot be read or parsed (a copy
half-written) keeps the previous one in force and is tried again at the next
check: the platform never drops revocation checking because of a bad file.

Session resumption would skip the certificate check, so a reloading context
issues no session tickets (TLS 1.3 or 1.2). OpenSSL's TLS 1.2 session-ID cache
(five minutes) has no switch in Python's ssl: a client resuming a TLS 1.2
session within five minutes of a revocation is not checked again (the
workstation's httpx never resumes)."""

from __future__ import annotations

import logging
import ssl
import threading
import time
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)
EVERY_S = 2.0


class CrlReloader:
    """Holds the current serving context; `context` is the one to serve with."""

    def __init__(self, build: Callable[[], ssl.SSLContext], crl: Path, *, every_s: float = EVERY_S,
                 clock: Callable[[], float] = time.monotonic):  # fmt: skip
        self.build, self.crl, self.every_s, self.clock = build, Path(crl), every_s, clock
        self._lock = threading.Lock()
        self._stamp = self._stat()
        self._checked = clock()
        self.current = self._fresh()
        self.context = self.current  # the one the server holds; handshakes switch from it
        self.reloads = 0

    def _stat(self) -> tuple[int, int] | None:
        try:
            info = self.crl.stat()
        except OSError:
            return None
        return info.st_mtime_ns, info.st_size

    def _fresh(self) -> ssl.SSLContext:
        context = self.build()
        context.num_tickets = 0  # no TLS 1.3 resumption past a revocation
        context.options |= ssl.OP_NO_TICKET
        context.sni_callback = self._on_hello
        return context

    def check(self) -> ssl.SSLContext:
        """The context in force, rebuilt first when the CRL file changed (checked at most every `every_s`)."""
        with self._lock:
            now = self.clock()
            if now - self._checked < self.every_s:
                return self.current
            self._checked = now
            stamp = self._stat()
            if stamp is None or stamp == self._stamp:
                return self.current
            try:
                self.current = self._fresh()
            except (OSError, ssl.SSLError, ValueError) as exc:
                log.warning("client CRL %s could not be read (%s): the previous list stays in force", self.crl, exc)
                return self.current
            self._stamp = stamp
            self.reloads += 1
            log.info("client CRL %s re-read", self.crl)
            return self.current

    def _on_hello(self, ssl_object, server_name, context) -> None:
        fresh = self.check()
        if ssl_object.context is not fresh:
            ssl_object.context = fresh
        return None
