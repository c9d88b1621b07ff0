"""`watchroom cap check FILE... [--json]`: run as operators run it (the
installed entry point in a child process), exit 0 only when every file is valid."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).parent / "data"


def cap(*args: str | Path, tmp_path: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"))
    return subprocess.run([sys.executable, "-m", "app", "cap", *map(str, args)], capture_output=True, text=True,
                          env=env, timeout=120, cwd=Path(__file__).resolve().parents[2])  # fmt: skip


def test_valid_files_exit_0_and_print_valid(tmp_path):
    run = cap("check", DATA / "valid_alert.xml", DATA / "valid_gbk.xml", DATA / "cancel.xml", tmp_path=tmp_path)
    assert run.returncode == 0, run.stderr
    lines = [line for line in run.stdout.splitlines() if not line.startswith("  ")]
    assert lines == [f"{DATA / n}: valid" for n in ("valid_alert.xml", "valid_gbk.xml", "cancel.xml")]


def test_one_invalid_file_makes_the_exit_status_1_and_lists_its_errors(tmp_path):
    run = cap("check", DATA / "valid_alert.xml", DATA / "billion_laughs.xml", tmp_path / "missing.xml",
              tmp_path=tmp_path)  # fmt: skip
    assert run.returncode == 1
    assert f"{DATA / 'billion_laughs.xml'}: invalid" in run.stdout and "[intake.doctype]" in run.stdout
    assert "DOCTYPE" in run.stdout and "[file.unreadable]" in run.stdout


def test_json_output_per_file(tmp_path):
    run = cap("check", "--json", DATA / "feed_atom.xml", DATA / "update.xml", tmp_path=tmp_path)
    assert run.returncode == 1  # the feed has a refused alert
    report = json.loads(run.stdout)
    assert report["valid"] is False
    feed, update = report["files"]
    assert (feed["valid"], feed["alerts"], feed["accepted"], feed["refused"]) == (False, 4, 2, 2)
    assert {e["code"] for e in feed["errors"]} == {"rule.polygon_open", "feed.no_alert"}
    assert all(set(e) == {"code", "message", "path"} for e in feed["errors"] + feed["recommendations"])
    assert update["valid"] is True and update["errors"] == []
    ok = cap("check", "--json", DATA / "update.xml", tmp_path=tmp_path)
    assert ok.returncode == 0 and json.loads(ok.stdout)["valid"] is True


def test_an_exported_warning_passes_cap_check(tmp_path):
    from services.warnings.cap_check import check_document
    from services.warnings.cap_export import export_cap

    imported = check_document((DATA / "update.xml").read_bytes()).warnings[0]
    out = tmp_path / "export.xml"
    out.write_bytes(export_cap(imported))
    run = cap("check", out, tmp_path=tmp_path)
    assert run.returncode == 0 and run.stdout.splitlines()[0] == f"{out}: valid"
