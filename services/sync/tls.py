"""The one SSL context the client talks to its platform with, built
explicitly: the platform is verified against the CA file of the config
([sync] ca_file; the system's store only when none is given), host names are
checked, TLS 1.2 at least, and the workstation certificate and key are
presented when configured. A TLS failure becomes a problem code the status
bar puts into words (never a silent acceptance, never a crash)."""

from __future__ import annotations

import ssl
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx
from cryptography import x509

# Problem codes (beside platform_session.PROBLEMS).
TLS_PROBLEMS = ("tls_untrusted", "tls_expired", "tls_hostname", "tls_client_cert", "tls_config", "tls_failed",
                "tls_own_expired")

# OpenSSL's X509_V_ERR_* codes that say which certificate check failed.
_EXPIRED, _NOT_YET_VALID, _HOSTNAME, _IP = 10, 9, 62, 64


@dataclass(frozen=True)
class TlsSettings:
    """[sync] ca_file, client_cert, client_key (paths; None: not configured)."""

    ca_file: Path | None = None
    client_cert: Path | None = None
    client_key: Path | None = None


class TlsSetupError(Exception):
    """A configured file cannot be used ("tls_config"), or this workstation's own
    certificate is outside its validity ("tls_own_expired")."""

    def __init__(self, message: str, problem: str = "tls_config"):
        super().__init__(message)
        self.problem = problem


def own_certificate_problem(settings: TlsSettings, now: datetime | None = None) -> TlsSetupError | None:
    """This workstation's certificate expired or not yet valid: said before the platform
    drops the handshake, which reaches the client as a bare disconnect."""
    if settings.client_cert is None:
        return None
    try:
        cert = x509.load_pem_x509_certificate(settings.client_cert.read_bytes())
    except (OSError, ValueError) as exc:
        return TlsSetupError(f"{settings.client_cert}: not a PEM certificate ({exc})")
    now = now or datetime.now(UTC)
    if not cert.not_valid_before_utc <= now <= cert.not_valid_after_utc:
        return TlsSetupError(f"{settings.client_cert}: valid from {cert.not_valid_before_utc:%Y-%m-%d} "
                             f"to {cert.not_valid_after_utc:%Y-%m-%d}", "tls_own_expired")
    return None


def client_context(settings: TlsSettings) -> ssl.SSLContext:
    """The context every platform request uses (PlatformSession)."""
    try:
        if settings.ca_file is not None:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # checks host names, requires a certificate
            context.load_verify_locations(cafile=str(settings.ca_file))  # this CA, not the system's
        else:
            context = ssl.create_default_context()
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        if settings.client_cert is not None:
            context.load_cert_chain(str(settings.client_cert),
                                    str(settings.client_key) if settings.client_key else None)
    except (OSError, ssl.SSLError, ValueError) as exc:
        raise TlsSetupError(f"TLS files unusable: {exc}") from exc
    problem = own_certificate_problem(settings)
    if problem is not None:
        raise problem
    return context


def _chain(exc: BaseException):
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def tls_problem(exc: BaseException) -> str | None:
    """The TLS problem behind a failed request, or None when it was something else."""
    for item in _chain(exc):
        if isinstance(item, ssl.SSLCertVerificationError):
            code = getattr(item, "verify_code", 0)
            if code in (_EXPIRED, _NOT_YET_VALID):
                return "tls_expired"
            if code in (_HOSTNAME, _IP):
                return "tls_hostname"
            return "tls_untrusted"
        if isinstance(item, ssl.SSLError):
            return _by_reason(str(item))
    text = str(exc).upper()
    if "SSL" in text or "TLS" in text:  # httpx sometimes keeps only the message
        return _by_reason(text)
    return None


def dropped_after_connecting(exc: BaseException) -> bool:
    """Whether the platform closed or reset a connection it had accepted: what a
    TLS 1.3 refusal of the client certificate looks like when its alert is lost.
    A refused connection (nothing listening) is not this."""
    if isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError)):
        return True
    return any(isinstance(item, (ConnectionResetError, BrokenPipeError, ssl.SSLEOFError)) for item in _chain(exc))


def _by_reason(text: str) -> str:
    text = text.upper()
    if "CERTIFICATE_REQUIRED" in text or "CERTIFICATE REQUIRED" in text or "HANDSHAKE_FAILURE" in text \
            or "BAD_CERTIFICATE" in text or "BAD CERTIFICATE" in text or "UNKNOWN_CA" in text \
            or "UNKNOWN CA" in text:
        return "tls_client_cert"  # the platform refused this workstation's certificate, or its absence
    if "CERTIFICATE_VERIFY_FAILED" in text or "CERTIFICATE VERIFY FAILED" in text:
        if "EXPIRED" in text:
            return "tls_expired"
        if "HOSTNAME" in text or "IP ADDRESS MISMATCH" in text:
            return "tls_hostname"
        return "tls_untrusted"
    if "WRONG_VERSION_NUMBER" in text or "WRONG VERSION NUMBER" in text:
        return "tls_failed"
    return "tls_failed"
