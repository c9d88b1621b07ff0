"""The checkpoints of the platform's audit this workstation has seen, and the
check at each exchange that the platform's still agree with them: the same
hash at the same number, signed by the key pinned at first sight (or given in
the config). A platform whose history was rewritten afterwards (records
re-hashed, checkpoints re-signed or dropped, the key swapped) is caught by any
client that kept a checkpoint from before. Runs from the sync engine's
after-exchange hooks; the mirror work runs on the writer."""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, text

from offline_cache.audit_schema import AuditCheckpointRow
from offline_cache.database import Mirror
from services.audit.signing import key_id_of, message, verify
from services.audit.wire import CHECKPOINTS_PATH, MAX_CHECKPOINTS, Checkpoint, CheckpointPage
from services.timefmt import to_db

log = logging.getLogger(__name__)
KEY_META = "audit_key:"  # mirror_meta key prefix, per cluster: "<algorithm>:<public key hex>"

# What went wrong, for the view to say in the officer's words.
REWRITTEN = "rewritten"  # a checkpoint kept here differs from the platform's, or is gone
BAD_SIGNATURE = "bad_signature"
KEY_CHANGED = "key_changed"
WENT_BACK = "went_back"  # a later checkpoint covers fewer records than an earlier one


@dataclass(frozen=True)
class Finding:
    problem: str  # one of the codes above, "" when all agrees
    n: int = 0  # the checkpoint concerned
    detail: str = ""  # for the log (English)

    @property
    def ok(self) -> bool:
        return not self.problem


def pinned(mirror: Mirror, cluster_id: str) -> tuple[str, str] | None:
    value = mirror.meta(KEY_META + cluster_id)
    if not value or ":" not in value:
        return None
    algorithm, _, public = value.partition(":")
    return algorithm, public


def pins(mirror: Mirror) -> dict[str, tuple[str, str]]:
    """cluster id -> (algorithm, public key) of every key pinned here."""
    with mirror.read() as s:
        rows = s.execute(text("SELECT key, value FROM mirror_meta WHERE key LIKE :p"), {"p": KEY_META + "%"}).all()
    return {key[len(KEY_META):]: tuple(value.partition(":")[::2]) for key, value in rows}


def unpin(mirror: Mirror) -> None:
    """After a key rotation the security officer vouched for: the next exchange
    pins the platform's current key. Kept checkpoints stay and are still compared."""
    with mirror.write() as s:
        s.execute(text("DELETE FROM mirror_meta WHERE key LIKE :p"), {"p": KEY_META + "%"})


def last_kept(mirror: Mirror, cluster_id: str) -> int:
    with mirror.read() as s:
        return int(s.scalar(text("SELECT coalesce(max(n), 0) FROM audit_checkpoints WHERE cluster_id = :c"),
                            {"c": cluster_id}) or 0)


def compare(mirror: Mirror, cluster_id: str, page: CheckpointPage, expected: list[int], now: datetime,
            configured_key: str = "") -> Finding:
    """Checks a page of the platform's checkpoints against the kept ones (each
    number in `expected` must come back unchanged) and keeps the new ones. On
    the writer: one transaction."""
    key = pinned(mirror, cluster_id)
    offered = (page.algorithm, page.public_key)
    if configured_key:
        algorithm, _, public = configured_key.partition(":")
        key = (algorithm, public)
    if key is not None and offered != key:
        return Finding(KEY_CHANGED, detail=f"platform signs with {page.algorithm} {page.key_id}, "
                                           f"pinned key is {key[0]} {key_id_of(key[1]) if _hex(key[1]) else '?'}")
    algorithm, public = key or offered
    with mirror.write() as s:
        if key is None:
            s.execute(text("INSERT OR REPLACE INTO mirror_meta(key, value) VALUES (:k, :v)"),
                      {"k": KEY_META + cluster_id, "v": f"{algorithm}:{public}"})
        kept = {r.n: r for r in s.scalars(select(AuditCheckpointRow).where(
            AuditCheckpointRow.cluster_id == cluster_id, AuditCheckpointRow.n.in_(
                [c.n for c in page.checkpoints] + expected)))}
        offered_n = {c.n for c in page.checkpoints}
        for n in expected:
            if n in kept and n not in offered_n:
                return Finding(REWRITTEN, n, f"checkpoint {n} kept here is no longer on the platform")
        previous_seq = 0
        for c in page.checkpoints:
            problem = _check_one(c, algorithm, public, kept.get(c.n), previous_seq)
            if problem is not None:
                return problem
            previous_seq = c.seq
            if c.n not in kept:
                s.add(AuditCheckpointRow(cluster_id=cluster_id, n=c.n, seq=c.seq, hash=c.hash, at=c.at,
                                         algorithm=c.algorithm, key_id=c.key_id, signature=c.signature,
                                         seen_at=to_db(now)))
    return Finding("")


def _check_one(c: Checkpoint, algorithm: str, public: str, kept: AuditCheckpointRow | None,
               previous_seq: int) -> Finding | None:
    """A checkpoint identical to the one kept was verified when it came (perhaps
    under a key since rotated); any other must verify with the pinned key."""
    if kept is not None and (kept.seq, kept.hash, kept.at, kept.signature) == (c.seq, c.hash, c.at, c.signature):
        return None
    if c.algorithm != algorithm or not verify(algorithm, public, message(c.n, c.seq, c.hash, c.at), c.signature):
        return Finding(BAD_SIGNATURE, c.n, f"checkpoint {c.n}: the signature does not verify with the pinned key")
    if kept is not None and (kept.seq, kept.hash, kept.at) != (c.seq, c.hash, c.at):
        return Finding(REWRITTEN, c.n, f"checkpoint {c.n}: kept here record {kept.seq} {kept.hash[:12]}, "
                                       f"platform now says record {c.seq} {c.hash[:12]}")
    if c.seq < previous_seq:
        return Finding(WENT_BACK, c.n, f"checkpoint {c.n} covers record {c.seq}, fewer than the one before")
    return None


def _hex(value: str) -> bool:
    try:
        bytes.fromhex(value)
    except ValueError:
        return False
    return True


class CheckpointWatch:
    """An after-exchange hook (services/sync/engine.py): asks the platform for
    the last kept checkpoint and every newer one, and one older kept one in
    turn, so over many exchanges every kept checkpoint is compared again.
    `on_finding` is called with each result (on the event loop)."""

    def __init__(self, mirror: Mirror, on_finding: Callable[[Finding], None] | None = None,
                 configured_key: str = "", every_s: float = 60.0):
        """`every_s`: at most one check this often (exchanges come with every local
        write; the platform signs a checkpoint every few minutes)."""
        self.mirror = mirror
        self.on_finding = on_finding
        self.configured_key = configured_key
        self.every_s = every_s
        self._turn = 0
        self._checked_at = -math.inf
        self.last: Finding | None = None

    async def __call__(self, engine, endpoint, cluster_id: str) -> None:
        if time.monotonic() - self._checked_at < self.every_s:
            return
        self._checked_at = time.monotonic()
        latest = await engine.on_writer(last_kept, self.mirror, cluster_id)
        finding = await self._check(engine, endpoint, cluster_id, max(0, latest - 1), [latest] if latest else [])
        if finding.ok and latest > 1:
            self._turn = self._turn % (latest - 1) + 1
            finding = await self._check(engine, endpoint, cluster_id, self._turn - 1, [self._turn], limit=1)
        if not finding.ok:
            log.warning("AUDIT: the platform's audit history disagrees with this workstation's copy: %s (%s)",
                        finding.problem, finding.detail)
        self.last = finding
        if self.on_finding is not None:
            self.on_finding(finding)

    async def _check(self, engine, endpoint, cluster_id: str, after: int, expected: list[int],
                     limit: int = MAX_CHECKPOINTS) -> Finding:
        from services.sync.platform_session import parse

        response = await engine.session.authed(endpoint, "GET", CHECKPOINTS_PATH,
                                               params={"after": after, "limit": limit})
        page = parse(CheckpointPage, response)
        return await engine.on_writer(compare, self.mirror, cluster_id, page, expected, engine.clock.now(),
                                      self.configured_key)
