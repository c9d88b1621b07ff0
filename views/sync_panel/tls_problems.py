"""The sync status's sentences for certificate and TLS refusals
(services/sync/tls.py TLS_PROBLEMS, and the platform refusing this
workstation's certificate), in the officer's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tls_problem_text(problem: str) -> str:
    """The sentence for a TLS or certificate problem code; "" for any other code."""
    return {
        "cert_refused": QCoreApplication.translate(
            "TlsProblems", "the platform refused this workstation's certificate (not registered, or another workstation's)"),
        "tls_untrusted": QCoreApplication.translate(
            "TlsProblems", "platform certificate not trusted: not signed by the centre's CA (check [sync] ca_file)"),
        "tls_expired": QCoreApplication.translate(
            "TlsProblems", "platform certificate expired or not yet valid: connection refused"),
        "tls_hostname": QCoreApplication.translate(
            "TlsProblems", "platform certificate does not match its address: connection refused"),
        "tls_client_cert": QCoreApplication.translate(
            "TlsProblems", "the platform requires this workstation's certificate or refused it (check [sync] client_cert)"),
        "tls_config": QCoreApplication.translate(
            "TlsProblems", "the CA or certificate files of this workstation cannot be used (check [sync] ca_file, client_cert, client_key)"),
        "tls_failed": QCoreApplication.translate(
            "TlsProblems", "the encrypted (TLS) connection to the platform failed (it may have refused this workstation's certificate: another CA, or revoked)"),
        "tls_own_expired": QCoreApplication.translate(
            "TlsProblems", "this workstation's certificate has expired or is not yet valid (renew [sync] client_cert)"),
    }.get(problem, "")
