"""The platform's CAP feed poller: each configured HTTP(S) feed fetched with
httpx on a schedule, checked by the same check_document the workstations use
(services/warnings/cap_check.py), its warnings stored as platform records
(`create` ops of the warning kind, applied as the platform), so they reach
every workstation through the change feed. A repeated alert is the same
record (server/early_warnings.py), so re-polling adds nothing. A feed that
fails is logged and shown by GET /api/v1/warning-feeds (last success, last
error per feed, for the client's status bar) and retried with backoff until
it comes back by itself."""

from __future__ import annotations

import asyncio
import logging
import typing
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timedelta
from typing import Any

import httpx
from fastapi import APIRouter
from sqlalchemy.orm import Session

from server.actor import PLATFORM, Actor
from server.http_errors import errors
from services.sync.wire import MAX_BATCH_OPS, OpBatchResult
from services.warnings.model import EarlyWarning
from services.warnings.wire import CHECK_MAX, MAX_CHECKS, record_of, triplet_id

log = logging.getLogger(__name__)
MAX_FEED_BYTES = 10 * 1024 * 1024  # the CAP intake's own limit
BACKOFF_CAP = 8  # a failing feed is retried after at most 8 intervals (and an hour)
WriteBatch = Callable[[list[Any], int | None, Actor], OpBatchResult]


@dataclass
class FeedStatus:
    url: str
    last_success: str = ""  # when a fetch last worked (UTC ISO)
    last_error: str = ""  # the latest failure, "" once the feed works again
    last_error_at: str = ""
    failures: int = 0  # in a row
    added: int = 0  # warnings this feed brought, since the platform started
    repeated: int = 0
    refused: int = 0  # alerts the check refused
    next_poll: str = ""


class FeedTooLarge(Exception):
    pass


class FeedPoller:
    def __init__(self, urls: list[str], interval_s: float, db, write_batch: WriteBatch,
                 clock: Callable[[], datetime], wake: Callable[[], None], *, timeout_s: float = 20.0,
                 verify: Any = True):  # fmt: skip
        self.statuses = [FeedStatus(url) for url in urls]
        self.interval_s, self.db, self.write_batch = interval_s, db, write_batch
        self.clock, self.wake, self.timeout_s, self.verify = clock, wake, timeout_s, verify

    def report(self) -> list[dict[str, Any]]:
        return [asdict(s) for s in self.statuses]

    async def run_forever(self) -> None:
        async with httpx.AsyncClient(timeout=self.timeout_s, verify=self.verify, follow_redirects=True,
                                     max_redirects=3) as http:
            due = {s.url: 0.0 for s in self.statuses}
            loop = asyncio.get_running_loop()
            while True:
                for status in self.statuses:
                    if loop.time() >= due[status.url]:
                        delay = await self.poll(http, status)
                        due[status.url] = loop.time() + delay
                        status.next_poll = (self.clock() + timedelta(seconds=delay)).isoformat(timespec="seconds")
                await asyncio.sleep(max(0.05, min(due.values()) - loop.time()))

    async def poll(self, http: httpx.AsyncClient, status: FeedStatus) -> float:
        """Fetches, checks and stores one feed; the seconds until its next poll."""
        try:
            data = await fetch(http, status.url)
        except (httpx.HTTPError, FeedTooLarge, OSError) as exc:
            return self._failed(status, f"{type(exc).__name__}: {exc}"[:300] or type(exc).__name__)
        if status.failures:
            log.info("warning feed %s is back after %d failed polls", status.url, status.failures)
        status.failures, status.last_success = 0, self.clock().isoformat(timespec="seconds")
        try:
            added, repeated, refused, reasons = await asyncio.to_thread(self.store, data, status.url)
        except Exception as exc:  # noqa: BLE001 - a feed must never stop the poller
            log.exception("warning feed %s: could not store what it sent", status.url)
            status.last_error, status.last_error_at = f"not stored: {exc}"[:300], status.last_success
            return self.interval_s
        status.added, status.repeated, status.refused = (status.added + added, status.repeated + repeated,
                                                        status.refused + refused)
        status.last_error = "; ".join(reasons)[:300]
        if reasons:
            status.last_error_at = status.last_success
            log.warning("warning feed %s: %s", status.url, status.last_error)
        if added:
            self.wake()
        return self.interval_s

    def _failed(self, status: FeedStatus, reason: str) -> float:
        status.failures += 1
        status.last_error, status.last_error_at = reason, self.clock().isoformat(timespec="seconds")
        delay = min(self.interval_s * 2 ** min(status.failures, 10), self.interval_s * BACKOFF_CAP,
                    max(self.interval_s, 3600.0))
        log.warning("warning feed %s failed (%d in a row, next try in %.0f s): %s", status.url, status.failures,
                    delay, reason)
        return delay

    def store(self, data: bytes, url: str) -> tuple[int, int, int, list[str]]:
        """(added, repeated, refused, reasons) of one fetched document."""
        from server.early_warnings import resolve
        from services.warnings.cap_check import check_document

        with Session(self.db.engine) as s:
            result = check_document(data, source_name=url, known=lambda ref: resolve(s, ref) is not None,
                                    now=self.clock())
        reasons = [f"{e.path} {e.message}".strip() for e in result.errors[:3]]
        refused = result.refused
        if not result.valid:
            return 0, 0, max(1, refused), reasons or ["refused"]
        now = self.clock().isoformat(timespec="milliseconds")
        ops = [feed_op(w, url, now) for w in result.warnings]
        added = repeated = 0
        for start in range(0, len(ops), MAX_BATCH_OPS):
            answer = self.write_batch(ops[start:start + MAX_BATCH_OPS], None, PLATFORM)
            for r in answer.results:
                added += r.status == "applied"
                repeated += r.status == "duplicate"
                if r.status == "rejected":
                    refused += 1
                    reasons.append(r.reason[:200])
        return added, repeated, refused, reasons


def feed_op(w: EarlyWarning, url: str, now: str) -> dict[str, Any]:
    """The platform's own `create` of an external warning fetched from `url`."""
    w = replace(w, id=triplet_id(w.sender, w.identifier, w.sent), origin="external", issue_state="received",
                standing="standing", replaced_by="", source_name=url[:200],
                checks=tuple(c[:CHECK_MAX] for c in w.checks[:MAX_CHECKS]))
    return {"op_id": str(uuid.uuid4()), "entity": "warning", "entity_id": w.id, "op": "create", "base_version": 0,
            "priority": 5, "created_at": now, "site_code": "", "payload": record_of(w)}


async def fetch(http: httpx.AsyncClient, url: str) -> bytes:
    """The body of a successful answer, at most MAX_FEED_BYTES (FeedTooLarge past it)."""
    async with http.stream("GET", url, headers={"Accept": "application/cap+xml, application/atom+xml, "
                                                          "application/rss+xml, application/xml"}) as answer:
        answer.raise_for_status()
        body = bytearray()
        async for chunk in answer.aiter_bytes():
            body += chunk
            if len(body) > MAX_FEED_BYTES:
                raise FeedTooLarge(f"more than {MAX_FEED_BYTES} bytes")
        return bytes(body)


def feeds_router(poller: FeedPoller | None, can_read: Any) -> APIRouter:
    router = APIRouter()

    def warning_feeds() -> dict[str, Any]:
        """The configured CAP feeds and how their polling goes (the status bar's warning-feed light)."""
        return {"feeds": poller.report() if poller is not None else []}

    # The role check as the dependency's own metadata (this module's annotations are strings).
    _principal, depends = typing.get_args(can_read)
    router.add_api_route("/warning-feeds", warning_feeds, methods=["GET"], dependencies=[depends],
                         responses=errors(401, 403))

    return router

