"""`watchroom audit-key`: the platform checkpoint keys this mirror pinned (one
per cluster), and, after the security officer has rotated the platform's key,
`--accept-new-key` to pin the new one at the next exchange. Deliberately a
command of its own: a swapped key is never accepted silently."""

from __future__ import annotations

import argparse
import sys


def add_parser(sub: argparse._SubParsersAction) -> None:
    key = sub.add_parser("audit-key", help="show or reset the pinned key of the platform's audit checkpoints")
    key.add_argument("--accept-new-key", action="store_true",
                     help="forget the pinned key: the next exchange pins the platform's current one")


def run_audit_key(config, args: argparse.Namespace) -> int:
    from app.mirror_encryption import mirror_encryption
    from offline_cache.database import open_mirror
    from services.audit import checkpoints

    if not config.mirror_path.exists():
        print(f"没有本地镜像库 (no mirror at {config.mirror_path})", file=sys.stderr)
        return 2
    mirror = open_mirror(config.mirror_path, encryption=mirror_encryption(config))
    try:
        pins = checkpoints.pins(mirror)
        for cluster, (algorithm, public) in pins.items():
            print(f"{cluster}: {algorithm}:{public}")
        if not pins:
            print("尚未固定平台审计密钥 (no key pinned yet)")
        if args.accept_new_key:
            checkpoints.unpin(mirror)
            print("已清除固定的审计密钥；下次同步时固定平台当前的密钥 (pin cleared; the next exchange pins the "
                  "platform's current key)")
    finally:
        mirror.close()
    return 0
