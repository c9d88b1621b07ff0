"""A test certificate authority made with `cryptography`, for the demo and the
tests: a CA, the platform's server certificate (SAN 127.0.0.1 and localhost)
and workstation client certificates, written as PEM files into one folder.
A centre uses its own CA instead (README, "TLS and certificates"); nothing
here is meant for production keys.

    python -m server.test_ca DIR [--workstation duty-01 ...]
    watchroom-server --make-test-ca DIR
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

ORG = "Watchroom Test CA"  # marks every certificate made here as a test one


@dataclass(frozen=True)
class Issued:
    cert: Path
    key: Path
    subject: str  # RFC 4514, as the platform reads it from a presented certificate


def _name(common_name: str, unit: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, ORG),
                      x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, unit),
                      x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _write(folder: Path, stem: str, cert: x509.Certificate, key: ec.EllipticCurvePrivateKey) -> Issued:
    cert_path, key_path = folder / f"{stem}.crt", folder / f"{stem}.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    fd = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)  # a key is private from its first byte
    with os.fdopen(fd, "wb") as out:
        out.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption()))
    return Issued(cert_path, key_path, cert.subject.rfc4514_string())


class TestCA:
    """One CA key in memory; issues server and workstation certificates into `folder`."""

    __test__ = False  # not a pytest class

    def __init__(self, folder: Path, *, name: str = "Watchroom Test Root", valid_days: int = 3650):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.key = ec.generate_private_key(ec.SECP256R1())
        now = datetime.now(UTC)
        subject = _name(name, "CA")
        self.cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
                     .public_key(self.key.public_key()).serial_number(x509.random_serial_number())
                     .not_valid_before(now - timedelta(minutes=5)).not_valid_after(now + timedelta(days=valid_days))
                     .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
                     .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False),
                                    critical=True)
                     .sign(self.key, hashes.SHA256()))
        self.ca = _write(self.folder, "ca", self.cert, self.key)

    def _issue(self, stem: str, subject: x509.Name, usage, sans: list | None, not_before: datetime,
               not_after: datetime) -> Issued:
        key = ec.generate_private_key(ec.SECP256R1())
        builder = (x509.CertificateBuilder().subject_name(subject).issuer_name(self.cert.subject)
                   .public_key(key.public_key()).serial_number(x509.random_serial_number())
                   .not_valid_before(not_before).not_valid_after(not_after)
                   .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
                   .add_extension(x509.ExtendedKeyUsage([usage]), critical=False))
        if sans:
            builder = builder.add_extension(x509.SubjectAlternativeName(sans), critical=False)
        return _write(self.folder, stem, builder.sign(self.key, hashes.SHA256()), key)

    def server(self, stem: str = "server", *, hosts: tuple[str, ...] = ("127.0.0.1", "localhost"),
               expired: bool = False) -> Issued:
        """The platform's certificate; `expired`: one whose validity ended yesterday (for the tests)."""
        now = datetime.now(UTC)
        start, end = (now - timedelta(days=30), now - timedelta(days=1)) if expired else \
            (now - timedelta(minutes=5), now + timedelta(days=825))
        sans = []
        for host in hosts:
            try:
                sans.append(x509.IPAddress(ipaddress.ip_address(host)))
            except ValueError:
                sans.append(x509.DNSName(host))
        return self._issue(stem, _name(hosts[0], "platform"), ExtendedKeyUsageOID.SERVER_AUTH, sans, start, end)

    def workstation(self, name: str, *, unit: str = "workstation", expired: bool = False) -> Issued:
        """A workstation's client certificate: CN is the workstation's name."""
        now = datetime.now(UTC)
        start, end = (now - timedelta(days=30), now - timedelta(days=1)) if expired else \
            (now - timedelta(minutes=5), now + timedelta(days=825))
        stem = f"workstation-{name}" + ("-expired" if expired else "")
        return self._issue(stem, _name(name, unit), ExtendedKeyUsageOID.CLIENT_AUTH, None, start, end)

    def crl(self, revoked: list[Issued], stem: str = "ca.crl") -> Path:
        """A certificate revocation list naming `revoked` (for the platform's --client-crl)."""
        now = datetime.now(UTC)
        builder = (x509.CertificateRevocationListBuilder().issuer_name(self.cert.subject)
                   .last_update(now - timedelta(minutes=5)).next_update(now + timedelta(days=7)))
        for issued in revoked:
            serial = x509.load_pem_x509_certificate(issued.cert.read_bytes()).serial_number
            builder = builder.add_revoked_certificate(
                x509.RevokedCertificateBuilder().serial_number(serial).revocation_date(now).build())
        path = self.folder / stem
        path.write_bytes(builder.sign(self.key, hashes.SHA256()).public_bytes(serialization.Encoding.PEM))
        return path


def make_test_ca(folder: Path, workstations: tuple[str, ...] = ("duty-01",)) -> dict[str, Issued]:
    """ca.crt/.key, server.crt/.key and workstation-NAME.crt/.key in `folder`."""
    ca = TestCA(folder)
    issued = {"ca": ca.ca, "server": ca.server()}
    for name in workstations:
        issued[name] = ca.workstation(name)
    return issued


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m server.test_ca", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--workstation", action="append", default=[], metavar="NAME",
                        help="a workstation certificate to issue (repeatable; default duty-01)")
    args = parser.parse_args(argv)
    for what, item in make_test_ca(args.folder, tuple(args.workstation) or ("duty-01",)).items():
        print(f"{what}: {item.cert} ({item.subject})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
