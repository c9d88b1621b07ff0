"""The hydrology database adapter: reads the layout watch rooms already receive
from the water authority (rain ST_PPTN_R: STCD, TM, DRP; river ST_RIVER_R:
STCD, TM, Z, Q; flood-control levels ST_RVFCCH_B: STCD, WRZ, GRZ), from
PostgreSQL or SQLite, on a schedule, read-only. Rows newer than the last time
read go through the same ingest as the bulk endpoint (stations named by STCD;
a station not registered on the platform is refused and counted); 警戒 / 保证
levels update the river stations' thresholds. TM is local time without a zone
in those tables: `zone` says which (the watch room's, Asia/Shanghai by default).

A gauge that was cut off delivers its rows late, with their own (older) TM,
after newer rows of other stations moved the mark past them. So every round
also reads again the `lookback_s` (default 6 h) before the mark; rows stored
already are answered duplicate by the ingest (station + time) and cost
nothing but the read, the late ones are stored and counted as `late`."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import create_engine, select, text
from sqlalchemy.orm import Session

from server.actor import PLATFORM
from server.db import MetaRow
from server.monitoring_demo import upsert_stations
from server.monitoring_tables import StationRow
from server.readings import ingest
from services.monitoring.contract import StationKind, thresholds_problem

BATCH = 5000
EPOCH_TM = "1900-01-01 00:00:00"  # before any TM: the first round reads everything
DEFAULT_EVERY_S = 300.0
DEFAULT_LOOKBACK_S = 6 * 3600.0
log = logging.getLogger(__name__)

# table -> (value column, meta key of the last TM read)
SERIES = {"ST_PPTN_R": ("DRP", "hydrology_pptn_tm"), "ST_RIVER_R": ("Z", "hydrology_river_tm")}


@dataclass
class PollResult:
    applied: int = 0
    duplicate: int = 0
    refused: int = 0
    late: int = 0  # stored by the look-back: rows that arrived after the mark passed their TM
    thresholds: int = 0
    reasons: dict[str, int] = field(default_factory=dict)


class HydrologySource:
    """One hydrology database (a SQLAlchemy URL), read only by this adapter."""

    def __init__(self, url: str, zone: str = "Asia/Shanghai", lookback_s: float = DEFAULT_LOOKBACK_S):
        self.engine = create_engine(url, pool_pre_ping=True)
        self.zone = ZoneInfo(zone)
        self.lookback_s = max(0.0, lookback_s)

    def close(self) -> None:
        self.engine.dispose()

    def rows(self, table: str, column: str, after: str) -> list[tuple[str, Any, Any]]:
        query = text(f"SELECT STCD, TM, {column} FROM {table} WHERE TM > :after ORDER BY TM LIMIT {BATCH}")
        with self.engine.connect() as con:
            return [tuple(r) for r in con.execute(query, {"after": after})]

    def rows_between(self, table: str, column: str, since: str, until: str,
                     after: tuple[str, str] | None) -> list[tuple[str, Any, Any]]:
        """Rows with since < TM <= until, by (TM, STCD), a page after `after`."""
        where = "TM > :since AND TM <= :until"
        params: dict[str, Any] = {"since": since, "until": until}
        if after is not None:
            where += " AND (TM > :tm OR (TM = :tm AND STCD > :stcd))"
            params.update(tm=after[0], stcd=after[1])
        query = text(f"SELECT STCD, TM, {column} FROM {table} WHERE {where} ORDER BY TM, STCD LIMIT {BATCH}")
        with self.engine.connect() as con:
            return [tuple(r) for r in con.execute(query, params)]

    def before(self, mark: str) -> str:
        """The TM `lookback_s` before `mark`, as the tables compare it."""
        return self.tm_text(datetime.fromisoformat(mark) - timedelta(seconds=self.lookback_s))

    def levels(self) -> list[tuple[str, Any, Any]]:
        with self.engine.connect() as con:
            return [tuple(r) for r in con.execute(text("SELECT STCD, WRZ, GRZ FROM ST_RVFCCH_B"))]

    def tm_text(self, value: Any) -> str:
        """TM as the tables compare it (a datetime from PostgreSQL, text from SQLite)."""
        return value.strftime("%Y-%m-%d %H:%M:%S") if isinstance(value, datetime) else str(value)

    def tm_time(self, value: Any) -> str:
        parsed = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=self.zone)
        return parsed.astimezone(UTC).isoformat()


def poll(source: HydrologySource, write_locked: Callable, clock: Callable[[], datetime]) -> PollResult:
    """One round: thresholds first (so a new 警戒 level judges the new readings),
    then each table's late rows of the look-back window, then its rows since
    the last TM read, in batches until none are left."""
    result = PollResult()
    result.thresholds = write_locked(PLATFORM, lambda s: _thresholds(s, source.levels(), clock()))[0]
    for table, (column, key) in SERIES.items():
        mark = write_locked(PLATFORM, lambda s, key=key: s.scalar(select(MetaRow.value).where(
            MetaRow.key == key)))[0] or EPOCH_TM
        if mark != EPOCH_TM and source.lookback_s > 0:
            _look_back(source, write_locked, clock, table, column, mark, result)
        while True:
            after = write_locked(PLATFORM, lambda s, key=key: s.scalar(select(MetaRow.value).where(
                MetaRow.key == key)))[0] or EPOCH_TM
            rows = source.rows(table, column, after)
            if not rows:
                break
            last = source.tm_text(rows[-1][1])
            items = _items(source, rows)

            def work(s: Session, items=items, key=key, last=last) -> list[dict]:
                answers = ingest(s, items, clock())
                row = s.get(MetaRow, key)
                if row is None:
                    s.add(MetaRow(key=key, value=last))
                else:
                    row.value = last
                return answers

            _count(result, write_locked(PLATFORM, work)[0])
            if len(rows) < BATCH:
                break
    return result


def _look_back(source: HydrologySource, write_locked: Callable, clock: Callable[[], datetime], table: str,
               column: str, mark: str, result: PollResult) -> None:
    """The window before the mark read again; only what was missing is stored."""
    since, after = source.before(mark), None
    while True:
        rows = source.rows_between(table, column, since, mark, after)
        if not rows:
            return
        items = _items(source, rows)
        answers = write_locked(PLATFORM, lambda s, items=items: ingest(s, items, clock()))[0]
        late = sum(1 for a in answers if a["status"] == "applied")  # refused ones were counted when first read
        result.late += late
        result.applied += late
        if len(rows) < BATCH:
            return
        after = (source.tm_text(rows[-1][1]), str(rows[-1][0]))


def _items(source: HydrologySource, rows: list[tuple[str, Any, Any]]) -> list[dict]:
    return [{"station": str(stcd).strip(), "time": source.tm_time(tm),
             "value": float(v) if isinstance(v, int | float) or _numeric(v) else v}
            for stcd, tm, v in rows]


def _count(result: PollResult, answers: list[dict]) -> None:
    for answer in answers:
        setattr(result, answer["status"], getattr(result, answer["status"]) + 1)
        if answer["status"] == "refused":
            result.reasons[answer["reason"]] = result.reasons.get(answer["reason"], 0) + 1


def _numeric(value: Any) -> bool:
    """Decimal (PostgreSQL NUMERIC) is a number too; None and text are not."""
    try:
        from decimal import Decimal

        return isinstance(value, Decimal) and value.is_finite()
    except ImportError:  # pragma: no cover
        return False


def _thresholds(s: Session, levels: list[tuple[str, Any, Any]], now: datetime) -> int:
    """警戒 (WRZ) and 保证 (GRZ) of the registered river and reservoir stations."""
    by_code = {r.code: r for r in s.scalars(select(StationRow).where(StationRow.kind.in_(("river", "reservoir"))))
               if r.code}
    records = []
    for stcd, wrz, grz in levels:
        station = by_code.get(str(stcd).strip())
        if station is None:
            continue
        wanted = {}
        if wrz is not None:
            wanted["alert"] = float(wrz)
        if grz is not None and (wrz is None or float(grz) > float(wrz)):
            wanted["guarantee"] = float(grz)
        if thresholds_problem(StationKind(station.kind), wanted):
            log.warning("hydrology: levels of %s not used: %s", station.code,
                        thresholds_problem(StationKind(station.kind), wanted))
            continue
        if wanted and wanted != json.loads(station.thresholds):
            records.append({"id": station.id, "thresholds": wanted, "rules": json.loads(station.rules)})
    if not records:
        return 0
    return upsert_stations(s, records, now.astimezone(UTC).isoformat(timespec="milliseconds"))


async def poll_forever(source: HydrologySource, write_locked: Callable, clock: Callable[[], datetime],
                       wake: Callable[[], None], every_s: float = DEFAULT_EVERY_S) -> None:
    loop = asyncio.get_running_loop()
    while True:
        try:
            result = await loop.run_in_executor(None, poll, source, write_locked, clock)
            if result.applied or result.thresholds:
                wake()
            if result.refused:
                log.warning("hydrology: %d readings refused: %s", result.refused, result.reasons)
            log.info("hydrology: %d readings stored (%d of them late), %d already there, %d thresholds updated",
                     result.applied, result.late, result.duplicate, result.thresholds)
        except Exception:  # an unreachable database is tried again next round
            log.exception("hydrology: this round failed; trying again in %.0f s", every_s)
        await asyncio.sleep(every_s)
