"""Composition root: builds the mirror and the services and hands them to views."""

from __future__ import annotations

import getpass
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from app.config import AppConfig
from app.mirror_encryption import mirror_encryption
from app.record_kinds import client_record_kinds
from offline_cache.database import Mirror, open_mirror
from offline_cache.file_check import EarlyCheck
from services.audit.local_events import LocalAudit
from services.audit.unlock_failures import queue_unlock_failures
from services.cameras.store import CameraStore
from services.clock import Clock, SystemClock
from services.conference.service import ConferenceService
from services.contacts.store import ContactStore
from services.dashboard.figures import DashboardService
from services.demo_cameras import demo_cameras
from services.demo_contacts import demo_contacts
from services.demo_data import DemoGenerator
from services.demo_resources import demo_resources
from services.dispatch.service import DispatchService
from services.duty.services import DutyServices, duty_services
from services.duty_log.alarm_items import ALARM_LOG_SOURCES
from services.duty_log.daily import DailyReports
from services.duty_log.duty_items import DUTY_LOG_SOURCES
from services.duty_log.log import DutyLog
from services.events import EventBus
from services.incidents.bulk import load_batch, raise_code_counters
from services.incidents.deadlines import load_rules
from services.incidents.repository import IncidentQuery
from services.incidents.service import IncidentService
from services.incidents.taxonomy import load_taxonomy
from services.incidents.validation import Region
from services.maps.tile_library import TileLibrary
from services.monitoring.alarms_service import AlarmService
from services.monitoring.store import StationStore
from services.notifications.service import NotificationService
from services.plans.checklists import ChecklistService
from services.plans.contract import use_taxonomy
from services.plans.files import example_plans
from services.plans.regulations import RegulationStore, example_regulations
from services.plans.responses import ResponseService
from services.plans.store import PlanStore
from services.positions.store import PositionStore
from services.records.kind import KindRegistry
from services.reminders.service import ReminderService
from services.resources.store import ResourceStore
from services.rollcall.service import RollCallService
from services.warnings.service import WarningService
from services.warnings.store import WarningStore
from views.audit import trail as audit_trail
from views.common.event_relay import DomainEventRelay
from views.common.task_runner import TaskRunner
from views.video.player import allow_schemes


@dataclass
class AppContext:
    config: AppConfig
    mirror: Mirror
    events: EventBus
    incidents: IncidentService
    relay: DomainEventRelay
    runner: TaskRunner
    tz: ZoneInfo
    operator: str
    resources: ResourceStore
    tiles: TileLibrary
    cameras: CameraStore
    dispatch: DispatchService
    contacts: ContactStore
    notices: NotificationService
    conferences: ConferenceService
    dashboard: DashboardService
    kinds: KindRegistry
    duty: DutyServices
    rollcalls: RollCallService
    reminders: ReminderService
    duty_log: DutyLog
    daily_reports: DailyReports
    plans: PlanStore
    responses: ResponseService
    checklists: ChecklistService
    regulations: RegulationStore
    warnings: WarningStore
    warning_service: WarningService
    stations: StationStore  # 监测预警: stations, readings, alarms (services/monitoring)
    alarms: AlarmService
    positions: PositionStore | None = None  # live positions of field units (实时位置)
    local_audit: LocalAudit | None = None  # exports and prints for the platform's audit (审计)

    def close(self) -> None:
        audit_trail.install(None, None)
        self.runner.shutdown()
        self.relay.detach(self.events)
        self.mirror.close()


def build_context(config: AppConfig, clock: Clock | None = None, early_check: EarlyCheck | None = None,
                  ask_passphrase: Callable[[bool], str | None] | None = None) -> AppContext:
    """`ask_passphrase` asks for the mirror's passphrase ([mirror] encryption = "passphrase")."""
    allow_schemes(config.url_schemes)
    mirror = open_mirror(config.mirror_path, early_check=early_check,
                         encryption=mirror_encryption(config, ask_passphrase))
    events = EventBus()
    taxonomy = load_taxonomy(config.taxonomy_path)
    use_taxonomy(config.taxonomy_path)  # plans are imported and edited against the centre's own codes
    rules = load_rules().with_overrides(config.reporting_overrides)
    region = Region(*config.region) if config.region else None
    incidents = IncidentService(
        mirror, taxonomy, rules, site_code=config.site_code, events=events,
        clock=clock or SystemClock(), region=region,
    )
    relay = DomainEventRelay()
    relay.attach(events)
    operator = config.operator or getpass.getuser()
    resources = ResourceStore(mirror, events, incidents.clock)
    tiles = TileLibrary(config.mirror_path.parent / "tiles")
    for source in config.tile_sources:
        tiles.add_online(source)
    contacts = ContactStore(mirror, events, incidents.clock)
    tz = ZoneInfo(config.timezone)
    rollcalls = RollCallService(mirror, events, incidents.clock, site_code=config.site_code)
    reminders = ReminderService(mirror, events, incidents.clock, site_code=config.site_code, tz=tz)
    duty_log = DutyLog(mirror, reminders, site_code=config.site_code, sources=DUTY_LOG_SOURCES + ALARM_LOG_SOURCES)
    daily = DailyReports(mirror, duty_log, rollcalls, reminders, rules, events, incidents.clock,
                         site_code=config.site_code, tz=tz)
    ctx = AppContext(config, mirror, events, incidents, relay, TaskRunner(), ZoneInfo(config.timezone),
                      operator, resources, tiles, CameraStore(mirror, events, incidents.clock),
                      DispatchService(mirror, events, incidents.clock), contacts,
                      NotificationService(mirror, contacts, events, incidents.clock),
                      ConferenceService(mirror, incidents.append_entry, events, incidents.clock,
                                        site_code=config.site_code),
                      DashboardService(mirror, rules, incidents.clock, ZoneInfo(config.timezone)),
                      client_record_kinds(config.url_schemes),
                      duty_services(mirror, config.site_code, ZoneInfo(config.timezone), rules, events=events,
                                    clock=incidents.clock, max_hours=config.duty_max_hours,
                                    workstation=mirror.meta("mirror_id") or ""),
                      rollcalls, reminders, duty_log, daily, PlanStore(mirror, events, incidents.clock),
                      ResponseService(mirror, events, incidents.clock),
                      ChecklistService(mirror, events, incidents.clock),
                      RegulationStore(mirror, events, incidents.clock),
                      WarningStore(mirror), warning_service(config, mirror, events, incidents.clock),
                      stations=StationStore(mirror), alarms=AlarmService(mirror, incidents, events=events,
                                                                         clock=incidents.clock))
    ctx.positions = PositionStore(mirror, events, incidents.clock)
    ctx.local_audit = LocalAudit(mirror, incidents.clock)
    queue_unlock_failures(mirror, incidents.clock)  # wrong passphrases typed before this unlock
    audit_trail.install(ctx.runner, ctx.local_audit)  # exports and prints reach the platform's audit
    return ctx


def warning_service(config: AppConfig, mirror: Mirror, events: EventBus, clock: Clock) -> WarningService:
    """Identifiers of warnings issued here carry the [warnings] region and agency codes."""
    return WarningService(mirror, events, clock, region_code=config.warnings.region_code,
                          agency_code=config.warnings.agency_code)


def seed_demo_if_empty(ctx: AppContext, count: int = 400) -> int:
    """Fills an empty mirror with made-up Chongqing incidents (for `make demo`)."""
    if ctx.incidents.count(IncidentQuery()) > 0:
        return 0
    gen = DemoGenerator(ctx.incidents.taxonomy, site_code=ctx.config.site_code)
    now = ctx.incidents.clock.now()
    demo = gen.generate(count, now, span=timedelta(days=30), entries_per_incident=9)
    load_batch(ctx.mirror, demo.incidents, demo.entries)
    raise_code_counters(ctx.mirror, ctx.config.site_code, gen.code_counters(demo))
    ctx.resources.save_many(demo_resources(600), share=False)
    ctx.cameras.save_many(demo_cameras(300), share=False)
    ctx.contacts.save_many(demo_contacts(), share=False)
    ctx.plans.save_many(example_plans(), share=False)  # 示例 plans (resources/plans/)
    ctx.regulations.save_many(example_regulations(), share=False)  # 示例 regulations
    ctx.mirror.set_meta([("demo", datetime.now().isoformat())])
    return len(demo.incidents)
