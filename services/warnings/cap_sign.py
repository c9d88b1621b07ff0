"""Enveloped XML signatures (XML-DSig, signxml) on CAP alerts: the centre's
key and certificate sign what it issues; a signed import is verified and the
signer's certificate subject goes on the warning. An invalid signature is an
error: a message that was altered after signing is not a warning to act on.

With trust anchors (a PEM file of the CA certificates the centre accepts), the
signer's certificate must chain to one of them; without them the signature is
checked against the certificate it carries (the message is intact, but anyone
can have made it) and the check says so."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    PublicFormat,
    load_pem_private_key,
)
from lxml import etree
from signxml import InvalidInput, SignatureConfiguration, XMLSigner, XMLVerifier
from signxml.exceptions import InvalidCertificate, InvalidDigest, InvalidSignature, SignXMLException

DSIG = "http://www.w3.org/2000/09/xmldsig#"
EXCLUSIVE_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#"


@dataclass(frozen=True)
class Signer:
    """The centre's private key and certificate (PEM), and any intermediate certificates after it."""

    key_pem: bytes
    cert_pem: bytes

    @classmethod
    def from_files(cls, key_path: str | Path, cert_path: str | Path) -> Signer:
        return cls(Path(key_path).read_bytes(), Path(cert_path).read_bytes())


@dataclass(frozen=True)
class SignatureCheck:
    state: str = ""  # "" unsigned, "valid", "invalid"
    subject: str = ""  # the signing certificate's subject (RFC 4514), when it could be read
    reason: str = ""  # why invalid, in Chinese
    chain_checked: bool = False  # the certificate chains to a configured trust anchor


def signature_of(alert: etree._Element) -> etree._Element | None:
    return alert.find(f"{{{DSIG}}}Signature")


def sign(alert: etree._Element, signer: Signer) -> etree._Element:
    """A signed copy of the alert: the Signature is its last child, where CAP 1.2's schema allows it."""
    certs = x509.load_pem_x509_certificates(signer.cert_pem)
    key = load_pem_private_key(signer.key_pem, password=None)
    if certs[0].public_key().public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo) != key.public_key(
    ).public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo):
        raise ValueError("the signing key does not belong to the certificate")
    algorithm = "ecdsa-sha256" if isinstance(key, ec.EllipticCurvePrivateKey) else "rsa-sha256"
    tool = XMLSigner(signature_algorithm=algorithm, c14n_algorithm=EXCLUSIVE_C14N)
    return tool.sign(copy.deepcopy(alert), key=signer.key_pem, cert=[c.public_bytes(Encoding.PEM).decode() for c in certs])


def verify(alert: etree._Element, trust: str | Path | None = None) -> SignatureCheck:
    """Whether the alert's enveloped signature holds (and who signed it); unsigned → state ""."""
    found = signature_of(alert)
    if found is None:
        return SignatureCheck()
    doc = copy.deepcopy(alert)  # the alert as its own document: URI="" means the alert, not a feed around it
    subject = _subject(found)
    config = SignatureConfiguration(expect_references=1)
    try:
        if trust is not None:
            XMLVerifier().verify(doc, ca_pem_file=str(trust), expect_config=config)
        else:
            cert = _certificate(found)
            if cert is None:
                return SignatureCheck("invalid", subject, "签名没有附带 X.509 证书，无法验证")
            XMLVerifier().verify(doc, x509_cert=cert, expect_config=config)
    except InvalidCertificate as exc:
        return SignatureCheck("invalid", subject, f"签名证书不受信任或已失效（{exc}）")
    except (InvalidDigest, InvalidSignature) as exc:
        return SignatureCheck("invalid", subject, f"签名无效：消息在签名后被改动，或签名与证书不符（{exc}）")
    except (InvalidInput, SignXMLException, ValueError) as exc:
        return SignatureCheck("invalid", subject, f"签名无法验证（{exc}）")
    return SignatureCheck("valid", subject, "", chain_checked=trust is not None)


def _certificate(signature: etree._Element) -> x509.Certificate | None:
    el = signature.find(f"{{{DSIG}}}KeyInfo/{{{DSIG}}}X509Data/{{{DSIG}}}X509Certificate")
    if el is None or not (el.text or "").strip():
        return None
    body = "".join((el.text or "").split())
    pem = "-----BEGIN CERTIFICATE-----\n" + "\n".join(body[i:i + 64] for i in range(0, len(body), 64))
    try:
        return x509.load_pem_x509_certificate((pem + "\n-----END CERTIFICATE-----\n").encode("ascii"))
    except ValueError:
        return None


def _subject(signature: etree._Element) -> str:
    cert = _certificate(signature)
    return cert.subject.rfc4514_string()[:400] if cert is not None else ""
