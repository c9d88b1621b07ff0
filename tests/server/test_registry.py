"""The platform's registry of record kinds (issue 13, structure 1): a new kind is
one module plus one registration, with no edit of apply, feed, snapshot or the
wire; an unknown entity or op is a rejection with a reason, never a 500."""

from __future__ import annotations

import json
import uuid
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError
from sqlalchemy import Boolean, String, Text, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from server.app import add_user, build_registry, create_app
from server.merged_record import MergedRecord
from server.op_checks import OpRejected, text_check
from server.record_kind import Registry, ServerKind
from services.sync.wire import API_PREFIX, Op
from tests.server.conftest import PASSWORD, T0, USERS, all_changes, login, op, send

# ---- a kind the platform did not have: what a feature module would declare ----


class _Base(DeclarativeBase):
    pass


class BulletinRow(_Base):
    """A bulletin (通报), as a later wave might add it (warnings have their own kind now)."""

    __tablename__ = "test_bulletins"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    level: Mapped[str] = mapped_column(String(8))
    issued: Mapped[bool] = mapped_column(Boolean, default=False)
    areas: Mapped[str] = mapped_column(Text, default="[]")
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(default=1)
    field_clock: Mapped[str] = mapped_column(Text, default="{}")


def _check(name: str, value):
    if name == "title":
        return text_check(value, name, 200, required=True)
    if name == "level":
        if value not in ("blue", "yellow", "orange", "red"):
            raise OpRejected(f"unknown bulletin level {str(value)[:10]!r}")
        return value
    if name == "issued" and isinstance(value, bool):
        return value
    if name == "areas" and isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    raise OpRejected(f"unknown or bad bulletin field {name!r}")


_RECORD = MergedRecord("bulletin", BulletinRow, ("id", "title", "level"), _check, {})
BULLETIN = ServerKind("bulletin", BulletinRow, _RECORD.handlers,
                     ("id", "title", "level", "issued", "areas", "updated_at", "version"),
                     json_columns={"areas": "[]"})


@pytest.fixture
def client_with_bulletins(db_url, server_clock):
    server_clock.advance(hours=1)  # the ops' times are in the platform's past
    app = create_app(db_url, clock=server_clock, registry=Registry([*build_registry(), BULLETIN]))  # the one line
    owner = create_engine(db_url)  # the schema's owner: the platform itself owns nothing (server/pg_rls.py)
    _Base.metadata.create_all(owner)  # (its table; the platform's schema in real life)
    owner.dispose()
    for role, name in USERS.items():
        add_user(app.state.db, name, PASSWORD, role)
    with TestClient(app) as client:
        yield client


def test_a_new_kind_is_one_module_and_one_registration(client_with_bulletins):
    client = client_with_bulletins
    duty = {"Authorization": "Bearer " + login(client, "duty").json()["access_token"]}
    wid = str(uuid.uuid4())
    created = op("bulletin", wid, "create", {"id": wid, "title": "暴雨橙色预警", "level": "orange",
                                            "areas": ["渝中区", "江北区"]})  # fmt: skip
    raised = op("bulletin", wid, "update", {"fields": {"level": "red", "issued": True}},
                at=T0 + timedelta(minutes=1))
    wrong = op("bulletin", wid, "update", {"fields": {"level": "purple"}})
    unsupported = op("bulletin", wid, "advance", {"status": "x"})
    results = send(client, duty, [created, raised, wrong, unsupported])
    assert [r["status"] for r in results] == ["applied", "applied", "rejected", "rejected"]
    assert "purple" in results[2]["reason"] and "not supported" in results[3]["reason"]
    [change] = [c for c in all_changes(client, duty) if c["entity"] == "bulletin"][-1:]
    assert change["version"] == 2
    assert change["data"] == {"id": wid, "title": "暴雨橙色预警", "level": "red", "issued": True,
                              "areas": ["渝中区", "江北区"], "updated_at": change["data"]["updated_at"],
                              "version": 2}  # fmt: skip
    snapshot = client.get(API_PREFIX + "/snapshot", params={"entity": "bulletin"}, headers=duty)
    assert snapshot.status_code == 200 and [r["id"] for r in snapshot.json()["records"]] == [wid]


def test_unknown_entities_and_ops_are_rejected_per_op_with_a_reason(client, tokens):
    duty = tokens["duty_officer"]
    rid = str(uuid.uuid4())
    results = send(client, duty, [
        op("shift", rid, "create", {"id": rid}),  # a well-formed name this platform does not sync
        op("contact", rid, "advance", {"status": "done"}),
        op("Shift!", rid, "create", {"id": rid}),  # not a kind's name at all
        op("contact", rid, "create", {"id": rid, "kind": "person", "name": "李明"}),
    ])  # fmt: skip
    assert [r["status"] for r in results] == ["rejected", "rejected", "rejected", "applied"]
    assert "unknown entity 'shift'" in results[0]["reason"] and "incident" in results[0]["reason"]
    assert "'advance' is not supported for 'contact'" in results[1]["reason"]
    assert "entity" in results[2]["reason"]
    response = client.get(API_PREFIX + "/snapshot", params={"entity": "shift"}, headers=duty)
    assert response.status_code == 422 and "unknown entity 'shift'" in response.json()["detail"]


def test_the_wire_names_a_kind_without_listing_them():
    base = {"op_id": str(uuid.uuid4()), "entity_id": "x", "op": "create", "base_version": 0,
            "payload": {}, "priority": 1, "created_at": "2026-11-22T08:00:00+00:00"}  # fmt: skip
    assert Op.model_validate({**base, "entity": "warning_area"}).entity == "warning_area"
    for bad in ("Warning", "", "a" * 33, "shift-log"):
        with pytest.raises(ValidationError):
            Op.model_validate({**base, "entity": bad})


def test_the_registry_refuses_what_would_break_apply_feed_or_bootstrap():
    kinds = list(build_registry())
    assert build_registry().snapshot_order == (
        "incident", "entry", "resource", "camera", "contact", "order", "notification", "conference", "shift_pattern",
        "roster_entry", "roster_publish", "duty_swap", "duty_signin", "handover", "rollcall", "reminder",
        "reminder_done", "daily_report", "plan", "response", "checklist_step", "regulation", "warning",
        "station", "reading", "alarm", "position")
    # Whatever the registration order, a new mirror fetches a kind after what it references.
    order = Registry(reversed(kinds)).snapshot_order
    assert sorted(order) == sorted(k.entity for k in kinds)
    assert all(order.index(ref) < order.index(k.entity) for k in kinds for ref in k.references)
    with pytest.raises(ValueError, match="twice"):
        Registry([*kinds, kinds[2]])
    with pytest.raises(ValueError, match="unregistered incident"):
        Registry([k for k in kinds if k.entity != "incident"])
    loop_a = ServerKind("a_kind", BulletinRow, {}, ("id",), references=("b_kind",))
    loop_b = ServerKind("b_kind", BulletinRow, {}, ("id",), references=("a_kind",))
    with pytest.raises(ValueError, match="circle"):
        Registry([loop_a, loop_b])
