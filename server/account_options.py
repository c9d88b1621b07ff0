"""The options of `watchroom-server` about sessions and passwords: token
lifetime, idle timeout, what to do with an unknown workstation, and the
password policy (applied by the admin API and the account commands alike)."""

from __future__ import annotations

import argparse
from datetime import timedelta
from typing import Any

from server.workstations import ENROL_REFUSE, ENROL_REGISTER
from services.accounts.password_policy import PasswordPolicy
from services.accounts.wire import CLEARANCE_MAX, CLEARANCE_MIN

DEFAULT_IDLE_MINUTES = 30


def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("sessions and passwords")
    group.add_argument("--token-hours", type=float, default=12.0, metavar="H",
                       help="how long a log-in lasts at most (default 12; 0.1 to 168)")
    group.add_argument("--idle-minutes", type=float, default=DEFAULT_IDLE_MINUTES, metavar="M",
                       help=f"a session with no request for M minutes ends (default {DEFAULT_IDLE_MINUTES}; 0: never)")
    group.add_argument("--unknown-workstations", choices=(ENROL_REGISTER, ENROL_REFUSE), default=ENROL_REGISTER,
                       help="a workstation the platform has not seen: register it at its first log-in with "
                            "--new-workstation-clearance (default), or refuse it (enrolled workstations only)")
    group.add_argument("--new-workstation-clearance", type=int, default=1, metavar="N",
                       help="the clearance of a workstation registered at its first log-in (default 1, 内部)")
    group.add_argument("--password-min-length", type=int, default=12, metavar="N",
                       help="passwords have at least N characters (default 12; 8 to 128)")
    group.add_argument("--password-min-classes", type=int, default=3, metavar="N",
                       help="of lower case, upper case, digits and others, at least N (default 3)")
    group.add_argument("--password-may-hold-username", action="store_true",
                       help="allow a password that contains the user name (refused by default)")


def check_arguments(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    if not 0.1 <= args.token_hours <= 168:
        parser.error("--token-hours must be from 0.1 to 168")
    if not 0 <= args.idle_minutes <= 24 * 60:
        parser.error("--idle-minutes must be from 0 to 1440")
    if not CLEARANCE_MIN <= args.new_workstation_clearance <= CLEARANCE_MAX:
        parser.error(f"--new-workstation-clearance must be from {CLEARANCE_MIN} to {CLEARANCE_MAX}")
    try:
        policy(args)
    except ValueError as exc:
        parser.error(str(exc))


def policy(args: argparse.Namespace) -> PasswordPolicy:
    return PasswordPolicy(min_length=args.password_min_length, min_classes=args.password_min_classes,
                          forbid_username=not args.password_may_hold_username)


def app_options(args: argparse.Namespace) -> dict[str, Any]:
    """create_app's keyword arguments for these options."""
    return {"token_ttl": timedelta(hours=args.token_hours),
            "idle_timeout": timedelta(minutes=args.idle_minutes) if args.idle_minutes else None,
            "password_policy": policy(args), "unknown_workstations": args.unknown_workstations,
            "workstation_clearance": args.new_workstation_clearance}
