"""The download half of an exchange: the snapshot of a new mirror, the change
feed page by page (cut short when an officer writes), and the telemetry a
coalesced page skipped (a mixin of SyncEngine, services/sync/engine.py,
whose state it uses)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time

from services.records.feed_checks import FeedError
from services.sync import apply, backfill, bootstrap
from services.sync.cancelling import cancel
from services.sync.endpoint import Endpoint
from services.sync.platform_session import RequestRefused, SyncError, parse
from services.sync.request_sizing import MAX_PAGE, MIN_PAGE, adapt
from services.sync.wire import ChangePage, SnapshotPage

log = logging.getLogger("services.sync.engine")  # one logger for the engine, as before the split


class FeedDownload:
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
                await cancel(fetching)
                raise SyncError(f"unusable snapshot from the server: {exc}") from exc
            except BaseException:
                await cancel(fetching)
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
                    await self._db(self._as_remote, self._apply_page, cluster_id, page)
                    self.stats.applied += len(page.changes)
                    self.stats.apply_s += time.perf_counter() - started
                except FeedError as exc:
                    raise SyncError(f"unusable change from the server: {exc}") from exc
                if self._purged is not None:  # the clearance purge of that page, for the status bar
                    purge, self._purged = self._purged, None
                    await self._report(purged=purge.count, purged_at=self.clock.now(), clearance=purge.clearance)
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

    def _apply_page(self, cluster_id: str, page: ChangePage) -> int:
        """On the mirror writer: a feed page, purging what the page's clearance no
        longer covers (services/sync/clearance_purge.py); the purge reaches the status."""

        def purged(purge) -> None:
            self._purged = purge

        return apply.apply_page(self.mirror, self.kinds, cluster_id, page.changes, page.next_after, self.clock.now(),
                                self.events, page.gaps, clearance=page.clearance, level_names=page.level_names,
                                on_purge=purged)

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
        await cancel(fetching)
        return None

    async def _fetch_page(self, endpoint: Endpoint, cluster_id: str, after: int) -> ChangePage:
        # Telemetry coalesced: a burst of readings never holds an incident back.
        params = {"after": after, "limit": self.page_size, "coalesce": "true"}
        page = await self._timed_get(endpoint, "/changes", params, ChangePage)
        if page.cluster_id != cluster_id:
            raise SyncError("endpoint changed cluster during the exchange")
        return page

    async def _backfill(self, endpoint: Endpoint) -> None:
        """The telemetry coalesced pages skipped, fetched once the feed is in and
        left for the next exchange as soon as a local write waits."""
        while not self._written and (gaps := await self._db(backfill.pending, self.mirror)):
            await self._fill(endpoint, gaps)

    async def _fill(self, endpoint: Endpoint, gaps: list[backfill.PendingGap]) -> None:
        for gap in gaps:
            kind = self.kinds.get(gap.entity)
            if kind is None or kind.gap_request is None or kind.gap_answer is None:
                await self._db(backfill.drop, self.mirror, gap)
                continue
            cursor: object = None
            while not self._written:
                path, params = kind.gap_request(gap.source, gap.first_id, gap.last_id, cursor)
                try:
                    response = await self.session.authed(endpoint, "GET", path, params=params)
                    rows, cursor = await asyncio.to_thread(kind.gap_answer, gap.source, response.json())
                except (RequestRefused, FeedError, ValueError) as exc:
                    log.warning("history of %s %s cannot be fetched: %s", gap.entity, gap.source[:40], exc)
                    await self._db(backfill.drop, self.mirror, gap)
                    break
                await self._db(self._as_remote, backfill.apply_rows, self.mirror, kind, gap, rows,
                               cursor is None, self.events)
                if cursor is None:
                    break
            if self._written:
                return

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
