"""Wire schemas of the sync contract (DESIGN.md), shared by the client engine
and the reference server. API version 1, under /api/v1.

Endpoints (role in brackets; admin may do everything):
  GET  /api/v1/health                      -> Health            [anyone, no token]
  POST /api/v1/auth/login   LoginRequest   -> Token             [anyone]
  POST /api/v1/ops          OpBatch        -> OpBatchResult     [duty_officer, duty_chief, commander]
  GET  /api/v1/changes?after=N&limit=M     -> ChangePage        [duty_officer, duty_chief, commander, viewer]
  GET  /api/v1/snapshot?entity=E&after_id=X&limit=M&as_of=S -> SnapshotPage [same]
  GET  /api/v1/events                      -> text/event-stream of `seq` events [same]
Tokens go in `Authorization: Bearer <token>`; an expired or forged token gets 401.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

API_PREFIX = "/api/v1"
MAX_OP_BYTES = 1_000_000  # one operation's JSON; larger ones are answered `rejected` within the batch
# (over MAX_BATCH_OPS operations or a 16 MB body: 413)
MAX_BATCH_OPS = 500
Role = Literal["duty_officer", "commander", "viewer", "admin", "field_unit", "duty_chief", "sensor_gateway"]
# A record kind's name; which kinds there are is each side's registry, not the wire's.
Entity = Annotated[str, Field(pattern=r"^[a-z_]{1,32}$")]
OpKind = Literal["create", "append", "update", "advance"]
OpStatus = Literal["applied", "duplicate", "merged", "rejected"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Health(Strict):
    status: Literal["ok"] = "ok"
    cluster_id: str
    latest_seq: int
    server_time: str
    api_version: int = 1


class LoginRequest(Strict):
    """`workstation`: the client's mirror id (what it sends as OpBatch.client_id);
    the platform records it, from the token, beside the account on every change."""

    username: str = Field(min_length=1, max_length=100)
    password: str = Field(min_length=0, max_length=200)  # "" only where a certificate logs in
    workstation: str = Field(default="", max_length=64)


class Token(Strict):
    access_token: str
    expires_at: str
    username: str
    role: Role


class Op(Strict):
    """One outbox operation. `created_at` is the client's clock: kept as the
    reported time, never used to order a timeline (the server's seq does)."""

    op_id: str = Field(min_length=36, max_length=36)
    entity: Entity
    entity_id: str = Field(min_length=1, max_length=64)
    op: OpKind
    base_version: int = Field(ge=0)
    payload: dict[str, Any]
    priority: int = Field(ge=0, le=9)
    created_at: str = Field(max_length=40)
    site_code: str = Field(default="", max_length=32)


class OpBatch(Strict):
    client_id: str = Field(min_length=1, max_length=64)
    ops: list[Op] = Field(max_length=MAX_BATCH_OPS)


class OpResult(Strict):
    op_id: str
    status: OpStatus
    reason: str = ""  # why rejected, or what was merged
    seq: int | None = None


class OpBatchResult(Strict):
    cluster_id: str
    latest_seq: int
    results: list[OpResult]


class Change(Strict):
    """A record as it stands now, announced at `seq`. Applying is idempotent:
    incidents by version, entries (append-only) by id."""

    seq: int
    entity: Entity
    entity_id: str
    version: int
    data: dict[str, Any]
    # The record is above this workstation's clearance now (its level was raised):
    # a mirror holding it drops it (services/clearance.py). No data comes with it.
    withdrawn: bool = False


class Gap(Strict):
    """Telemetry a coalesced page left out: `skipped` changes of one source
    (a station), ids `first_id`..`last_id` in id order, fetched later."""

    entity: Entity
    source: str = Field(max_length=64)
    first_id: str = Field(max_length=64)
    last_id: str = Field(max_length=64)
    skipped: int = Field(ge=1)


class ChangePage(Strict):
    cluster_id: str
    changes: list[Change]
    next_after: int
    has_more: bool
    gaps: list[Gap] = []  # only on a page asked for with coalesce
    # The clearance the page was cut for (the lower of the account's and the
    # workstation's) and the centre's names of its levels; None from an older platform.
    clearance: int | None = None
    level_names: dict[str, str] | None = None


class SnapshotPage(Strict):
    """Resumable bootstrap: records of one entity ordered by id; `as_of` is the
    seq at the start of the snapshot, from which the feed continues."""

    cluster_id: str
    entity: Entity
    as_of: int
    records: list[dict[str, Any]]
    next_after_id: str | None


class OrderStatusReport(Strict):
    """POST /orders/{id}/status: a step of a dispatch order reported by the field
    unit (or by a watch room from a phone call). See services/dispatch/lifecycle.py."""

    status: Literal["acknowledged", "departed", "arrived", "completed", "refused"]
    by: str = Field(default="", max_length=100)
    reason: str = Field(default="", max_length=500)
    op_id: str = Field(default="", max_length=36)


class ParticipantReport(Strict):
    """POST /conferences/{id}/participants/{pid}: a participant's state, from the
    conference bridge or the site itself. Only the flags given change."""

    joined: bool | None = None
    muted: bool | None = None
    speaking: bool | None = None
    video_url: str | None = Field(default=None, max_length=1000)
