"""The services without Qt, for the headless commands."""

from __future__ import annotations

from dataclasses import dataclass

from app.config import AppConfig
from app.mirror_encryption import mirror_encryption
from app.record_kinds import client_record_kinds
from offline_cache.database import Mirror, open_mirror
from services.audit.unlock_failures import queue_unlock_failures
from services.events import EventBus
from services.incidents.deadlines import load_rules
from services.incidents.service import IncidentService
from services.incidents.taxonomy import load_taxonomy
from services.incidents.validation import Region
from services.records.kind import KindRegistry


@dataclass
class HeadlessContext:
    mirror: Mirror
    events: EventBus
    incidents: IncidentService
    kinds: KindRegistry


def build_headless(config: AppConfig) -> HeadlessContext:
    mirror = open_mirror(config.mirror_path, encryption=mirror_encryption(config))
    events = EventBus()
    incidents = IncidentService(
        mirror, load_taxonomy(config.taxonomy_path),
        load_rules().with_overrides(config.reporting_overrides),
        site_code=config.site_code, events=events,
        region=Region(*config.region) if config.region else None,
    )
    queue_unlock_failures(mirror, incidents.clock)  # wrong passphrases typed before this unlock
    return HeadlessContext(mirror, events, incidents, client_record_kinds(config.url_schemes))
