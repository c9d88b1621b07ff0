"""A throwaway PKI for the signing tests: a test CA, the centre's certificate
it issued, and a stranger's CA and certificate (written to tmp files)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


@dataclass(frozen=True)
class Identity:
    key: Path
    cert: Path
    ca: Path  # the PEM of the CA that issued it


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"), x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _cert(subject, issuer, public_key, signing_key, ca: bool):
    now = dt.datetime.now(dt.UTC)
    usage = x509.KeyUsage(digital_signature=not ca, content_commitment=not ca, key_encipherment=False,
                          data_encipherment=False, key_agreement=False, key_cert_sign=ca, crl_sign=ca,
                          encipher_only=False, decipher_only=False)  # fmt: skip
    builder = (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer).public_key(public_key)
               .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
               .not_valid_after(now + dt.timedelta(days=30))
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
               .add_extension(usage, critical=True)
               .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False))  # fmt: skip
    if not ca:
        builder = builder.add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(signing_key.public_key()), critical=False)
    return builder.sign(signing_key, hashes.SHA256())


def _identity(folder: Path, tag: str, cn: str) -> Identity:
    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca = _cert(_name(f"{tag} CA"), _name(f"{tag} CA"), ca_key.public_key(), ca_key, True)
    cert = _cert(_name(cn), ca.subject, key.public_key(), ca_key, False)
    paths = Identity(folder / f"{tag}.key", folder / f"{tag}.pem", folder / f"{tag}-ca.pem")
    paths.key.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                            serialization.NoEncryption()))  # fmt: skip
    paths.cert.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths.ca.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    return paths


@pytest.fixture(scope="module")
def centre(tmp_path_factory) -> Identity:
    return _identity(tmp_path_factory.mktemp("pki"), "centre", "重庆市应急指挥中心")


@pytest.fixture(scope="module")
def stranger(tmp_path_factory) -> Identity:
    return _identity(tmp_path_factory.mktemp("pki"), "stranger", "重庆市应急指挥中心")
