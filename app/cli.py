"""Headless commands for backup sites and scripting:

  watchroom mirror   keep a warm mirror in sync, no GUI
  watchroom status   cursor, pending operations, last contact per endpoint (--json)
  watchroom log      create an incident or append an entry, queued exactly like the GUI
  watchroom cap      check CAP 1.2 warning files (app/cap_cli.py)
  watchroom cot-export  open incidents and resources as CoT for a TAK server (app/cot_cli.py)
  watchroom rekey    the encrypted mirror under a new key or passphrase (app/mirror_rekey_cli.py)
  watchroom audit-key   the pinned key of the platform's audit checkpoints (app/audit_cli.py)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import signal
import sys
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

from app import audit_cli, cap_cli, cot_cli, mirror_rekey_cli
from app.config import AppConfig, load_or_explain
from app.mirror_encryption import cli_message
from offline_cache.errors import StorageError
from offline_cache.mirror_key import MirrorKeyError
from services.errors import NotFound
from services.incidents.model import Category, EntryKind, IncidentDraft, Severity, Source
from services.incidents.service import AmbiguousNumber
from services.incidents.validation import ValidationError
from services.sync import outbox_store
from services.sync.engine import CONTACT_KEY, SyncEngine, SyncStatus

log = logging.getLogger(__name__)


def parse(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="watchroom", description="Watchroom headless commands")
    p.add_argument("--config", type=Path)
    p.add_argument("--mirror", type=Path, help="local mirror database file")
    sub = p.add_subparsers(dest="command", required=True)
    mirror_rekey_cli.add_parser(sub)
    m = sub.add_parser("mirror", help="keep the mirror in sync without a GUI")
    m.add_argument("--once", action="store_true", help="one exchange, then exit")
    st = sub.add_parser("status", help="show sync state")
    st.add_argument("--json", action="store_true")
    lg = sub.add_parser("log", help="log an incident or an entry (queued offline)")
    lsub = lg.add_subparsers(dest="what", required=True)
    new = lsub.add_parser("incident")
    new.add_argument("--title", required=True)
    new.add_argument("--category", choices=[c.value for c in Category], required=True)
    new.add_argument("--type", default="", dest="type_code")
    new.add_argument("--severity", choices=[s.value for s in Severity], default="ungraded")
    new.add_argument("--occurred", help="ISO time, default now")
    new.add_argument("--place", default="")
    new.add_argument("--lat", type=float)
    new.add_argument("--lon", type=float)
    new.add_argument("--summary", default="")
    new.add_argument("--exercise", action="store_true")
    new.add_argument("--author", default="")
    entry = lsub.add_parser("entry")
    entry.add_argument("incident", help="incident id or code")
    entry.add_argument("--kind", default="note",
                       choices=["note", "call", "initial_report", "follow_up_report", "final_report"])
    entry.add_argument("--text", required=True)
    entry.add_argument("--author", default="")
    cap_cli.add_parser(sub)
    cot_cli.add_parser(sub)
    audit_cli.add_parser(sub)
    return p.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse(argv)
    config = load_or_explain(args.config)
    if config is None:
        return 2
    if args.mirror:
        config.mirror_path = args.mirror.resolve()
    from app.logging_setup import setup_logging

    setup_logging(config.log_level, config.log_file)
    try:
        commands = {"mirror": run_mirror, "status": run_status, "log": run_log, "cap": cap_cli.run_cap,
                    "cot-export": cot_cli.run_cot_export, "rekey": mirror_rekey_cli.run_rekey,
                    "audit-key": audit_cli.run_audit_key}
        return commands[args.command](config, args)
    except MirrorKeyError as exc:
        print(cli_message(exc.reason, exc.detail), file=sys.stderr)
        return 3
    except StorageError as exc:
        print(f"本地数据库无法写入 (local database error): {exc.problem.value}: {exc.detail}",
              file=sys.stderr)
        return 3


def build_engine(config: AppConfig, ctx, executor, on_status=None) -> SyncEngine:
    """The headless engine (a backup site's warm mirror) keeps and compares the
    platform's audit checkpoints too; a disagreement goes to its log."""
    from services.audit.checkpoints import CheckpointWatch

    endpoints = list(config.endpoints)
    return SyncEngine(ctx.mirror, endpoints, kinds=ctx.kinds, client_id=ctx.mirror.meta("mirror_id") or "",
                      site_code=config.site_code, executor=executor, events=ctx.events,
                      on_status=on_status, tls=config.sync_tls, after_exchange=(CheckpointWatch(ctx.mirror),))


def headless_context(config: AppConfig):
    from app.headless import build_headless

    return build_headless(config)


def run_mirror(config: AppConfig, args) -> int:
    if not config.endpoints:
        print("没有配置平台地址 (no [[sync.endpoint]] in the config)", file=sys.stderr)
        return 2
    endpoints = headless_passwords(config.endpoints)
    if endpoints is None:
        return 2
    config.endpoints = endpoints
    ctx = headless_context(config)
    executor = ThreadPoolExecutor(1, thread_name_prefix="mirror-writer")

    def show(status: SyncStatus) -> None:
        print(json.dumps(status_dict(status), ensure_ascii=False), flush=True)

    engine = build_engine(config, ctx, executor, show)

    async def go() -> int:
        if args.once:
            ok = await engine.sync_once()
            await engine.aclose()
            return 0 if ok else 1
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, engine.stop)
        await engine.run_forever()
        return 0

    try:
        return asyncio.run(go())
    finally:
        executor.shutdown(wait=True)
        ctx.mirror.close()


def headless_passwords(endpoints: list, stdin=None) -> list | None:
    """The endpoints with a password each: a password from the config file is used and
    logged (nobody is there to accept a warning); a missing one is asked on the
    terminal; without a terminal the mirror cannot start (None, and why on stderr)."""
    import getpass
    from dataclasses import replace

    stdin = stdin or sys.stdin
    out = []
    for e in endpoints:
        if e.password_source == "file":
            log.warning("the platform password for %s is read from the config file: keep it in the system "
                        "keyring or in password_env instead", e.url)
            print(f"警告：平台 {e.name or e.url} 的密码保存在配置文件中；请改存系统密钥环或 password_env 环境变量",
                  file=sys.stderr)
        if e.password:
            out.append(e)
            continue
        if not stdin.isatty():
            print(f"没有平台 {e.name or e.url} 的密码：请存入系统密钥环、用 password_env 指定环境变量，"
                  "或在终端运行以输入 (no password: keyring, password_env, or run on a terminal)", file=sys.stderr)
            return None
        password = getpass.getpass(f"平台 {e.name or e.url} 用户 {e.username} 的密码 (password): ")
        if not password:
            return None
        out.append(replace(e, password=password, password_source="terminal"))
    return out


def status_dict(status: SyncStatus) -> dict:
    return {
        "state": status.state, "endpoint": status.endpoint, "cluster_id": status.cluster_id,
        "last_success": status.last_success.isoformat() if status.last_success else None,
        "pending": status.pending, "rejected": status.rejected, "last_error": status.last_error,
    }


def run_status(config: AppConfig, args) -> int:
    ctx = headless_context(config)
    try:
        from sqlalchemy import select

        from offline_cache.schema import SyncCursorRow

        with ctx.mirror.read() as s:
            cursors = [
                {"cluster_id": c.cluster_id, "after_seq": c.after_seq, "updated_at": c.updated_at}
                for c in s.scalars(select(SyncCursorRow))
            ]
        counts = outbox_store.count_by_state(ctx.mirror)
        endpoints = [
            {"name": e.name, "url": e.url, "last_contact": ctx.mirror.meta(CONTACT_KEY + e.url)}
            for e in config.endpoints
        ]
        report = {
            "mirror": str(ctx.mirror.path), "encrypted": ctx.mirror.encrypted, "cursors": cursors,
            "pending": counts.get("queued", 0), "rejected": counts.get("rejected", 0),
            "endpoints": endpoints,
        }
    finally:
        ctx.mirror.close()
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0
    print(f"本地镜像 mirror: {report['mirror']}" + ("（已加密 encrypted）" if report["encrypted"] else ""))
    print(f"待同步 pending: {report['pending']}    被拒绝 rejected: {report['rejected']}")
    for c in cursors:
        print(f"游标 cursor {c['cluster_id']}: {c['after_seq']} ({c['updated_at']})")
    for e in endpoints:
        print(f"平台 {e['name'] or e['url']}: 最近联系 last contact {e['last_contact'] or '从未 never'}")
    return 0


def run_log(config: AppConfig, args) -> int:
    ctx = headless_context(config)
    author = args.author or config.operator or "cli"
    try:
        if args.what == "incident":
            occurred = datetime.fromisoformat(args.occurred) if args.occurred else ctx.incidents.clock.now()
            if occurred.tzinfo is None:
                from zoneinfo import ZoneInfo

                occurred = occurred.replace(tzinfo=ZoneInfo(config.timezone))
            draft = IncidentDraft(
                id=str(uuid.uuid4()), title=args.title, category=Category(args.category),
                type_code=args.type_code, severity=Severity(args.severity), occurred_at=occurred,
                place=args.place, lat=args.lat, lon=args.lon, summary=args.summary,
                source=Source.OTHER, exercise=args.exercise,
            )
            incident = ctx.incidents.create_incident(draft, author)
            print(json.dumps({"id": incident.id, "code": incident.code}, ensure_ascii=False))
        else:
            try:
                incident_id = resolve_incident(ctx, args.incident)
            except AmbiguousNumber as exc:
                print(f"编号 {exc.ref} 对应多起事件（{'、'.join(exc.numbers)}），请写带站点代码的完整编号 "
                      f"(ambiguous number: give the whole number with its site code)", file=sys.stderr)
                return 2
            except NotFound:
                print(f"找不到事件 {args.incident} (no such incident in this mirror)", file=sys.stderr)
                return 2
            entry = ctx.incidents.append_entry(incident_id, EntryKind(args.kind), args.text, author)
            print(json.dumps({"id": entry.id, "incident_id": incident_id}, ensure_ascii=False))
    except ValidationError as exc:
        print("输入有误 (invalid input): " + ", ".join(f"{p.field}:{p.code}" for p in exc.problems),
              file=sys.stderr)
        return 2
    finally:
        ctx.mirror.close()
    return 0


def resolve_incident(ctx, ref: str) -> str:
    return ctx.incidents.find(ref)
