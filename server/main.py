"""`watchroom-server`: runs the reference platform server under uvicorn."""

from __future__ import annotations

import argparse
import copy
import logging.config
import os
import sys
from pathlib import Path

from server import account_options, admin, cot_options, tls_options
from server.private_files import private_dir

APP_NAME = "watchroom-server"


def db_url(value: str | None) -> str:
    """A SQLAlchemy URL as given, or a file path turned into a SQLite URL."""
    if value and "://" in value:
        return value
    if value:
        path = Path(value).expanduser().resolve()
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir(APP_NAME)) / "platform.db"
    private_dir(path.parent)  # 0700 where it makes folders
    return f"sqlite:///{path}"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="watchroom-server", description=__doc__,
        epilog="the schema: watchroom-server db upgrade|current|check|history [--db URL] (see README, Platform schema)")
    parser.add_argument("--db", help="SQLAlchemy URL or a SQLite file path")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--seed-demo", action="store_true",
                        help="create demo users (duty, chief, commander, viewer, admin) and print their passwords")  # fmt: skip
    parser.add_argument("--demo-incidents", type=int, default=0, metavar="N",
                        help="fill an empty platform with N made-up incidents around Chongqing")
    parser.add_argument("--demo-resources", type=int, default=0, metavar="N",
                        help="fill a platform without resources with N made-up ones (teams, depots ...)")
    parser.add_argument("--demo-cameras", type=int, default=0, metavar="N",
                        help="fill a platform without cameras with N made-up ones")
    parser.add_argument("--notify-gateway", default="log", metavar="SPEC",
                        help='SMS/voice gateway: "log" (default: messages are written to notifications.log beside '
                             'the database and reported as logged, not sent), "log:PATH", or "module:Class"')
    parser.add_argument("--demo-orders", type=int, default=0, metavar="N",
                        help="N made-up dispatch orders on the newest open incidents (after --demo-resources)")
    parser.add_argument("--demo-contacts", action="store_true",
                        help="fill a platform without contacts with a made-up 通讯录 (marked 演示数据)")
    parser.add_argument("--key-file", type=Path, default=None, metavar="PATH",
                        help="the token signing key (made 0600 if missing); default: beside a SQLite database, "
                             "the user's data folder for PostgreSQL; WATCHROOM_TOKEN_SECRET overrides it. "
                             "Replicas must share one key")
    parser.add_argument("--duty-max-hours", type=float, default=24.0, metavar="H",
                        help="the longest continuous duty the roster allows, in hours (default 24; 1 to 72)")
    parser.add_argument("--demo-roster", action="store_true",
                        help="shifts, this month's roster and the demo duty officer signed in (after --demo-contacts)")
    parser.add_argument("--demo-monitoring", action="store_true",
                        help="stations around Chongqing with a day of readings, and a feeder posting new ones "
                             "(a river crosses its 警戒 level a few minutes in)")
    parser.add_argument("--hydrology-db", metavar="URL", default="",
                        help="a hydrology database (ST_PPTN_R, ST_RIVER_R, ST_RVFCCH_B) to read readings from")
    parser.add_argument("--hydrology-every", type=float, default=300.0, metavar="S",
                        help="seconds between reads of the hydrology database (default 300)")
    parser.add_argument("--hydrology-lookback", type=float, default=6.0, metavar="H",
                        help="hours before the last TM read again each round for rows that arrived late (default 6)")
    parser.add_argument("--hydrology-zone", default="Asia/Shanghai",
                        help="the time zone of the hydrology tables' TM (default Asia/Shanghai)")
    parser.add_argument("--demo-plans", action="store_true",
                        help="the example plans of resources/plans/ (城市内涝, 危险化学品泄漏; marked 示例)")
    parser.add_argument("--demo-movers", type=int, default=0, metavar="N",
                        help="N of the demo's teams drive loops around their stations and report positions")
    parser.add_argument("--warning-feed", action="append", default=[], metavar="URL",
                        help="an HTTP(S) CAP 1.2 feed (one alert, Atom or RSS) to poll for warnings; repeatable")
    parser.add_argument("--warning-feed-interval", type=float, default=300.0, metavar="S",
                        help="seconds between polls of each warning feed (default 300; 10 to 86400)")
    parser.add_argument("--demo-warnings", action="store_true",
                        help="a few warnings around Chongqing (red 暴雨, orange 地质灾害, yellow 大风, an Update, an expired one)")
    parser.add_argument("--level-names", default="", metavar="N=NAME,...",
                        help="the centre's names of its clearance levels above 内部, e.g. 2=秘密,3=机密 "
                             "(0 公开 and 1 内部 always exist; services/clearance.py)")
    parser.add_argument("--audit-key-file", type=Path, default=None, metavar="PATH",
                        help="the key audit checkpoints are signed with (made 0600 if missing); default: beside "
                             "a SQLite database, the user's data folder for PostgreSQL. Replicas share it")
    parser.add_argument("--audit-algorithm", choices=("ed25519", "sm2"), default="ed25519",
                        help="the algorithm of a new audit key: ed25519 (default) or sm2 (国密, needs gmssl)")
    parser.add_argument("--audit-checkpoint-minutes", type=float, default=5.0, metavar="M",
                        help="minutes between signed audit checkpoints (default 5; 0.1 to 1440)")
    admin.add_arguments(parser)
    account_options.add_arguments(parser)
    tls_options.add_arguments(parser)
    cot_options.add_arguments(parser)
    args = parser.parse_args(argv)
    tls_options.check_arguments(parser, args)
    cot_options.check_arguments(parser, args)
    if not 0.1 <= args.audit_checkpoint_minutes <= 1440:
        parser.error("--audit-checkpoint-minutes must be from 0.1 to 1440")
    if not 10 <= args.warning_feed_interval <= 86400:
        parser.error("--warning-feed-interval must be from 10 to 86400 seconds")
    if any(not u.startswith(("http://", "https://")) for u in args.warning_feed):
        parser.error("--warning-feed takes http:// or https:// URLs")
    admin.check_arguments(parser, args)
    account_options.check_arguments(parser, args)
    if not 1 <= args.duty_max_hours <= 72:
        parser.error("--duty-max-hours must be from 1 to 72")
    from services.clearance import parse_names

    try:
        parse_names(args.level_names)
    except ValueError as exc:
        parser.error(f"--level-names: {exc}")
    return args


def log_config() -> dict:
    """uvicorn's logging, with the platform's own lines (loggers `server.*`:
    migrations, dropped uploads) in the same place and format."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["server"] = {"handlers": ["default"], "level": "INFO", "propagate": False}
    return config


def seed_demo(url: str) -> dict[str, str]:
    """Creates the demo users and prints their passwords; they are not stored in clear."""
    from server.app import seed_demo_users
    from server.db import open_database

    db = open_database(url)
    try:
        created = seed_demo_users(db)
    finally:
        db.dispose()
    for name, password in created.items():
        print(f"demo user {name}: {password}")
    if not created:
        print("demo users exist already; passwords are not shown again")
    return created


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["db"]:  # the schema commands: server/schema/cli.py
        from server.schema.cli import run

        return run(argv[1:], db_url)
    from server.schema import SchemaError

    try:
        if argv[:1] == ["audit"]:  # `watchroom-server audit verify`: server/audit_verify.py
            from server import audit_verify

            return audit_verify.main(argv[1:], db_url)
        return _main(argv)
    except SchemaError as exc:  # a newer platform's database, not the owner: said plainly, no traceback
        raise SystemExit(f"watchroom-server: {exc}") from None


def _main(argv: list[str]) -> int:
    args = parse_args(argv)
    url = db_url(args.db)
    from server.app import create_app
    from server.db import open_database

    if admin.wanted(args):
        print(admin.run(url, args, account_options.policy(args)))
        return 0
    done = tls_options.command(args, url)
    if done is not None:
        print(done)
        return 0
    logging.config.dictConfig(log_config())  # serving from here on: log as uvicorn will
    os.umask(0o077)  # whatever the serving platform writes is its own (database, logs, key)
    if args.seed_demo:
        seed_demo(url)
    seeds = [(args.demo_incidents, "seed_demo_incidents", "incidents"),
             (args.demo_resources, "seed_demo_resources", "resources"),
             (args.demo_cameras, "seed_demo_cameras", "cameras"),
             (int(args.demo_contacts), "seed_demo_contacts", "contacts"),
             (args.demo_orders, "seed_demo_orders", "orders"),
             (int(args.demo_roster), "seed_demo_roster", "roster cells"),
             (int(args.demo_plans), "seed_demo_plans", "plans"),
             (int(args.demo_plans), "seed_demo_regulations", "regulations"),
             (int(args.demo_warnings), "seed_demo_warnings", "warnings")]
    if any(count for count, _, _ in seeds):
        from server import demo

        db = open_database(url)
        try:
            for count, seeder, what in seeds:
                if count:
                    print(f"demo {what} added: {getattr(demo, seeder)(db, count)}")
        finally:
            db.dispose()
    from server.notifications import load_gateway, notification_log

    gateway = load_gateway(args.notify_gateway, notification_log(url))
    print(f"notifications: {gateway.name} gateway" + (" (written to a log, NOT sent)" if gateway.name == "log" else ""))
    hydrology = None
    if args.hydrology_db:
        from server.hydrology import HydrologySource

        hydrology = HydrologySource(args.hydrology_db, args.hydrology_zone, args.hydrology_lookback * 3600)
    app = create_app(url, gateway=gateway, key_file=args.key_file, duty_max_hours=args.duty_max_hours,
                     demo_monitoring=args.demo_monitoring, hydrology=hydrology,
                     hydrology_every_s=args.hydrology_every, warning_feeds=tuple(args.warning_feed),
                     warning_poll_s=args.warning_feed_interval, demo_movers=args.demo_movers, **cot_options.app_options(args),
                     cert_policy=tls_options.policy(args), level_names=args.level_names,
                     audit_key_file=args.audit_key_file, audit_algorithm=args.audit_algorithm,
                     audit_every_s=args.audit_checkpoint_minutes * 60, **account_options.app_options(args))
    tls_options.serve(app, args, log_config())
    return 0


if __name__ == "__main__":
    sys.exit(main())
