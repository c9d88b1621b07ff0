"""POST /api/v1/monitoring/readings: a batch of readings from a sensor gateway
or a neighbouring platform, each answered on its own (server/readings.py).
The body is parsed by hand so an unusable number (NaN, 1e999) refuses its
item, not the batch. GET /api/v1/monitoring/stations: the stations a gateway
posts for (id, STCD, kind, unit, organisation), so a gateway account needs
no feed access (server/app.py: who may call which).

No `from __future__ import annotations` here: the route's dependency is a
parameter of monitoring_router, which FastAPI must see as an object."""

import json
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect

from server.http_errors import errors
from services.monitoring.contract import MAX_BATCH_READINGS
from services.text_rules import JSON_NUMBERS

READINGS_PATH = "/monitoring/readings"
STATIONS_PATH = "/monitoring/stations"
MAX_READINGS_BYTES = 2 * 1024 * 1024
WriteReadings = Callable[[list[Any], Any], Awaitable[list[dict[str, Any]]]]


class StationInfo(BaseModel):
    id: str
    code: str  # STCD, "" for none
    name: str
    kind: str
    unit: str
    org: str


class StationList(BaseModel):
    stations: list[StationInfo]


class ReadingAnswer(BaseModel):
    index: int
    status: str  # duplicate | refused
    reason: str


class ReadingsResult(BaseModel):
    applied: int
    duplicate: int
    refused: int
    items: list[ReadingAnswer]  # the items not applied, with why


def monitoring_router(write_readings: WriteReadings, actor_for: Callable, can_post,
                      list_stations: Callable[[], list[dict[str, Any]]], can_list) -> APIRouter:
    router = APIRouter()

    @router.get(STATIONS_PATH, response_model=StationList, responses=errors(401, 403))
    async def get_stations(_user: can_list) -> StationList:
        """Every station, by id: what a gateway needs to name the stations it posts for."""
        rows = await run_in_threadpool(list_stations)
        return StationList(stations=[StationInfo(**row) for row in rows])

    @router.post(READINGS_PATH, response_model=ReadingsResult, responses=errors(400, 401, 403, 413, 422),
                 openapi_extra={"requestBody": {"required": True, "content": {"application/json": {"schema": {
                     "type": "object", "required": ["readings"], "properties": {"readings": {
                         "type": "array", "maxItems": MAX_BATCH_READINGS, "items": {
                             "type": "object", "required": ["station", "time", "value"],
                             "properties": {"station": {"type": "string"}, "time": {"type": "string"},
                                            "value": {"type": "number"}}}}}}}}}})
    async def post_readings(request: Request, user: can_post) -> ReadingsResult:
        """`{"readings": [{"station": id or STCD, "time": ISO-8601 with zone, "value": number}]}`.
        Idempotent on station + time; refused items say why, the rest are stored."""
        try:
            body = await request.body()
        except ClientDisconnect:
            raise HTTPException(400, "the client disconnected before the body ended") from None
        try:
            batch = json.loads(body, **JSON_NUMBERS)
        except (ValueError, RecursionError):
            raise HTTPException(422, "request body is not JSON") from None
        if not isinstance(batch, dict) or set(batch) != {"readings"} or not isinstance(batch["readings"], list):
            raise HTTPException(422, 'request body must be {"readings": [...]}')
        items = batch["readings"]
        if len(items) > MAX_BATCH_READINGS:
            raise HTTPException(413, f"{len(items)} readings in one batch; at most {MAX_BATCH_READINGS}")
        answers = await write_readings(items, actor_for(user))
        counts = {"applied": 0, "duplicate": 0, "refused": 0}
        for answer in answers:
            counts[answer["status"]] += 1
        return ReadingsResult(**counts, items=[ReadingAnswer(index=i, **a) for i, a in enumerate(answers)
                                               if a["status"] != "applied"])

    return router
