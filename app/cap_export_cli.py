"""`watchroom cap export WARNING_ID`: the warning from the mirror as a CAP 1.2
document on standard output (services/warnings/cap_export.py: times with the
room's offset, an <info> per language), signed when [warnings] names a key
and certificate. An unknown id, or a draft not yet issued, is a clear message
on standard error and exit status 1."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.config import AppConfig

NOT_FOUND = 1


def add_export(csub: argparse._SubParsersAction) -> None:
    export = csub.add_parser("export", help="write a warning from the mirror as CAP 1.2 to standard output")
    export.add_argument("warning_id", metavar="WARNING_ID", help="the warning's record id")
    export.add_argument("--unsigned", action="store_true", help="do not sign even when a key is configured")


def run_export(config: AppConfig, args: argparse.Namespace) -> int:
    from app.mirror_encryption import mirror_encryption
    from offline_cache.database import open_mirror

    path: Path = config.mirror_path
    if not path.exists():
        print(f"没有本地镜像库，无法导出预警 (no mirror at {path})", file=sys.stderr)
        return NOT_FOUND
    mirror = open_mirror(path, encryption=mirror_encryption(config))
    try:
        return _export(mirror, config, args)
    finally:
        mirror.close()


def _export(mirror, config: AppConfig, args: argparse.Namespace) -> int:
    """With the mirror open throughout: the export is recorded in it for the
    platform's audit once written (services/audit/local_events.py)."""
    from services.audit.local_events import LocalAudit
    from services.errors import NotFound
    from services.warnings.cap_export import export_cap
    from services.warnings.cap_sign import Signer
    from services.warnings.store import WarningStore

    try:
        warning = WarningStore(mirror).get(args.warning_id)
    except NotFound:
        print(f"本地镜像库中没有这条预警 (no warning {args.warning_id[:64]!r} in the mirror)", file=sys.stderr)
        return NOT_FOUND
    if warning.issue_state in ("draft", "pending"):
        print(f"这条预警尚未签发，不能导出 (warning {warning.id} is {warning.issue_state}, not issued)",
              file=sys.stderr)
        return NOT_FOUND
    options = config.warnings
    signer = None
    if options.signing_key and options.signing_cert and not args.unsigned:
        try:
            signer = Signer.from_files(options.signing_key, options.signing_cert)
        except OSError as exc:
            print(f"无法读取签名密钥或证书 (cannot read the signing key or certificate): {exc}", file=sys.stderr)
            return 2
    sys.stdout.buffer.write(export_cap(warning, zone=config.timezone, signer=signer))
    sys.stdout.buffer.flush()
    LocalAudit(mirror).record("export", "cap", "warning", warning.id, "stdout")
    return 0
