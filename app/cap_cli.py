"""`watchroom cap ...`: CAP 1.2 documents for operators and scripts.

  watchroom cap check FILE... [--json] [--trust CA.pem]

prints, per file, `valid` or the errors and recommendations (in Chinese, each
with its path in the document and a stable code) and exits 0 only when every
file is valid (a feed with one refused alert is not). No mirror and no
platform are needed: the check is services.warnings.cap_check, the same the
imports use."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app import cap_export_cli
from services.warnings.cap_check import CapResult, Finding, check_document

MAX_READ = 10 * 1024 * 1024 + 1  # one byte past the intake's limit, so it can say "too large"


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    cap = sub.add_parser("cap", help="check CAP 1.2 warning documents")
    csub = cap.add_subparsers(dest="cap_command", required=True)
    check = csub.add_parser("check", help="check CAP files (schema and rules); exit 0 only when all are valid")
    check.add_argument("files", nargs="+", type=Path, metavar="FILE")
    check.add_argument("--json", action="store_true", help="one JSON document with a result per file")
    check.add_argument("--trust", type=Path, help="PEM file of the CA certificates signatures must chain to")
    cap_export_cli.add_export(csub)  # watchroom cap export WARNING_ID (app/cap_export_cli.py)
    return cap


def check_file(path: Path, trust: Path | None) -> CapResult:
    try:
        with path.open("rb") as f:
            data = f.read(MAX_READ)
    except OSError as exc:
        result = CapResult(valid=False, source_name=str(path))
        result.errors.append(Finding("file.unreadable", f"无法读取文件：{exc.strerror or exc}", ""))
        return result
    return check_document(data, source_name=str(path), trust=trust)


def _lines(finding: Finding, label: str) -> str:
    where = f" {finding.path}" if finding.path else ""
    return f"  {label}{where}: {finding.message} [{finding.code}]"


def run_cap(_config, args: argparse.Namespace) -> int:
    if args.cap_command == "export":
        return cap_export_cli.run_export(_config, args)
    if args.cap_command != "check":
        print(f"unknown cap command: {args.cap_command}", file=sys.stderr)
        return 2
    if args.trust is not None and not args.trust.is_file():
        print(f"找不到信任的根证书文件 (trust file not found): {args.trust}", file=sys.stderr)
        return 2
    results = [check_file(path, args.trust) for path in args.files]
    ok = all(r.clean for r in results)
    if args.json:
        print(json.dumps({"valid": ok, "files": [r.as_dict() for r in results]}, ensure_ascii=False, indent=2))
        return 0 if ok else 1
    for r in results:
        summary = "valid" if r.clean else "invalid"
        if r.alerts > 1 or r.refused:
            summary += f" ({r.alerts} alerts, {len(r.warnings)} accepted, {r.refused} refused)"
        print(f"{r.source_name}: {summary}")
        for f in r.errors:
            print(_lines(f, "错误 error"))
        for f in r.recommendations:
            print(_lines(f, "建议 recommendation"))
    return 0 if ok else 1
