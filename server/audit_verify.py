"""`watchroom-server audit verify`: walks the audit chain from its first record
and every signed checkpoint, and names the first break (an altered record, a
missing one, a pair out of order, a record that does not follow its
predecessor, a checkpoint whose signature fails or that disagrees with the
chain). Exit status 0 when all holds, 1 at a break, 2 when it cannot run."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, select

from server import audit, audit_sign
from server.audit_sign import CheckpointRow

CHUNK = 20_000


@dataclass(frozen=True)
class Verdict:
    records: int  # records checked
    checkpoints: int
    first_break: str  # "" when the chain holds
    break_seq: int | None = None  # the record (or checkpoint n) where it broke

    @property
    def ok(self) -> bool:
        return not self.first_break


def _chain(conn: Connection, wanted: dict[int, str]) -> tuple[int, str, int | None, dict[int, str]]:
    """Checks the records in order; returns how many, the first break and where,
    and the hashes at the seqs checkpoints name (`wanted`)."""
    # The driver's own cursor: a million SQLAlchemy rows cost more than their hashes.
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    query = f"SELECT {', '.join(audit.COLUMNS)} FROM audit_log WHERE seq > {mark} ORDER BY seq LIMIT {mark}"
    cursor = conn.connection.dbapi_connection.cursor()
    record_hash = audit.record_hash
    expected_seq, prev = 1, audit.GENESIS
    found: dict[int, str] = {}
    count = 0
    last = 0
    while True:
        cursor.execute(query, (last, CHUNK))
        rows = cursor.fetchall()
        if not rows:
            return count, "", None, found
        for seq, at, action, account, workstation, entity, entity_id, detail, prev_hash, digest in rows:
            if seq != expected_seq:
                if seq > expected_seq:
                    missing = (f"record {expected_seq} is missing" if seq == expected_seq + 1
                               else f"records {expected_seq} to {seq - 1} are missing")
                    return count, f"{missing} (the log goes on at record {seq})", expected_seq, found
                return count, f"record {seq} is out of order (after record {expected_seq - 1})", seq, found
            if record_hash(seq, at, action, account, workstation, entity, entity_id, detail, prev_hash) != digest:
                return count, f"record {seq} was altered: its content does not match its hash", seq, found
            if prev_hash != prev:
                return count, (f"record {seq} does not follow record {seq - 1}: its previous hash differs "
                               "(a record before it was altered, removed or reordered)"), seq, found
            if seq in wanted:
                found[seq] = digest
            prev = digest
            expected_seq += 1
            count += 1
        last = rows[-1][0]


def verify(conn: Connection, trusted: dict[str, tuple[str, str]]) -> Verdict:
    """`trusted`: key id -> (algorithm, public key hex) of the keys checkpoints may be signed with."""
    table = CheckpointRow.__table__
    checkpoints = [dict(r._mapping) for r in conn.execute(
        select(*(table.c[c] for c in audit_sign.CHECKPOINT_COLUMNS)).order_by(table.c.n))]
    count, problem, where, hashes = _chain(conn, {c["seq"]: "" for c in checkpoints})
    checkpoint_break, checkpoint_n = _checkpoints(checkpoints, trusted, hashes, count + 1 if problem else None)
    if checkpoint_break and (not problem or (checkpoint_n is not None and where is not None
                                             and checkpoint_n < where)):
        return Verdict(count, len(checkpoints), checkpoint_break, checkpoint_n)
    return Verdict(count, len(checkpoints), problem, where)


def _checkpoints(checkpoints: list[dict], trusted: dict[str, tuple[str, str]], hashes: dict[int, str],
                 chain_broken_at: int | None) -> tuple[str, int | None]:
    """The first checkpoint that fails (and the record seq it covers), or ("", None)."""
    expected_n, last_seq = 1, 0
    for c in checkpoints:
        n, seq = c["n"], c["seq"]
        if n != expected_n:
            return f"checkpoint {expected_n} is missing (the next is {n})", seq
        if seq < last_seq:
            return f"checkpoint {n} covers record {seq}, before checkpoint {n - 1}'s {last_seq}", seq
        key = trusted.get(c["key_id"])
        if key is None or key[0] != c["algorithm"]:
            return f"checkpoint {n} is signed by an unknown key ({c['algorithm']} {c['key_id']})", seq
        if not audit_sign.verify(key[0], key[1], audit_sign.message(n, seq, c["hash"], c["at"]), c["signature"]):
            return f"checkpoint {n} (record {seq}): its signature does not verify", seq
        if chain_broken_at is None or seq < chain_broken_at:
            if seq not in hashes:
                return f"checkpoint {n} covers record {seq}, which the log no longer holds", seq
            if hashes[seq] != c["hash"]:
                return f"checkpoint {n}: record {seq}'s hash differs from the one signed (history rewritten)", seq
        expected_n, last_seq = n + 1, seq
    return "", None


def trusted_keys(signer: audit_sign.Signer, extra: list[Path]) -> dict[str, tuple[str, str]]:
    """The current key, and earlier public keys kept after a rotation: lines of
    "<algorithm>:<public key hex>" in the files given."""
    keys = {signer.key_id: (signer.algorithm, signer.public_key)}
    for path in extra:
        for line in path.read_text(encoding="ascii").splitlines():
            algorithm, _, public = line.strip().partition(":")
            if algorithm in audit_sign.ALGORITHMS and public:
                keys[audit_sign.key_id_of(public)] = (algorithm, public)
    return keys


def main(argv: list[str], db_url: Callable[[str | None], str]) -> int:
    """`watchroom-server audit verify|public-key [--db ...]`; `db_url` turns --db
    into a URL as the server does (server/main.py)."""
    from server.db import open_database

    parser = argparse.ArgumentParser(prog="watchroom-server audit")
    parser.add_argument("command", choices=("verify", "public-key"))
    parser.add_argument("--db", help="SQLAlchemy URL or a SQLite file path")
    parser.add_argument("--audit-key-file", type=Path, default=None, metavar="PATH")
    parser.add_argument("--trust", type=Path, action="append", default=[], metavar="FILE",
                        help="earlier public keys (lines of algorithm:hex) whose checkpoints are still trusted")
    args = parser.parse_args(argv)
    url = db_url(args.db)
    path = args.audit_key_file or audit_sign.default_key_file(url)
    if not path.exists():
        print(f"no audit key at {path}: give --audit-key-file", file=sys.stderr)
        return 2
    signer = audit_sign.signer_from_text(path.read_text(encoding="ascii"), str(path))
    if args.command == "public-key":
        print(f"{signer.algorithm}:{signer.public_key}")
        return 0
    db = open_database(url)
    try:
        with db.engine.connect() as conn:
            verdict = verify(conn, trusted_keys(signer, args.trust))
    finally:
        db.dispose()
    if verdict.ok:
        print(f"audit chain holds: {verdict.records} records, {verdict.checkpoints} signed checkpoints")
        return 0
    print(f"AUDIT CHAIN BROKEN: {verdict.first_break}")
    print(f"({verdict.records} records checked before the break, {verdict.checkpoints} checkpoints)")
    return 1
