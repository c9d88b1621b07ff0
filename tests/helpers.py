"""Small builders shared by tests."""

from __future__ import annotations

import uuid
from datetime import timedelta

from services.incidents.model import Category, IncidentDraft, Severity


def draft(clock, **overrides) -> IncidentDraft:
    values = dict(
        id=str(uuid.uuid4()),
        title="渝中区解放碑某商场火灾",
        category=Category.ACCIDENT,
        type_code="fire",
        severity=Severity.III,
        occurred_at=clock.now() - timedelta(minutes=5),
        place="渝中区解放碑",
        lat=29.557,
        lon=106.577,
    )
    values.update(overrides)
    return IncidentDraft(**values)


def client_kinds():
    """The client's registry of record kinds, as the app builds it."""
    from app.record_kinds import client_record_kinds

    return client_record_kinds()


KINDS = client_kinds()
