"""`watchroom cot-export`: the room's open incidents and resources as Cursor-on-
Target for a TAK server (services/positions/cot_export.py), read from the
mirror. Teams with a live position are sent where they are now.

  watchroom cot-export --file room.cot            one file of CoT events
  watchroom cot-export --tak HOST:PORT [--every S]  sent to a TAK server's CoT input (TCP), once or every S seconds
  watchroom cot-export --tak HOST:PORT --tls       over TLS with this workstation's certificate ([sync] ca_file,
                                                   client_cert, client_key), as it reaches the platform

Read-only to the TAK side: nothing it sends is read or applied."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from offline_cache.file_modes import open_private
from services.audit.local_events import LocalAudit
from services.positions import cot_export
from services.positions.store import PositionStore
from services.resources.store import ResourceStore

MIN_EVERY_S = 5.0


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    cot = sub.add_parser("cot-export", help="open incidents and resources as CoT for a TAK server")
    where = cot.add_mutually_exclusive_group(required=True)
    where.add_argument("--file", type=Path, help="write the events to this file")
    where.add_argument("--tak", metavar="HOST:PORT", help="send the events to a TAK server's CoT TCP input")
    cot.add_argument("--tls", action="store_true",
                     help="with --tak: TLS with the workstation's own certificate and CA ([sync] ca_file, "
                          "client_cert, client_key)")
    cot.add_argument("--every", type=float, default=0.0, metavar="S",
                     help=f"with --tak: send again every S seconds (at least {MIN_EVERY_S:g}) until stopped")
    return cot


def room_items(ctx) -> list[cot_export.CotItem]:
    """Open incidents with a place, resources where they are (live or base)."""
    live = PositionStore(ctx.mirror, ctx.events, ctx.incidents.clock).live_by_resource()
    return cot_export.room_picture(ctx.incidents.located_open(),
                                   ResourceStore(ctx.mirror, ctx.events, ctx.incidents.clock).points(), live).items


def _target(text: str) -> tuple[str, int] | None:
    host, _, port = text.rpartition(":")
    return (host.strip("[]"), int(port)) if host and port.isdigit() and 0 < int(port) < 65536 else None


def run_cot_export(config, args: argparse.Namespace) -> int:
    from app.headless import build_headless

    target = _target(args.tak) if args.tak else None
    if args.tak and target is None:
        print("--tak 需要 主机:端口 (HOST:PORT)", file=sys.stderr)
        return 2
    if args.every and (not args.tak or args.every < MIN_EVERY_S):
        print(f"--every 只用于 --tak, 且不少于 {MIN_EVERY_S:g} 秒", file=sys.stderr)
        return 2
    tls = None
    if args.tls:
        from services.sync.tls import TlsSetupError, client_context

        if not args.tak or config.sync_tls.ca_file is None or config.sync_tls.client_cert is None:
            print("--tls 只用于 --tak, 且需要配置 [sync] ca_file 与 client_cert/client_key "
                  "(--tls needs --tak and the workstation's certificate in [sync])", file=sys.stderr)
            return 2
        try:
            tls = client_context(config.sync_tls)
        except TlsSetupError as exc:
            print(f"本工作站证书不可用 (the workstation's certificate cannot be used): {exc}", file=sys.stderr)
            return 2
    ctx = build_headless(config)
    sent = False
    try:
        while True:
            items = room_items(ctx)
            data = cot_export.events(items, datetime.now(UTC))
            if args.file:
                with open_private(args.file, "wb") as out:
                    out.write(data)
                LocalAudit(ctx.mirror, ctx.incidents.clock).record("export", "cot", target=str(args.file),
                                                                   count=len(items))
                print(f"{len(items)} CoT events written to {args.file}")
                return 0
            try:
                cot_export.send(*target, data, tls=tls)
            except OSError as exc:  # ssl.SSLError too: a refused certificate or an untrusted server
                print(f"TAK 服务器无法连接 (cannot reach the TAK server {args.tak}): {exc}", file=sys.stderr)
                if not args.every:
                    return 1
            else:
                if not sent:  # the first send is recorded; a repeating feed is one export
                    LocalAudit(ctx.mirror, ctx.incidents.clock).record(
                        "export", "cot", target=("tak+tls:" if tls else "tak:") + args.tak, count=len(items))
                    sent = True
                print(f"{len(items)} CoT events sent to {args.tak}", flush=True)
            if not args.every:
                return 0
            time.sleep(args.every)
    except KeyboardInterrupt:
        return 0
    finally:
        ctx.mirror.close()
