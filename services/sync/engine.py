"""The sync engine: pushes the outbox, pulls the change feed, listens for news.

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
from dataclasses import dataclass, field, replace
from datetime import datetime

import httpx

from offline_cache import search_index
from offline_cache.database import Mirror
from services.clock import Clock, SystemClock
from services.events import EventBus
from services.outbox import TELEMETRY
from services.records.feed_checks import FeedError
from services.records.kind import KindRegistry
from services.sync import apply, bootstrap, outbox_store
from services.sync.bounded_http import AnswerRefused, bounded
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
from services.sync.wire import (
    API_PREFIX,
    MAX_BATCH_OPS,
    ChangePage,
    Health,
    OpBatch,
    OpBatchResult,
    SnapshotPage,
)
from services.timefmt import to_db

log = logging.getLogger(__name__)

CONTACT_KEY = "last_contact:"  # mirror_meta key prefix, per endpoint url
IDLE_WAIT_S = 30.0  # pull at least this often even without news
MIN_BATCH, MIN_PAGE, MAX_PAGE = 10, 100, 5000
QUICK_REQUEST_S, SLOW_REQUEST_S = 1.0, 4.0


@dataclass(frozen=True)
class SyncStatus:
    state: str = "offline"  # online / weak / offline / unconfigured
    endpoint: str = ""
    cluster_id: str = ""
    last_success: datetime | None = None
    pending: int = 0
    rejected: int = 0
    last_error: str = ""
    problem: str = ""  # one of PROBLEMS, or "" (also "not_logged_in" / "logged_out" from the app)
    account: str = ""  # the platform account of the last log-in, and its role ("" until one succeeded)
    role: str = ""
    contacts: dict[str, datetime] = field(default_factory=dict)  # endpoint url -> last contact


@dataclass
class FeedStats:
    """Changes applied from the feed and the time spent applying them (benchmarks, logs)."""

    applied: int = 0
    apply_s: float = 0.0


class SyncEngine:
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
        self.session = PlatformSession(client_id, timeout_s=timeout_s, transport=transport, on_login=self._logged_in)
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
                    if self._stopping and not _cancelling():
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
        errors = []
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
        raise SyncError("no endpoint reachable: " + "; ".join(errors), "unreachable")

    async def _push(self, endpoint: Endpoint, cluster_id: str) -> None:
        """Batches go one at a time, in order. While the platform works on one,
        the writer thread records the previous answers and reads the next batch
        (leaving out the operations in flight). A prepared batch is only sent
        after the current one's answer, so per-record order holds."""
        self._written = False
        if self._written_event is not None:
            self._written_event.clear()
        ops = await self._db(outbox_store.next_batch, self.mirror, self.batch_size, self.site_code)
        recording: asyncio.Future | None = None
        try:
            while ops:
                sending = asyncio.ensure_future(self._send_batch(endpoint, cluster_id, ops))
                preparing = asyncio.ensure_future(self._db(
                    outbox_store.next_batch, self.mirror, self.batch_size, self.site_code,
                    frozenset(op.op_id for op in ops)))
                try:
                    results = await sending
                except BaseException:
                    await _cancel(preparing)
                    raise
                if recording is not None:
                    await recording
                recording = asyncio.ensure_future(self._db(
                    outbox_store.record_results, self.mirror, self.kinds, results, self.clock.now()))
                ops = await preparing
                if ops and all(op.priority >= TELEMETRY for op in ops):
                    # Read again once these answers are in: an incident written while
                    # positions were on the wire goes next, not after another batch of them.
                    await recording
                    recording = None
                    ops = await self._db(outbox_store.next_batch, self.mirror, self.batch_size, self.site_code)
        finally:
            if recording is not None:
                await recording  # answers received are always recorded

    async def _send_batch(self, endpoint: Endpoint, cluster_id: str, ops: list) -> list:
        batch = OpBatch(client_id=self.client_id, ops=ops)
        started = time.monotonic()
        try:
            response = await self.session.authed(endpoint, "POST", "/ops", content=batch.model_dump_json())
        except SyncError:
            self.batch_size = adapt(self.batch_size, None, MIN_BATCH, MAX_BATCH_OPS)
            raise
        self.batch_size = adapt(self.batch_size, time.monotonic() - started, MIN_BATCH,
                                MAX_BATCH_OPS)
        result = parse(OpBatchResult, response)
        if result.cluster_id != cluster_id:
            raise SyncError("endpoint changed cluster during the exchange")
        if {r.op_id for r in result.results} != {op.op_id for op in ops}:
            raise SyncError("server answered for other operations than were sent")
        return result.results

    async def _bootstrap(self, endpoint: Endpoint, cluster_id: str) -> None:
        """An empty mirror (or an unfinished bootstrap) loads the snapshot first;
        the next page is fetched while the current one is applied."""
        progress = await self._db(bootstrap.pending, self.mirror, self.kinds, cluster_id)
        if progress is None:
            return
        page = await self._fetch_snapshot(endpoint, cluster_id, progress)
        while True:
            following = bootstrap.next_position(self.kinds, page)
            fetching = (asyncio.ensure_future(self._fetch_snapshot(endpoint, cluster_id, following))
                        if following is not None else None)
            try:
                await self._db(self._as_remote, bootstrap.apply_snapshot_page, self.mirror, self.kinds,
                               cluster_id, page, self.clock.now(), self.events)
            except FeedError as exc:
                await _cancel(fetching)
                raise SyncError(f"unusable snapshot from the server: {exc}") from exc
            except BaseException:
                await _cancel(fetching)
                raise
            if fetching is None:
                return
            page = await fetching

    async def _fetch_snapshot(self, endpoint: Endpoint, cluster_id: str,
                              progress: bootstrap.Progress) -> SnapshotPage:
        params: dict = {"entity": progress.entity, "after_id": progress.after_id,
                        "limit": self.page_size}
        if progress.as_of is not None:
            params["as_of"] = progress.as_of
        page = await self._timed_get(endpoint, "/snapshot", params, SnapshotPage)
        if page.cluster_id != cluster_id or page.entity != progress.entity:
            raise SyncError("snapshot page does not match the request")
        return page

    async def _pull(self, endpoint: Endpoint, cluster_id: str) -> None:
        """Pages in order, one transaction each; the next page is fetched while
        the current one is applied (the cursor only moves once a page is in)."""
        await self._bootstrap(endpoint, cluster_id)
        after = await self._db(apply.cursor, self.mirror, cluster_id)
        fetching = asyncio.ensure_future(self._fetch_page(endpoint, cluster_id, after))
        try:
            while True:
                page = await self._page_or_write(fetching)
                if page is None:
                    return  # cut short for a local write: it goes up first, the pull resumes after
                if page.changes and page.next_after <= after:
                    raise SyncError("change feed did not advance")
                if page.has_more:
                    fetching = asyncio.ensure_future(
                        self._fetch_page(endpoint, cluster_id, page.next_after)
                    )
                try:
                    started = time.perf_counter()
                    await self._db(self._as_remote, apply.apply_page, self.mirror, self.kinds, cluster_id,
                                   page.changes, page.next_after, self.clock.now(), self.events)
                    self.stats.applied += len(page.changes)
                    self.stats.apply_s += time.perf_counter() - started
                except FeedError as exc:
                    raise SyncError(f"unusable change from the server: {exc}") from exc
                after = max(after, page.next_after)
                self._known_seq = max(self._known_seq, after)
                if not page.has_more:
                    return
                if self._written:
                    return  # a local write goes up before the rest of a long catch-up comes down
        finally:
            if not fetching.done():
                fetching.cancel()
                with contextlib.suppress(BaseException):
                    await fetching

    async def _page_or_write(self, fetching: asyncio.Future) -> ChangePage | None:
        """The page being fetched, or None when a local write comes first: on a
        thin link a page of positions takes seconds, and an incident must not wait
        for it. Once per exchange, so a busy officer never starves the feed."""
        if self._page_cut or self._written_event is None:
            return await fetching
        written = asyncio.ensure_future(self._written_event.wait())
        try:
            done, _ = await asyncio.wait({fetching, written}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            written.cancel()
        if fetching in done:
            return fetching.result()
        self._page_cut = True
        await _cancel(fetching)
        return None

    async def _fetch_page(self, endpoint: Endpoint, cluster_id: str, after: int) -> ChangePage:
        params = {"after": after, "limit": self.page_size}
        page = await self._timed_get(endpoint, "/changes", params, ChangePage)
        if page.cluster_id != cluster_id:
            raise SyncError("endpoint changed cluster during the exchange")
        return page

    # ---- plumbing ------------------------------------------------------------

    async def _timed_get(self, endpoint: Endpoint, path: str, params: dict, model):
        """A feed or snapshot page; its timing sizes the next one. Parsed off the
        event loop: a page of 5,000 changes takes tens of milliseconds."""
        started = time.monotonic()
        try:
            response = await self.session.authed(endpoint, "GET", path, params=params)
        except SyncError:
            self.page_size = adapt(self.page_size, None, MIN_PAGE, MAX_PAGE)
            raise
        self.page_size = adapt(self.page_size, time.monotonic() - started, MIN_PAGE, MAX_PAGE)
        return await asyncio.to_thread(parse, model, response)

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


def _cancelling() -> bool:
    """Whether the task running this is itself being cancelled (not just an awaited future)."""
    task = asyncio.current_task()
    return task is not None and task.cancelling() > 0


async def _cancel(task: asyncio.Future | None) -> None:
    if task is not None and not task.done():
        task.cancel()
        with contextlib.suppress(BaseException):
            await task


def adapt(size: int, elapsed: float | None, low: int, high: int) -> int:
    """Requests sized to the link: double while exchanges are quick, halve when
    slow or failing, so a satellite link still gets whole requests through."""
    if elapsed is None or elapsed > SLOW_REQUEST_S:
        return max(low, size // 2)
    if elapsed < QUICK_REQUEST_S:
        return min(high, size * 2)
    return size
