"""GET /api/v1/monitoring/stations/{id}/readings: a station's history beyond
the mirror's window (the platform keeps every reading; a mirror keeps days).
Two shapes: raw readings in time order, paged (`after_t`), which a mirror uses
to fill the gaps a coalesced feed left (services/monitoring/backfill.py); or,
with `points`, downsampled to a chart's width, the lowest and highest reading
of each of `points` buckets, so a flood peak is never averaged away and a
month of minute data is a few kilobytes on a thin link.

No `from __future__ import annotations` here: the route's dependency is a
parameter of history_router, which FastAPI must see as an object."""

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query
from pydantic import BaseModel
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from server.http_errors import errors
from server.monitoring_tables import ReadingRow, StationRow
from services.monitoring.contract import STATION_ID_MAX

HISTORY_PATH = "/monitoring/stations/{station_id}/readings"
MAX_RAW_PAGE = 5000
MAX_POINTS = 4000
MAX_SPAN_S = 400 * 86_400  # a little over a year in one request
EPOCH_MAX = 32_503_680_000.0  # year 3000: beyond is not a reading time


class StationHistory(BaseModel):
    station_id: str
    start: float
    end: float
    downsampled: bool
    readings: list[tuple[float, float]]  # (epoch seconds, value), in time order
    next_after_t: float | None = None  # raw pages: ask again from here


def read_history(s: Session, station_id: str, start: float, end: float, after_t: float | None,
                 limit: int, points: int | None) -> StationHistory:
    con = s.connection()
    low = start if after_t is None else max(start, after_t)
    where = (ReadingRow.station_id == station_id, ReadingRow.t <= end,
             ReadingRow.t > low if after_t is not None else ReadingRow.t >= low)
    if points is None:
        rows = con.execute(select(ReadingRow.t, ReadingRow.value).where(*where)
                           .order_by(ReadingRow.t).limit(limit + 1)).all()
        more = len(rows) > limit
        rows = rows[:limit]
        return StationHistory(station_id=station_id, start=start, end=end, downsampled=False,
                              readings=[(t, value) for t, value in rows],  # (Row.t is the row as a tuple)
                              next_after_t=rows[-1][0] if more else None)
    step = max((end - start) / points, 1e-3)
    bucket = func.floor((ReadingRow.t - start) / step)
    grouped = con.execute(select(bucket.label("b"), func.min(ReadingRow.value), func.max(ReadingRow.value),
                                 func.min(ReadingRow.t), func.max(ReadingRow.t), func.count())
                          .where(*where).group_by(bucket).order_by(bucket)).all()
    readings: list[tuple[float, float]] = []
    for _b, lowest, highest, first_t, last_t, n in grouped:
        if n == 1 or lowest == highest:
            readings.append((float(first_t), float(lowest)))
        else:  # both extremes, at the bucket's first and last time (peak-preserving, as the chart draws)
            readings += [(float(first_t), float(lowest)), (float(last_t), float(highest))]
    return StationHistory(station_id=station_id, start=start, end=end, downsampled=True, readings=readings)


def history_router(engine: Any, can_read) -> APIRouter:
    router = APIRouter()

    @router.get(HISTORY_PATH, response_model=StationHistory, responses=errors(401, 403, 404, 422))
    def station_readings(
        station_id: str,
        _user: can_read,
        start: Annotated[float, Query(ge=0, le=EPOCH_MAX)],
        end: Annotated[float, Query(ge=0, le=EPOCH_MAX)],
        after_t: Annotated[float | None, Query(ge=0, le=EPOCH_MAX)] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_RAW_PAGE)] = 1000,
        points: Annotated[int | None, Query(ge=10, le=MAX_POINTS)] = None,
    ) -> StationHistory:
        """Readings of a station between `start` and `end` (epoch seconds):
        raw and paged, or with `points`, each bucket's lowest and highest."""
        if not 0 < len(station_id) <= STATION_ID_MAX:
            raise HTTPException(422, "bad station id")
        if end < start or end - start > MAX_SPAN_S:
            raise HTTPException(422, f"end must follow start, at most {MAX_SPAN_S // 86_400} days on")
        with Session(engine) as s:
            if s.get(StationRow, station_id) is None:
                raise HTTPException(404, "unknown station")
            return read_history(s, station_id, start, end, after_t, limit, points)

    return router
