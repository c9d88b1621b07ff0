"""`watchroom cap export WARNING_ID` as operators run it: a warning from the
mirror on standard output that `watchroom cap check` passes (an imported one,
and one drafted and issued here), and a clear message with exit status 1 for
an unknown id or a draft not yet issued."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from offline_cache.database import open_mirror
from services.clock import ManualClock
from services.warnings.cap_check import check_document
from services.warnings.service import WarningService
from tests.warnings.records_helpers import T0, alert

DATA = Path(__file__).parent / "data"


def watchroom(*args: str | Path, tmp_path: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"))
    return subprocess.run([sys.executable, "-m", "app", *map(str, args)], capture_output=True, env=env, timeout=120,
                          cwd=Path(__file__).resolve().parents[2])  # fmt: skip


def test_exported_warnings_pass_the_check_and_unknown_ids_fail_clearly(tmp_path):
    path = tmp_path / "mirror.db"
    mirror = open_mirror(path)
    clock = ManualClock(T0)
    service = WarningService(mirror, clock=clock, region_code="500000", agency_code="416")
    imported = service.import_checked(check_document((DATA / "valid_alert.xml").read_bytes()), "valid_alert.xml")
    local = service.save_draft(replace(alert(""), origin="local", issue_state="draft", sender="cq-yjj@gov.cn"))
    service.submit(local.id)
    pending = service.save_draft(replace(alert(""), origin="local", issue_state="draft", sender="cq-yjj@gov.cn"))
    service.approve(local.id)
    mirror.close()
    for wid in (imported.ids[0], local.id):
        run = watchroom("--mirror", path, "cap", "export", wid, tmp_path=tmp_path)
        assert run.returncode == 0, run.stderr.decode()
        assert b"+08:00" in run.stdout
        again = check_document(run.stdout)
        assert again.valid and not again.errors, again.errors
        out = tmp_path / f"{wid}.xml"
        out.write_bytes(run.stdout)
        check = watchroom("cap", "check", out, tmp_path=tmp_path)
        assert check.returncode == 0, check.stdout.decode()
    unknown = watchroom("--mirror", path, "cap", "export", "no-such-warning", tmp_path=tmp_path)
    assert unknown.returncode == 1 and unknown.stdout == b""
    assert "没有这条预警" in unknown.stderr.decode()
    draft = watchroom("--mirror", path, "cap", "export", pending.id, tmp_path=tmp_path)
    assert draft.returncode == 1 and "尚未签发" in draft.stderr.decode()
