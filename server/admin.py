"""The account commands of `watchroom-server` (--create-user, --set-role,
--set-password, --deactivate, --activate, --revoke-tokens): each one that must
end an account's sessions bumps its token version in the database, so every
replica refuses the old tokens within seconds (server/accounts.py). Each
command appends an `admin` audit record (server/audit.py)."""

from __future__ import annotations

import argparse
import getpass
import sys

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from server import accounts, audit, auth
from server.db import Database, open_database
from server.op_checks import OpRejected

MIN_PASSWORD = 8


def read_password(stream=None) -> str:
    """A prompt on a terminal; the first line of a pipe otherwise (for scripts)."""
    stream = stream or sys.stdin
    if stream.isatty():
        first = getpass.getpass("Password: ")
        if first != getpass.getpass("Again: "):
            raise SystemExit("passwords differ")
        return first
    return stream.readline().rstrip("\r\n")


def _new_password() -> str:
    password = read_password()
    if len(password) < MIN_PASSWORD:
        raise SystemExit(f"password must have at least {MIN_PASSWORD} characters")
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


def check_arguments(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    if (args.create_user or args.set_role) and not args.role:
        parser.error("--create-user and --set-role need --role")
    if args.create_user and args.role == "field_unit" and not args.unit:
        parser.error("a field_unit account needs --unit RESOURCE_ID")


def wanted(args: argparse.Namespace) -> bool:
    return any((args.create_user, args.set_role, args.set_password, args.deactivate, args.activate,
                args.revoke_tokens))


def run(url: str, args: argparse.Namespace) -> str:
    """Carries out the account command of `args`; returns what to print."""
    password = _new_password() if args.create_user or args.set_password else ""
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
        audit.append(s, audit.ADMIN, cli_principal(), "user", _target(args), _what(args))
        return said


def cli_principal() -> str:
    """Who ran a command on the platform's host: "cli:" and the OS account."""
    try:
        return "cli:" + getpass.getuser()[:90]
    except (KeyError, OSError):
        return "cli:?"


def _target(args: argparse.Namespace) -> str:
    return (args.create_user or args.set_role or args.set_password or args.deactivate or args.activate
            or args.revoke_tokens or "")[:64]


def _what(args: argparse.Namespace) -> dict:
    """The command's name and settings, never a password."""
    for flag in ("create_user", "set_role", "set_password", "deactivate", "activate", "revoke_tokens"):
        if getattr(args, flag):
            detail = {"command": flag.replace("_", "-")}
            if flag in ("create_user", "set_role"):
                detail.update(role=args.role, unit=args.unit or "", site=args.site or "")
            return detail
    return {}


def _command(s: Session, args: argparse.Namespace, password: str) -> str:
    if args.create_user:
        auth.create_user(s, args.create_user, password, args.role, unit_id=args.unit or "", site_code=args.site)
        return f"user {args.create_user} ({args.role}) created"
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
