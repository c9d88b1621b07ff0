"""Bulk loading of incidents and their timelines into the mirror.

Used for demo data and benchmarks now, and for the sync catch-up later: one
transaction per batch, executemany through SQLAlchemy Core, relaxed fsync."""

from __future__ import annotations

from sqlalchemy import func, insert, select, text

from offline_cache.database import Mirror
from offline_cache.schema import CodeCounterRow, EntryRow, IncidentRow
from services.clearance import INTERNAL

INCIDENT_COLUMNS = [c.name for c in IncidentRow.__table__.columns if c.name != "pk"]
ENTRY_COLUMNS = [c.name for c in EntryRow.__table__.columns if c.name not in ("pk", "incident_pk")]
_MISSING = {"level": INTERNAL}  # what a loaded record that does not say gets (密级: services/clearance.py)


def load_batch(mirror: Mirror, incidents: list[dict], entries: list[dict]) -> None:
    """Inserts incidents and entries (entries name their incident by `incident_id`)."""
    with mirror.bulk_write() as s:
        first = int(s.scalar(select(func.coalesce(func.max(IncidentRow.pk), 0)))) + 1
        pks: dict[str, int] = {}
        rows = []
        for offset, inc in enumerate(incidents):
            pk = first + offset
            pks[inc["id"]] = pk
            row = {name: inc.get(name, _MISSING.get(name, "")) for name in INCIDENT_COLUMNS}
            row["pk"] = pk
            rows.append(row)
        if rows:
            s.execute(insert(IncidentRow), rows)
        entry_rows = []
        for e in entries:
            pk = pks.get(e["incident_id"])
            if pk is None:
                pk = s.scalar(select(IncidentRow.pk).where(IncidentRow.id == e["incident_id"]))
            row = {name: e.get(name, _MISSING.get(name, "")) for name in ENTRY_COLUMNS if name != "server_seq"}
            row["server_seq"] = e.get("server_seq")  # None: not confirmed by a platform
            row["incident_pk"] = pk
            entry_rows.append(row)
        if entry_rows:
            s.execute(insert(EntryRow), entry_rows)


def raise_code_counters(mirror: Mirror, site_code: str, top: dict[int, int]) -> None:
    """Makes sure new incidents get numbers after the loaded ones."""
    with mirror.write() as s:
        for year, number in top.items():
            s.execute(
                insert(CodeCounterRow)
                .prefix_with("OR IGNORE")
                .values(site_code=site_code, year=year, next_number=1)
            )
            s.execute(
                text(
                    "UPDATE code_counters SET next_number = max(next_number, :n) "
                    "WHERE site_code = :s AND year = :y"
                ),
                {"n": number + 1, "s": site_code, "y": year},
            )
