"""Builders for end-to-end sync tests: a real platform server on loopback and
client mirrors with their real services and engine."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from offline_cache.database import Encryption, Mirror, open_mirror
from server.app import add_user
from services.clock import Clock
from services.dispatch.service import DispatchService
from services.events import EventBus
from services.incidents.deadlines import load_rules
from services.incidents.service import IncidentService
from services.incidents.taxonomy import load_taxonomy
from services.sync.engine import Endpoint, SyncEngine
from services.sync.tls import TlsSettings
from tests.helpers import KINDS


@dataclass
class Client:
    mirror: Mirror
    incidents: IncidentService
    engine: SyncEngine
    executor: ThreadPoolExecutor
    dispatch: DispatchService

    @property
    def conferences(self):
        from services.conference.service import ConferenceService

        return ConferenceService(self.mirror, self.incidents.append_entry, self.dispatch.events, self.dispatch.clock,
                                 site_code=self.incidents.site_code)

    def sync(self, *, upload_only: bool = False) -> bool:
        async def go():
            try:
                if upload_only:
                    return await self.engine.upload_once()
                return await self.engine.sync_once()
            finally:
                await self.engine.aclose()

        # A fresh http client per exchange: each asyncio.run has its own loop.
        self.engine.session.renew()
        return asyncio.run(go())

    def close(self) -> None:
        self.executor.shutdown(wait=True)
        self.mirror.close()


def add_users(live) -> None:
    add_user(live.app.state.db, "duty", "duty-pw", "duty_officer")
    add_user(live.app.state.db, "wall", "wall-pw", "viewer")
    add_user(live.app.state.db, "chief", "chief-pw", "duty_chief")  # 值班长: edits stations


def make_client(path: Path, urls: list[str], clock: Clock, *, site: str = "CQ",
                user: str = "duty", password: str = "duty-pw", tls: TlsSettings | None = None,
                encryption: Encryption | None = None) -> Client:
    mirror = open_mirror(path, encryption=encryption)
    events = EventBus()
    incidents = IncidentService(mirror, load_taxonomy(), load_rules(), site_code=site,
                                events=events, clock=clock)
    executor = ThreadPoolExecutor(1)
    engine = SyncEngine(mirror, [Endpoint(u, user, password) for u in urls], kinds=KINDS,
                        client_id=mirror.meta("mirror_id") or "", site_code=site,
                        executor=executor, events=events, clock=clock, tls=tls)
    return Client(mirror, incidents, engine, executor, DispatchService(mirror, events, clock))


def mirror_state(client: Client) -> tuple[dict, dict]:
    """What must be equal on every mirror after healing: incidents and entries."""
    from sqlalchemy import text

    with client.mirror.read() as s:
        incidents = {
            r[0]: tuple(r[1:]) for r in s.execute(text(
                "SELECT id, code, title, severity, status, deaths, injured, last_report_kind "
                "FROM incidents"))
        }
        entries = {
            r[0]: tuple(r[1:]) for r in s.execute(text(
                "SELECT e.id, i.id, e.kind, e.body FROM entries e JOIN incidents i "
                "ON i.pk = e.incident_pk"))
        }
    return incidents, entries
