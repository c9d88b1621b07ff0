"""A size limit on every request body, enforced before a route reads it: a body
announced larger than its route's limit is answered 413 unread, and one that
grows past it while it streams (chunked, or lying about its length) is cut off
at the limit, so no route ever holds more than its limit in memory. Pure ASGI
(no buffering of its own); imports nothing of the project."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from starlette.exceptions import HTTPException

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

DEFAULT_LIMIT = 64 * 1024


class BodyTooLarge(HTTPException):
    """Raised into the route that reads too far; an HTTPException, so the app's
    own handling answers 413 even where a framework catches errors of reading."""

    def __init__(self, limit: int):
        super().__init__(413, f"request body larger than {limit} bytes")
        self.limit = limit


class BodyLimit:
    """`limits` maps a path to its limit in bytes; every other path gets `default`."""

    def __init__(self, app: ASGIApp, limits: Mapping[str, int] | None = None, default: int = DEFAULT_LIMIT):
        self.app, self.limits, self.default = app, dict(limits or {}), default

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limits.get(scope.get("path", ""), self.default)
        announced = _content_length(scope)
        if announced is not None and announced > limit:
            await _too_large(send, limit)
            return
        received = 0
        started = False

        async def limited_receive() -> dict[str, Any]:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        async def tracking_send(message: dict[str, Any]) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLarge:
            if started:
                raise
            await _too_large(send, limit)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            return int(value) if value.isdigit() and len(value) < 20 else None
    return None


async def _too_large(send: Send, limit: int) -> None:
    body = json.dumps({"detail": f"request body larger than {limit} bytes"}).encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})
