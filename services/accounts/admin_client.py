"""The client's side of the platform admin API and the log-out routes, over the
sync engine's authenticated request (the token it already holds). Every
refusal becomes AdminRefused with a code the view puts into Chinese
(views/accounts/messages.py): offline, forbidden, not_found, conflict,
password (with the policy's codes), invalid, failed."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from urllib.parse import quote

import httpx
from pydantic import ValidationError

from services.accounts import wire as w
from services.sync.platform_session import RequestRefused, SyncError
from services.sync.wire import API_PREFIX

Request = Callable[..., Awaitable[httpx.Response]]


class AdminRefused(Exception):
    def __init__(self, code: str, detail: str = "", password_codes: tuple[str, ...] = ()):
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code, self.detail, self.password_codes = code, detail, password_codes


def _refusal(exc: SyncError) -> AdminRefused:
    if not isinstance(exc, RequestRefused):
        return AdminRefused("offline", str(exc))
    if exc.problem == "not_authorised" or exc.status == 401:
        return AdminRefused("not_logged_in", str(exc))
    body = exc.body if isinstance(exc.body, dict) else {}
    detail = body.get("detail")
    if exc.status == 422 and isinstance(detail, list):
        codes = tuple(p["type"].removeprefix("password_policy.") for p in detail
                      if isinstance(p, dict) and str(p.get("type", "")).startswith("password_policy."))
        if codes:
            return AdminRefused("password", "", codes)
    code = {403: "forbidden", 404: "not_found", 409: "conflict", 422: "invalid"}.get(exc.status, "failed")
    return AdminRefused(code, detail if isinstance(detail, str) else "")


class AccountAdmin:
    """`request()`: the sync engine's request while logged in, else None."""

    def __init__(self, request: Callable[[], Request | None]):
        self._request = request

    async def _call(self, method: str, path: str, body: w._Strict | None = None) -> httpx.Response:
        request = self._request()
        if request is None:
            raise AdminRefused("not_logged_in")
        kwargs = {"content": body.model_dump_json()} if body is not None else {}
        try:
            return await request(method, path, **kwargs)
        except SyncError as exc:
            raise _refusal(exc) from exc

    async def directory(self) -> w.Directory:
        response = await self._call("GET", "/admin/directory")
        try:
            return w.Directory.model_validate_json(response.content)
        except (ValidationError, ValueError) as exc:
            raise AdminRefused("failed", "malformed answer") from exc

    async def create_user(self, username: str, password: str, role: str, clearance: int, unit_id: str = "") -> None:
        await self._call("POST", "/admin/users", _body(w.NewAccount, username=username, password=password, role=role,
                                                             clearance=clearance, unit_id=unit_id))

    async def set_role(self, username: str, role: str, unit_id: str | None = None) -> None:
        await self._call("PUT", f"/admin/users/{_q(username)}/role", _body(w.RoleChange, role=role, unit_id=unit_id))

    async def set_clearance(self, username: str, level: int) -> None:
        await self._call("PUT", f"/admin/users/{_q(username)}/clearance", _body(w.ClearanceChange, clearance=level))

    async def reset_password(self, username: str, password: str) -> None:
        await self._call("PUT", f"/admin/users/{_q(username)}/password", _body(w.PasswordReset, password=password))

    async def set_active(self, username: str, active: bool) -> None:
        await self._call("PUT", f"/admin/users/{_q(username)}/active", _body(w.ActiveChange, active=active))

    async def revoke_user(self, username: str) -> None:
        await self._call("POST", f"/admin/users/{_q(username)}/revoke")

    async def set_workstation_clearance(self, name: str, level: int) -> None:
        await self._call("PUT", f"/admin/workstations/{_q(name)}/clearance", _body(w.ClearanceChange, clearance=level))

    async def set_workstation_active(self, name: str, active: bool) -> None:
        await self._call("PUT", f"/admin/workstations/{_q(name)}/active", _body(w.ActiveChange, active=active))

    async def revoke_workstation(self, name: str) -> None:
        await self._call("POST", f"/admin/workstations/{_q(name)}/revoke")

    async def log_out(self, everywhere: bool = False) -> None:
        """This session (or every session of the account) ends on the platform."""
        path = w.LOGOUT_ALL_PATH if everywhere else w.LOGOUT_PATH
        await self._call("POST", path.removeprefix(API_PREFIX))


def _body(model: type[w._Strict], **fields) -> w._Strict:
    """The request body, or AdminRefused("invalid") for values it cannot hold (checked before sending)."""
    try:
        return model(**fields)
    except ValidationError as exc:
        raise AdminRefused("invalid", str(exc.errors()[0].get("loc", ""))) from None


def _q(name: str) -> str:
    return quote(name, safe="")
