"""Incident numbers name one incident across the platform (defects 2 and 7 of the
repair issue): they carry the site code, old mirrors are migrated, a search
finds an incident by either form, and a number without its site that several
sites carry is refused with the numbers it could mean."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, event, text

from offline_cache.database import _alembic_config, _set_pragmas, open_mirror
from services.incidents.deadlines import load_rules
from services.incidents.model import EntryKind
from services.incidents.repository import IncidentQuery
from services.incidents.service import AmbiguousNumber, IncidentService
from services.incidents.taxonomy import load_taxonomy
from services.sync import apply
from tests.helpers import KINDS, draft, remote_incident
from tests.server.live_server import start_live_server
from tests.sync.livesync import add_users, make_client

ROOT = Path(__file__).resolve().parents[1]


def service(mirror, clock, site: str) -> IncidentService:
    return IncidentService(mirror, load_taxonomy(), load_rules(), site_code=site, clock=clock)


def test_two_sites_number_their_first_incidents_apart(tmp_path, clock):
    cq = service(open_mirror(tmp_path / "cq.db"), clock, "CQ")
    wz = service(open_mirror(tmp_path / "wz.db"), clock, "WZ")
    assert cq.create_incident(draft(clock), "a").code == "CQ-2026-0001"
    assert wz.create_incident(draft(clock), "b").code == "WZ-2026-0001"
    assert cq.create_incident(draft(clock), "a").code == "CQ-2026-0002"


def test_numbers_stay_apart_through_a_live_platform(tmp_path, clock):
    live = start_live_server("sqlite:///" + str(tmp_path / "platform.db"))
    add_users(live)
    a = make_client(tmp_path / "a.db", [live.url], clock, site="CQ")
    b = make_client(tmp_path / "b.db", [live.url], clock, site="WZ")
    try:
        a.incidents.create_incident(draft(clock, title="沙坪坝区火灾"), "a")
        b.incidents.create_incident(draft(clock, title="万州区滑坡"), "b")
        assert a.sync() and b.sync() and a.sync()
        for client in (a, b):
            codes = {i.code for i in client.incidents.list_page(IncidentQuery(), 0, 10)}
            assert codes == {"CQ-2026-0001", "WZ-2026-0001"}
    finally:
        a.close()
        b.close()
        live.stop()


def test_an_old_mirror_gets_site_numbers_and_its_queued_creates_too(tmp_path, clock):
    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _set_pragmas)
    from alembic import command

    with engine.begin() as con:
        command.upgrade(_alembic_config(con), "0011")
    engine.dispose()
    # An old workstation's life before the upgrade: a legacy number, its create still queued.
    con = sqlite3.connect(path)
    _set_pragmas(con, None)  # the search index triggers need its functions
    payload = {"id": "i-1", "site_code": "CQ", "code": "2026-0001", "title": "北碚区山洪"}
    con.execute(
        "INSERT INTO incidents (id, site_code, code, title, category, type_code, type_name, severity, status,"
        " occurred_at, reported_at, place, division, deaths, injured, missing, trapped, source, reporter,"
        " reporter_phone, exercise, summary, created_by, updated_at, version, sync_state) VALUES"
        " ('i-1', 'CQ', '2026-0001', '北碚区山洪', 'natural', 'flood', '洪涝', 'IV', 'received',"
        " '2026-11-22T07:00:00.000+00:00', '2026-11-22T07:05:00.000+00:00', '', '', 0, 0, 0, 0, 'phone',"
        " '', '', 0, '', 'a', '2026-11-22T07:05:00.000+00:00', 1, 'pending')")
    con.execute(
        "INSERT INTO outbox (op_id, entity, entity_id, op, base_version, payload, priority, created_at,"
        " state, attempts, last_error, record_key) VALUES ('00000000-0000-0000-0000-000000000001',"
        " 'incident', 'i-1', 'create', 0, ?, 1, '2026-11-22T07:05:00.000+00:00', 'queued', 0, '', 'i-1')",
        (json.dumps(payload, ensure_ascii=False),))
    con.commit()
    con.close()
    m = open_mirror(path)
    try:
        assert m.health.migrated_from == "0011"
        with m.read() as s:
            assert s.execute(text("SELECT code FROM incidents")).scalar_one() == "CQ-2026-0001"
            queued = json.loads(s.execute(text("SELECT payload FROM outbox")).scalar_one())
        assert queued["code"] == "CQ-2026-0001"
        svc = service(m, clock, "CQ")
        assert svc.create_incident(draft(clock), "a").code == "CQ-2026-0002"  # counts on from the old ones
    finally:
        m.close()


def test_search_finds_an_incident_by_either_form_of_its_number(incident_service, clock):
    incident = incident_service.create_incident(draft(clock), "a")
    for term in ("CQ-2026-0001", "2026-0001", "cq-2026-0001"):
        found = incident_service.list_page(IncidentQuery(text=term), 0, 10)
        assert [i.id for i in found] == [incident.id], term


def test_a_number_without_its_site_is_refused_when_two_sites_carry_it(incident_service, mirror, clock):
    ours = incident_service.create_incident(draft(clock), "a")
    theirs = remote_incident(5, site_code="WZ", code="WZ-2026-0001")
    apply.apply_page(mirror, KINDS, "c", [theirs], 1, clock.now())
    with pytest.raises(AmbiguousNumber) as refused:
        incident_service.find("2026-0001")
    assert refused.value.numbers == sorted(["CQ-2026-0001", "WZ-2026-0001"])
    assert incident_service.find("CQ-2026-0001") == ours.id
    assert incident_service.find("WZ-2026-0001") == theirs.entity_id
    assert incident_service.find(ours.id) == ours.id


def write_config(path: Path, mirror: Path, site: str = "CQ") -> Path:
    path.write_text(f'config_version = 1\n[site]\ncode = "{site}"\n[mirror]\npath = "{mirror}"\n'
                    f'[logging]\nfile = "{path.parent / "cli.log"}"\n', encoding="utf-8")
    return path


def run_cli(config: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app", "--config", str(config), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


def test_the_cli_refuses_an_ambiguous_number_and_names_the_incidents(tmp_path, clock):
    mirror_path = tmp_path / "m.db"
    m = open_mirror(mirror_path)
    ours = service(m, clock, "CQ").create_incident(draft(clock), "a")
    apply.apply_page(m, KINDS, "c", [remote_incident(5, site_code="WZ", code="WZ-2026-0001")], 1, clock.now())
    m.close()
    cfg = write_config(tmp_path / "c.toml", mirror_path)
    refused = run_cli(cfg, "log", "entry", "2026-0001", "--kind", "note", "--text", "核实情况")
    assert refused.returncode == 2, refused.stderr
    assert "CQ-2026-0001" in refused.stderr and "WZ-2026-0001" in refused.stderr
    done = run_cli(cfg, "log", "entry", "CQ-2026-0001", "--kind", "note", "--text", "核实情况")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["incident_id"] == ours.id
    m = open_mirror(mirror_path)
    try:
        timeline = service(m, clock, "CQ").timeline(ours.id)
        assert [e.body for e in timeline if e.kind == EntryKind.NOTE] == ["核实情况"]
    finally:
        m.close()
