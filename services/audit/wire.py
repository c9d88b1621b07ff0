"""The audit's wire schemas, shared by the platform (server/audit_routes.py)
and the client (services/audit/checkpoints.py, the admin's audit panel)."""

from __future__ import annotations

from pydantic import Field

from services.sync.wire import API_PREFIX, Strict

CHECKPOINTS_PATH = "/audit/checkpoints"
RECORDS_PATH = "/audit/records"
CHECKPOINTS_URL = API_PREFIX + CHECKPOINTS_PATH
RECORDS_URL = API_PREFIX + RECORDS_PATH
MAX_CHECKPOINTS = 500
MAX_RECORDS = 500


class Checkpoint(Strict):
    n: int = Field(ge=1)
    seq: int = Field(ge=1)
    hash: str = Field(pattern=r"^[0-9a-f]{64}$")
    at: str = Field(max_length=40)
    algorithm: str = Field(max_length=16)
    key_id: str = Field(max_length=64)
    signature: str = Field(max_length=512)


class CheckpointPage(Strict):
    """The platform's signing key (pinned by a client at first sight) and its checkpoints after `n`."""

    algorithm: str = Field(max_length=16)
    key_id: str = Field(max_length=64)
    public_key: str = Field(max_length=256)
    checkpoints: list[Checkpoint]


class AuditRecord(Strict):
    seq: int
    at: str
    action: str
    account: str
    workstation: str
    entity: str
    entity_id: str
    detail: str
    hash: str


class AuditPage(Strict):
    """Newest first; `next_before` asks for the page after this one (None: no more)."""

    records: list[AuditRecord]
    next_before: int | None = None
