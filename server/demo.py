"""Demo incidents on the platform (for `make demo`): made-up incidents around
Chongqing from services.demo_data, written with their change-feed rows so every
client that connects receives them through the ordinary sync."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from server.db import CameraRow, ChangeRow, ContactRow, Database, EntryRow, IncidentRow, ResourceRow
from services.demo_data import DemoGenerator
from services.incidents.taxonomy import load_taxonomy

SERVER_COLUMNS = [c.name for c in IncidentRow.__table__.columns]


def seed_demo_incidents(db: Database, count: int, site_code: str = "CQ") -> int:
    """Adds `count` demo incidents if the platform has none; returns how many."""
    with Session(db.write) as s, s.begin():
        if s.scalar(select(func.count()).select_from(IncidentRow)):
            return 0
        now = datetime.now(UTC)
        demo = DemoGenerator(load_taxonomy(), site_code=site_code).generate(
            count, now, span=timedelta(days=30), entries_per_incident=9
        )
        at = now.isoformat(timespec="milliseconds")
        incidents = []
        for inc in demo.incidents:
            row = {k: inc[k] for k in SERVER_COLUMNS if k in inc}
            row.update(field_clock="{}", last_report_seq=0, updated_at=inc["updated_at"])
            incidents.append(row)
        s.execute(insert(IncidentRow), incidents)
        seqs = s.scalars(
            insert(ChangeRow).returning(ChangeRow.seq, sort_by_parameter_order=True),
            [{"entity": "incident", "entity_id": i["id"], "at": at} for i in incidents]
            + [{"entity": "entry", "entity_id": e["id"], "at": at} for e in demo.entries],
        ).all()
        entry_seqs = seqs[len(incidents):]
        s.execute(
            insert(EntryRow),
            [
                {"id": e["id"], "incident_id": e["incident_id"], "kind": e["kind"], "body": e["body"],
                 "data": e["data"] if isinstance(e["data"], str) else json.dumps(e["data"]),
                 "author": e["author"], "created_at": e["created_at"], "seq": seq}
                for e, seq in zip(demo.entries, entry_seqs, strict=True)
            ],
        )
    return len(incidents)


def _seed_records(db: Database, row: type, entity: str, records: list[dict]) -> int:
    """Adds made-up records of one kind, with their feed rows, if the platform has none."""
    with Session(db.write) as s, s.begin():
        if s.scalar(select(func.count()).select_from(row)):
            return 0
        at = datetime.now(UTC).isoformat(timespec="milliseconds")
        rows = [{**r, "updated_at": at, "version": 1, "field_clock": "{}"} for r in records]
        s.execute(insert(row), rows)
        s.execute(insert(ChangeRow), [{"entity": entity, "entity_id": r["id"], "at": at} for r in rows])
    return len(rows)


def seed_demo_resources(db: Database, count: int) -> int:
    """Adds `count` made-up resources (services/demo_resources.py) if the platform has none."""
    from services.demo_resources import demo_resources

    records = [{**r, "details": json.dumps(r["details"], ensure_ascii=False)} for r in demo_resources(count)]
    return _seed_records(db, ResourceRow, "resource", records)


def seed_demo_cameras(db: Database, count: int) -> int:
    """Adds `count` made-up cameras (services/demo_cameras.py) if the platform has none."""
    from services.demo_cameras import demo_cameras

    return _seed_records(db, CameraRow, "camera", demo_cameras(count))


def seed_demo_contacts(db: Database, _count: int = 1) -> int:
    """Adds the made-up 通讯录 (services/demo_contacts.py) if the platform has none."""
    from services.demo_contacts import demo_contacts

    records = [{**r, "members": json.dumps(r["members"])} for r in demo_contacts()]
    return _seed_records(db, ContactRow, "contact", records)
