"""Log-out (this session, or every session of the account), one's own password,
and the platform admin API: list accounts and workstations, create an account,
set its role or clearance, reset its password, deactivate or activate it,
revoke its sessions; the same for workstations. Admin only (server/auth.py
require); each action is attributed to the token's account and said to the
account events (server/account_events.py). A password the policy refuses is
422 with one problem per rule, typed `password_policy.<code>` for the client's
Chinese. An admin may not deactivate or demote itself (the last admin would
lock everyone out)."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter, HTTPException, Path
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from server import accounts, audit, auth, workstations
from server.account_events import AccountEvent, AccountEvents
from server.auth import Principal
from server.db import Database, UserRow, WorkstationRow
from server.http_errors import errors
from server.op_checks import OpRejected
from services.accounts import password_policy as pp
from services.accounts import wire as w
from services.sync.wire import API_PREFIX
from services.text_rules import text_problem

ADMIN = ("admin",)
ANYONE = tuple(auth.ROLES)


def policy_refusal(exc: pp.PasswordRejected) -> HTTPException:
    return HTTPException(422, [{"loc": ["body", "password"], "msg": str(exc), "type": f"password_policy.{code}"}
                               for code in exc.codes])


def _info(u: UserRow) -> w.AccountInfo:
    return w.AccountInfo(username=u.username, role=u.role, active=u.active, clearance=u.clearance,
                         unit_id=u.unit_id, site_code=u.site_code)


def account_router(db: Database, policy: pp.PasswordPolicy, events: AccountEvents, state) -> APIRouter:
    """`state`: app.state (its accounts, workstations and sessions caches)."""
    router = APIRouter()
    anyone, admin = auth.require(*ANYONE), auth.require(*ADMIN)

    def emit(p: Principal, kind: str, target: str = "", **detail) -> None:
        events.emit(AccountEvent(kind, p.username, p.workstation, target, detail))

    def change(p: Principal, kind: str, target: str, act: Callable[[Session], None], **detail) -> None:
        problem = text_problem(target)
        if problem:
            raise HTTPException(422, f"name holds {problem}")
        try:
            with Session(db.write) as s, s.begin():
                act(s)  # and its audit record in the same transaction: no change without its record
                action = (audit.CLEARANCE if "clearance" in kind else audit.LOGOUT if kind == "logout_all"
                          else audit.ADMIN)
                audit.append(s, action, p.username, "workstation" if "workstation" in kind else "user", target,
                             {"command": kind, **detail}, workstation=p.workstation)
        except LookupError as exc:
            raise HTTPException(404, str(exc)) from None
        except pp.PasswordRejected as exc:
            raise policy_refusal(exc) from None
        except (ValueError, OpRejected) as exc:
            raise HTTPException(422, str(exc)) from None
        state.accounts.forget(target)
        state.workstations.forget(target)
        if "clearance" in kind:  # this replica filters by the new clearance at once, others within seconds
            state.clearances.forget()
        emit(p, kind, target, **detail)

    @router.post(w.LOGOUT_PATH.removeprefix(API_PREFIX), status_code=204, responses=errors(401, 403))
    def logout(p: Principal = anyone) -> None:
        if p.session:
            state.sessions.end(p.session)
        audit.in_own_transaction(db, audit.LOGOUT, p.username, "user", p.username, workstation=p.workstation)
        emit(p, "logout", p.username)

    @router.post(w.LOGOUT_ALL_PATH.removeprefix(API_PREFIX), status_code=204, responses=errors(401, 403))
    def logout_everywhere(p: Principal = anyone) -> None:
        change(p, "logout_all", p.username, lambda s: accounts.revoke_tokens(s, p.username))

    @router.put(w.PASSWORD_PATH.removeprefix(API_PREFIX), status_code=204, responses=errors(400, 401, 403, 413, 422))
    def own_password(body: w.OwnPassword, p: Principal = anyone) -> None:
        def act(s: Session) -> None:
            if auth.check_login(s, p.username, body.old_password) is None:
                raise HTTPException(403, "the present password is wrong")
            pp.check(policy, body.new_password, p.username)
            accounts.set_password(s, p.username, body.new_password)
        change(p, "change_password", p.username, act)

    @router.get("/admin/directory", response_model=w.Directory, responses=errors(401, 403))
    def directory(_p: Principal = admin) -> w.Directory:
        with Session(db.engine) as s:
            users = s.scalars(select(UserRow).order_by(UserRow.username)).all()
            stations = s.scalars(select(WorkstationRow).order_by(WorkstationRow.name)).all()
            return w.Directory(accounts=[_info(u) for u in users],
                               workstations=[w.WorkstationInfo(name=r.name, clearance=r.clearance, active=r.active,
                                                               cert_subject=r.cert_subject, created_at=r.created_at)
                                             for r in stations],
                               policy=w.PolicyInfo(**policy.describe()))

    User = Path(min_length=1, max_length=100)
    Station = Path(min_length=1, max_length=64)

    @router.post("/admin/users", response_model=w.AccountInfo, status_code=201,
                 responses=errors(400, 401, 403, 409, 413, 422))
    def create_user(body: w.NewAccount, p: Principal = admin) -> w.AccountInfo:
        def act(s: Session) -> None:
            pp.check(policy, body.password, body.username)
            user = auth.create_user(s, body.username, body.password, body.role, unit_id=body.unit_id,
                                    site_code=body.site_code)
            user.clearance = workstations.check_clearance(body.clearance)
        try:
            change(p, "create_user", body.username, act, role=body.role, clearance=body.clearance)
        except IntegrityError:
            raise HTTPException(409, f"user {body.username} exists already") from None
        return _read(body.username)

    def _read(username: str) -> w.AccountInfo:
        with Session(db.engine) as s:
            return _info(s.scalar(select(UserRow).where(UserRow.username == username)))

    def not_self(p: Principal, username: str, what: str) -> None:
        if p.username == username:
            raise HTTPException(409, f"an admin may not {what} its own account")

    @router.put("/admin/users/{username}/role", response_model=w.AccountInfo, responses=errors(400, 401, 403, 404, 409, 413, 422))
    def set_role(body: w.RoleChange, username: str = User, p: Principal = admin) -> w.AccountInfo:
        if body.role != "admin":
            not_self(p, username, "demote")
        change(p, "set_role", username, lambda s: accounts.set_role(s, username, body.role, body.unit_id),
               role=body.role)
        return _read(username)

    @router.put("/admin/users/{username}/clearance", response_model=w.AccountInfo,
                responses=errors(400, 401, 403, 404, 413, 422))
    def set_clearance(body: w.ClearanceChange, username: str = User, p: Principal = admin) -> w.AccountInfo:
        change(p, "set_clearance", username, lambda s: accounts.set_clearance(s, username, body.clearance),
               clearance=body.clearance)
        return _read(username)

    @router.put("/admin/users/{username}/password", status_code=204, responses=errors(400, 401, 403, 404, 413, 422))
    def reset_password(body: w.PasswordReset, username: str = User, p: Principal = admin) -> None:
        def act(s: Session) -> None:
            pp.check(policy, body.password, username)
            accounts.set_password(s, username, body.password)
        change(p, "reset_password", username, act)

    @router.put("/admin/users/{username}/active", response_model=w.AccountInfo,
                responses=errors(400, 401, 403, 404, 409, 413, 422))
    def set_active(body: w.ActiveChange, username: str = User, p: Principal = admin) -> w.AccountInfo:
        if not body.active:
            not_self(p, username, "deactivate")
        change(p, "activate" if body.active else "deactivate", username,
               lambda s: accounts.set_active(s, username, body.active))
        return _read(username)

    @router.post("/admin/users/{username}/revoke", status_code=204, responses=errors(401, 403, 404, 422))
    def revoke_user(username: str = User, p: Principal = admin) -> None:
        change(p, "revoke_sessions", username, lambda s: accounts.revoke_tokens(s, username))

    @router.put("/admin/workstations/{name}/clearance", status_code=204, responses=errors(400, 401, 403, 404, 413, 422))
    def station_clearance(body: w.ClearanceChange, name: str = Station, p: Principal = admin) -> None:
        change(p, "set_workstation_clearance", name, lambda s: workstations.set_clearance(s, name, body.clearance),
               clearance=body.clearance)

    @router.put("/admin/workstations/{name}/active", status_code=204, responses=errors(400, 401, 403, 404, 413, 422))
    def station_active(body: w.ActiveChange, name: str = Station, p: Principal = admin) -> None:
        change(p, "activate_workstation" if body.active else "deactivate_workstation", name,
               lambda s: workstations.set_active(s, name, body.active))

    @router.post("/admin/workstations/{name}/revoke", status_code=204, responses=errors(401, 403, 404, 422))
    def station_revoke(name: str = Station, p: Principal = admin) -> None:
        change(p, "revoke_workstation", name, lambda s: workstations.revoke(s, name))

    return router

