"""The engine's conversation with one platform: log-in and the token per
endpoint, authenticated requests with one re-login on expiry, and the event
stream that says "there is more". Kept apart from the exchange logic
(engine.py) so each stays small; the errors here carry the codes the UI puts
into words (PROBLEMS)."""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Callable

import httpx
from pydantic import ValidationError

from services.sync.bounded_http import AnswerRefused, bounded
from services.sync.endpoint import Endpoint
from services.sync.tls import (
    TLS_PROBLEMS,
    TlsSettings,
    TlsSetupError,
    client_context,
    dropped_after_connecting,
    own_certificate_problem,
    tls_problem,
)
from services.sync.wire import API_PREFIX, Token

log = logging.getLogger("services.sync.engine")


class SyncError(Exception):
    """An exchange failed; the engine retries with backoff. `problem` is a code
    the UI turns into a sentence (see PROBLEMS)."""

    def __init__(self, message: str, problem: str = "bad_answer"):
        super().__init__(message)
        self.problem = problem


# Codes of SyncStatus.problem, for the UI's sentences.
PROBLEMS = ("unreachable", "connection_lost", "server_error", "bad_answer", "refused_request",
            "not_authorised", "login_refused", "login_throttled", "server_busy", "cert_refused", *TLS_PROBLEMS)


OWN_CERT_CHECK_S = 300.0  # how often a running session looks at its own certificate's validity again


class RequestRefused(SyncError):
    """The server refused the credentials or the request as such (4xx); `status`
    and `body` (the answer's JSON, or None) for callers that explain why."""

    def __init__(self, message: str, problem: str = "refused_request", status: int = 0, body=None):
        super().__init__(message, problem)
        self.status, self.body = status, body




class PlatformSession:
    """The HTTP client and the tokens; `on_login(username, role)` hears each log-in.
    Every request to the platform goes through `http`, whose one SSL context
    (services/sync/tls.py) verifies the platform and presents this workstation."""

    def __init__(self, client_id: str, *, timeout_s: float, transport: httpx.AsyncBaseTransport | None,
                 on_login: Callable[[str, str], None], tls: TlsSettings | None = None):
        self.client_id, self.on_login = client_id, on_login
        self._timeout_s, self._transport = timeout_s, transport
        self.tls, self.tls_error = tls or TlsSettings(), None
        try:
            self.ssl_context = client_context(self.tls)
        except TlsSetupError as exc:  # said in the status at the first exchange, never a crash at start
            self.tls_error, self.ssl_context = SyncError(str(exc), exc.problem), client_context(TlsSettings())
        self._checked = time.monotonic()
        self.http = self._client()
        self.tokens: dict[str, str] = {}

    def _client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(timeout=self._timeout_s, transport=self._transport, verify=self.ssl_context)

    def problem_of(self, exc: BaseException, url: str, problem: str) -> str:
        """Why a request got no answer: a TLS refusal says which. A platform that drops
        the connection before any answer, over HTTPS with this workstation's certificate,
        has most likely refused the certificate after the TLS 1.3 handshake (the alert is
        lost on the way, and the drop reads as a closed or a reset connection): said as a TLS failure, not as an unreachable platform."""
        found = tls_problem(exc)
        if found:
            return found
        if url.startswith("https://") and self.tls.client_cert and dropped_after_connecting(exc):
            return "tls_failed"
        return problem

    def failed(self, what: str, exc: BaseException, url: str, problem: str) -> SyncError:
        return SyncError(f"{what}: {exc}", self.problem_of(exc, url, problem))

    def ready(self) -> None:
        """Raises the TLS set-up failure, if any, before a request is tried without the configured
        files; the workstation's own certificate is looked at again every few minutes (it can
        expire while the program runs)."""
        if self.tls_error is None and time.monotonic() - self._checked > OWN_CERT_CHECK_S:
            self._checked = time.monotonic()
            expired = own_certificate_problem(self.tls)
            if expired is not None:
                self.tls_error = SyncError(str(expired), expired.problem)
        if self.tls_error is not None:
            raise self.tls_error

    def renew(self) -> None:
        """A new HTTP client for another event loop (each asyncio.run has its own); tokens kept."""
        self.http = self._client()

    async def aclose(self) -> None:
        await self.http.aclose()

    async def authed(self, endpoint: Endpoint, method: str, path: str, **kwargs) -> httpx.Response:
        self.ready()
        for attempt in range(2):
            token = self.tokens.get(endpoint.url) or await self.login(endpoint)
            headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
            try:
                response = await bounded(self.http, method, endpoint.url + API_PREFIX + path, headers=headers,
                                         **kwargs)
            except httpx.HTTPError as exc:
                raise self.failed(f"{method} {path}", exc, endpoint.url, "connection_lost") from exc
            except AnswerRefused as exc:
                raise SyncError(f"{method} {path}: {exc}", "bad_answer") from exc
            if response.status_code == 401 and attempt == 0:
                self.tokens.pop(endpoint.url, None)  # expired: log in again once
                continue
            if response.status_code >= 500:
                raise SyncError(f"{method} {path}: server error {response.status_code}", "server_error")
            if response.status_code >= 400:
                raise RequestRefused(f"{method} {path}: {response.status_code} {response.text[:300]}",
                                     "refused_request", response.status_code, _json_or_none(response))
            return response
        raise RequestRefused(f"{method} {path}: not authorised", "not_authorised")

    async def login(self, endpoint: Endpoint) -> str:
        self.ready()
        try:
            response = await bounded(
                self.http, "POST", endpoint.url + API_PREFIX + "/auth/login", limit=64 * 1024,
                # the workstation this mirror is: the platform records it beside the account
                json={"username": endpoint.username, "password": endpoint.password,
                      "workstation": self.client_id[:64]},
            )
        except httpx.HTTPError as exc:
            raise self.failed("login", exc, endpoint.url, "unreachable") from exc
        except AnswerRefused as exc:
            raise SyncError(f"login: {exc}", "bad_answer") from exc
        if response.status_code in (401, 403):
            if _detail(response).startswith("certificate: "):  # server/cert_auth.py REFUSED: not the password
                raise RequestRefused(f"login refused: {_detail(response)}", "cert_refused")
            raise RequestRefused("login refused: check the user name and password", "login_refused")
        if response.status_code == 429:
            raise SyncError("login: too many failed attempts, wait", "login_throttled")
        if response.status_code == 503:  # the platform checks few passwords at a time
            raise SyncError("login: the platform is busy, trying again soon", "server_busy")
        if response.status_code != 200:
            raise SyncError(f"login: {response.status_code}", "server_error")
        answer = parse(Token, response)
        self.tokens[endpoint.url] = answer.access_token
        self.on_login(answer.username, answer.role)
        return answer.access_token

    async def listen(self, endpoint: Endpoint, stopping: Callable[[], bool], news: Callable[[int], None]) -> None:
        """Server-sent events only say "there is more" (`news(seq)`); the feed stays the truth."""
        url, failures = endpoint.url, 0
        while not stopping():
            try:
                token = self.tokens.get(url) or await self.login(endpoint)
                headers = {"Authorization": f"Bearer {token}", "Accept": "text/event-stream"}
                async with self.http.stream(
                    "GET", url + API_PREFIX + "/events", headers=headers, timeout=None
                ) as response:
                    if response.status_code != 200:
                        raise SyncError(f"events: {response.status_code}")
                    failures = 0
                    async for line in response.aiter_lines():
                        if line.startswith("data:"):
                            news(int(line[5:].strip() or 0))
            except asyncio.CancelledError:
                raise
            except (httpx.HTTPError, SyncError, ValueError) as exc:
                failures += 1
                log.info("event stream interrupted: %s", exc)
            await asyncio.sleep(backoff(failures))


def _json_or_none(response: httpx.Response):
    try:
        return response.json()
    except ValueError:
        return None


def backoff(failures: int, base: float = 0.5, cap: float = 30.0) -> float:
    """Exponential backoff with full jitter, so many clients do not retry in step."""
    return random.uniform(0, min(cap, base * 2 ** min(failures, 10))) + 0.05


def _detail(response: httpx.Response) -> str:
    """The `detail` of a FastAPI refusal, "" for anything else."""
    try:
        detail = response.json().get("detail", "")
    except (ValueError, AttributeError):
        return ""
    return detail if isinstance(detail, str) else ""


def parse(model, response: httpx.Response):
    """A malformed, truncated or hostile answer becomes a SyncError, never a crash."""
    try:
        return model.model_validate_json(response.content)
    except (ValidationError, ValueError) as exc:
        raise SyncError(f"malformed answer from the server ({model.__name__})") from exc
