"""Demo incidents on the platform (for `make demo`): made-up incidents around
Chongqing from services.demo_data, written with their change-feed rows so every
client that connects receives them through the ordinary sync."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from server import audit
from server.actor import PLATFORM
from server.db import CameraRow, ChangeRow, ContactRow, Database, EntryRow, IncidentRow, ResourceRow
from services.demo_data import DemoGenerator
from services.incidents.numbering import with_site
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
            row["code"] = with_site(row["code"], row["site_code"])  # the platform's numbers carry it
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
        seeded(s, "incident", len(incidents), len(demo.entries))
    return len(incidents)


def seeded(s: Session, entity: str, count: int, entries: int = 0) -> None:
    """One audit record for a demo seeding (not one per made-up record)."""
    audit.append(s, audit.ADMIN, PLATFORM, entity, "", {"demo_seeded": count, "entries": entries})


def _seed_records(db: Database, row: type, entity: str, records: list[dict]) -> int:
    """Adds made-up records of one kind, with their feed rows, if the platform has none."""
    with Session(db.write) as s, s.begin():
        if s.scalar(select(func.count()).select_from(row)):
            return 0
        at = datetime.now(UTC).isoformat(timespec="milliseconds")
        rows = [{**r, "updated_at": at, "version": 1, "field_clock": "{}"} for r in records]
        s.execute(insert(row), rows)
        s.execute(insert(ChangeRow), [{"entity": entity, "entity_id": r["id"], "at": at} for r in rows])
        seeded(s, entity, len(rows))
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


def seed_demo_orders(db: Database, count: int) -> int:
    """Dispatch orders on the most recent open incidents (to the demo's teams), some
    already acknowledged or under way, some not yet acknowledged, if there are none."""
    import random
    import uuid

    from server.db import OrderRow
    from server.orders import move, step_entry
    from services.dispatch.lifecycle import ACK_MINUTES, OrderStatus, Priority, ack_deadline

    rng = random.Random(9)
    with Session(db.write) as s, s.begin():
        if s.scalar(select(func.count()).select_from(OrderRow)):
            return 0
        incidents = s.scalars(select(IncidentRow).where(IncidentRow.status != "closed")
                              .order_by(IncidentRow.reported_at.desc()).limit(max(1, count // 2))).all()
        teams = s.scalars(select(ResourceRow.name).where(ResourceRow.kind == "team").limit(200)).all() or ["救援队"]
        now = datetime.now(UTC)
        tasks = ("立即前往现场开展搜救", "携带破拆和照明设备增援", "疏散周边群众并设置警戒", "协助转运伤员")
        for n in range(count if incidents else 0):
            incident = incidents[n % len(incidents)]
            priority = rng.choice(list(Priority))
            issued = now - timedelta(minutes=rng.randint(2, 90))
            order = OrderRow(id=str(uuid.uuid4()), incident_id=incident.id, target_kind="team", target_id="",
                             target_name=rng.choice(teams), content=rng.choice(tasks), priority=priority.value,
                             required_arrival="", ack_deadline=ack_deadline(issued, priority).isoformat(),
                             status="issued", issued_by="演示", issued_at=issued.isoformat(),
                             updated_at=now.isoformat(), version=1)
            s.add(order)
            s.flush()
            step_entry(s, order, OrderStatus.ISSUED, "演示", "", order.issued_at, now.isoformat())
            s.add(ChangeRow(entity="order", entity_id=order.id, at=now.isoformat()))
            steps = [OrderStatus.ACKNOWLEDGED, OrderStatus.DEPARTED, OrderStatus.ARRIVED][:rng.randint(0, 3)]
            if rng.random() < 0.3 and issued + timedelta(minutes=ACK_MINUTES[priority]) < now:
                steps = []  # left waiting past its deadline: the board shows it red
            for k, step in enumerate(steps):
                at = (issued + timedelta(minutes=3 * (k + 1))).isoformat()
                move(s, order, step, order.target_name, "", at, now.isoformat(), str(uuid.uuid4()))
    return count if incidents else 0


def seed_demo_roster(db: Database, count: int = 1) -> int:
    """The duty side of the demo (server/duty_demo.py): shifts, this month's roster, the
    officer signed in."""
    from server.duty_demo import seed_demo_roster as seed

    return seed(db, count)


def seed_demo_plans(db: Database, _count: int = 1) -> int:
    """The example plans of resources/plans/ (示例), into a platform without them."""
    from server.plans import seed_plans
    from services.plans.files import example_plans

    now = datetime.now(UTC).isoformat(timespec="milliseconds")
    with Session(db.write) as s, s.begin():
        return seed_plans(s, example_plans(), now)


def seed_demo_regulations(db: Database, _count: int = 1) -> int:
    """The example regulations of resources/regulations/ (示例), into a platform without them."""
    from server.regulations import seed_regulations
    from services.plans.regulations import example_regulations

    now = datetime.now(UTC).isoformat(timespec="milliseconds")
    with Session(db.write) as s, s.begin():
        return seed_regulations(s, example_regulations(), now)


def seed_demo_warnings(db: Database, count: int = 1) -> int:
    """A few warnings around Chongqing (server/warning_demo.py), into a platform without them."""
    from server.warning_demo import seed_demo_warnings as seed

    return seed(db, count)
