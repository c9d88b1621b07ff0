"""A load generator for the platform, written on httpx and asyncio: writing
workstations that post op batches to /api/v1/ops as a client's outbox does
(services/sync/upload.py: batches in order, the same op_ids sent again until
acknowledged, the next endpoint on a transport error or a 5xx), and listeners on
/api/v1/events. Loopback only, bounded counts, a time limit: it stops by itself.

Why not Locust: its workers run on gevent, whose monkey-patching of sockets and
threads fights asyncio and httpx (and the platform's own test helpers), and it
brings a second runtime and web UI to keep; here the load reuses the wire
schemas (services/sync/wire.py) and the project's log-in as they are, and the
numbers come back as Python values the benchmarks and tests check."""

from __future__ import annotations

import asyncio
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

import httpx

from services.sync.wire import API_PREFIX, MAX_BATCH_OPS, LoginRequest, Op, OpBatch

AT = "2026-11-22T08:00:00.000+00:00"  # the ops' client time: a fixed one, never the wall clock
ACKNOWLEDGED = ("applied", "duplicate")


class LoadFailed(RuntimeError):
    """The load could not do what it was asked within its limits (no endpoint answered,
    an op refused): the figures would be wrong, so there are none."""


def loopback_only(url: str) -> str:
    host = httpx.URL(url).host
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise LoadFailed(f"the load generator runs on loopback only, not against {host}")
    return url.rstrip("/")


@dataclass(frozen=True)
class Account:
    username: str
    password: str
    workstation: str


async def login(client: httpx.AsyncClient, url: str, account: Account, deadline: float) -> dict[str, str]:
    """A bearer header; waits out the hash gate's 503 (Retry-After) until `deadline`."""
    body = LoginRequest(username=account.username, password=account.password,
                        workstation=account.workstation).model_dump()
    while True:
        response = await client.post(loopback_only(url) + API_PREFIX + "/auth/login", json=body)
        if response.status_code == 200:
            return {"Authorization": "Bearer " + response.json()["access_token"]}
        if response.status_code not in (429, 503) or time.monotonic() > deadline:
            raise LoadFailed(f"log-in of {account.username} at {url}: {response.status_code} {response.text[:200]}")
        await asyncio.sleep(min(1.0, float(response.headers.get("Retry-After", "0.2") or 0.2)))


def incident_batch(site: str, number: int, ops: int) -> list[dict[str, Any]]:
    """One incident created and ops - 1 notes on it, shaped as services/incidents sends
    them (checked against the wire's Op): the set-based path of both kinds."""
    incident = str(uuid.uuid4())
    payload = {"id": incident, "site_code": site, "code": f"2026-{number:05d}", "title": f"负载{site}-{number}",
               "category": "natural", "severity": "IV", "status": "received", "occurred_at": AT,
               "reported_at": AT, "source": "phone"}
    out = [_op("incident", incident, "create", payload, site)]
    for k in range(ops - 1):
        entry = str(uuid.uuid4())
        out.append(_op("entry", entry, "append", {
            "id": entry, "incident_id": incident, "kind": "note", "body": f"续报{k}", "data": {},
            "author": "负载", "created_at": AT}, site))
    return out


def _op(entity: str, entity_id: str, kind: str, payload: dict[str, Any], site: str) -> dict[str, Any]:
    return Op(op_id=str(uuid.uuid4()), entity=entity, entity_id=entity_id, op=kind, base_version=0,
              payload=payload, priority=1, created_at=AT, site_code=site).model_dump()


@dataclass
class Tally:
    """What the writers were told: every acknowledged op (op_id -> entity, entity_id,
    status), the ops sent again, and the moves to another endpoint."""

    acknowledged: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    sent_again: set[str] = field(default_factory=set)
    failovers: int = 0
    batches: int = 0


class Writer:
    """One workstation: its account and mirror id, its endpoints in its own order."""

    def __init__(self, client: httpx.AsyncClient, endpoints: list[str], account: Account, site: str,
                 tally: Tally, deadline: float) -> None:  # fmt: skip
        self.client, self.account, self.site, self.tally = client, account, site, tally
        self.endpoints = [loopback_only(u) for u in endpoints]
        self.deadline = deadline
        self.current = 0
        self.headers: dict[str, str] | None = None

    async def connect(self) -> None:
        self.headers = await login(self.client, self.endpoints[self.current], self.account, self.deadline)

    def encode(self, ops: list[dict[str, Any]]) -> str:
        """The request body, checked against the wire's OpBatch (done before a timed run)."""
        require_batch(ops)
        return OpBatch(client_id=self.account.workstation, ops=ops).model_dump_json()

    async def send(self, ops: list[dict[str, Any]], body: str | None = None) -> list[dict[str, Any]]:
        """Until acknowledged: a transport error or a 5xx moves to the next endpoint
        (logging in there) and sends the same ops, op_ids and all, again."""
        body = self.encode(ops) if body is None else body
        first = True
        while True:
            if time.monotonic() > self.deadline:
                raise LoadFailed(f"{self.account.username}: no endpoint acknowledged a batch in time")
            if not first:
                self.tally.sent_again.update(op["op_id"] for op in ops)
            first = False
            try:
                if self.headers is None:
                    await self.connect()
                response = await self.client.post(self.endpoints[self.current] + API_PREFIX + "/ops",
                                                  content=body, headers={**(self.headers or {}),
                                                                         "Content-Type": "application/json"})
            except (httpx.TransportError, LoadFailed):
                await self._fail_over()
                continue
            if response.status_code == 401:
                self.headers = None
                continue
            if response.status_code >= 500:
                await self._fail_over()
                continue
            if response.status_code != 200:
                raise LoadFailed(f"{self.account.username}: ops answered {response.status_code} {response.text[:200]}")
            results = response.json()["results"]
            self.tally.batches += 1
            for op, result in zip(ops, results, strict=True):
                if result["op_id"] != op["op_id"] or result["status"] not in ACKNOWLEDGED:
                    raise LoadFailed(f"op {op['op_id']} answered {result}")
                self.tally.acknowledged[op["op_id"]] = (op["entity"], op["entity_id"], result["status"])
            return results

    async def _fail_over(self) -> None:
        self.tally.failovers += 1
        self.current = (self.current + 1) % len(self.endpoints)
        self.headers = None
        await asyncio.sleep(0.05)  # not a spin when every endpoint is down

    def prepare(self, batches: int, ops_per_batch: int, first_number: int = 1) -> list[tuple[list, str]]:
        """`batches` batches of `ops_per_batch` ops, encoded: what run() sends."""
        out = []
        for n in range(batches):
            ops = incident_batch(self.site, first_number + n, ops_per_batch)
            out.append((ops, self.encode(ops)))
        return out

    async def run(self, prepared: list[tuple[list, str]]) -> None:
        for ops, body in prepared:
            await self.send(ops, body)


def require_batch(ops: list[dict[str, Any]]) -> None:
    if not 1 <= len(ops) <= MAX_BATCH_OPS:
        raise LoadFailed(f"{len(ops)} ops in a batch; 1 to {MAX_BATCH_OPS}")


class Listener:
    """One event stream: every seq it is told, with when (time.monotonic())."""

    def __init__(self, client: httpx.AsyncClient, url: str, headers: dict[str, str]) -> None:
        self.client, self.url, self.headers = client, loopback_only(url), headers
        self.heard: list[tuple[float, int]] = []
        self.opened = asyncio.Event()
        self.changed = asyncio.Event()
        self.error: BaseException | None = None

    @property
    def latest(self) -> int:
        return self.heard[-1][1] if self.heard else -1

    def told_at(self, seq: int) -> float | None:
        """When this stream first said a seq at least `seq`."""
        return next((t for t, s in self.heard if s >= seq), None)

    async def run(self) -> None:
        try:
            async with self.client.stream("GET", self.url + API_PREFIX + "/events", headers=self.headers,
                                          timeout=httpx.Timeout(10, read=60)) as response:
                if response.status_code != 200:
                    raise LoadFailed(f"event stream at {self.url}: {response.status_code}")
                async for line in response.aiter_lines():
                    if line.startswith("data:"):
                        self.heard.append((time.monotonic(), int(line[5:])))
                        self.opened.set()
                        self.changed.set()
        except (httpx.TransportError, LoadFailed) as exc:
            self.error = exc
            self.opened.set()
            self.changed.set()


async def until_told(listeners: list[Listener], seq: int, timeout: float) -> None:
    """Returns once every listener has said `seq` or more; LoadFailed after `timeout`."""
    deadline = time.monotonic() + timeout
    for listener in listeners:
        while listener.latest < seq:
            if listener.error is not None:
                raise LoadFailed(f"a listener's stream ended: {listener.error!r}")
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise LoadFailed(f"a listener at {listener.url} was told {listener.latest}, not {seq}")
            listener.changed.clear()
            try:
                await asyncio.wait_for(listener.changed.wait(), min(remaining, 1.0))
            except TimeoutError:
                pass


def client(connections: int) -> httpx.AsyncClient:
    """One pool for the whole load: as many connections as streams and writers need."""
    return httpx.AsyncClient(timeout=httpx.Timeout(30, connect=5),
                             limits=httpx.Limits(max_connections=connections, max_keepalive_connections=connections))


async def listen_all(http: httpx.AsyncClient, places: list[tuple[str, dict[str, str]]],
                     timeout: float) -> tuple[list[Listener], list[asyncio.Task]]:  # fmt: skip
    """Listeners at (url, headers), each one's stream open (its first seq said) before it returns."""
    listeners = [Listener(http, url, headers) for url, headers in places]
    tasks = [asyncio.create_task(listener.run()) for listener in listeners]
    try:
        await asyncio.wait_for(asyncio.gather(*(listener.opened.wait() for listener in listeners)), timeout)
    except TimeoutError:
        raise LoadFailed(f"{sum(not x.heard for x in listeners)} of {len(listeners)} streams did not open") from None
    broken = [x.error for x in listeners if x.error is not None]
    if broken:
        raise LoadFailed(f"{len(broken)} streams failed to open: {broken[0]!r}")
    return listeners, tasks


async def stop(tasks: list[asyncio.Task]) -> None:
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


async def catch_up(http: httpx.AsyncClient, url: str, headers: dict[str, str], until: int,
                   page: int = 1000) -> int:  # fmt: skip
    """Reads the change feed from the start as a new mirror's catch-up does, to `until`;
    returns the number of changes read."""
    after, read = 0, 0
    while True:
        response = await _get(http, loopback_only(url) + API_PREFIX + "/changes",
                              {"after": after, "limit": page}, headers)
        if response.status_code != 200:
            raise LoadFailed(f"catch-up at {url}: {response.status_code} {response.text[:200]}")
        body = response.json()
        read += len(body["changes"])
        after = body["next_after"]
        if not body["has_more"]:
            break
    if after < until:
        raise LoadFailed(f"catch-up at {url} stopped at {after}, not {until}")
    return read


async def _get(http: httpx.AsyncClient, url: str, params: dict[str, Any], headers: dict[str, str],
               attempts: int = 3) -> httpx.Response:  # fmt: skip
    """A GET (idempotent) asked again on a transport error: a pooled connection the
    server closed as idle (uvicorn's keep-alive) fails on reuse, as a client's would."""
    for attempt in range(attempts):
        try:
            return await http.get(url, params=params, headers=headers)
        except httpx.TransportError:
            if attempt == attempts - 1:
                raise
    raise AssertionError("unreachable")
