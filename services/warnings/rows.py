"""A warning between its wire record (services/warnings/wire.py) and the
mirror's row (offline_cache/warnings_schema.py): the structured fields as
JSON text, the box of its areas and the records its references name."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from offline_cache.warnings_schema import WarningRow
from services.warnings.areas import bbox
from services.warnings.contract import WARNING_FIELDS
from services.warnings.model import EarlyWarning
from services.warnings.wire import JSON_FIELDS, record_of, reference_id, warning_of

EXTRA = ("return_reason", "created_by_account", "created_workstation", "approved_by_account")


def column_values(w: EarlyWarning) -> dict[str, Any]:
    """The mirror's columns of a warning (not pk, version, sync_state or updated_at)."""
    record = record_of(w)
    values = {k: json.dumps(v, ensure_ascii=False) if k in JSON_FIELDS else v for k, v in record.items()}
    box = bbox(w.areas)
    values.update(zip(("min_lat", "max_lat", "min_lon", "max_lon"), box or (None, None, None, None), strict=True))
    values["reference_ids"] = " ".join(reference_id(r) for r in w.references)
    return values


def record_of_row(row: WarningRow) -> dict[str, Any]:
    out = {}
    for name in WARNING_FIELDS:
        value = getattr(row, name)
        out[name] = json.loads(value) if name in JSON_FIELDS else value
    return out


def warning_of_row(row: WarningRow) -> EarlyWarning:
    """The warning with its 密级, which travels beside the CAP fields."""
    return replace(warning_of(record_of_row(row)), level=row.level)
