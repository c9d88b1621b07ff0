"""`watchroom-server`: runs the reference platform server under uvicorn."""

from __future__ import annotations

import argparse
import copy
import getpass
import logging.config
import sys
from pathlib import Path

from server.auth import ROLES

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
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def notification_log(url: str) -> Path:
    """Beside a SQLite database; in the working directory for PostgreSQL."""
    if url.startswith("sqlite:///"):
        return Path(url[len("sqlite:///"):]).parent / "notifications.log"
    return Path("notifications.log")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="watchroom-server", description=__doc__)
    parser.add_argument("--db", help="SQLAlchemy URL or a SQLite file path")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--seed-demo", action="store_true",
                        help="create demo users (duty, commander, viewer, admin) and print their passwords")  # fmt: skip
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
    parser.add_argument("--create-user", metavar="NAME", help="create a user (password from stdin) and exit")
    parser.add_argument("--role", choices=ROLES, help="role of --create-user")
    args = parser.parse_args(argv)
    if args.create_user and not args.role:
        parser.error("--create-user needs --role")
    return args


def log_config() -> dict:
    """uvicorn's logging, with the platform's own lines (loggers `server.*`:
    migrations, dropped uploads) in the same place and format."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["server"] = {"handlers": ["default"], "level": "INFO", "propagate": False}
    return config


def read_password(stream=None) -> str:
    """A prompt on a terminal; the first line of a pipe otherwise (for scripts)."""
    stream = stream or sys.stdin
    if stream.isatty():
        first = getpass.getpass("Password: ")
        if first != getpass.getpass("Again: "):
            raise SystemExit("passwords differ")
        return first
    return stream.readline().rstrip("\r\n")


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
    args = parse_args(argv)
    url = db_url(args.db)
    from server.app import add_user, create_app
    from server.db import open_database

    if args.create_user:
        password = read_password()
        if len(password) < 8:
            raise SystemExit("password must have at least 8 characters")
        db = open_database(url)
        try:
            add_user(db, args.create_user, password, args.role)
        finally:
            db.dispose()
        print(f"user {args.create_user} ({args.role}) created")
        return 0
    logging.config.dictConfig(log_config())  # serving from here on: log as uvicorn will
    if args.seed_demo:
        seed_demo(url)
    seeds = [(args.demo_incidents, "seed_demo_incidents", "incidents"),
             (args.demo_resources, "seed_demo_resources", "resources"),
             (args.demo_cameras, "seed_demo_cameras", "cameras"),
             (int(args.demo_contacts), "seed_demo_contacts", "contacts"),
             (args.demo_orders, "seed_demo_orders", "orders")]
    if any(count for count, _, _ in seeds):
        from server import demo

        db = open_database(url)
        try:
            for count, seeder, what in seeds:
                if count:
                    print(f"demo {what} added: {getattr(demo, seeder)(db, count)}")
        finally:
            db.dispose()
    import uvicorn

    from server.notifications import load_gateway

    gateway = load_gateway(args.notify_gateway, notification_log(url))
    print(f"notifications: {gateway.name} gateway" + (" (written to a log, NOT sent)" if gateway.name == "log" else ""))
    app = create_app(url, gateway=gateway)
    uvicorn.run(app, host=args.host, port=args.port, timeout_graceful_shutdown=5, log_config=log_config())
    return 0


if __name__ == "__main__":
    sys.exit(main())
