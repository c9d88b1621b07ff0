"""What a checkpoint's signature covers and how it is checked, shared by the
platform (server/audit_sign.py, which also signs) and the clients that keep
checkpoints (services/audit/checkpoints.py): Ed25519 (`cryptography`) or SM2
with SM3 (`gmssl`, where a centre asks)."""

from __future__ import annotations

import hashlib

ALGORITHMS = ("ed25519", "sm2")


def message(n: int, seq: int, digest: str, at: str) -> bytes:
    return f"watchroom-audit-checkpoint\n{n}\n{seq}\n{digest}\n{at}".encode()


def key_id_of(public_hex: str) -> str:
    return hashlib.sha256(bytes.fromhex(public_hex)).hexdigest()[:16]


def verify(algorithm: str, public_hex: str, data: bytes, signature: str) -> bool:
    """Whether `signature` (hex) is `public_hex`'s over `data`; never raises
    (an SM2 check without gmssl installed is False)."""
    try:
        if algorithm == "ed25519":
            from cryptography.exceptions import InvalidSignature
            from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

            try:
                Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_hex)).verify(bytes.fromhex(signature), data)
            except InvalidSignature:
                return False
            return True
        if algorithm == "sm2":
            from gmssl import sm2

            return bool(sm2.CryptSM2(private_key="", public_key=public_hex, mode=1).verify_with_sm3(signature, data))
    except (ValueError, TypeError, IndexError, ImportError, ZeroDivisionError):
        return False
    return False
