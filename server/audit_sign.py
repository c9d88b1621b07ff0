"""Signed checkpoints of the audit chain: every N minutes the platform signs
(n, seq, hash, time) of the chain's head, Ed25519 by default (`cryptography`),
SM2 with SM3 where a centre asks (`gmssl`, optional). Clients keep the
checkpoints they have seen and compare them with the platform's at each
exchange, so history rewritten afterwards (even re-hashed) is caught by any of
them. The private key is a file made 0600 like the token key
(server/token_key.py): beside a SQLite database, in the platform's data folder
for PostgreSQL, or where --audit-key-file says; replicas share it."""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import Integer, String, Text, insert, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from server import audit
from server.db import Base, Database
from server.private_files import create_private, tighten
from services.audit.signing import ALGORITHMS, key_id_of, message, verify  # noqa: F401 - the platform's names

DEFAULT_EVERY_MIN = 5.0
log = logging.getLogger(__name__)


class CheckpointRow(Base):
    """A signed checkpoint: the record `seq` of the chain had `hash` at `at`."""

    __tablename__ = "audit_checkpoints"

    n: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(audit.SEQ)
    hash: Mapped[str] = mapped_column(String(64))
    at: Mapped[str] = mapped_column(String(40))
    algorithm: Mapped[str] = mapped_column(String(16))
    key_id: Mapped[str] = mapped_column(String(64))
    signature: Mapped[str] = mapped_column(Text)


CHECKPOINT_COLUMNS = ("n", "seq", "hash", "at", "algorithm", "key_id", "signature")


@dataclass(frozen=True)
class Signer:
    """A private key and what it signs with; `public_key` is hex (Ed25519: the
    raw 32 bytes; SM2: the 64-byte uncompressed point without its 04)."""

    algorithm: str
    private_hex: str = field(repr=False)  # never in a log line or a traceback
    public_key: str = ""

    @property
    def key_id(self) -> str:
        return key_id_of(self.public_key)

    def sign(self, data: bytes) -> str:
        if self.algorithm == "ed25519":
            from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

            return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(self.private_hex)).sign(data).hex()
        from gmssl import sm2

        crypt = sm2.CryptSM2(private_key=self.private_hex, public_key=self.public_key, mode=1)
        return crypt.sign_with_sm3(data)


def new_signer(algorithm: str) -> Signer:
    if algorithm == "ed25519":
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
        from cryptography.hazmat.primitives.serialization import (
            Encoding,
            NoEncryption,
            PrivateFormat,
            PublicFormat,
        )

        key = Ed25519PrivateKey.generate()
        private = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption()).hex()
        public = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()
        return Signer("ed25519", private, public)
    if algorithm == "sm2":
        return _sm2_signer("%064x" % (secrets.randbelow(_sm2_order() - 1) + 1))
    raise ValueError(f"unknown signing algorithm {algorithm!r}; one of {', '.join(ALGORITHMS)}")


def _sm2_order() -> int:
    from gmssl import sm2

    return int(sm2.default_ecc_table["n"], 16)


def _sm2_signer(private_hex: str) -> Signer:
    from gmssl import sm2

    point = sm2.CryptSM2(private_key=private_hex, public_key="", mode=1)._kg(int(private_hex, 16),
                                                                            sm2.default_ecc_table["g"])
    return Signer("sm2", private_hex, point)


def signer_from_text(content: str, where: str) -> Signer:
    """A key file's line: "ed25519:<64 hex>" or "sm2:<64 hex>"."""
    algorithm, _, private = content.strip().partition(":")
    try:
        if algorithm == "ed25519":
            from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
            from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

            key = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(private))
            return Signer("ed25519", private, key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex())
        if algorithm == "sm2":
            int(private, 16)
            return _sm2_signer(private)
    except ValueError:
        pass
    raise SystemExit(f"the audit key in {where} is not an ed25519: or sm2: key line")


def default_key_file(db_url: str) -> Path:
    url = make_url(db_url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        path = Path(url.database)
        return path.with_name(path.name + ".audit-key")
    from platformdirs import user_data_dir

    return Path(user_data_dir("watchroom-server")) / "audit.key"


def load_signer(db_url: str, key_file: Path | None = None, algorithm: str = "ed25519") -> Signer:
    """The checkpoint key, made (0600) on first use with `algorithm`; an existing
    key keeps its own algorithm (a change is a key rotation: README)."""
    path = Path(key_file) if key_file is not None else default_key_file(db_url)
    if not path.exists():
        made = new_signer(algorithm)
        if create_private(path, f"{made.algorithm}:{made.private_hex}\n".encode("ascii")):
            log.info("audit checkpoint key (%s) created at %s (mode 0600); replicas need the same key",
                     algorithm, path)
    tighten(path)
    signer = signer_from_text(path.read_text(encoding="ascii"), str(path))
    if signer.algorithm != algorithm:
        log.warning("the audit key in %s is %s, not %s: it is used as it is", path, signer.algorithm, algorithm)
    return signer


def make_checkpoint(db: Database, signer: Signer, now: str) -> dict | None:
    """Signs the chain's head if it moved since the last checkpoint; returns the
    new checkpoint, or None. Under the audit lock, so replicas never sign two
    different heads under one number (a replica that loses a race skips)."""
    try:
        with db.write.begin() as conn:
            audit._lock(conn)
            seq, digest = audit.head(conn)
            last = conn.execute(text("SELECT n, seq FROM audit_checkpoints ORDER BY n DESC LIMIT 1")).first()
            if seq == 0 or (last is not None and last[1] >= seq):
                return None
            n = (last[0] if last is not None else 0) + 1
            row = {"n": n, "seq": seq, "hash": digest, "at": now, "algorithm": signer.algorithm,
                   "key_id": signer.key_id, "signature": signer.sign(message(n, seq, digest, now))}
            conn.execute(insert(CheckpointRow.__table__), row)
            return row
    except IntegrityError:
        return None


def checkpoints_after(conn, after: int, limit: int) -> list[dict]:
    rows = conn.execute(select(*(CheckpointRow.__table__.c[c] for c in CHECKPOINT_COLUMNS))
                        .where(CheckpointRow.n > after).order_by(CheckpointRow.n).limit(limit))
    return [dict(r._mapping) for r in rows]


async def checkpoint_forever(db: Database, signer: Signer, every_s: float, clock: Callable[[], datetime]) -> None:
    """The platform's checkpoint timer (a failure is logged and tried next time)."""
    loop = asyncio.get_running_loop()
    while True:
        await asyncio.sleep(every_s)
        try:
            made = await loop.run_in_executor(None, make_checkpoint, db, signer,
                                              clock().isoformat(timespec="milliseconds"))
        except Exception:  # noqa: BLE001 - the next turn tries again
            log.exception("audit checkpoint could not be made")
            continue
        if made is not None:
            log.info("audit checkpoint %d signed at record %d", made["n"], made["seq"])
