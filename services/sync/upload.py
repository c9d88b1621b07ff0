"""The upload half of an exchange: the outbox in batches, in order, one at a
time, telemetry never ahead of what an officer just wrote (a mixin of
SyncEngine, services/sync/engine.py, whose state it uses)."""

from __future__ import annotations

import asyncio
import time

from services.outbox import TELEMETRY
from services.sync import outbox_store
from services.sync.cancelling import cancel
from services.sync.endpoint import Endpoint
from services.sync.platform_session import SyncError, parse
from services.sync.request_sizing import MIN_BATCH, adapt
from services.sync.wire import MAX_BATCH_OPS, OpBatch, OpBatchResult


class OutboxUpload:
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
                    await cancel(preparing)
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
