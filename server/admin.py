"""The account commands of `watchroom-server` (--create-user, --set-role,
--set-password, --set-clearance, --deactivate, --activate, --revoke-tokens, and
the same for workstations, --list-accounts): each one that must end sessions
bumps a token version in the database, so every replica refuses the old tokens
within seconds (server/accounts.py, server/workstations.py). A new password
passes the same policy as the admin API's (services/accounts/password_policy.py).
Each command appends an `admin` audit record (server/audit.py)."""

from __future__ import annotations

import argparse
import getpass
import sys

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from server import accounts, audit, auth, workstations
from server.db import Database, UserRow, WorkstationRow, open_database
from server.op_checks import OpRejected
from services.accounts.password_policy import PasswordPolicy, PasswordRejected, check


def read_password(stream=None) -> str:
    """A prompt on a terminal; the first line of a pipe otherwise (for scripts)."""
    stream = stream or sys.stdin
    if stream.isatty():
        first = getpass.getpass("Password: ")
        if first != getpass.getpass("Again: "):
            raise SystemExit("passwords differ")
        return first
    return stream.readline().rstrip("\r\n")


def _new_password(username: str, policy: PasswordPolicy) -> str:
    password = read_password()
    try:
        check(policy, password, username)
    except PasswordRejected as exc:
        raise SystemExit(str(exc)) from None
    return password


def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("accounts (each command runs and exits)")
    group.add_argument("--create-user", metavar="NAME", help="create a user (password from stdin)")
    group.add_argument("--role", choices=auth.ROLES, help="role of --create-user or --set-role")
    group.add_argument("--unit", metavar="RESOURCE_ID", default=None,
                       help="the unit (resource or team id) a field_unit account reports for")
    group.add_argument("--site", metavar="CODE", default="",
                       help="bind the account to one site: its uploads must carry this site code")
    group.add_argument("--set-role", metavar="NAME", help="give a user another --role (ends its sessions)")
    group.add_argument("--set-password", metavar="NAME", help="new password from stdin (ends its sessions)")
    group.add_argument("--deactivate", metavar="NAME", help="refuse this user's log-ins and end its sessions")
    group.add_argument("--activate", metavar="NAME", help="let a deactivated user log in again")
    group.add_argument("--revoke-tokens", metavar="NAME", help="end every session of this user now")
    group.add_argument("--set-clearance", metavar="NAME", help="give a user the --clearance (0..9)")
    group.add_argument("--clearance", type=int, default=None, metavar="N",
                       help="clearance of --create-user, --set-clearance or --set-workstation-clearance")
    group.add_argument("--set-workstation-clearance", metavar="NAME", help="give a workstation the --clearance")
    group.add_argument("--deactivate-workstation", metavar="NAME", help="refuse log-ins from it, end its sessions")
    group.add_argument("--activate-workstation", metavar="NAME", help="let a deactivated workstation log in again")
    group.add_argument("--revoke-workstation", metavar="NAME", help="end every session on this workstation now")
    group.add_argument("--list-accounts", action="store_true", help="print the accounts and workstations")


def check_arguments(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    if (args.create_user or args.set_role) and not args.role:
        parser.error("--create-user and --set-role need --role")
    if args.create_user and args.role == "field_unit" and not args.unit:
        parser.error("a field_unit account needs --unit RESOURCE_ID")
    if (args.set_clearance or args.set_workstation_clearance) and args.clearance is None:
        parser.error("--set-clearance and --set-workstation-clearance need --clearance N")


_COMMANDS = ("create_user", "set_role", "set_password", "deactivate", "activate", "revoke_tokens", "set_clearance",
             "set_workstation_clearance", "deactivate_workstation", "activate_workstation", "revoke_workstation",
             "list_accounts")


def wanted(args: argparse.Namespace) -> bool:
    return any(getattr(args, name) for name in _COMMANDS)


def run(url: str, args: argparse.Namespace, policy: PasswordPolicy | None = None) -> str:
    """Carries out the account command of `args`; returns what to print."""
    name = args.create_user or args.set_password
    password = _new_password(name, policy or PasswordPolicy()) if name else ""
    db = open_database(url)
    try:
        return _carry_out(db, args, password)
    except IntegrityError:
        raise SystemExit(f"user {args.create_user} exists already") from None
    finally:
        db.dispose()


def _carry_out(db: Database, args: argparse.Namespace, password: str) -> str:
    """The command and its audit record (by the operating-system account that ran
    it), in one transaction: no account change without its record."""
    with Session(db.write) as s, s.begin():
        try:
            said = _command(s, args, password)
        except (LookupError, ValueError, OpRejected) as exc:  # OpRejected: a name its column cannot hold
            raise SystemExit(str(exc)) from None
        if not args.list_accounts:  # a listing changes nothing
            station = any(getattr(args, f) for f in _STATION_FLAGS)
            audit.append(s, audit.ADMIN, cli_principal(), "workstation" if station else "user", _target(args),
                         _what(args))
        return said


def cli_principal() -> str:
    """Who ran a command on the platform's host: "cli:" and the OS account."""
    try:
        return "cli:" + getpass.getuser()[:90]
    except (KeyError, OSError):
        return "cli:?"


_STATION_FLAGS = ("set_workstation_clearance", "deactivate_workstation", "activate_workstation",
                  "revoke_workstation")
_FLAGS = ("create_user", "set_role", "set_password", "deactivate", "activate", "revoke_tokens", "set_clearance",
          *_STATION_FLAGS)


def _target(args: argparse.Namespace) -> str:
    return next((getattr(args, f) for f in _FLAGS if getattr(args, f)), "")[:64]


def _what(args: argparse.Namespace) -> dict:
    """The command's name and settings, never a password."""
    for flag in _FLAGS:
        if getattr(args, flag):
            detail = {"command": flag.replace("_", "-")}
            if flag in ("create_user", "set_role"):
                detail.update(role=args.role, unit=args.unit or "", site=args.site or "")
            if args.clearance is not None:
                detail["clearance"] = args.clearance
            return detail
    return {}


def _command(s: Session, args: argparse.Namespace, password: str) -> str:
    if args.create_user:
        user = auth.create_user(s, args.create_user, password, args.role, unit_id=args.unit or "",
                                site_code=args.site)
        if args.clearance is not None:
            user.clearance = workstations.check_clearance(args.clearance)
        return f"user {args.create_user} ({args.role}) created"
    if args.list_accounts:
        return _listing(s)
    if args.set_clearance:
        accounts.set_clearance(s, args.set_clearance, args.clearance)
        return f"user {args.set_clearance} now has clearance {args.clearance}"
    station = _workstation_command(s, args)
    if station:
        return station
    if args.set_role:
        accounts.set_role(s, args.set_role, args.role, args.unit)
        return f"user {args.set_role} is now {args.role}; its sessions are ended"
    if args.set_password:
        accounts.set_password(s, args.set_password, password)
        return f"password of {args.set_password} changed; its sessions are ended"
    if args.deactivate:
        accounts.set_active(s, args.deactivate, False)
        return f"user {args.deactivate} deactivated; its sessions are ended"
    if args.activate:
        accounts.set_active(s, args.activate, True)
        return f"user {args.activate} may log in again"
    accounts.revoke_tokens(s, args.revoke_tokens)
    return f"every session of {args.revoke_tokens} is ended"


def _workstation_command(s: Session, args: argparse.Namespace) -> str:
    if args.set_workstation_clearance:
        workstations.set_clearance(s, args.set_workstation_clearance, args.clearance)
        return f"workstation {args.set_workstation_clearance} now has clearance {args.clearance}"
    if args.deactivate_workstation:
        workstations.set_active(s, args.deactivate_workstation, False)
        return f"workstation {args.deactivate_workstation} deactivated; its sessions are ended"
    if args.activate_workstation:
        workstations.set_active(s, args.activate_workstation, True)
        return f"workstation {args.activate_workstation} may log in again"
    if args.revoke_workstation:
        workstations.revoke(s, args.revoke_workstation)
        return f"every session on workstation {args.revoke_workstation} is ended"
    return ""


def _listing(s: Session) -> str:
    lines = ["accounts:"]
    for u in s.scalars(select(UserRow).order_by(UserRow.username)):
        lines.append(f"  {u.username}\t{u.role}\tclearance {u.clearance}\t{'active' if u.active else 'inactive'}")
    lines.append("workstations:")
    for w in s.scalars(select(WorkstationRow).order_by(WorkstationRow.name)):
        lines.append(f"  {w.name}\tclearance {w.clearance}\t{'active' if w.active else 'inactive'}")
    return "\n".join(lines)
