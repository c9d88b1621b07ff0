"""The sync engine: pushes the outbox, pulls the change feed, listens for news.
Its halves are mixins of their own: the upload (services/sync/upload.py) and
the download (services/sync/download.py); what it reports is in status.py.

It runs on an asyncio loop (qasync's in the GUI, a plain one headless) and does
all mirror work on the single mirror-writer executor, so it never blocks the UI
and never competes with the officer's own writes for the database."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import Executor
from dataclasses import replace

import httpx

from offline_cache import search_index
from offline_cache.database import Mirror
from services.clock import Clock, SystemClock
from services.events import EventBus
from services.records.kind import KindRegistry
from services.sync import outbox_store
from services.sync.bounded_http import AnswerRefused, bounded
from services.sync.cancelling import cancelling
from services.sync.download import FeedDownload
from services.sync.endpoint import Endpoint
from services.sync.link_quality import LinkQuality
from services.sync.platform_session import (  # noqa: F401  (re-exported: callers import them from here)
    PROBLEMS,
    PlatformSession,
    RequestRefused,
    SyncError,
    backoff,
    parse,
)
from services.sync.request_sizing import adapt  # noqa: F401  (re-exported)
from services.sync.status import FeedStats, SyncStatus  # noqa: F401  (re-exported)
from services.sync.tls import TlsSettings
from services.sync.upload import OutboxUpload
from services.sync.wire import API_PREFIX, Health
from services.timefmt import to_db

log = logging.getLogger(__name__)

CONTACT_KEY = "last_contact:"  # mirror_meta key prefix, per endpoint url
IDLE_WAIT_S = 30.0  # pull at least this often even without news


class SyncEngine(OutboxUpload, FeedDownload):
    def __init__(
        self,
        mirror: Mirror,
        endpoints: list[Endpoint],
        *,
        kinds: KindRegistry,
        client_id: str,
        site_code: str = "",
        executor: Executor,
        events: EventBus | None = None,
        clock: Clock | None = None,
        on_status: Callable[[SyncStatus], None] | None = None,
        batch_size: int = 100,
        page_size: int = 1000,
        timeout_s: float = 15.0,
        transport: httpx.AsyncBaseTransport | None = None,
        tls: TlsSettings | None = None,
        after_exchange: tuple[Callable[..., Awaitable[None]], ...] = (),
    ):
        self.mirror = mirror
        self.kinds = kinds
        self.endpoints = endpoints
        self.client_id = client_id
        self.site_code = site_code
        self.executor = executor
        self.events = events
        self.clock = clock or SystemClock()
        self.on_status = on_status
        self.batch_size = batch_size
        self.page_size = page_size
        self.status = SyncStatus(state="offline" if endpoints else "unconfigured")
        self.session = PlatformSession(client_id, timeout_s=timeout_s, transport=transport, on_login=self._logged_in,
                                       tls=tls)
        self._wake: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopping = False
        self._exchange: asyncio.Future | None = None
        self._known_seq = 0
        self._written = False  # a local write since this exchange's upload (thread-safe flag)
        self._written_event: asyncio.Event | None = None  # the same, to wait on
        self._page_cut = False  # this exchange has cut a page short for a local write already
        self.link = LinkQuality()
        self._remote = threading.local()  # set on the writer while platform changes are applied
        self.stats = FeedStats()
        self._purged = None  # a clearance purge of the last page, for the status (set on the writer)
        # Checks beside the feed after each good exchange (the audit's checkpoints:
        # services/audit/checkpoints.py), called (engine, endpoint, cluster_id).
        # Their failure is logged; it never fails the exchange.
        self.after_exchange = after_exchange

    # ---- running -------------------------------------------------------------

    async def run_forever(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._wake = asyncio.Event()
        self._written_event = asyncio.Event()
        failures = 0
        listener: asyncio.Task | None = None
        try:
            while not self._stopping:
                # Cleared before the exchange, not after: a write queued while it runs
                # (after its upload step) wakes the next one at once instead of waiting.
                self._wake.clear()
                self._exchange = asyncio.ensure_future(self.sync_once())
                try:
                    ok = await self._exchange
                except asyncio.CancelledError:
                    if self._stopping and not cancelling():
                        break  # stop() cut the exchange short; every page applied so far is whole
                    raise
                finally:
                    self._exchange = None
                failures = 0 if ok else failures + 1
                await self.index_search_backlog()
                if ok and (listener is None or listener.done()):
                    listener = asyncio.create_task(self._listen())
                wait = IDLE_WAIT_S if ok else backoff(failures)
                if self._stopping:
                    break
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), wait)
        finally:
            if listener is not None:
                listener.cancel()
                with contextlib.suppress(BaseException):
                    await listener
            await self.session.aclose()

    async def index_search_backlog(self) -> None:
        """Works off search indexing deferred by a catch-up, a chunk per writer
        turn, so the officer's own writes slip in between."""
        while not self._stopping and await self._db(search_index.index_some, self.mirror):
            await asyncio.sleep(0)

    def wake(self) -> None:
        """Thread-safe: a local write has queued something to send. Events the
        engine itself publishes while applying the platform's changes do not wake it."""
        if getattr(self._remote, "applying", False):
            return
        self._written = True
        if self._loop is not None and self._wake is not None:
            self._loop.call_soon_threadsafe(self._wake.set)
            if self._written_event is not None:
                self._loop.call_soon_threadsafe(self._written_event.set)

    def stop(self) -> None:
        """Thread-safe: stops within moments whatever the engine is doing. An exchange
        under way is cancelled between database steps (each page and each batch's
        answers are one transaction, so the mirror stays whole)."""
        self._stopping = True
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._stop_now)

    def _stop_now(self) -> None:
        if self._wake is not None:
            self._wake.set()
        if self._exchange is not None:
            self._exchange.cancel()

    async def aclose(self) -> None:
        await self.session.aclose()

    # ---- one exchange --------------------------------------------------------

    async def sync_once(self) -> bool:
        """Push everything queued, then pull everything new. False on failure."""
        if not self.endpoints:
            await self._report(state="unconfigured")
            return False
        self._page_cut = False
        try:
            endpoint, health = await self._healthy_endpoint()
            await self._push(endpoint, health.cluster_id)
            await self._pull(endpoint, health.cluster_id)
            await self._backfill(endpoint)
            await self._after_exchange(endpoint, health.cluster_id)
        except SyncError as exc:
            log.warning("sync failed: %s", exc)
            await self._report(state="offline", last_error=str(exc), problem=exc.problem)
            return False
        now = self.clock.now()
        contacts = dict(self.status.contacts)
        contacts[endpoint.url] = now
        await self._db(self.mirror.set_meta, [(CONTACT_KEY + endpoint.url, to_db(now))])
        await self._report(
            state="weak" if self.link.weak else "online",
            endpoint=endpoint.url, cluster_id=health.cluster_id, last_success=now,
            last_error="", problem="", contacts=contacts,
        )
        return True

    async def _after_exchange(self, endpoint: Endpoint, cluster_id: str) -> None:
        for hook in self.after_exchange:
            try:
                await hook(self, endpoint, cluster_id)
            except (SyncError, httpx.HTTPError) as exc:
                log.warning("a check after the exchange could not run: %s", exc)

    async def upload_once(self) -> bool:
        """Only sends the outbox (no pull): a quick "send now" and the upload benchmark."""
        try:
            endpoint, health = await self._healthy_endpoint()
            await self._push(endpoint, health.cluster_id)
        except SyncError as exc:
            log.warning("upload failed: %s", exc)
            return False
        return True

    async def request(self, method: str, path: str, **kwargs) -> httpx.Response:
        """An authenticated call beside the feed (the wall-command channel), on the
        first healthy endpoint. Raises SyncError like the exchange does."""
        endpoint, _health = await self._healthy_endpoint()
        return await self.session.authed(endpoint, method, path, **kwargs)

    async def _healthy_endpoint(self) -> tuple[Endpoint, Health]:
        self.session.ready()
        errors, problem = [], "unreachable"
        for endpoint in self.endpoints:
            try:
                started = time.monotonic()
                response = await bounded(self.session.http, "GET", endpoint.url + API_PREFIX + "/health",
                                         timeout=5.0, limit=64 * 1024)
                response.raise_for_status()
                health = parse(Health, response)
                self.link.measured(endpoint.url, time.monotonic() - started)
                return endpoint, health
            except (httpx.HTTPError, SyncError, AnswerRefused) as exc:
                errors.append(f"{endpoint.url}: {exc}")
                if problem == "unreachable":  # the first TLS refusal is the reason to give
                    problem = self.session.problem_of(exc, endpoint.url, problem)
        raise SyncError("no endpoint reachable: " + "; ".join(errors), problem)

    # ---- plumbing ------------------------------------------------------------

    async def _listen(self) -> None:
        endpoint = next((e for e in self.endpoints if e.url == self.status.endpoint), None)
        if endpoint is not None:
            await self.session.listen(endpoint, lambda: self._stopping, self._news)

    def _news(self, seq: int) -> None:
        if seq > self._known_seq and self._wake is not None:
            self._wake.set()

    def _logged_in(self, username: str, role: str) -> None:
        self.status = replace(self.status, account=username, role=role)

    def _as_remote(self, fn, *args):
        """Runs on the writer: applies platform changes, whose events must not wake the engine."""
        self._remote.applying = True
        try:
            return fn(*args)
        finally:
            self._remote.applying = False

    async def on_writer(self, fn, *args):
        """Runs `fn(*args)` on the mirror writer (for after-exchange hooks)."""
        return await self._db(fn, *args)

    async def _db(self, fn, *args):
        return await asyncio.get_running_loop().run_in_executor(self.executor, fn, *args)

    async def _report(self, **changes) -> None:
        counts = await self._db(outbox_store.count_by_state, self.mirror)
        self.status = replace(
            self.status, pending=counts.get("queued", 0), rejected=counts.get("rejected", 0), **changes
        )
        if self.on_status is not None:
            self.on_status(self.status)
