"""Starts the sync engine on the GUI's asyncio loop (qasync) when the config
names platform endpoints; local writes wake it at once."""

from __future__ import annotations

import asyncio

from app.composition import AppContext
from services.events import Event, IncidentChanged
from services.sync.engine import Endpoint, SyncEngine


def start_sync(ctx: AppContext, window) -> SyncEngine | None:
    if not ctx.config.endpoints:
        return None
    endpoints = [Endpoint(e.url, e.username, e.password, e.name) for e in ctx.config.endpoints]
    engine = SyncEngine(
        ctx.mirror, endpoints, client_id=ctx.mirror.meta("mirror_id") or "",
        site_code=ctx.config.site_code, executor=ctx.runner.writer_executor, events=ctx.events,
        clock=ctx.incidents.clock, on_status=window.set_sync_status,
    )

    def on_event(event: Event) -> None:
        if not (isinstance(event, IncidentChanged) and event.reason == "synced"):
            engine.wake()

    ctx.events.subscribe(on_event)
    engine.task = asyncio.ensure_future(engine.run_forever())
    return engine
